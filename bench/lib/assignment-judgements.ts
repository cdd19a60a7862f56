/**
 * What the assignment judgements (bench/judgements/*.jsonl) are made of: the ext documents' records,
 * extracted in process the way ingest does, and a key that finds a judged record again without holding
 * any of its text (document name, quote offsets, body id or a hash of its name, role).
 */
import { createHash } from "node:crypto";
import { readdirSync } from "node:fs";
import { basename, join } from "node:path";
import type { OrgRegistry } from "../../core/orgs.js";
import type { AssignmentDraft } from "../../core/types.js";
import { buildDocument } from "../../ingest/document.js";

export const EXT_DIRS = ["directives", "news"] as const;

export interface ExtDoc { dir: string; name: string; text: string; records: AssignmentDraft[] }
export interface ExtRecord { doc: ExtDoc; r: AssignmentDraft }

/** Where a judged record sits and who it names; no document text. */
export interface RecordKey { doc: string; start: number; end: number; body: string; role: AssignmentDraft["role"] }

export interface Labels { task: boolean; body: boolean; role: boolean; deadline: boolean; note?: string }
export interface Judgement extends RecordKey { labels: Labels }

/** Every document under the folders (sorted by name), built by the ingest pipeline without a store. */
export async function extractAll(dirs: readonly string[], registry: OrgRegistry): Promise<ExtDoc[]> {
  const out: ExtDoc[] = [];
  for (const dir of dirs) {
    for (const name of readdirSync(dir).filter((n) => /\.(md|txt|html|docx|pdf)$/.test(n)).sort()) {
      const d = await buildDocument(join(dir, name), { registry, maxBytes: 50 * 1024 * 1024 });
      out.push({ dir: basename(dir), name, text: d.text, records: d.assignments });
    }
  }
  return out;
}

/** The body as a key: its registry id, or a short hash of its name as written. */
export function bodyKey(r: Pick<AssignmentDraft, "orgId" | "org">): string {
  return r.orgId ?? `h:${createHash("sha1").update(r.org.toLowerCase()).digest("hex").slice(0, 12)}`;
}

export function recordKey({ doc, r }: ExtRecord): RecordKey {
  return { doc: `${doc.dir}/${doc.name}`, start: r.quoteStart, end: r.quoteEnd, body: bodyKey(r), role: r.role };
}

export function readJudgements(text: string): Judgement[] {
  return text.split("\n").filter((l) => l.trim()).map((l) => JSON.parse(l) as Judgement);
}

/**
 * One assignment a reader found by reading a whole document (bench/judgements/recall-*.jsonl): the task's
 * span, the body (key as `bodyKey` makes it, and its name as the text writes it), the role, and whether the
 * extraction had a record for it. `debatable`: a kind readers may not count (the closing "chịu trách nhiệm
 * thi hành Quyết định này", a vague "... liên quan" beside named bodies, a competence list, a company).
 */
export interface RecallJudgement {
  doc: string; start: number; end: number; body: string; name: string; role: AssignmentDraft["role"];
  found: boolean; debatable: boolean; why?: string;
}

export function readRecallJudgements(text: string): RecallJudgement[] {
  return text.split("\n").filter((l) => l.trim()).map((l) => JSON.parse(l) as RecallJudgement);
}

/** A record of the judged body, in the judged role, whose quote overlaps the judged task. */
export function recalls(records: readonly AssignmentDraft[], j: RecallJudgement): boolean {
  return records.some((r) => bodyKey(r) === j.body && r.role === j.role && r.quoteStart < j.end && j.start < r.quoteEnd);
}
