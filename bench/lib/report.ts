/**
 * What a section hands back: titled tables (Markdown, also printed to the terminal), notes, and goal
 * verdicts; or a skip with its reason. `renderReport` turns them into bench/RESULTS.md.
 */
import { machineLine, type Machine } from "./machine.js";

export interface Table {
  title: string;
  header: string[];
  rows: string[][];
}

export interface Goal {
  what: string;
  target: string;
  measured: string;
  pass: boolean;
  /** For a miss: by how much, and what would close it. */
  note?: string;
}

export interface SectionResult {
  name: string;
  skipped?: string;
  tables: Table[];
  notes: string[];
  goals: Goal[];
  seconds: number;
}

export function markdownTable(t: Table): string {
  const line = (cells: string[]) => `| ${cells.map((c) => c.replace(/\|/g, "\\|")).join(" | ")} |`;
  return [line(t.header), line(t.header.map(() => "---")), ...t.rows.map(line)].join("\n");
}

/** A plain-text table for the terminal: columns padded to their widest cell. */
export function textTable(t: Table): string {
  const all = [t.header, ...t.rows];
  const widths = t.header.map((_, i) => Math.max(...all.map((r) => [...(r[i] ?? "")].length)));
  const line = (cells: string[]) => cells.map((c, i) => c + " ".repeat(widths[i]! - [...c].length)).join("  ");
  return [t.title, line(t.header), widths.map((w) => "-".repeat(w)).join("  "), ...t.rows.map(line)].join("\n");
}

export function goalTable(goals: Goal[]): Table {
  return {
    title: "Goals",
    header: ["goal", "target", "measured", "verdict", "note"],
    rows: goals.map((g) => [g.what, g.target, g.measured, g.pass ? "pass" : "MISS", g.note ?? ""]),
  };
}

export function renderReport(opts: { machine: Machine; started: Date; seconds: number; quick: boolean; full: boolean; sections: SectionResult[] }): string {
  const { machine, sections } = opts;
  const out: string[] = [
    "# Benchmarks",
    "",
    "Written by `npm run bench` (bench/run.ts); do not edit by hand." +
      (opts.quick ? " **Quick variant (`BENCH_QUICK=1`): smaller inputs and fewer runs; not the reference figures.**" : "") +
      (opts.full ? " Full variant (`BENCH_FULL=1`): no time boxes." : " Default run: the longest parts are time-boxed to finish within 10 minutes; each section says what it cut."),
    "",
    `- Machine: ${machineLine(machine)}`,
    `- Run: ${opts.started.toISOString()}, ${Math.round(opts.seconds)} s in all`,
    "",
  ];
  const goals = sections.flatMap((s) => s.goals);
  if (goals.length > 0) out.push("## Goals", "", markdownTable(goalTable(goals)), "");
  for (const s of sections) {
    out.push(`## ${s.name}`, "");
    if (s.skipped) {
      out.push(s.skipped.startsWith("error:") ? s.skipped : `skipped: ${s.skipped}`, "");
      continue;
    }
    out.push(`_Machine: ${machineLine(machine)}. Section took ${Math.round(s.seconds)} s._`, "");
    for (const t of s.tables) out.push(`**${t.title}**`, "", markdownTable(t), "");
    for (const n of s.notes) out.push(`- ${n}`);
    if (s.notes.length > 0) out.push("");
  }
  return out.join("\n");
}
