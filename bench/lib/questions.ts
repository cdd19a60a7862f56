/**
 * Questions for the latency benchmarks: the dev questions of ../shared/eval and the CongBot questions,
 * interleaved and thinned evenly to the count wanted; a small built-in list when ../shared is absent.
 */
import { readFileSync } from "node:fs";
import { sharedPath, type BenchContext } from "./context.js";

const FALLBACK = [
  "Ban Tổ chức Trung ương được giao những nhiệm vụ gì trong quý II/2026?",
  "Ai chủ trì xây dựng đề án chuyển đổi số?",
  "Hạn chót báo cáo kết quả thực hiện kết luận là khi nào?",
  "bo noi vu phoi hop thuc hien nhiem vu gi",
  "What is the Ministry of Finance assigned?",
  "Nghị quyết quy định gì về đào tạo nguồn nhân lực?",
  "Ủy ban nhân dân tỉnh có trách nhiệm gì trong quản lý đất đai?",
  "Kế hoạch triển khai chương trình cải cách thủ tục hành chính năm 2026",
];

export function readJsonl<T>(path: string): T[] {
  return readFileSync(path, "utf8").split("\n").filter((l) => l.trim()).map((l) => JSON.parse(l) as T);
}

/** Picks `n` items spread evenly over `xs` (all of them when n >= xs.length). */
export function spread<T>(xs: readonly T[], n: number): T[] {
  if (n >= xs.length) return [...xs];
  return Array.from({ length: n }, (_, i) => xs[Math.floor((i * xs.length) / n)]!);
}

export function latencyQuestions(ctx: BenchContext, n: number): { questions: string[]; source: string } {
  const dev = sharedPath(ctx, "eval", "dev.jsonl");
  const cong = sharedPath(ctx, "ext", "congbot", "qa_benchmark.jsonl");
  const devQ = dev ? readJsonl<{ q: string }>(dev).map((d) => d.q) : [];
  const congQ = cong ? readJsonl<{ question: string }>(cong).map((d) => d.question) : [];
  if (devQ.length + congQ.length === 0) return { questions: spread(FALLBACK, n), source: "built-in list (no ../shared)" };
  const picked = [...devQ, ...spread(congQ, Math.max(0, n - devQ.length))];
  return { questions: picked.slice(0, n), source: `${Math.min(devQ.length, n)} from eval/dev.jsonl + ${Math.max(0, picked.length - devQ.length)} from congbot/qa_benchmark.jsonl` };
}
