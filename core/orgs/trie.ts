/**
 * The pieces the organisation matchers share: a trie over folded words, the words of a folded text read
 * lazily from an offset, and the gaps allowed between the words of one name.
 */
import { fold } from "../text.js";

export interface Trie<T> {
  next: Map<string, Trie<T>>;
  value?: T;
}

export interface Token {
  key: string;
  /** Offsets in the folded text. */
  start: number;
  end: number;
}

export const TOKEN_RE = /[\p{L}\p{N}]+/gu;
// Words of one name may be separated by spaces, a comma or a dash ("Bộ Văn hóa, Thể thao và Du lịch",
// "Bộ Lao động - Thương binh"), an apostrophe ("People's Committee"), and by one line break (PDF
// wrapping), never by a sentence stop.
export const GAP_RE = /^[ \t\u00a0]*[,\-–—&'’]?[ \t\u00a0]*(?:\r?\n[ \t\u00a0]*)?$/;
export const SPACE_GAP_RE = /^[ \t\u00a0]+(?:\r?\n[ \t\u00a0]*)?$|^[ \t\u00a0]*\r?\n[ \t\u00a0]*$/;
/** The regex form of GAP_RE, for candidate filters. */
export const GAP = String.raw`[ \t\u00a0]*[,\-–—&'’]?[ \t\u00a0]*(?:\r?\n[ \t\u00a0]*)?`;

const TOKEN_STICKY = /[\p{L}\p{N}]+/uy;
const SKIP_TO_TOKEN = /[^\p{L}\p{N}]*/uy;

/** The words of the folded text from an offset, read only as far as the matcher asks. */
export class Tokens {
  private readonly list: Token[] = [];
  private pos: number;
  constructor(
    readonly folded: string,
    from: number,
  ) {
    this.pos = from;
  }
  at(j: number): Token | undefined {
    while (this.list.length <= j) {
      SKIP_TO_TOKEN.lastIndex = this.pos;
      SKIP_TO_TOKEN.exec(this.folded);
      TOKEN_STICKY.lastIndex = SKIP_TO_TOKEN.lastIndex;
      const m = TOKEN_STICKY.exec(this.folded);
      if (!m) return undefined;
      this.list.push({ key: m[0], start: m.index, end: m.index + m[0].length });
      this.pos = m.index + m[0].length;
    }
    return this.list[j];
  }
  /** The characters between token j-1 and token j. */
  gapBefore(j: number): string {
    const prev = this.at(j - 1);
    const tok = this.at(j);
    return prev && tok ? this.folded.slice(prev.end, tok.start) : "";
  }
}

/** The folded words of a name, as the tries key them. */
export function keyTokens(name: string): string[] {
  return fold(name).match(TOKEN_RE) ?? [];
}

export function insert<T>(root: Trie<T>, words: string[], value: T): void {
  if (words.length === 0) return;
  let node = root;
  for (const w of words) {
    let child = node.next.get(w);
    if (!child) node.next.set(w, (child = { next: new Map() }));
    node = child;
  }
  node.value = value;
}

/** The longest name in `trie` starting at token i: [token count, value]. */
export function walk<T>(trie: Trie<T>, toks: Tokens, i: number, gap: RegExp): [number, T] | undefined {
  let node: Trie<T> | undefined = trie;
  let best: [number, T] | undefined;
  for (let j = i; ; j++) {
    const tok = toks.at(j);
    if (!tok) break;
    if (j > i && !gap.test(toks.gapBefore(j))) break;
    node = node.next.get(tok.key);
    if (!node) break;
    if (node.value !== undefined) best = [j - i + 1, node.value];
  }
  return best;
}

const escape = (w: string): string => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * A quick filter for where a name can start: a word that is a whole name or abbreviation, or the
 * first word of a longer name followed by one of its possible second words ("các" + "bộ"), so that
 * the matcher is not run after every "các", "bộ" or "ban" in the text.
 */
export function candidateRegex(tries: Array<Trie<unknown>>, single: string[]): RegExp {
  const second = new Map<string, Set<string>>();
  const whole = new Set(single);
  for (const trie of tries) {
    for (const [w, node] of trie.next) {
      if (node.value !== undefined) whole.add(w);
      const set = second.get(w) ?? new Set<string>();
      for (const k of node.next.keys()) set.add(k);
      second.set(w, set);
    }
  }
  const byLength = (a: string, b: string): number => b.length - a.length;
  const alts = [...whole].sort(byLength).map((w) => `${escape(w)}\\b`);
  for (const [w, set] of second) {
    if (whole.has(w) || set.size === 0) continue;
    alts.push(`${escape(w)}${GAP}(?:${[...set].sort(byLength).map(escape).join("|")})\\b`);
  }
  return new RegExp(`\\b(?:${alts.join("|")})`, "g");
}
