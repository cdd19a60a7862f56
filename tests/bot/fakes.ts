/**
 * A fake App for bot tests: an in-memory store with just what the bot calls, a canned answerer whose text
 * is full of <, >, & and Markdown, and a fake ingest. Other store methods throw, so a test notices when the
 * bot starts depending on them.
 */
import { readFileSync } from "node:fs";
import { basename } from "node:path";
import { Writable } from "node:stream";
import { pino } from "pino";
import type { App } from "../../app/types.js";
import { loadConfig, type Config } from "../../core/config.js";
import type { Citation, DocumentMeta } from "../../core/types.js";
import type { IngestSummary } from "../../ingest/types.js";
import type { Answer, AskOptions } from "../../qa/types.js";
import type { AccessEntry, AssignmentFilter, RememberedAnswer, Store, StoredAssignment, StoredDocument, StoredSection } from "../../store/types.js";

export const NASTY = `<script>alert("x")</script> & *đậm* _nghiêng_ [link](http://x) \`code\` a<b && c>d`;

export const DOC_TEXT =
  "KẾT LUẬN CỦA BỘ CHÍNH TRỊ\n" +
  "1. Giao Ban Tổ chức Trung ương <chủ trì> & phối hợp với Bộ Nội vụ: hoàn thiện *tiêu chuẩn* trong quý II/2026.\n" +
  "2. Giao Văn phòng Trung ương Đảng theo dõi, đôn đốc _thực hiện_ <b>Kết luận</b> & báo cáo.\n";

export interface FakeState {
  docs: StoredDocument[];
  sections: Map<number, StoredSection[]>;
  tasks: StoredAssignment[];
  access: AccessEntry[];
  feedback: Array<{ userId: number; chatId: number; question: string; answer: string; vote: 1 | -1 }>;
  removed: number[];
  /** Store methods called, in order (access checks excluded). */
  reads: string[];
}

const META: DocumentMeta = { kind: "ket_luan", number: "229-KL/TW", date: "2026-01-08", title: `về nhiệm vụ trọng tâm ${NASTY}` };

export function makeTask(id: number, org: string, due: string | undefined, extra: Partial<StoredAssignment> = {}): StoredAssignment {
  return {
    id, docId: 1, docName: "229.txt", docMeta: META, section: 1, sectionLabel: "1",
    orgId: null, org, orgText: org, role: "lead", coordinators: ["Bộ Nội vụ"],
    task: `Nhiệm vụ ${id}: hoàn thiện <tiêu chuẩn> & *tiêu chí* cho vị trí việc làm`,
    deadline: due ? { text: `trước ngày ${due}`, kind: "range", due } : undefined,
    quote: `Giao ${org} <chủ trì> & phối hợp`, quoteStart: 0, quoteEnd: 10, ...extra,
  };
}

export function seedState(): FakeState {
  const doc: StoredDocument = {
    id: 1, name: "229.txt", path: "/corpus/229.txt", hash: "h", format: "txt", meta: META,
    sections: 2, chunks: 2, assignments: 3, ingestedAt: "2026-01-09T00:00:00Z", text: DOC_TEXT,
  };
  const s1 = DOC_TEXT.indexOf("1.");
  const s2 = DOC_TEXT.indexOf("2.");
  return {
    docs: [doc],
    sections: new Map([[1, [
      { index: 0, parent: null, depth: 0, marker: "1", label: "1", heading: "Giao Ban Tổ chức Trung ương <chủ trì>", start: s1, end: s2, docId: 1, assignments: 2 },
      { index: 1, parent: null, depth: 0, marker: "2", label: "2", heading: "Giao Văn phòng", start: s2, end: DOC_TEXT.length, docId: 1, assignments: 1 },
    ]]]),
    tasks: [
      makeTask(11, "Ban Tổ chức Trung ương", "2026-04-20"),
      makeTask(12, "Bộ Nội vụ", "2026-04-01", { role: "coordinate", coordinators: [] }),
      makeTask(13, "Văn phòng Trung ương Đảng", "2026-05-10", { section: 1, sectionLabel: "2" }),
    ],
    access: [], feedback: [], removed: [], reads: [],
  };
}

