/**
 * Benchmark corpora: the scale corpus of ../shared (one JSON document a line, gzipped) streamed out as
 * .txt files, or, without ../shared, a generated corpus of the same shape: Vietnamese-like text whose
 * document lengths follow the log-normal fitted to the scale corpus (8,631 documents, 75.8 M characters,
 * median 5,695 characters, ln-length mean 8.69 and sd 0.79).
 */
import { createReadStream, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { createGunzip } from "node:zlib";

export interface CorpusDoc {
  id: string;
  title: string;
  text: string;
}

export interface WrittenCorpus {
  dir: string;
  files: number;
  bytes: number;
  chars: number;
}

/** Streams the documents of a .jsonl.gz file (fields id, title, text), at most `limit`. */
export async function* readJsonlGz(path: string, limit = Infinity): AsyncGenerator<CorpusDoc> {
  const lines = createInterface({ input: createReadStream(path).pipe(createGunzip()), crlfDelay: Infinity });
  let n = 0;
  for await (const line of lines) {
    if (!line.trim()) continue;
    if (n++ >= limit) break;
    const d = JSON.parse(line) as { id: string; title?: string; text: string };
    yield { id: d.id, title: d.title ?? "", text: d.text };
  }
  lines.close();
}

/** Writes each document as `<id>.txt` under `dir`. */
export async function writeCorpus(docs: AsyncIterable<CorpusDoc> | Iterable<CorpusDoc>, dir: string): Promise<WrittenCorpus> {
  mkdirSync(dir, { recursive: true });
  let files = 0, bytes = 0, chars = 0;
  for await (const d of docs) {
    const body = Buffer.from(d.text, "utf8");
    writeFileSync(join(dir, `${safeName(d.id)}.txt`), body);
    files++;
    bytes += body.length;
    chars += d.text.length;
  }
  return { dir, files, bytes, chars };
}

function safeName(id: string): string {
  return id.replace(/[^\p{L}\p{N}._-]+/gu, "_");
}

/** Deterministic PRNG (mulberry32): the same seed gives the same corpus on every machine. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SYLLABLES = (
  "các của và có được trong cho là với người những một không để này theo đã về các tại khi từ quy định nhiệm vụ " +
  "thực hiện chủ trì phối hợp bộ ngành ủy ban nhân dân tỉnh thành phố trung ương ban chấp hành đảng chính phủ " +
  "quốc hội kế hoạch kết luận nghị quyết chỉ thị thông báo công văn hướng dẫn báo cáo tổ chức cán bộ đảng viên " +
  "kinh tế xã hội phát triển chuyển đổi số khoa học công nghệ đổi mới sáng tạo nâng cao hiệu quả quản lý nhà nước " +
  "trách nhiệm triển khai đánh giá kiểm tra giám sát tài chính ngân sách đầu tư hạ tầng giao thông y tế giáo dục " +
  "đào tạo nguồn nhân lực môi trường tài nguyên đất đai nông nghiệp nông thôn quốc phòng an ninh đối ngoại " +
  "tiếp tục tăng cường đẩy mạnh hoàn thiện xây dựng chương trình đề án năm tháng quý trước ngày hạn chót " +
  "cơ quan đơn vị địa phương doanh nghiệp người dân thủ tục hành chính cải cách pháp luật văn bản"
).split(" ");

function lognormal(r: () => number, mu: number, sigma: number): number {
  const u = Math.max(r(), 1e-12), v = r();
  return Math.exp(mu + sigma * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v));
}

function sentence(r: () => number): string {
  const n = 8 + Math.floor(r() * 24);
  const w: string[] = [];
  for (let i = 0; i < n; i++) w.push(SYLLABLES[Math.floor(r() * SYLLABLES.length)]!);
  const s = w.join(" ");
  return s.charAt(0).toUpperCase() + s.slice(1) + (r() < 0.15 ? ";" : ".");
}

/** One generated document of about `chars` characters: a title, numbered articles, paragraphs, lists. */
export function generateDocument(r: () => number, index: number, chars: number): CorpusDoc {
  const title = sentence(r).replace(/[.;]$/, "");
  const parts: string[] = [`# ${title}`, ""];
  let len = title.length + 3;
  let article = 0;
  while (len < chars) {
    let block: string;
    const pick = r();
    if (pick < 0.12) block = `Điều ${++article}. ${sentence(r).replace(/[.;]$/, "")}`;
    else if (pick < 0.3) block = `${1 + Math.floor(r() * 9)}. ${sentence(r)} ${sentence(r)}`;
    else if (pick < 0.4) block = `- ${sentence(r)}`;
    else block = [sentence(r), sentence(r), sentence(r)].slice(0, 1 + Math.floor(r() * 3)).join(" ");
    parts.push(block, "");
    len += block.length + 2;
  }
  return { id: `gen_${String(index).padStart(5, "0")}`, title, text: parts.join("\n") };
}

/** `count` generated documents (lengths log-normal as in the scale corpus, clipped to 200..600,000). */
export function* generateCorpus(count: number, seed = 7): Generator<CorpusDoc> {
  const r = rng(seed);
  for (let i = 0; i < count; i++) {
    const chars = Math.min(600_000, Math.max(200, Math.round(lognormal(r, 8.69, 0.79))));
    yield generateDocument(r, i, chars);
  }
}
