import { appendFileSync, copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, unlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { App } from "../../app/types.js";
import { copyCorpus, openTempApp, removeDir } from "../helpers/app.js";

let app: (App & { dir: string }) | undefined;
afterEach(async () => {
  await app?.close();
  if (app) removeDir(app.dir);
  app = undefined;
});

describe("ingest pipeline", () => {
  it("stores the sample corpus once, and a second run finds everything unchanged", async () => {
    app = await openTempApp();
    const corpus = copyCorpus(app.dir);
    const first = await app.ingest([corpus]);
    expect(first.counts).toMatchObject({ new: 5, failed: 0 });
    expect(first.chunks).toBeGreaterThan(10);
    const second = await app.ingest([corpus]);
    expect(second.counts).toMatchObject({ new: 0, updated: 0, unchanged: 5, failed: 0 });
    const stats = await app.store.stats();
    expect(stats.documents).toBe(5);
    expect(stats.vectors).toBe(stats.chunks);
  });

  it("replaces the rows of a changed file, so no answer cites the old text", async () => {
    app = await openTempApp();
    const corpus = copyCorpus(app.dir);
    await app.ingest([corpus]);
    const file = join(corpus, "002_f51bd1bc98d5fad9.txt");
    const text = readFileSync(file, "utf8").replaceAll("Sổ tay đảng viên điện tử", "Sổ tay cán bộ số");
    writeFileSync(file, text);
    const run = await app.ingest([file]);
    expect(run.counts.updated).toBe(1);
    const hits = await app.store.searchLexical({ column: "folded", terms: [], pairs: [], phrases: ["so tay dang vien"] }, {}, 20);
    const chunks = await app.store.getChunks(hits.map((h) => h.chunkId));
    expect(chunks.filter((c) => c.docName === "002_f51bd1bc98d5fad9.txt")).toHaveLength(0);
    const stats = await app.store.stats();
    expect(stats.documents).toBe(5);
    expect(stats.vectors).toBe(stats.chunks);
  });

  it("reports each bad file with a reason and still stores the good ones", async () => {
    app = await openTempApp({ MAX_FILE_MB: "0.01" });
    const dir = join(app.dir, "batch");
    mkdirSync(dir);
    copyFileSync(join(copyCorpus(app.dir), "000_bc2115a807619c08.txt"), join(dir, "good.txt"));
    writeFileSync(join(dir, "empty.txt"), "   \n");
    writeFileSync(join(dir, "binary.txt"), Buffer.from([0x00, 0x01, 0x02, 0xff, 0x00, 0x10]));
    writeFileSync(join(dir, "bad-utf8.txt"), Buffer.from([0x4b, 0xe1, 0xba, 0x20, 0xff, 0xfe, 0x41]));
    writeFileSync(join(dir, "broken.docx"), "this is not a zip file");
    writeFileSync(join(dir, "broken.pdf"), "%PDF-1.4 garbage");
    writeFileSync(join(dir, "image.png"), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
    writeFileSync(join(dir, "drawing.dwg"), "AC1015");
    writeFileSync(join(dir, "big.txt"), "Giao Bộ Nội vụ chủ trì. ".repeat(2000));
    const run = await app.ingest([dir, join(app.dir, "does-not-exist")]);
    const byName = Object.fromEntries(run.files.map((f) => [f.name, f]));
    expect(byName["good.txt"]?.status).toBe("new");
    const codes = Object.fromEntries(run.files.filter((f) => f.status === "failed").map((f) => [f.name, f.error?.code]));
    expect(codes).toMatchObject({
      "empty.txt": "empty_file",
      "binary.txt": "binary_file",
      "bad-utf8.txt": "malformed_utf8",
      "broken.docx": "docx_broken",
      "drawing.dwg": "unsupported_format",
      "big.txt": "too_large",
      "does-not-exist": "not_found",
    });
    expect(["pdf_broken", "pdf_no_text"]).toContain(codes["broken.pdf"]);
    expect(["ocr_failed", "ocr_unavailable"]).toContain(codes["image.png"]);
    for (const f of run.files.filter((x) => x.status === "failed")) expect(f.error?.message.length).toBeGreaterThan(10);
    expect((await app.store.stats()).documents).toBe(1);
  });

  it("repairs a store whose vector index was not saved before a crash", async () => {
    app = await openTempApp();
    const corpus = copyCorpus(app.dir);
    await app.ingest([join(corpus, "000_bc2115a807619c08.txt")]);
    const index = join(app.dir, "data", "vectors.hnsw");
    const saved = readFileSync(index);
    await app.ingest([join(corpus, "002_f51bd1bc98d5fad9.txt")]);
    await app.close();
    // The crash: rows of 002 committed, but the index on disk is the one from before.
    writeFileSync(index, saved);
    app = Object.assign(await (await import("../../app/open.js")).openApp(app.config), { dir: app.dir });
    const before = await app.store.stats();
    expect(before.vectors).toBeLessThan(before.chunks);
    const run = await app.ingest([corpus]);
    expect(run.counts).toMatchObject({ unchanged: 2, new: 3, failed: 0 });
    const after = await app.store.stats();
    expect(after.vectors).toBe(after.chunks);
    const answer = await app.answerer.ask("Ai phối hợp nâng cấp Sổ tay đảng viên điện tử?");
    expect(answer.citations.some((c) => c.doc === "002_f51bd1bc98d5fad9.txt")).toBe(true);
  });

  it("survives a lost index file and rebuilds every vector", async () => {
    app = await openTempApp();
    const corpus = copyCorpus(app.dir);
    await app.ingest([corpus]);
    await app.close();
    const index = join(app.dir, "data", "vectors.hnsw");
    if (existsSync(index)) unlinkSync(index);
    app = Object.assign(await (await import("../../app/open.js")).openApp(app.config), { dir: app.dir });
    await app.ingest([corpus]);
    const stats = await app.store.stats();
    expect(stats.vectors).toBe(stats.chunks);
  });

  it("prunes documents whose files are gone and removes one by id", async () => {
    app = await openTempApp();
    const corpus = copyCorpus(app.dir);
    await app.ingest([corpus]);
    rmSync(join(corpus, "003_0b226ac5bb75c25f.txt"));
    const run = await app.ingest([corpus], { prune: true });
    expect(run.counts.removed).toBe(1);
    const docs = await app.store.listDocuments();
    expect(docs.map((d) => d.name)).not.toContain("003_0b226ac5bb75c25f.txt");
    await app.store.removeDocument(docs[0]!.id);
    expect((await app.store.stats()).documents).toBe(3);
  });

  it("applies a sidecar that corrects metadata, and re-ingests when only the sidecar changes", async () => {
    app = await openTempApp();
    const corpus = copyCorpus(app.dir);
    const file = join(corpus, "000_bc2115a807619c08.txt");
    writeFileSync(join(corpus, "000_bc2115a807619c08.meta.json"), JSON.stringify({ number: "183-KL/TW", date: "2025-08-22" }));
    await app.ingest([file]);
    let [doc] = await app.store.findDocuments("183-KL/TW");
    expect(doc?.meta).toMatchObject({ number: "183-KL/TW", date: "2025-08-22", kind: "ket_luan" });
    writeFileSync(join(corpus, "000_bc2115a807619c08.meta.json"), JSON.stringify({ number: "184-KL/TW" }));
    appendFileSync(join(corpus, "unrelated.txt"), "");
    const run = await app.ingest([file]);
    expect(run.counts.updated).toBe(1);
    [doc] = await app.store.findDocuments("184");
    expect(doc?.name).toBe("000_bc2115a807619c08.txt");
  });
});