export function fakeStore(st: FakeState): Store {
  const impl: Partial<Store> = {
    async listDocuments() { st.reads.push("listDocuments"); return st.docs; },
    async findDocuments(ref) {
      st.reads.push("findDocuments");
      const r = ref.toLowerCase();
      return st.docs.filter((d) => String(d.id) === r || d.name.toLowerCase() === r || d.name.toLowerCase().replace(/\.\w+$/, "") === r ||
        (d.meta.number ?? "").toLowerCase() === r || (d.meta.number ?? "").toLowerCase().split("-")[0] === r);
    },
    async getDocument(id) { st.reads.push("getDocument"); return st.docs.find((d) => d.id === id); },
    async getSections(id) { st.reads.push("getSections"); return st.sections.get(id) ?? []; },
    async removeDocument(id) { st.removed.push(id); st.docs = st.docs.filter((d) => d.id !== id); },
    async findAssignments(f: AssignmentFilter) {
      st.reads.push("findAssignments");
      return st.tasks.filter((t) =>
        (!f.docIds || f.docIds.includes(t.docId)) &&
        (!f.dueAfter || (t.deadline?.due !== undefined && t.deadline.due >= f.dueAfter)) &&
        (!f.dueBefore || (t.deadline?.due !== undefined && t.deadline.due <= f.dueBefore)));
    },
    async isAllowed(id) { return st.access.some((e) => e.id === id); },
    async grant(e) { st.access = st.access.filter((x) => x.id !== e.id); st.access.push({ ...e, grantedAt: "2026-04-15T00:00:00Z" }); },
    async revoke(id) { const n = st.access.length; st.access = st.access.filter((x) => x.id !== id); return st.access.length < n; },
    async listAccess() { return st.access; },
    async addFeedback(e) { st.feedback.push(e); },
    async getTaskStatuses() { return new Map(); }, // no statuses: task lists show "chưa thực hiện"
    ...fakeMemory(),
    async close() {},
  };
  return new Proxy(impl as Store, {
    get(target, prop, recv) {
      if (prop in target) return Reflect.get(target, prop, recv);
      if (prop === "then") return undefined;
      return () => { throw new Error(`fake store: ${String(prop)} not implemented`); };
    },
  });
}

/** BotMemoryStore and CoordinationStore in memory, as one process would see them. */
export function fakeMemory(): Pick<Store, "rememberAnswer" | "recallAnswer" | "noteVote" | "noteOnce" | "notedLabel" | "withLock" | "markUpdateHandled" | "isUpdateHandled"> {
  const answers = new Map<string, RememberedAnswer>();
  const votes = new Set<string>();
  const noted = new Map<string, string | undefined>();
  const locks = new Set<string>();
  const handled = new Set<number>();
  return {
    async rememberAnswer(key, e) { answers.set(key, { ...e }); },
    async recallAnswer(key) { const e = answers.get(key); return e && { ...e }; },
    async noteVote(key, user) { const k = `${key}:${user}`; if (votes.has(k)) return false; votes.add(k); return true; },
    async noteOnce(scope, id, label) { const k = `${scope}:${id}`; if (noted.has(k)) return false; noted.set(k, label); return true; },
    async notedLabel(scope, id) { return noted.get(`${scope}:${id}`); },
    async withLock(name, fn) {
      if (locks.has(name)) return { ran: false };
      locks.add(name);
      try { return { ran: true, value: await fn() }; } finally { locks.delete(name); }
    },
    async markUpdateHandled(id) { if (handled.has(id)) return false; handled.add(id); return true; },
    async isUpdateHandled(id) { return handled.has(id); },
  };
}

