/**
 * Chunks for indexing, following the section tree: a chunk never straddles two sections. A leaf is one
 * chunk when it fits, else it is split recursively at paragraph, line, sentence, clause, comma and word
 * boundaries, the separators and greedy merge of LangChain's RecursiveCharacterTextSplitter. We run the
 * same algorithm over offsets instead of calling the library because its splitText is async while
 * chunkSections is synchronous, and because offsets, not copied strings, are what we must keep exact:
 * always chunk.text === text.slice(chunk.start, chunk.end).
 */
import { shorten } from "../core/display.js";
import { PARAGRAPH_LABEL } from "../core/sections.js";
import type { ChunkDraft, DocumentMeta, Section } from "../core/types.js";

/** Default chunk size in characters. */
export const DEFAULT_MAX_CHARS = 1200;
/** Vietnamese-friendly separators, coarsest first. */
export const SEPARATORS = ["\n\n", "\n", ". ", "; ", ", ", " "] as const;

type Range = [start: number, end: number];

/** Shrink a range to exclude whitespace at both ends. */
function trimRange(text: string, [s, e]: Range): Range {
  while (s < e && /\s/.test(text[s]!)) s++;
  while (e > s && /\s/.test(text[e - 1]!)) e--;
  return [s, e];
}

/**
 * Split text[start, end) into ranges of at most `max` characters: cut at the coarsest separator that
 * occurs (the separator stays with the piece before it), greedily merge neighbours up to `max`, recurse
 * into pieces still too long with the finer separators, and cut hard when no separator is left.
 */
export function splitRange(text: string, start: number, end: number, max: number, seps: readonly string[] = SEPARATORS): Range[] {
  if (end - start <= max) return [[start, end]];
  const i = seps.findIndex((sep) => {
    const at = text.indexOf(sep, start);
    return at >= 0 && at + sep.length < end;
  });
  if (i < 0) {
    const out: Range[] = [];
    for (let s = start; s < end; s += max) out.push([s, Math.min(end, s + max)]);
    return out;
  }
  const sep = seps[i]!;
  const finer = seps.slice(i + 1);
  const pieces: Range[] = [];
  let s = start;
  for (let at = text.indexOf(sep, s); at >= 0 && at + sep.length < end; at = text.indexOf(sep, s)) {
    pieces.push([s, at + sep.length]);
    s = at + sep.length;
  }
  pieces.push([s, end]);
  const out: Range[] = [];
  let cur: Range | undefined;
  for (const p of pieces) {
    if (p[1] - p[0] > max) {
      if (cur) { out.push(cur); cur = undefined; }
      out.push(...splitRange(text, p[0], p[1], max, finer));
    } else if (cur && p[1] - cur[0] <= max) {
      cur = [cur[0], p[1]];
    } else {
      if (cur) out.push(cur);
      cur = p;
    }
  }
  if (cur) out.push(cur);
  return out;
}

/** "title › 3 Giao Ban Tổ chức Trung ương: › (ii)": where a chunk sits, for embedding. */
function contextOf(meta: DocumentMeta, sections: Section[], s: Section): string {
  const path: string[] = [];
  for (let p: Section | undefined = s; p; p = p.parent === null ? undefined : sections[p.parent]) {
    path.push(p === s ? p.marker : `${p.marker} ${shorten(p.heading, 120)}`.trim());
  }
  const parts = meta.title ? [shorten(meta.title, 120), ...path.reverse()] : path.reverse();
  return parts.join(" › ");
}

/** The section's own text (its heading, before any child), as a range of the cleaned text. */
function ownRange(text: string, sections: Section[], s: Section): Range {
  const child = sections[s.index + 1];
  if (!child || child.parent !== s.index) return [s.start, s.end];
  const own = text.slice(s.start, s.start + s.heading.length) === s.heading ? s.start + s.heading.length : child.start;
  return trimRange(text, [s.start, Math.min(own, s.end)]);
}

/**
 * Chunk a document along its sections. Leaves become one chunk each when they fit in `maxChars`
 * (default 1200), else several; a parent's lead-in text is its own chunk. Consecutive paragraphs of an
 * unnumbered text ("đoạn 3", "đoạn 4") share a chunk up to the same size: they are not items a reader
 * cites apart, and one short paragraph per chunk made the index four times larger than the text needs.
 * (A citation names the paragraph its quote lies in, whatever chunk found it.)
 */
export function chunkSections(text: string, sections: Section[], meta: DocumentMeta, opts: { maxChars?: number } = {}): ChunkDraft[] {
  const max = Math.max(50, opts.maxChars ?? DEFAULT_MAX_CHARS);
  const chunks: ChunkDraft[] = [];
  for (const s of sections) {
    const [start, end] = trimRange(text, ownRange(text, sections, s));
    if (end <= start) continue;
    const context = contextOf(meta, sections, s);
    const last = chunks[chunks.length - 1];
    const prev = last ? sections[last.section] : undefined;
    if (last && prev && isParagraph(prev) && isParagraph(s) && end - last.start <= max) {
      chunks[chunks.length - 1] = { ...last, end, text: text.slice(last.start, end) };
      continue;
    }
    for (const piece of splitRange(text, start, end, max)) {
      const [a, b] = trimRange(text, piece);
      if (b > a) chunks.push({ section: s.index, start: a, end: b, text: text.slice(a, b), context });
    }
  }
  return chunks;
}

function isParagraph(s: Section): boolean {
  return s.parent === null && s.marker.startsWith(`${PARAGRAPH_LABEL} `);
}
