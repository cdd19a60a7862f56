/**
 * Metadata a person supplies next to a document, which wins over what is read from the text:
 * a JSON sidecar `NAME.meta.json` beside the file (foo.pdf.meta.json, or foo.meta.json), or front
 * matter at the top of a .md/.txt file:
 *
 *     ---
 *     kind: Kết luận            (a DocKind id such as ket_luan, or its Vietnamese name)
 *     number: 229-KL/TW
 *     issuer: Bộ Chính trị, Ban Bí thư
 *     date: 2026-01-08          (ISO, or 8/1/2026)
 *     title: về ...
 *     signer: Trần Cẩm Tú
 *     period: quý II/2026       (parsed with parsePeriod)
 *     ---
 *
 * Call it on the decoded text BEFORE cleanText: cleaning would drop the "---" lines.
 */
import { readFile } from "node:fs/promises";
import { basename, dirname, extname, join } from "node:path";
import { ParseError } from "../core/errors.js";
import { parsePeriod } from "../core/periods.js";
import { fold } from "../core/text.js";
import { isoDate, isValidDay } from "../core/time.js";
import type { DocumentMeta } from "../core/types.js";
import { kindFromWords } from "./metadata.js";

const FRONT_MATTER = /^\uFEFF?\s*---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/u;
const KEYS = ["kind", "number", "issuer", "date", "title", "signer", "period"] as const;
/** Vietnamese keys people may write in front matter. */
const ALIASES: Record<string, (typeof KEYS)[number]> = {
  loai: "kind", "loai van ban": "kind", so: "number", "so hieu": "number", "co quan ban hanh": "issuer",
  "noi ban hanh": "issuer", ngay: "date", "ngay ban hanh": "date", "tieu de": "title", "trich yeu": "title",
  "nguoi ky": "signer", "ky": "period",
};

function toDate(v: string): string | undefined {
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/u.exec(v);
  const dmy = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/u.exec(v);
  const [y, m, d] = iso ? [iso[1], iso[2], iso[3]] : dmy ? [dmy[3], dmy[2], dmy[1]] : [];
  if (!y) return undefined;
  return isValidDay(Number(y), Number(m), Number(d)) ? isoDate(Number(y), Number(m), Number(d)) : undefined;
}

/** Turn loose key/value pairs into DocumentMeta fields, ignoring what it cannot use. */
function toMeta(entries: Array<[string, unknown]>, source: string): Partial<DocumentMeta> {
  const meta: Partial<DocumentMeta> = {};
  for (const [rawKey, rawValue] of entries) {
    const folded = fold(rawKey).replace(/[_-]/g, " ").trim();
    const key = (KEYS as readonly string[]).includes(folded) ? (folded as (typeof KEYS)[number]) : ALIASES[folded];
    if (!key || rawValue === null || rawValue === undefined) continue;
    if (key === "period" && typeof rawValue === "object") { meta.period = rawValue as DocumentMeta["period"]; continue; }
    const value = String(rawValue).trim().replace(/^["']|["']$/gu, "").normalize("NFC");
    if (!value) continue;
    if (key === "kind") {
      const kind = kindFromWords(value);
      if (!kind) throw new ParseError("bad_sidecar", `${source}: unknown document kind "${value}".`);
      meta.kind = kind;
    } else if (key === "date") {
      const date = toDate(value);
      if (!date) throw new ParseError("bad_sidecar", `${source}: date "${value}" is not a valid date (use 2026-01-08 or 8/1/2026).`);
      meta.date = date;
    } else if (key === "period") {
      const period = parsePeriod(value);
      if (period) meta.period = period;
    } else {
      meta[key] = value;
    }
  }
  return meta;
}

async function readJsonSidecar(path: string): Promise<Partial<DocumentMeta> | undefined> {
  const candidates = [`${path}.meta.json`, join(dirname(path), `${basename(path, extname(path))}.meta.json`)];
  for (const file of candidates) {
    let raw: string;
    try {
      raw = await readFile(file, "utf8");
    } catch {
      continue;
    }
    let data: unknown;
    try {
      data = JSON.parse(raw);
    } catch (cause) {
      throw new ParseError("bad_sidecar", `${basename(file)} is not valid JSON.`, { cause });
    }
    if (!data || typeof data !== "object" || Array.isArray(data)) {
      throw new ParseError("bad_sidecar", `${basename(file)} must hold a JSON object of metadata fields.`);
    }
    return toMeta(Object.entries(data), basename(file));
  }
  return undefined;
}

/**
 * Metadata supplied beside or atop a document, and the text without its front matter. The JSON
 * sidecar wins over front matter field by field. Throws ParseError("bad_sidecar") on unreadable input.
 */
export async function readSidecar(path: string, text: string): Promise<{ meta: Partial<DocumentMeta>; text: string }> {
  let meta: Partial<DocumentMeta> = {};
  let body = text;
  const fm = /\.(md|markdown|txt|text)$/iu.test(path) ? FRONT_MATTER.exec(text) : null;
  if (fm) {
    const entries = fm[1]!.split(/\r?\n/u).flatMap((line): Array<[string, string]> => {
      const m = /^\s*([^:#]+?)\s*:\s*(.*)$/u.exec(line);
      return m ? [[m[1]!, m[2]!]] : [];
    });
    if (entries.length > 0) {
      meta = toMeta(entries, basename(path));
      body = text.slice(fm[0].length);
    }
  }
  const json = await readJsonSidecar(path);
  return { meta: { ...meta, ...json }, text: body };
}