export interface FakeAnswerer {
  calls: Array<{ question: string; options?: AskOptions }>;
  /** Replace to change what the next asks return. */
  respond: (question: string, options?: AskOptions) => Answer;
  ask(question: string, options?: AskOptions): Promise<Answer>;
}

export function cannedCitation(over: Partial<Citation> = {}): Citation {
  return { doc: "229.txt", title: META.title!, section: "1", quote: `Giao Ban Tổ chức Trung ương ${NASTY}`, kind: "ket_luan", number: "229-KL/TW", date: "2026-01-08", docId: 1, sectionIndex: 0, ...over };
}

export function cannedAnswer(question: string, st: FakeState, options?: AskOptions): Answer {
  return {
    question,
    answer: `Trả lời cho «${question}»: ${NASTY}\n\nĐoạn thứ hai **đậm** & <i>không phải thẻ</i>.`,
    found: true,
    citations: [cannedCitation()],
    language: "vi",
    kind: "assigned",
    groups: [
      { role: "lead", tasks: st.tasks.filter((t) => t.role === "lead") },
      { role: "coordinate", tasks: st.tasks.filter((t) => t.role === "coordinate") },
    ],
    more: (options?.offset ?? 0) < 8,
  };
}

export function fakeAnswerer(st: FakeState): FakeAnswerer {
  const a: FakeAnswerer = {
    calls: [],
    respond: (q, o) => cannedAnswer(q, st, o),
    async ask(question, options) {
      a.calls.push({ question, options });
      return a.respond(question, options);
    },
  };
  return a;
}

/** A pino logger that keeps its JSON lines in memory. */
export function memoryLogger(): { logger: App["logger"]; lines: string[] } {
  const lines: string[] = [];
  const stream = new Writable({ write(chunk, _enc, cb) { lines.push(String(chunk)); cb(); } });
  return { logger: pino({ level: "debug" }, stream), lines };
}

export interface FakeApp extends App {
  state: FakeState;
  fakeAnswerer: FakeAnswerer;
  ingested: string[];
  logLines: string[];
}

export function testConfig(env: Record<string, string> = {}): Config {
  return loadConfig({ BOT_TOKEN: "123:TESTTOKEN", BOT_ADMINS: "100", LOG_LEVEL: "silent", DIGEST_LOOKAHEAD_DAYS: "14", DIGEST_LOOKBACK_DAYS: "30", ...env });
}

export function fakeApp(config: Config, now = new Date("2026-04-15T03:00:00Z")): FakeApp {
  const state = seedState();
  const answerer = fakeAnswerer(state);
  const { logger, lines } = memoryLogger();
  const ingested: string[] = [];
  let nextId = 100;
  const app: FakeApp = {
    config, logger, store: fakeStore(state), registry: {} as App["registry"], embeddings: {} as App["embeddings"],
    answerer, state, fakeAnswerer: answerer, ingested, logLines: lines,
    now: () => now,
    async ingest(paths): Promise<IngestSummary> {
      ingested.push(...paths);
      const files = paths.map((path) => {
        const text = readFileSync(path, "utf8");
        if (text.includes("BROKEN")) {
          return { path, name: basename(path), status: "failed" as const, error: { code: "parse_malformed", message: "bad file" } };
        }
        const id = nextId++;
        state.docs.push({ ...state.docs[0]!, id, name: basename(path), path, text, meta: { kind: "thong_bao", number: `${id}/TB-VPCP` } });
        state.tasks.push(makeTask(id * 10, "Bộ Tài chính", "2026-06-30", { docId: id }), makeTask(id * 10 + 1, "Bộ Tài chính", undefined, { docId: id, role: "execute" }));
        return { path, name: basename(path), status: "new" as const, docId: id, sections: 2, assignments: 2 };
      });
      const counts = { new: 0, updated: 0, unchanged: 0, failed: 0, removed: 0 };
      for (const f of files) counts[f.status]++;
      return { files, counts, sections: 0, chunks: 0, assignments: 0, seconds: 0 };
    },
    async close() {},
  };
  return app;
}
