/**
 * Word tokens over a document's text, with offsets, and the registry's mentions indexed by where they
 * start. Both are built once per document so the rules stay linear in the text length.
 */
import type { OrgMention, OrgRegistry } from "../../core/orgs.js";
import { lowKey } from "../../core/text.js";

export interface Tok {
  /** The token in lowKey form ("ủy", "giao", ","). */
  w: string;
  start: number;
  end: number;
}

const TOKEN_RE = /[\p{L}\p{N}]+(?:[/\-.][\p{L}\p{N}]+)*|[^\s\p{L}\p{N}]/gu;

/** A document prepared for the rules: its text, a same-length lower-case key, and its mentions. */
export class DocView {
  readonly low: string;
  private readonly mentionAt = new Map<number, OrgMention>();

  constructor(readonly text: string, readonly registry: OrgRegistry) {
    const low = lowKey(text);
    // Offsets must line up with the text; lower-casing can change length for a few non-Vietnamese letters.
    this.low = low.length === text.length ? low : text.toLowerCase().length === text.length ? text.toLowerCase() : text;
    for (const found of registry.findAll(text)) {
      const m = trimList(found, registry);
      const prev = this.mentionAt.get(m.index);
      if (!prev || prev.length < m.length) this.mentionAt.set(m.index, m);
    }
  }

  /** Tokens of text[start, end). */
  tokens(start: number, end: number): Tok[] {
    const out: Tok[] = [];
    TOKEN_RE.lastIndex = start;
    const slice = this.low;
    for (;;) {
      const m = TOKEN_RE.exec(slice);
      if (!m || m.index >= end) break;
      const tokEnd = Math.min(m.index + m[0].length, end);
      out.push({ w: slice.slice(m.index, tokEnd), start: m.index, end: tokEnd });
      if (tokEnd >= end) break;
    }
    return out;
  }

  /** The registry mention that starts exactly at `offset`, if any. */
  mention(offset: number): OrgMention | undefined {
    return this.mentionAt.get(offset);
  }

  /** True when the character at `offset` is an upper-case letter (a name, not a common noun). */
  isUpper(offset: number): boolean {
    const c = this.text[offset] ?? "";
    return c !== c.toLowerCase() && c === c.toUpperCase();
  }
}

/**
 * A mention that runs over a list comma ("Ban Tổ chức Trung ương, Đảng uỷ ...", matched as the alias
 * "Ban Tổ chức Trung ương Đảng") is cut at the comma when the words before it already name the body.
 */
function trimList(m: OrgMention, registry: OrgRegistry): OrgMention {
  const comma = m.text.indexOf(",");
  if (comma < 0) return m;
  const head = m.text.slice(0, comma);
  return registry.resolve(head)?.id === m.org.id ? { ...m, text: head, length: comma } : m;
}

/** The words of a token list, for phrase matching. */
export function wordsOf(toks: readonly Tok[]): string[] {
  return toks.map((t) => t.w);
}
