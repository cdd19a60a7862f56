/**
 * Metadata audit of ../shared/ext/directives: one row per document (kind, number, date, issuer, title,
 * period) as ingest reads it, each field checked against the text by simple heuristics written apart from
 * ingest/metadata.ts, so that the two do not share their mistakes. Also checks every document's section
 * labels against its own numbering. Prints counts of fields flagged per check and the flagged rows.
 *
 *     npx tsx bench/metadata-audit.ts [--table] [--sample N] [--seed S] [--sections N]
 *
 * `--sample N` lists N documents drawn with a fixed seed (for reading by hand: bench/judgements/);
 * `--sections N` prints the section labels of N documents drawn the same way. Skips when ../shared is absent.
 */
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { fold } from "../core/text.js";
import { DOC_KIND_LABELS, type DocumentMeta, type Section } from "../core/types.js";
import { cleanText } from "../ingest/clean.js";
import { readMetadata } from "../ingest/metadata.js";
import { readDocumentFile } from "../ingest/parse/read.js";
import { splitSections } from "../ingest/sections.js";
import { readSidecar } from "../ingest/sidecar.js";
import { rng } from "./lib/corpus.js";

const DIR = fileURLToPath(new URL("../../shared/ext/directives/", import.meta.url));
const FIELDS = ["kind", "number", "date", "issuer", "title", "period"] as const;
type Field = (typeof FIELDS)[number];

interface Row { file: string; text: string; meta: DocumentMeta; sections: Section[]; flags: Partial<Record<Field, string>> }

const arg = (name: string): string | undefined => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] ?? "" : undefined;
};

/** The first lines of a text, where the header lives. */
const headOf = (text: string): string => text.split("\n").slice(0, 40).join("\n").slice(0, 4000);
const squash = (s: string): string => fold(s).replace(/[^a-z0-9/]+/g, " ").trim();

function checkNumber(meta: DocumentMeta, head: string): string | undefined {
  const written = [...head.matchAll(/(?:Số(?: hiệu)?\s*[:|]?[\s|]*|\bsố\s+)(\d[\p{L}\d.\-–]*\/[\p{L}\d./\-–]+)/gu)].map((m) => m[1]!.replace(/[.,;]+$/u, ""));
  if (!meta.number) return written.length > 0 && /^\d/u.test(written[0]!) && !/ngày|căn cứ/iu.test(head.slice(0, head.indexOf(written[0]!))) ? `missed ${written[0]}` : undefined;
  if (written.includes(meta.number)) return undefined;
  if (meta.title && meta.title.includes(meta.number)) return undefined;
  return `not written as "Số: ${meta.number}" near the top`;
}

function checkDate(meta: DocumentMeta, head: string): string | undefined {
  // The site's field, else a "Place, ngày ..." line, else the first "ngày ... tháng ... năm ..." of the first lines.
  const top = head.split("\n").slice(0, 15).join("\n").replace(/(?:Căn cứ|Thực hiện|Kèm theo)[^\n]*/gu, "");
  const m = /Ngày ban hành:[\s|]*(\d{1,2})\/(\d{1,2})\/(\d{4})/u.exec(head)
    ?? /\p{L}+, ngày\s+(\d{1,2})\s*(?:tháng\s*|\/)(\d{1,2})\s*(?:năm\s*|\/)(\d{4})/u.exec(head)
    ?? /ngày\s+(\d{1,2})\s*(?:tháng\s*|\/)(\d{1,2})\s*(?:năm\s*|\/)(\d{4})/iu.exec(top);
  const iso = m ? `${m[3]}-${m[2]!.padStart(2, "0")}-${m[1]!.padStart(2, "0")}` : undefined;
  if (!meta.date) return iso ? `missed ${iso}` : undefined;
  if (!iso) return undefined;
  return iso === meta.date ? undefined : `text says ${iso}`;
}

const KIND_OF_SYMBOL: Array<[RegExp, string]> = [
  [/[-/]KL\b/u, "ket_luan"], [/[-/]NQ\b/u, "nghi_quyet"], [/[-/]CT\b/u, "chi_thi"], [/[-/]TB\b/u, "thong_bao"],
  [/[-/]CĐ\b/u, "cong_dien"], [/[-/]QĐ\b/u, "quyet_dinh"], [/[-/]KH\b/u, "ke_hoach"], [/[-/]HD\b/u, "huong_dan"],
  [/[-/]BC\b/u, "bao_cao"], [/[-/]CTr\b/u, "chuong_trinh"],
];

