/**
 * Shared fixtures for the store tests: document drafts built from plain items and their vectors. The
 * contract suite (contract/*.ts) gets its stores from a StoreFactory; `open` and `tempDir` here are the
 * SQLite ones, for the SQLite-only tests and the SQLite factory.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach } from "vitest";
import type { AssignmentDraft, DocKind, DocumentDraft, Section } from "../../core/types.js";
import { LocalHashEmbeddings } from "../../embeddings/local.js";
import { openSqliteStore } from "../../store/open.js";
import type { LexicalColumn, LexicalQuery, Store } from "../../store/types.js";

export const DIM = 64;

/** A lexical query of single words (no space), two-word pairs and longer phrases, each put in its list. */
export function lexical(column: LexicalColumn, ...items: string[]): LexicalQuery {
  const n = (t: string) => t.trim().split(/\s+/).length;
  return {
    column,
    terms: items.filter((t) => n(t) === 1),
    pairs: items.filter((t) => n(t) === 2),
    phrases: items.filter((t) => n(t) > 2),
  };
}
export const embedder = new LocalHashEmbeddings({ dimensions: DIM });

const dirs: string[] = [];
const stores: Store[] = [];
afterEach(async () => {
  for (const s of stores.splice(0)) await s.close().catch(() => undefined);
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

export function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), "nhiemvu-store-"));
  dirs.push(d);
  return d;
}

/** Opens a SQLite store in `dataDir` that the test harness closes afterwards. */
export async function open(dataDir: string, now?: () => Date): Promise<Store> {
  const s = await openSqliteStore({ dataDir, now });
  stores.push(s);
  return s;
}

export interface ItemSpec {
  /** Section label, e.g. "1" or "2 (a)"; a label with a space is a child of the item before it. */
  label: string;
  text: string;
  tasks?: Array<Partial<AssignmentDraft> & { org: string; quote: string }>;
}

/**
 * A document whose items become sections (a label "1 (a)" is a child of "1") and one chunk each;
 * tasks are located by their quote, which must occur in the item text.
 */
export function makeDraft(opts: {
  path: string; number?: string; kind?: DocKind; date?: string; title?: string; items: ItemSpec[];
}): DocumentDraft {
  const title = opts.title ?? `Văn bản ${opts.number ?? opts.path}`;
  let text = `${title}\n`;
  const sections: Section[] = [];
  const assignments: AssignmentDraft[] = [];
  let lastRoot = -1;
  for (const [index, item] of opts.items.entries()) {
    const start = text.length;
    text += `${item.text}\n`;
    const isChild = item.label.includes(" ");
    const parent = isChild ? lastRoot : null;
    if (!isChild) lastRoot = index;
    const marker = item.label.split(" ").pop()!;
    sections.push({ index, parent, depth: isChild ? 1 : 0, marker, label: item.label, heading: item.text.slice(0, 40), start, end: start + item.text.length });
    for (const t of item.tasks ?? []) {
      const at = text.indexOf(t.quote, start);
      if (at < 0) throw new Error(`quote not in item: ${t.quote}`);
      const { quote, ...rest } = t;
      assignments.push({
        orgId: null, orgText: t.org, role: "lead", coordinators: [], task: quote, ...rest,
        section: index, quoteStart: at, quoteEnd: at + quote.length,
      });
    }
  }
  // Parents end where their last child ends.
  for (const s of sections) if (s.parent !== null) sections[s.parent]!.end = Math.max(sections[s.parent]!.end, s.end);
  const chunks = sections.map((s) => ({ section: s.index, start: s.start, end: s.end, text: text.slice(s.start, s.end), context: `${title} > ${s.label}` }));
  return {
    name: opts.path.split("/").pop()!, path: opts.path, hash: `h-${text.length}`, format: "txt", text,
    meta: { kind: opts.kind ?? "ket_luan", number: opts.number, date: opts.date, title },
    sections, chunks, assignments,
  };
}

/** Embeds a draft's chunks with the local embedder, as the pipeline does. */
export async function vectorsFor(draft: DocumentDraft): Promise<Float32Array[]> {
  const vs = await embedder.embedDocuments(draft.chunks.map((c) => `${c.context}\n${c.text}`));
  return vs.map((v) => Float32Array.from(v));
}

export async function queryVector(text: string): Promise<Float32Array> {
  return Float32Array.from(await embedder.embedQuery(text));
}

/** Saves a draft with its vectors. */
export async function saveWithVectors(store: Store, draft: DocumentDraft): Promise<{ id: number; status: string }> {
  return store.saveDocument(draft, await vectorsFor(draft));
}

/** Cosine similarity of two vectors (for comparing what a store returns with what was saved). */
export function cosine(a: Float32Array, b: Float32Array): number {
  let dot = 0, na = 0, nb = 0;
  for (let i = 0; i < a.length; i++) {
    dot += a[i]! * b[i]!;
    na += a[i]! * a[i]!;
    nb += b[i]! * b[i]!;
  }
  return dot / Math.sqrt(na * nb);
}
