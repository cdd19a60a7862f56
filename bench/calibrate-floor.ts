/**
 * How the relevance floor (qa/passages.ts COVERAGE_FLOOR) is calibrated: for every question that goes to
 * passage retrieval, the coverage of the best passage and of the first passage holding the expected
 * evidence. Answerable questions should sit above the floor, questions with no answer below it.
 *
 *   DATA_DIR=<store with the corpus ingested> npx tsx bench/calibrate-floor.ts QUESTIONS.jsonl...
 */
import { readFileSync } from "node:fs";
import { openApp } from "../app/open.js";
import { loadConfig } from "../core/config.js";
import { fold } from "../core/text.js";
import { retrieve } from "../qa/retrieve.js";
import { resolveScope } from "../qa/scope.js";
import { understandQuestion } from "../qa/understand.js";

interface Evidence { doc: string | string[]; key: string }
interface Question { id: string; q: string; expect?: Evidence[]; also?: Evidence[]; none?: boolean }

const app = await openApp(loadConfig({ ...process.env, LOG_LEVEL: "silent" }));
const norm = (s: string) => fold(s).replace(/[*_#|`]/g, " ").replace(/\s+/g, " ");
for (const file of process.argv.slice(2)) {
  for (const line of readFileSync(file, "utf8").split("\n").filter(Boolean)) {
    const q = JSON.parse(line) as Question;
    const u = understandQuestion(q.q, { registry: app.registry, now: app.now() });
    if (u.kind === "assigned") continue;
    const scope = await resolveScope(u.docRefs, app.store);
    const ranked = await retrieve(u, app, scope.docIds ? { docIds: scope.docIds } : {});
    const keys = [...(q.expect ?? []), ...(q.also ?? [])];
    const gold = ranked.findIndex((r) => keys.some((e) => [e.doc].flat().includes(r.chunk.docName) && norm(r.chunk.text).includes(norm(e.key).slice(0, 40))));
    const top = ranked[0];
    const show = (x: typeof top) => (x ? `${x.coverage.toFixed(2)}/${x.adjacency.toFixed(2)}` : "-");
    console.log(`${q.none ? "NEG" : "POS"} ${q.id.padEnd(8)} ${u.kind.padEnd(8)} best ${show(top)}  evidence rank ${gold} ${gold >= 0 ? show(ranked[gold]) : ""}`);
  }
}
await app.close();
