/**
 * SQLite -> dump file -> fresh SQLite, through store/portable.ts and store/dump-file.ts with real apps
 * (the sample corpus ingested, the real answerer on both sides).
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openApp } from "../../app/open.js";
import type { App } from "../../app/types.js";
import { loadConfig } from "../../core/config.js";
import { verifyDumpFile, writeDumpFile } from "../../store/dump-file.js";
import { ImportClock, readStore } from "../../store/portable.js";
import { SAMPLE_CORPUS, removeDir, tempDir } from "../helpers/app.js";
import { QUESTIONS, answers, closeVectors, importInto } from "../helpers/portable.js";

async function openAt(dataDir: string, env: Record<string, string> = {}, clock?: ImportClock): Promise<App> {
  return openApp(loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: "silent", ...env }), clock ? { now: clock.now } : {});
}

describe("export and import between SQLite stores", () => {
  let dir: string;
  let source: App;
  let dump: string;
  let slot: { id: number; delivered: string };

  beforeAll(async () => {
    dir = tempDir();
    source = await openAt(join(dir, "a"));
    const summary = await source.ingest([SAMPLE_CORPUS]);
    expect(summary.counts.new).toBe(5);
    await source.store.grant({ id: 42, kind: "user", label: "Chị Lan", grantedBy: 1 });
    const sub = await source.store.addSubscription({ chatId: 42, orgIds: ["ban-to-chuc-tw"], cadence: "daily", time: "07:30", lookaheadDays: 14, sendEmpty: false });
    expect(await source.store.claimDelivery(sub.id, "2026-03-02T07:30")).toBe(true);
    await source.store.markDelivered(sub.id, "2026-03-02T07:30", "sent");
    await source.store.addFeedback({ userId: 42, chatId: 42, question: QUESTIONS[0]!, answer: "…", vote: 1 });
    slot = { id: sub.id, delivered: "2026-03-02T07:30" };
    dump = join(dir, "store.jsonl.gz");
    await writeDumpFile(readStore(source.store), dump);
  });
  afterAll(async () => {
    await source?.close();
    removeDir(dir);
  });

  it("brings every document back as it was, answers the same, and keeps the bot's rows", async () => {
    const clock = new ImportClock();
    const target = await openAt(join(dir, "b"), {}, clock);
    try {
      const counts = await importInto(target, dump, clock);
      expect(counts).toMatchObject({ documents: 5, new: 5, updated: 0, unchanged: 0, reembedded: 0, subscriptions: 1, access: 1, deliveries: 1, feedback: 1 });
      expect(await target.store.stats()).toEqual(await source.store.stats());
      const byPath = new Map((await target.store.listDocuments()).map((d) => [d.path, d.id]));
      for (const d of await source.store.listDocuments()) {
        const a = (await source.store.exportDocument(d.id))!;
        const b = (await target.store.exportDocument(byPath.get(d.path)!))!;
        expect(b.draft).toEqual(a.draft);
        expect(b.ingestedAt).toBe(a.ingestedAt);
        // hnswlib re-normalises a unit vector: equal up to float rounding.
        expect(closeVectors(b.vectors, a.vectors)).toBe(true);
      }
      const before = await answers(source);
      expect((before[0] as { citations: unknown[] }).citations.length).toBeGreaterThan(0);
      expect(await answers(target)).toEqual(before);
      expect(await target.store.exportBotState()).toEqual(await source.store.exportBotState());
      expect(await target.store.isAllowed(42)).toBe(true);
      // The slot delivered before the move is not delivered again; the next one is.
      expect(await target.store.claimDelivery(slot.id, slot.delivered)).toBe(false);
      expect(await target.store.claimDelivery(slot.id, "2026-03-03T07:30")).toBe(true);

      // A second import changes nothing: same paths and hashes are skipped, rows already there kept.
      const again = await importInto(target, dump);
      expect(again).toMatchObject({ new: 0, updated: 0, unchanged: 5 });
      const state = await target.store.exportBotState();
      expect(state.feedback).toHaveLength(1);
      expect(state.deliveries).toHaveLength(2);
    } finally {
      await target.close();
    }
  });

  it("re-embeds with the configured embedder when the dump's differs", async () => {
    const target = await openAt(join(dir, "c"), { LOCAL_EMBEDDING_DIM: "256" });
    try {
      const counts = await importInto(target, dump);
      const stats = await source.store.stats();
      expect(counts).toMatchObject({ new: 5, reembedded: stats.chunks });
      expect(await target.store.stats()).toMatchObject({ chunks: stats.chunks, vectors: stats.chunks });
      const first = (await target.store.listDocuments())[0]!;
      expect((await target.store.exportDocument(first.id))!.vectors[0]).toHaveLength(256);
      const a = await target.answerer.ask(QUESTIONS[0]!, { llm: false });
      expect(a.citations.length).toBeGreaterThan(0);
    } finally {
      await target.close();
    }
  });

  it("replaces a stored document whose hash differs, as ingest does", async () => {
    const target = await openAt(join(dir, "d"));
    try {
      await importInto(target, dump);
      const doc = (await target.store.listDocuments())[0]!;
      const old = (await target.store.exportDocument(doc.id))!;
      await target.store.saveDocument({ ...old.draft, hash: "edited", text: old.draft.text }, old.vectors);
      const counts = await importInto(target, dump);
      expect(counts).toMatchObject({ new: 0, updated: 1, unchanged: 4 });
      expect((await target.store.getDocumentByPath(doc.path))!.hash).toBe(old.draft.hash);
    } finally {
      await target.close();
    }
  });
});

describe("a dump that is not whole", () => {
  let dir: string;
  let dump: string;
  let lines: string[];

  beforeAll(async () => {
    dir = tempDir();
    const app = await openAt(join(dir, "a"));
    await app.ingest([SAMPLE_CORPUS]);
    dump = join(dir, "store.jsonl.gz");
    await writeDumpFile(readStore(app.store), dump);
    await app.close();
    lines = (await import("node:zlib")).gunzipSync(readFileSync(dump)).toString("utf8").trimEnd().split("\n");
    expect(lines).toHaveLength(7); // header, 5 documents, bot rows
  });
  afterAll(() => removeDir(dir));

  function variant(name: string, bytes: Buffer): string {
    const file = join(dir, name);
    writeFileSync(file, bytes);
    return file;
  }
  const gz = (ls: string[]) => gzipSync(`${ls.join("\n")}\n`);

  it("refuses each kind of damage with its own code, naming the line", async () => {
    const whole = readFileSync(dump);
    const cases: Array<[string, Buffer, RegExp]> = [
      ["plain.txt", Buffer.from("hello\n"), /not an nhiemvu dump.*\[not_a_dump\]/],
      ["other.gz", gz(['{"format":"something-else","version":1}']), /not an nhiemvu dump/],
      ["newer.gz", gz([lines[0]!.replace('"version":1', '"version":2'), ...lines.slice(1)]), /version 2 dump.*\[dump_too_new\]/],
      ["cut.gz", whole.subarray(0, Math.floor(whole.length / 2)), /cut short \(the gzip stream ends early\) after line \d+.*\[dump_truncated\]/],
      ["noend.gz", gz(lines.slice(0, 4)), /ends after line 4 without its closing line.*\[dump_truncated\]/],
      ["badjson.gz", gz([...lines.slice(0, 2), lines[2]!.slice(0, 500), ...lines.slice(3)]), /damaged at line 3: not valid JSON.*\[dump_corrupt\]/],
      ["badshape.gz", gz([...lines.slice(0, 3), '{"draft":{"name":1},"ingestedAt":"x","vectors":[]}', ...lines.slice(4)]), /damaged at line 4.*\[dump_corrupt\]/],
      ["recount.gz", gz([...lines.slice(0, 3), ...lines.slice(4)]), /closing line counts 5 documents but 4 were read/],
    ];
    const { plainMessage } = await import("../../core/errors.js");
    for (const [name, bytes, expected] of cases) {
      const err = await verifyDumpFile(variant(name, bytes)).then(() => undefined, (e: unknown) => e);
      expect(err, name).toBeDefined();
      expect(plainMessage(err), name).toMatch(expected);
    }
    await expect(verifyDumpFile(dump)).resolves.toMatchObject({ counts: { documents: 5, chunks: expect.any(Number) } });
  });

  it("without the check first, stops at the damaged line: documents before it stay, nothing after it is written", async () => {
    const file = variant("badline.gz", gz([...lines.slice(0, 3), lines[3]!.slice(0, 100), ...lines.slice(4)]));
    const target = await openAt(join(dir, "t"));
    try {
      await target.store.grant({ id: 7, kind: "user" });
      const err = await importInto(target, file).then(() => undefined, (e: unknown) => e as Error);
      expect(err?.message).toMatch(/^Import stopped after line 3 \(.+\): .* is damaged at line 4: not valid JSON/);
      expect(err?.message).toMatch(/Written before it: 2 new and 0 updated documents.*bot's rows .* were not imported/);
      expect((await target.store.listDocuments()).map((d) => d.name).sort()).toEqual(
        lines.slice(1, 3).map((l) => JSON.parse(l).draft.name).sort());
      expect((await target.store.listAccess()).map((a) => a.id)).toEqual([7]);
      const stats = await target.store.stats();
      expect(stats.vectors).toBe(stats.chunks);
    } finally {
      await target.close();
    }
  });
});
