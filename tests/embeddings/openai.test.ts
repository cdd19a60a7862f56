import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createEmbeddings, resolveEmbedderInfo } from "../../embeddings/create.js";
import { deferEmbeddings } from "../../embeddings/deferred.js";
import { LocalHashEmbeddings } from "../../embeddings/local.js";
import { createOpenAIEmbeddings } from "../../embeddings/openai.js";

interface Seen { path: string; auth: string | undefined; body: { model: string; input: string | string[]; encoding_format?: string } }

/** A local stand-in for POST /v1/embeddings: vector = [length, index in batch, 1]. */
let server: Server;
let base: string;
const seen: Seen[] = [];
let failures = 0;

beforeAll(async () => {
  server = createServer((req, res) => {
    let raw = "";
    req.on("data", (c: Buffer) => (raw += c.toString()));
    req.on("end", () => {
      const body = JSON.parse(raw) as Seen["body"];
      seen.push({ path: req.url ?? "", auth: req.headers.authorization, body });
      res.setHeader("content-type", "application/json");
      if (req.method !== "POST" || req.url !== "/v1/embeddings") {
        res.writeHead(404).end(JSON.stringify({ error: { message: "not found" } }));
      } else if (failures > 0) {
        failures--;
        res.writeHead(500).end(JSON.stringify({ error: { message: "temporarily broken" } }));
      } else {
        const input = Array.isArray(body.input) ? body.input : [body.input];
        res.end(JSON.stringify({
          object: "list", model: body.model, usage: { prompt_tokens: 1, total_tokens: 1 },
          data: input.map((t, i) => ({ object: "embedding", index: i, embedding: [t.length, i, 1] })),
        }));
      }
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));
beforeEach(() => {
  seen.length = 0;
  failures = 0;
});

describe("OpenAI-compatible embeddings", () => {
  it("sends texts in batches of batchSize and returns vectors in input order", async () => {
    const e = createOpenAIEmbeddings({ baseUrl: `${base}/v1`, apiKey: "sk-test", model: "nomic-embed-text", batchSize: 2 });
    const texts = ["a", "bb", "ccc", "dddd", "eeeee"];
    const out = await e.embedDocuments(texts);
    expect(out.map((v) => v[0])).toEqual([1, 2, 3, 4, 5]);
    expect(seen.map((s) => (s.body.input as string[]).length).sort()).toEqual([1, 2, 2]);
    expect(seen.every((s) => s.body.model === "nomic-embed-text" && s.body.encoding_format === "float")).toBe(true);
    expect(seen[0]!.auth).toBe("Bearer sk-test");
    expect(await e.embedQuery("xin chào")).toEqual([8, 0, 1]);
  });

  it("retries a failed request (500 then 200)", async () => {
    failures = 1;
    const e = createOpenAIEmbeddings({ baseUrl: base, model: "m", batchSize: 8 }); // bare host: /v1 added
    const out = await e.embedDocuments(["một", "hai"]);
    expect(out).toEqual([[3, 0, 1], [3, 1, 1]]);
    expect(seen).toHaveLength(2);
    expect(seen.every((s) => s.path === "/v1/embeddings")).toBe(true);
  });

  it("gives up after maxRetries", async () => {
    failures = 10;
    const e = createOpenAIEmbeddings({ baseUrl: `${base}/v1`, model: "m", batchSize: 8, maxRetries: 1 });
    await expect(e.embedQuery("x")).rejects.toThrow();
    expect(seen).toHaveLength(2);
  });
});

describe("createEmbeddings", () => {
  it("describes the local embedder", () => {
    const { embeddings, info } = createEmbeddings({ kind: "local", dimensions: 128 });
    expect(info).toEqual({ name: "local-hash-v1", dimensions: 128 });
    expect(embeddings.constructor.name).toBe("LocalHashEmbeddings");
  });

  it("learns an unknown model's dimensions from the endpoint, and knows common ones", async () => {
    const created = createEmbeddings({ kind: "openai", baseUrl: `${base}/v1`, model: "my-model", batchSize: 4 });
    expect(created.info).toEqual({ name: "openai:my-model", dimensions: 0 });
    expect(await resolveEmbedderInfo(created)).toEqual({ name: "openai:my-model", dimensions: 3 });
    expect(seen).toHaveLength(1);
    await resolveEmbedderInfo(created);
    expect(seen).toHaveLength(1); // probed once
    const known = createEmbeddings({ kind: "openai", apiKey: "k", model: "text-embedding-3-small", batchSize: 4 });
    expect(known.info).toEqual({ name: "openai:text-embedding-3-small", dimensions: 1536 });
  });
});

describe("deferEmbeddings (what openApp uses: the embedder loads with its first request)", () => {
  it("gives the local embedder's vectors and description", async () => {
    const { embeddings, info } = deferEmbeddings({ kind: "local", dimensions: 128 });
    expect(info).toEqual({ name: "local-hash-v1", dimensions: 128 });
    const local = new LocalHashEmbeddings({ dimensions: 128 });
    expect(await embeddings.embedQuery("Bộ Y tế chủ trì")).toEqual(await local.embedQuery("Bộ Y tế chủ trì"));
    expect(await embeddings.embedDocuments(["a b", "quý II/2026"])).toEqual(await local.embedDocuments(["a b", "quý II/2026"]));
  });

  it("records a remote model's real size in the description it returned", async () => {
    const created = deferEmbeddings({ kind: "openai", baseUrl: `${base}/v1`, model: "my-model", batchSize: 4 });
    expect(created.info).toEqual({ name: "openai:my-model", dimensions: 0 });
    expect(seen).toHaveLength(0);
    expect(await resolveEmbedderInfo(created)).toEqual({ name: "openai:my-model", dimensions: 3 });
    expect(created.info.dimensions).toBe(3);
    expect(seen).toHaveLength(1);
  });
});
