/**
 * The extractor against the NQ03 Phụ lục II gold task table (../shared/ext/tasks_gold_NQ03_PL2.jsonl):
 *
 *   npx tsx bench/task-gold.ts
 *
 * recall: gold rows with a lead record whose task starts like the row's task, whose bodies are all named in
 * the row's lead column (and cover most of it); "with deadline" also needs the row's deadline as written.
 * precision: lead records of the document whose task and body match some gold row this way.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { loadOrgRegistry } from "../core/orgs.js";
import { foldKey, matchKey } from "../core/text.js";
import { buildDocument } from "../ingest/document.js";

const SHARED = join(process.cwd(), "..", "shared", "ext");
const doc = await buildDocument(join(SHARED, "directives", "vnmp_NQCP03_NQ03_PL2_Nhiem_vu.md"), {
  registry: loadOrgRegistry(), maxBytes: 50 * 1024 * 1024,
});
const gold = readFileSync(join(SHARED, "tasks_gold_NQ03_PL2.jsonl"), "utf8").trim().split("\n")
  .map((l) => JSON.parse(l) as { task: string; lead_agency: string; deadline: string });
const leads = doc.assignments.filter((r) => r.role === "lead");
const rowOf = (task: string) => gold.filter((g) => foldKey(task).startsWith(foldKey(g.task).slice(0, 60)));

let found = 0, dated = 0;
for (const g of gold) {
  const key = foldKey(g.task).slice(0, 60);
  const mine = leads.filter((r) => foldKey(r.task).startsWith(key));
  const want = foldKey(g.lead_agency);
  const bodiesOk = mine.length > 0 && mine.every((r) => want.includes(foldKey(r.orgText)))
    && mine.reduce((n, r) => n + foldKey(r.orgText).length, 0) >= 0.8 * want.replace(/(,| va) /g, " ").length - 8;
  if (!bodiesOk) continue;
  found++;
  if (matchKey(mine[0]?.deadline?.text ?? "") === matchKey(g.deadline)) dated++;
}
const right = leads.filter((r) => rowOf(r.task).some((g) => foldKey(g.lead_agency).includes(foldKey(r.orgText)))).length;
const f = (k: number, n: number) => `${k}/${n} = ${(k / Math.max(1, n)).toFixed(3)}`;
console.log(`gold rows ${gold.length}, lead records ${leads.length}, all records ${doc.assignments.length}`);
console.log(`recall (lead bodies)            ${f(found, gold.length)}`);
console.log(`recall (lead bodies + deadline) ${f(dated, gold.length)}`);
console.log(`precision (lead records)        ${f(right, leads.length)}`);
