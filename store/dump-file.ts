/**
 * The dump file: gzip'd JSON Lines, streamed both ways.
 *
 *   line 1      {"format":"nhiemvu-dump","version":1,"embedder":{"name","dimensions"}|null,"createdAt"}
 *   line 2..n   {"draft":DocumentDraft,"ingestedAt","vectors":[base64 of each chunk's Float32Array bytes
 *               (little-endian), in chunk order] or []}
 *   last line   {"botState":BotState,"documents":n}   (n: the number of document lines, a completeness check)
 *
 * Writing goes to a temp file beside the target, fsync'd, then renamed: a reader never sees half a dump.
 * Reading checks the gzip framing (CRC and length: a cut file fails), every line's shape, and the closing
 * line; errors name the line.
 */
import { closeSync, createReadStream, createWriteStream, fsyncSync, openSync, readSync, renameSync, rmSync } from "node:fs";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { StringDecoder } from "node:string_decoder";
import { createGunzip, createGzip } from "node:zlib";
import { z } from "zod";
import { StoreError } from "../core/errors.js";
import type { DocumentDraft } from "../core/types.js";
import type { BotState } from "./types.js";
import { DUMP_FORMAT, DUMP_VERSION, countRecord, emptyCounts, type CopyCounts, type DumpHeader, type DumpRecord } from "./portable.js";

/** Writes the records to `file` atomically; resolves once the file is in place. */
export async function writeDumpFile(records: AsyncIterable<DumpRecord>, file: string): Promise<void> {
  const tmp = `${file}.tmp-${process.pid}`;
  try {
    // Level 1: base64 vectors barely compress anyway, and level 6 made gzip most of the export time.
    await pipeline(Readable.from(dumpLines(records)), createGzip({ level: 1 }), createWriteStream(tmp));
    const fd = openSync(tmp, "r+");
    try { fsyncSync(fd); } finally { closeSync(fd); }
    renameSync(tmp, file);
  } catch (err) {
    rmSync(tmp, { force: true });
    throw err;
  }
}

async function* dumpLines(records: AsyncIterable<DumpRecord>): AsyncGenerator<string> {
  for await (const r of records) {
    if (r.kind === "header") yield `${JSON.stringify(r.header)}\n`;
    else if (r.kind === "bot") yield `${JSON.stringify({ botState: r.state, documents: r.documents })}\n`;
    else {
      const vectors = r.doc.vectors.map((v) => Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString("base64"));
      yield `${JSON.stringify({ draft: r.doc.draft, ingestedAt: r.doc.ingestedAt, vectors })}\n`;
    }
  }
}

