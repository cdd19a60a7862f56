/**
 * The hand-judged assignment samples (bench/judgements/*.jsonl, drawn by bench/assignment-sample.ts from
 * ../shared/ext) hold the extractor to what a reader decided: a record judged a task with the right body and
 * role is still extracted for that body, in that role, over that place; a record judged not a task is gone,
 * unless bench/judgements/open-non-tasks.jsonl lists it as a known, unfixed failure. A listed failure that is
 * fixed must leave the list, so the list only shrinks. The recall samples (recall-*.jsonl: every assignment
 * of a document, judged by reading it whole) hold it the same way: an assignment found stays found, and one
 * found since it was judged must be marked found, so the file's count is the extraction's.
 */
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { loadOrgRegistry } from "../../core/orgs.js";
import type { AssignmentDraft } from "../../core/types.js";
import { buildDocument } from "../../ingest/document.js";
import { bodyKey, readJudgements, readRecallJudgements, recalls, type Judgement } from "../../bench/lib/assignment-judgements.js";

const EXT = fileURLToPath(new URL("../../../shared/ext/", import.meta.url));
const DIR = fileURLToPath(new URL("../../bench/judgements/", import.meta.url));
const files = existsSync(DIR) ? readdirSync(DIR).filter((f) => /^assignments-.*\.jsonl$/.test(f)) : [];
const OPEN = DIR + "open-non-tasks.jsonl";
const open = new Set(existsSync(OPEN) ? readFileSync(OPEN, "utf8").split("\n").filter((l) => l.trim())
  .map((l) => JSON.parse(l) as { doc: string; start: number; body: string }).map((o) => `${o.doc}@${o.start} ${o.body}`) : []);
const judged: Judgement[] = files.flatMap((f) => readJudgements(readFileSync(DIR + f, "utf8")));
const recallFiles = existsSync(DIR) ? readdirSync(DIR).filter((f) => /^recall-.*\.jsonl$/.test(f)) : [];

/** Records of the same body whose quote holds the judged quote's start. */
const at = (records: AssignmentDraft[], j: Judgement) =>
  records.filter((r) => bodyKey(r) === j.body && r.quoteStart <= j.start && j.start < Math.max(r.quoteEnd, r.quoteStart + 1));

describe.skipIf(!existsSync(EXT) || judged.length === 0)("assignments judged by hand over ../shared/ext", () => {
  const registry = loadOrgRegistry();
  const byDoc = new Map<string, Judgement[]>();
  for (const j of judged) byDoc.set(j.doc, [...(byDoc.get(j.doc) ?? []), j]);

  it("keeps every record judged right (same body and role at the same place) and drops every non-task", async () => {
    const lost: string[] = [];
    const kept = new Set<string>();
    const fixed = new Set<string>();
    for (const [doc, js] of byDoc) {
      const { assignments } = await buildDocument(EXT + doc, { registry, maxBytes: 50 * 1024 * 1024 });
      for (const j of js) {
        const here = at(assignments, j);
        const key = `${doc}@${j.start} ${j.body}`;
        if (j.labels.task && j.labels.body && j.labels.role && !here.some((r) => r.role === j.role)) lost.push(`${key} ${j.role}`);
        if (!j.labels.task && here.length > 0 && !open.has(key)) kept.add(key);
        if (!j.labels.task && here.length === 0 && open.has(key)) fixed.add(key);
      }
    }
    expect(lost).toEqual([]);
    expect([...kept]).toEqual([]);
    // Fixed: remove these lines from bench/judgements/open-non-tasks.jsonl.
    expect([...fixed]).toEqual([]);
  }, 120_000);

  it.skipIf(recallFiles.length === 0)("finds every assignment the recall samples found, and each one found since is marked found", async () => {
    const lost: string[] = [];
    const gained: string[] = [];
    for (const f of recallFiles) {
      const js = readRecallJudgements(readFileSync(DIR + f, "utf8"));
      for (const doc of new Set(js.map((j) => j.doc))) {
        const { assignments } = await buildDocument(EXT + doc, { registry, maxBytes: 50 * 1024 * 1024 });
        for (const j of js.filter((x) => x.doc === doc)) {
          const now = recalls(assignments, j);
          if (j.found && !now) lost.push(`${f} ${doc}@${j.start} ${j.name} ${j.role}`);
          if (!j.found && now) gained.push(`${f} ${doc}@${j.start} ${j.name} ${j.role}`);
        }
      }
    }
    expect(lost).toEqual([]);
    // Found since judged: set "found": true on these lines.
    expect(gained).toEqual([]);
  }, 120_000);
});
