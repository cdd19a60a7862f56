import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { VectorIndex } from "../../store/hnsw/vector-index.js";
import { SAMPLE_CORPUS, removeDir, tempDir } from "../helpers/app.js";
import { cli, cliInProcess } from "../helpers/cli.js";

/**
 * The commands on the sample corpus, run in this process (cliInProcess: the same program as the binary);
 * the `ask --jsonl` contract and the failure exit codes are tried on the real CLI in a child process.
 */
describe("nhiemvu CLI on the sample corpus", () => {
  let dir: string;
  let env: Record<string, string>;
  beforeAll(async () => {
    dir = tempDir();
    env = { DATA_DIR: join(dir, "data") };
    const run = await cliInProcess(["ingest", SAMPLE_CORPUS, "--json"], env);
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout).counts).toMatchObject({ new: 5, failed: 0 });
  });
  afterAll(() => removeDir(dir));

  it("reports everything unchanged on a second ingest", async () => {
    const run = await cliInProcess(["ingest", SAMPLE_CORPUS, "--json"], env);
    expect(JSON.parse(run.stdout).counts).toMatchObject({ unchanged: 5, new: 0, failed: 0 });
  });

  it("shows a section by the label the document uses", async () => {
    const run = await cliInProcess(["show", "002_f51bd1bc98d5fad9.txt", "3 (ii)"], env);
    expect(run.code, run.stderr).toBe(0);
    const body = run.stdout.split("\n").slice(1).join("\n");
    expect(body.startsWith("Tham mưu Ban Bí thư ban hành Quy định giải quyết khiếu nại về xoá tên đảng viên")).toBe(true);
  });

  it("lists what Ban Tổ chức TW leads and coordinates in Q2/2026, whatever the spelling", async () => {
    for (const [assignee, period] of [["Ban Tổ chức TW", "Q2/2026"], ["BTCTW", "quý 2/2026"], ["ban to chuc trung uong", "quý II/2026"]]) {
      const run = await cliInProcess(["tasks", "--assignee", assignee!, "--period", period!, "--json"], env);
      expect(run.code, run.stderr).toBe(0);
      const items = JSON.parse(run.stdout) as Array<{ role: string; section: string; doc: string; quote: string }>;
      const got = items.map((t) => `${t.role} ${t.section}`).sort();
      // 3 (i) "Chủ động phối hợp với ...": the Ban coordinates; 4 (ii) "Phối hợp với Ban Tổ chức Trung ương" is the Văn phòng's.
      expect(got).toEqual(["coordinate 3 (i)", "coordinate 4 (iii)", "lead 3 (ii)", "lead 3 (iii)"]);
      expect(items.every((t) => t.doc === "002_f51bd1bc98d5fad9.txt")).toBe(true);
    }
  });

  it("lists deadlines in a date range", async () => {
    const run = await cliInProcess(["deadlines", "--from", "2025-08-01", "--to", "2025-10-31", "--json"], env);
    const dues = new Set((JSON.parse(run.stdout) as Array<{ deadline: { due: string } }>).map((t) => t.deadline.due));
    for (const due of ["2025-08-31", "2025-09-30", "2025-10-31"]) expect(dues).toContain(due);
  });

  it("answers --jsonl with one JSON object per line and nothing else on stdout", () => {
    const questions = ["Ban Tổ chức TW được giao những nhiệm vụ gì trong quý II/2026?", "", "Bộ Quốc phòng được giao nhiệm vụ gì trong quý II/2026?"];
    const run = cli(["ask", "--jsonl"], env, `${questions.join("\n")}\n`);
    expect(run.code, run.stderr).toBe(0);
    const lines = run.stdout.trim().split("\n").map((l) => JSON.parse(l));
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatchObject({ found: true });
    expect(lines[0].citations.length).toBeGreaterThan(0);
    // The store ids a citation carries for the bot stay out of the contract.
    for (const c of lines[0].citations) {
      expect(c).not.toHaveProperty("docId");
      expect(c).not.toHaveProperty("sectionIndex");
    }
    expect(lines[2]).toMatchObject({ found: false, citations: [] });
  });

  it("says clearly, in English, what went wrong", () => {
    const unknown = cli(["frobnicate"], env);
    expect(unknown.code).not.toBe(0);
    expect(unknown.stderr).toMatch(/unknown command 'frobnicate'/);
    const missing = cli(["show", "no-such-doc"], env);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/^error: No stored document matches "no-such-doc"/);
    expect(missing.stderr).not.toMatch(/\n\s+at /);
    const badPeriod = cli(["tasks", "--period", "someday"], env);
    expect(badPeriod.stderr).toMatch(/Cannot read "someday" as a period/);
    const badConfig = cli(["docs"], { ...env, EMBEDDER: "bogus" });
    expect(badConfig.code).toBe(2);
    expect(badConfig.stderr).toMatch(/EMBEDDER/);
  });

  describe("with the vector file read on first use", () => {
    /** Reads of the vector file (VectorIndex's private `load`) from here on. */
    const loads = () => vi.spyOn(VectorIndex.prototype as unknown as { load: (d?: number) => void }, "load");
    afterEach(() => void vi.restoreAllMocks());

    it("stats and ask read no vector file; ingest, reindex and stats after them still agree", async () => {
      const read = loads();
      const stats = await cliInProcess(["stats", "--json"], env);
      expect(stats.code, stats.stderr).toBe(0);
      const counted = JSON.parse(stats.stdout) as { chunks: number; vectors: number };
      expect(counted.vectors).toBe(counted.chunks);
      const ask = await cliInProcess(["ask", "Ban Tổ chức TW được giao những nhiệm vụ gì trong quý II/2026?"], env);
      expect(ask.code, ask.stderr).toBe(0);
      expect(ask.stdout).toMatch(/Ban Tổ chức Trung ương/);
      expect(read).not.toHaveBeenCalled();

      const reindex = await cliInProcess(["reindex"], env);
      expect(reindex.code, reindex.stderr).toBe(0);
      const again = await cliInProcess(["ingest", SAMPLE_CORPUS, "--json"], env);
      expect(JSON.parse(again.stdout).counts).toMatchObject({ unchanged: 5, failed: 0 });
      read.mockClear();
      const after = JSON.parse((await cliInProcess(["stats", "--json"], env)).stdout) as { chunks: number; vectors: number };
      expect(after).toEqual(counted);
      expect(read).not.toHaveBeenCalled();
    });
  });

  it("refuses to mix embedders and says how to re-embed", async () => {
    const run = await cliInProcess(["ask", "x"], { ...env, LOCAL_EMBEDDING_DIM: "256" });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/reindex/);
  });
});