function checkKind(meta: DocumentMeta, head: string): string | undefined {
  const field = /Loại văn bản:[\s|]*([^|\n]+)/u.exec(head)?.[1]?.trim();
  if (field) {
    const want = Object.entries(DOC_KIND_LABELS).find(([, label]) => fold(label) === fold(field))?.[0];
    return want && want !== meta.kind ? `field says ${field}` : undefined;
  }
  const symbol = meta.number ?? /Số\s*:?\s*(\d\S*\/\S+)/u.exec(head)?.[1];
  const bySymbol = symbol ? KIND_OF_SYMBOL.find(([re]) => re.test(symbol))?.[1] : undefined;
  if (bySymbol && bySymbol !== meta.kind && !(bySymbol === "thong_bao" && meta.kind === "ket_luan")) return `symbol ${symbol} says ${bySymbol}`;
  const official = /CỘNG HÒA XÃ HỘI|CỘNG HOÀ XÃ HỘI|ĐẢNG CỘNG SẢN VIỆT NAM|^PHỤ LỤC|Nơi nhận/mu.test(head);
  if (official && meta.kind === "news") return "official header, typed news";
  return undefined;
}

function checkIssuer(meta: DocumentMeta, head: string): string | undefined {
  if (meta.kind === "news") return meta.issuer ? "news with an issuer" : undefined;
  if (!meta.issuer) return /ỦY BAN|UỶ BAN|BỘ |BAN |VĂN PHÒNG|CHÍNH PHỦ|TỈNH ỦY|TỈNH UỶ|ĐẢNG ỦY|ĐẢNG UỶ|Nơi ban hành/u.test(head) ? "missed" : undefined;
  if (meta.issuer.length > 120) return "too long for a body's name";
  if (/\b(tại|về việc|buổi|đồng chí)\b/iu.test(meta.issuer)) return "reads like a title, not a body";
  const words = squash(meta.issuer).split(" ").filter((w) => w.length > 1);
  const h = squash(head);
  const missing = words.filter((w) => !h.includes(w));
  return missing.length > words.length / 3 ? `words not in the header: ${missing.slice(0, 4).join(" ")}` : undefined;
}

function checkTitle(meta: DocumentMeta, head: string, file: string): string | undefined {
  const t = meta.title ?? "";
  if (!t) return "none";
  if (t === file || t.includes(file.replace(/\.\w+$/u, ""))) return "the file name";
  if (!/\p{L}{3}/u.test(t) || /^[\p{P}\s|-]+$/u.test(t)) return "no words";
  if (/^(Số hiệu|Loại văn bản|Nơi ban hành|Kính gửi|Căn cứ)\b/u.test(t)) return "a field label";
  if (t.length < 12) return "too short";
  const words = squash(t).split(" ").slice(0, 12);
  const h = squash(head);
  return words.filter((w) => !h.includes(w)).length > words.length / 2 ? "not from the top of the text" : undefined;
}

function checkPeriod(meta: DocumentMeta): string | undefined {
  const p = meta.period;
  if (!p) return undefined;
  if (!meta.title?.includes(p.text)) return `"${p.text}" not in the title`;
  // The period must be worded as one: a period word or a year.
  return /quý|tháng|năm|giai đoạn|thời kỳ|(?:19|20)\d\d/iu.test(p.text) ? undefined : `"${p.text}" has no period word or year`;
}

/** A section label disagrees with the document's own numbering. */
function sectionProblems(text: string, sections: Section[]): string[] {
  const out: string[] = [];
  for (const s of sections) {
    const parent = s.parent === null ? undefined : sections[s.parent];
    const decimal = /^\d+(\.\d+)+$/u.test(s.marker);
    if (decimal && s.label !== s.marker && !s.label.endsWith(` ${s.marker}`)) out.push(`${s.label}: marker ${s.marker}`);
    // "4 4.2": the parent's number written twice (the document says "4.2").
    if (parent && decimal && s.marker.startsWith(`${parent.marker}.`) && s.label === `${parent.label} ${s.marker}`) out.push(`${s.label}: repeats its parent's number`);
    if (s.marker === "Nơi nhận") {
      const rest = text.slice(s.start, s.end);
      if (!/^\|?\s*Nơi nhận/u.test(rest)) out.push(`${s.label}: does not open with "Nơi nhận"`);
      if (/\n\|[^\n]*\|[^\n]*\|[^\n]*\|[^\n]*\n\|/u.test(rest) && rest.length > 3000) out.push(`${s.label}: holds a long table (${rest.length} chars)`);
    }
  }
  return out;
}

