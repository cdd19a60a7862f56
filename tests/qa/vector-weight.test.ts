/**
 * VECTOR_WEIGHT reaches ranking: with an embedder that knows meaning (here an OpenAI-compatible stand-in
 * whose vectors put one passage nearest the question), `ask` cites that passage when the vector list
 * weighs 1 and the word-for-word passages when it weighs 0 (the default).
 *
 * The passage holds about half of the question's words ("đê", "bờ sông", "bảo vệ", "mùa mưa bão"): a passage
 * holding none of them could not answer whatever its rank (the evidence score of qa/policy.ts reads the
 * question's words in it). Fifteen short passages that hold every word rank above it by BM25, far out of
 * reach of the answer's citations, and the stand-in puts them farthest from the question.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTempApp, removeDir, tempDir } from "../helpers/app.js";
import { cliInProcess } from "../helpers/cli.js";

const QUESTION = "Biện pháp phòng chống sạt lở bờ sông và bảo vệ đê trong mùa mưa bão là gì?";
const TARGET = "Gia cố đê và bờ sông, kè chắn tại các đoạn xung yếu, di dời dân cư khỏi vùng nguy hiểm trong mùa mưa bão để " +
  "bảo vệ tính mạng và tài sản của nhân dân; các địa phương hoàn thành việc rà soát, báo cáo kết quả trước ngày 30 tháng 6.";
const PLACES = ["Cẩm Khê", "Đoan Hùng", "Hạ Hòa", "Lâm Thao", "Phù Ninh", "Tam Nông", "Thanh Ba", "Thanh Sơn",
  "Thanh Thủy", "Yên Lập", "Tân Sơn", "Việt Trì", "Phú Thọ", "Sông Thao", "Ao Châu"];
const decoy = (place: string, i: number) =>
  `Biện pháp phòng chống sạt lở bờ sông, bảo vệ đê trong mùa mưa bão ở huyện ${place}: cắm ${i + 2} biển cảnh báo.`;
/** Passages with none of the question's words: they fill the vector list past the word-for-word passages. */
const filler = (i: number) => `Công tác văn thư lưu trữ số ${i}: sắp xếp hồ sơ ${i} hộp, số hóa tài liệu ${i}.`;

/** e1 for the passage and the question, its opposite for the word-for-word passages, e2 for the rest. */
function vectorOf(text: string): number[] {
  const v = new Array<number>(8).fill(0);
  if (text.includes("huyện")) v[0] = -1;
  else if (text.includes("văn thư")) v[1] = 1;
  else v[0] = 1;
  return v;
}

let server: Server;
let dir: string;
let env: Record<string, string>;

beforeAll(async () => {
  server = createServer((req, res) => {
    let raw = "";
    req.on("data", (c: Buffer) => (raw += c.toString()));
    req.on("end", () => {
      const body = JSON.parse(raw) as { model: string; input: string | string[] };
      const input = Array.isArray(body.input) ? body.input : [body.input];
      res.setHeader("content-type", "application/json");
      res.end(JSON.stringify({
        object: "list", model: body.model, usage: { prompt_tokens: 1, total_tokens: 1 },
        data: input.map((t, i) => ({ object: "embedding", index: i, embedding: vectorOf(t) })),
      }));
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  dir = tempDir();
  env = {
    DATA_DIR: join(dir, "data"), EMBEDDER: "openai", EMBEDDING_MODEL: "stand-in",
    EMBEDDING_BASE_URL: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`,
  };
  const corpus = join(dir, "corpus");
  mkdirSync(corpus);
  writeFileSync(join(corpus, "ke-hoach-de.txt"), TARGET);
  PLACES.forEach((p, i) => writeFileSync(join(corpus, `huyen-${i}.txt`), decoy(p, i)));
  for (let i = 0; i < 45; i++) writeFileSync(join(corpus, `van-thu-${i}.txt`), filler(i));
  const app = await openTempApp(env);
  try {
    const run = await app.ingest([corpus]);
    expect(run.counts.failed).toBe(0);
  } finally {
    await app.close();
  }
});
afterAll(async () => {
  await new Promise<void>((r) => server.close(() => r()));
  removeDir(dir);
});

async function cited(weight?: string): Promise<string[]> {
  const run = await cliInProcess(["ask", "--json", QUESTION], weight === undefined ? env : { ...env, VECTOR_WEIGHT: weight });
  expect(run.code, run.stderr).toBe(0);
  const answer = JSON.parse(run.stdout) as { found: boolean; citations: Array<{ doc: string }> };
  expect(answer.found).toBe(true);
  return answer.citations.map((c) => c.doc);
}

describe("VECTOR_WEIGHT", () => {
  it("with a semantic embedder, 1 cites the passage nearest in meaning; 0 (the default) the word-for-word ones", async () => {
    const vectors = await cited("1");
    expect(vectors[0]).toBe("ke-hoach-de.txt");
    for (const words of [await cited("0"), await cited()]) {
      expect(words).not.toContain("ke-hoach-de.txt");
      expect(words[0]).toMatch(/^huyen-/);
    }
  });

  it("a bad value stops the command with a clear error", async () => {
    for (const bad of ["heavy", "-0.5"]) {
      const run = await cliInProcess(["ask", QUESTION], { ...env, VECTOR_WEIGHT: bad });
      expect(run.code).toBe(2);
      expect(run.stderr).toContain("must be a number of 0 or more (the weight of the vector list in ranking; the word list weighs 1)");
      expect(run.stderr).toContain("VECTOR_WEIGHT");
    }
  });
});