const Period = z.object({ text: z.string(), kind: z.enum(["range", "ongoing", "recurring", "duration"]), start: z.string().optional(), end: z.string().optional(), label: z.string().optional() });
const int = z.number().int();
const Draft = z.object({
  name: z.string(), path: z.string(), hash: z.string(), format: z.enum(["txt", "md", "docx", "pdf", "html"]), text: z.string(),
  meta: z.looseObject({ kind: z.string() }),
  sections: z.array(z.object({ index: int, parent: int.nullable(), depth: int, marker: z.string(), label: z.string(), heading: z.string(), start: int, end: int })),
  chunks: z.array(z.object({ section: int, start: int, end: int, text: z.string(), context: z.string() })),
  assignments: z.array(z.object({
    orgId: z.string().nullable(), org: z.string(), orgText: z.string(), role: z.enum(["lead", "coordinate", "execute"]),
    coordinators: z.array(z.string()), task: z.string(),
    deadline: z.object({ text: z.string(), kind: Period.shape.kind, start: z.string().optional(), due: z.string().optional() }).optional(),
    period: Period.optional(), section: int, quoteStart: int, quoteEnd: int,
  })),
  pages: z.array(int).optional(),
});
const DocumentLine = z.object({ draft: Draft, ingestedAt: z.string(), vectors: z.array(z.string()) });
const TaskStateZ = z.enum(["todo", "doing", "done"]);
const EvidenceZ = z.object({ doc: z.string().optional(), section: z.string().optional(), file: z.string().optional(), quote: z.string().optional() });
/** Task statuses, their history and reporters (core/status.ts StatusState). */
const StatusLine = z.object({
  statuses: z.array(z.object({
    key: z.string(), docName: z.string(), sectionLabel: z.string(), orgKey: z.string(), state: TaskStateZ,
    doneOn: z.string().optional(), note: z.string().optional(), evidence: EvidenceZ.optional(), needsReview: z.boolean(),
    updatedBy: z.string(), updatedAt: z.string(),
  })),
  history: z.array(z.object({
    key: z.string(), from: TaskStateZ.nullable(), to: TaskStateZ, by: z.string(), at: z.string(), note: z.string().optional(),
    evidence: EvidenceZ.optional(), doneOn: z.string().optional(),
  })),
  reporters: z.array(z.object({ orgKey: z.string(), userId: int, grantedBy: int.optional(), grantedAt: z.string() })),
});
const BotLine = z.object({
  documents: int,
  botState: z.object({
    access: z.array(z.object({ id: int, kind: z.enum(["user", "chat"]), label: z.string().optional(), grantedBy: int.optional(), grantedAt: z.string() })),
    subscriptions: z.array(z.object({
      id: int, chatId: int, orgIds: z.array(z.string()), cadence: z.enum(["daily", "weekly"]), time: z.string(), weekday: int.optional(),
      lookaheadDays: int, sendEmpty: z.boolean(), paused: z.boolean(), createdAt: z.string(),
    })),
    deliveries: z.array(z.object({ subscriptionId: int, slot: z.string(), status: z.string(), claimedAt: z.string(), finishedAt: z.string().optional() })),
    feedback: z.array(z.object({ userId: int, chatId: int, question: z.string(), answer: z.string(), vote: z.union([z.literal(1), z.literal(-1)]), createdAt: z.string() })),
    status: StatusLine.optional(),
  }),
});

/**
 * Reads and checks a dump, one record at a time. Throws StoreError `not_a_dump` (not gzip, or no
 * nhiemvu-dump header), `dump_too_new` (a later format version), `dump_truncated` (cut short: gzip
 * end missing, or no closing line) or `dump_corrupt` (bad gzip data, a line that is not a valid record).
 */
export async function* readDumpFile(file: string): AsyncGenerator<DumpRecord> {
  checkGzipMagic(file);
  let header: DumpHeader | undefined;
  let closed = false;
  let documents = 0;
  let n = 0;
  for await (const line of gunzipLines(file, () => n)) {
    n++;
    if (closed) throw corrupt(file, n, "text after the closing line");
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch {
      throw n === 1 ? notADump(file) : corrupt(file, n, "not valid JSON");
    }
    if (!header) {
      header = parseHeader(file, json);
      yield { kind: "header", header };
      continue;
    }
    if (json !== null && typeof json === "object" && "botState" in json) {
      const bot = BotLine.safeParse(json);
      if (!bot.success) throw corrupt(file, n, z.prettifyError(bot.error).split("\n")[0]!);
      if (bot.data.documents !== documents) {
        throw corrupt(file, n, `the closing line counts ${bot.data.documents} documents but ${documents} were read`);
      }
      closed = true;
      yield { kind: "bot", state: bot.data.botState as BotState, documents, line: n };
      continue;
    }
    const doc = DocumentLine.safeParse(json);
    if (!doc.success) throw corrupt(file, n, z.prettifyError(doc.error).split("\n")[0]!);
    const draft = doc.data.draft as DocumentDraft;
    const vectors = decodeVectors(file, n, doc.data.vectors, draft, header);
    documents++;
    yield { kind: "document", doc: { draft, ingestedAt: doc.data.ingestedAt, vectors }, line: n };
  }
  if (!header) throw notADump(file);
  if (!closed) throw new StoreError("dump_truncated", `${file} is cut short: it ends after line ${n} without its closing line.`);
}