function pick<T>(items: T[], n: number, seed: number): T[] {
  const r = rng(seed);
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy.slice(0, n).sort((a, b) => (String(a) < String(b) ? -1 : 1));
}

async function main(): Promise<void> {
  if (!existsSync(DIR)) {
    console.log(`skipped: ${DIR} is absent`);
    return;
  }
  const files = readdirSync(DIR).filter((f) => !f.endsWith(".meta.json")).sort();
  const rows: Row[] = [];
  for (const file of files) {
    const raw = await readDocumentFile(join(DIR, file), { maxBytes: 50 * 1024 * 1024 });
    const side = await readSidecar(join(DIR, file), raw.text);
    const text = cleanText(side.text, raw.format);
    const meta = readMetadata(text, { name: raw.name, override: side.meta });
    const head = headOf(text);
    const flags: Row["flags"] = {};
    const checks: Record<Field, string | undefined> = {
      kind: checkKind(meta, head), number: checkNumber(meta, head), date: checkDate(meta, head),
      issuer: checkIssuer(meta, head), title: checkTitle(meta, head, file), period: checkPeriod(meta),
    };
    for (const f of FIELDS) if (checks[f]) flags[f] = checks[f];
    rows.push({ file, text, meta, sections: splitSections(text, meta.kind), flags });
  }
  const seed = Number(arg("--seed") ?? 15);
  const cell = (s: string | undefined, n: number) => (s ?? "—").replace(/\s+/g, " ").slice(0, n);
  if (arg("--table") !== undefined) {
    for (const r of rows) {
      console.log([r.file, r.meta.kind, r.meta.number, r.meta.date, cell(r.meta.issuer, 50), cell(r.meta.title, 90), r.meta.period?.label].map((x) => x ?? "—").join(" | "));
    }
  }
  const sample = arg("--sample");
  if (sample !== undefined) {
    for (const file of pick(files, Number(sample || 50), seed)) {
      const r = rows.find((x) => x.file === file)!;
      console.log(`\n### ${file}\n${JSON.stringify({ ...r.meta, period: r.meta.period?.label, signer: undefined })}\n---\n${r.text.slice(0, Number(arg("--chars") ?? 1200))}`);
    }
    return;
  }
  const secs = arg("--sections");
  if (secs !== undefined) {
    for (const file of pick(files, Number(secs || 20), seed + 1)) {
      const r = rows.find((x) => x.file === file)!;
      console.log(`\n### ${file} (${r.meta.kind}): ${r.sections.map((s) => s.label).join(" · ")}`);
      for (const p of sectionProblems(r.text, r.sections)) console.log(`  ! ${p}`);
    }
    return;
  }
  console.log(`${rows.length} documents of ext/directives\n`);
  console.log("| field | flagged | share passing |\n| --- | --- | --- |");
  for (const f of FIELDS) {
    const n = rows.filter((r) => r.flags[f]).length;
    console.log(`| ${f} | ${n} | ${((rows.length - n) / rows.length * 100).toFixed(1)}% |`);
  }
  const withSectionProblems = rows.filter((r) => sectionProblems(r.text, r.sections).length > 0);
  console.log(`| section labels | ${withSectionProblems.length} documents | ${((rows.length - withSectionProblems.length) / rows.length * 100).toFixed(1)}% |`);
  console.log("\nflagged:");
  for (const r of rows) for (const f of FIELDS) if (r.flags[f]) console.log(`  ${r.file}  ${f}: ${r.flags[f]}  [${cell(String((r.meta as unknown as Record<string, unknown>)[f] === undefined ? "—" : f === "period" ? r.meta.period?.label : (r.meta as unknown as Record<string, unknown>)[f]), 70)}]`);
  for (const r of withSectionProblems) console.log(`  ${r.file}  sections: ${sectionProblems(r.text, r.sections).slice(0, 3).join("; ")}`);
}

await main();
