/**
 * Scanned-document fixtures for the OCR tests and benchmark, made from text: the text typeset on A4 pages
 * (pdf-lib, DejaVu Serif from Debian's fonts-dejavu-core, a page number at the foot), rasterised by
 * pdftoppm, and put back as image-only pages (no text layer); a "noisy" scan is tilted 0.8° and
 * speckled. Also the character error rate against the original text.
 */
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import fontkit from "@pdf-lib/fontkit";
import { degrees, PDFDocument, rgb } from "pdf-lib";

export const SERIF = "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf";
const A4 = { width: 595.28, height: 841.89 };
const MARGIN = 64;
const SIZE = 12;
const LEADING = 17;

/** Whether the machine can make and read scans (tesseract with Vietnamese, pdftoppm, the font). */
export function canScan(): boolean {
  try {
    const langs = execFileSync("tesseract", ["--list-langs"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] });
    execFileSync("pdftoppm", ["-v"], { stdio: "ignore" });
    return /^vie$/m.test(langs) && existsSync(SERIF);
  } catch {
    return false;
  }
}

/** Text typeset on A4 pages with a page number ("- 2 -") at the foot of each; at most `maxPages`. */
export async function textToPdf(text: string, maxPages = Infinity): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.registerFontkit(fontkit);
  const font = await pdf.embedFont(readFileSync(SERIF), { subset: true });
  const width = A4.width - 2 * MARGIN;
  const lines: string[] = [];
  for (const para of text.replace(/\r/g, "").split("\n")) {
    if (!para.trim()) { lines.push(""); continue; }
    let line = "";
    for (const word of para.trim().split(/\s+/)) {
      const next = line ? `${line} ${word}` : word;
      if (font.widthOfTextAtSize(next, SIZE) > width && line) { lines.push(line); line = word; } else line = next;
    }
    lines.push(line);
  }
  const perPage = Math.floor((A4.height - 2 * MARGIN) / LEADING);
  for (let p = 0; p * perPage < lines.length && p < maxPages; p++) {
    const page = pdf.addPage([A4.width, A4.height]);
    lines.slice(p * perPage, (p + 1) * perPage).forEach((l, i) => {
      if (l) page.drawText(l, { x: MARGIN, y: A4.height - MARGIN - i * LEADING, size: SIZE, font });
    });
    const foot = `- ${p + 1} -`;
    page.drawText(foot, { x: (A4.width - font.widthOfTextAtSize(foot, 10)) / 2, y: MARGIN / 2, size: 10, font });
  }
  return pdf.save();
}

/** A deterministic pseudo-random sequence (the speckles of a noisy scan). */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

/** A PDF rasterised at `dpi` and rebuilt from its page images: no text layer. `noisy`: tilted and speckled. */
export async function scanPdf(pdfBytes: Uint8Array, dir: string, opts: { dpi?: number; noisy?: boolean } = {}): Promise<Uint8Array> {
  const src = join(dir, `src-${Date.now()}.pdf`);
  const { writeFileSync, rmSync } = await import("node:fs");
  writeFileSync(src, pdfBytes);
  const prefix = join(dir, `page-${Date.now()}`);
  execFileSync("pdftoppm", ["-r", String(opts.dpi ?? 200), "-gray", "-png", src, prefix]);
  const pngs = readdirSync(dir).filter((f) => join(dir, f).startsWith(prefix) && f.endsWith(".png")).sort();
  const out = await PDFDocument.create();
  const random = rng(42);
  for (const f of pngs) {
    const image = await out.embedPng(readFileSync(join(dir, f)));
    const page = out.addPage([A4.width, A4.height]);
    if (opts.noisy) {
      page.drawImage(image, { x: 6, y: -2, width: A4.width, height: A4.height, rotate: degrees(0.8) });
      for (let i = 0; i < 600; i++) {
        const r = 0.3 + random() * 0.9;
        page.drawRectangle({ x: random() * A4.width, y: random() * A4.height, width: r, height: r, color: rgb(0.2, 0.2, 0.2) });
      }
    } else {
      page.drawImage(image, { x: 0, y: 0, width: A4.width, height: A4.height });
    }
    rmSync(join(dir, f));
  }
  rmSync(src);
  return out.save();
}

/** Character error rate: edit distance between the texts with whitespace squashed, over the reference length. */
export function characterErrorRate(reference: string, hypothesis: string): number {
  const a = [...reference.normalize("NFC").replace(/\s+/g, " ").trim()];
  const b = [...hypothesis.normalize("NFC").replace(/\s+/g, " ").trim()];
  let prev = new Int32Array(b.length + 1).map((_, j) => j);
  let cur = new Int32Array(b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    [prev, cur] = [cur, prev];
  }
  return prev[b.length]! / Math.max(1, a.length);
}

/**
 * Whether OCR tests can run. Without tesseract/pdftoppm they skip with a message; with
 * CI_REQUIRE_SERVICES=1 (CI) a missing OCR fails instead (scripts/test-services.sh installs it).
 */
export function ocrReady(): boolean {
  if (canScan()) return true;
  if (process.env.CI_REQUIRE_SERVICES === "1") {
    throw new Error("CI_REQUIRE_SERVICES=1 but tesseract-ocr, tesseract-ocr-vie, poppler-utils or fonts-dejavu-core is missing (scripts/test-services.sh installs them).");
  }
  console.warn("OCR tests skipped: tesseract-ocr with tesseract-ocr-vie, poppler-utils and fonts-dejavu-core are needed (scripts/test-services.sh installs them as root).");
  return false;
}