function parseHeader(file: string, json: unknown): DumpHeader {
  const h = json as Partial<DumpHeader> | null;
  if (!h || typeof h !== "object" || h.format !== DUMP_FORMAT || typeof h.version !== "number") throw notADump(file);
  if (h.version > DUMP_VERSION) {
    throw new StoreError("dump_too_new",
      `${file} is a version ${h.version} dump; this nhiemvu reads version ${DUMP_VERSION} and older. Upgrade nhiemvu.`);
  }
  const e = h.embedder;
  const embedder = e && typeof e.name === "string" && typeof e.dimensions === "number" ? { name: e.name, dimensions: e.dimensions } : null;
  return { format: DUMP_FORMAT, version: h.version, embedder, createdAt: String(h.createdAt ?? "") };
}

function decodeVectors(file: string, line: number, encoded: string[], draft: DocumentDraft, header: DumpHeader): Float32Array[] {
  if (encoded.length === 0) return [];
  if (encoded.length !== draft.chunks.length) {
    throw corrupt(file, line, `${draft.chunks.length} chunks but ${encoded.length} vectors`);
  }
  const bytes = (header.embedder?.dimensions ?? 0) * 4;
  return encoded.map((s) => {
    const buf = Buffer.from(s, "base64");
    if (bytes > 0 && buf.length !== bytes) throw corrupt(file, line, `a vector of ${buf.length / 4} dimensions, not ${bytes / 4}`);
    // Copy into a fresh, aligned buffer: a Float32Array view needs a 4-byte-aligned offset.
    return new Float32Array(buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.length));
  });
}

/** Lines of the decompressed file; gzip errors become StoreErrors naming the last complete line. */
async function* gunzipLines(file: string, linesRead: () => number): AsyncGenerator<string> {
  const input = createReadStream(file);
  const gunzip = createGunzip();
  input.on("error", (err) => gunzip.destroy(err));
  input.pipe(gunzip);
  const decoder = new StringDecoder("utf8");
  let rest = "";
  try {
    for await (const chunk of gunzip) {
      rest += decoder.write(chunk as Buffer);
      let nl: number;
      while ((nl = rest.indexOf("\n")) >= 0) {
        const line = rest.slice(0, nl);
        rest = rest.slice(nl + 1);
        if (line.trim()) yield line;
      }
    }
  } catch (err) {
    if (err instanceof StoreError) throw err;
    const msg = (err as Error).message;
    const code = (err as { code?: string }).code;
    if (code === "Z_BUF_ERROR" || /unexpected end of file/i.test(msg)) {
      throw new StoreError("dump_truncated", `${file} is cut short (the gzip stream ends early) after line ${linesRead()}.`, { cause: err });
    }
    if (code === "ENOENT" || code === "EACCES" || code === "EISDIR") {
      throw new StoreError("dump_unreadable", `Cannot read ${file}: ${msg}`, { cause: err });
    }
    throw new StoreError("dump_corrupt", `${file} is damaged after line ${linesRead()}: ${msg}.`, { cause: err });
  } finally {
    input.destroy();
  }
  rest += decoder.end();
  if (rest.trim()) yield rest;
}

function checkGzipMagic(file: string): void {
  let fd: number;
  try {
    fd = openSync(file, "r");
  } catch (err) {
    throw new StoreError("dump_unreadable", `Cannot read ${file}: ${(err as Error).message}`, { cause: err });
  }
  const magic = Buffer.alloc(2);
  try { readSync(fd, magic, 0, 2, 0); } finally { closeSync(fd); }
  if (magic[0] !== 0x1f || magic[1] !== 0x8b) throw notADump(file);
}

function notADump(file: string): StoreError {
  return new StoreError("not_a_dump", `${file} is not an nhiemvu dump (a gzip'd JSON Lines file written by \`nhiemvu export\`).`);
}

function corrupt(file: string, line: number, why: string): StoreError {
  return new StoreError("dump_corrupt", `${file} is damaged at line ${line}: ${why}.`);
}

/** Reads a whole dump without writing anything: its header and counts, or the error `readDumpFile` throws. */
export async function verifyDumpFile(file: string): Promise<{ header: DumpHeader; counts: CopyCounts }> {
  const counts = emptyCounts();
  let header: DumpHeader | undefined;
  for await (const record of readDumpFile(file)) {
    if (record.kind === "header") header = record.header;
    countRecord(counts, record);
  }
  return { header: header!, counts };
}
