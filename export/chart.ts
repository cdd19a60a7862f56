/**
 * The progress chart as a PNG, drawn on the server: Chart.js on a Skia canvas (@napi-rs/canvas, whose
 * prebuilt binary comes from npm), no browser. One group of bars per body: done on time, done late,
 * overdue and still open, stacked to the body's total, and the completion rate in the label.
 */
import { createCanvas, GlobalFonts } from "@napi-rs/canvas";
import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Title } from "chart.js";
import { shorten } from "../core/display.js";
import type { ProgressRow } from "../core/status.js";

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Title);
Chart.defaults.font.family = "DejaVu Sans, sans-serif";

let fontsLoaded = false;
/** System fonts (DejaVu on Debian) for Vietnamese letters; without any, bars are still drawn. */
function loadFonts(): void {
  if (fontsLoaded) return;
  fontsLoaded = true;
  for (const dir of ["/usr/share/fonts", "/usr/local/share/fonts"]) GlobalFonts.loadFontsFromDir(dir);
}

export interface ChartOptions {
  title: string;
  width?: number;
  height?: number;
}

/** PNG bytes of the progress chart. */
export function progressChartPng(rows: ProgressRow[], opts: ChartOptions): Buffer {
  loadFonts();
  const width = opts.width ?? 900;
  const height = opts.height ?? Math.max(320, 120 + rows.length * 48);
  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext("2d");
  ctx.fillStyle = "#ffffff";
  ctx.fillRect(0, 0, width, height);
  const labels = rows.map((r) => `${shorten(r.org, 40)} (${Math.round(r.rate * 100)}%)`);
  const open = rows.map((r) => r.total - r.done - r.overdue);
  const chart = new Chart(ctx as unknown as CanvasRenderingContext2D, {
    type: "bar",
    data: {
      labels,
      datasets: [
        { label: "Hoàn thành đúng hạn", data: rows.map((r) => r.done - r.doneLate), backgroundColor: "#2e7d32" },
        { label: "Hoàn thành trễ hạn", data: rows.map((r) => r.doneLate), backgroundColor: "#9ccc65" },
        { label: "Quá hạn", data: rows.map((r) => r.overdue), backgroundColor: "#c62828" },
        { label: "Chưa xong, còn hạn", data: open, backgroundColor: "#bdbdbd" },
      ],
    },
    options: {
      indexAxis: "y",
      responsive: false,
      animation: false,
      devicePixelRatio: 1,
      plugins: { title: { display: true, text: opts.title, font: { size: 16 } }, legend: { position: "bottom" } },
      scales: { x: { stacked: true, beginAtZero: true, ticks: { precision: 0 } }, y: { stacked: true } },
    } as never,
  });
  const png = canvas.toBuffer("image/png");
  chart.destroy();
  return png;
}
