/**
 * The organisation matcher: a trie over folded words of every name, a quick filter for where names can
 * start, and the rules for derived party bodies, abbreviations and local branches.
 */
import type { Org, OrgMention, OrgRegistry, Prefix } from "../orgs.js";
import { foldAligned, fold, nfc } from "../text.js";

interface Node {
  next: Map<string, Node>;
  org?: Org;
  prefix?: Prefix;
}

interface Token {
  key: string;
  /** Offsets in the folded text. */
  start: number;
  end: number;
}

const TOKEN_RE = /[\p{L}\p{N}]+/gu;
// Words of one name may be separated by spaces, a comma or a dash ("Bộ Văn hóa, Thể thao và Du lịch",
// "Bộ Lao động - Thương binh"), and by one line break (PDF wrapping), never by a sentence stop.
const GAP_RE = /^[ \t\u00a0]*[,\-–—&]?[ \t\u00a0]*(?:\r?\n[ \t\u00a0]*)?$/;
const SPACE_GAP_RE = /^[ \t\u00a0]+(?:\r?\n[ \t\u00a0]*)?$|^[ \t\u00a0]*\r?\n[ \t\u00a0]*$/;

const PREV_WORD = /([\p{L}\p{N}]+)[ \t\u00a0]+$/u;
const LOCAL_AFTER = /^[ \t\u00a0]+(?:tinh|thanh pho|huyen|thi xa|xa(?! hoi)|phuong|cap tinh|cap huyen|cap xa)(?![\p{L}\p{N}])/u;
const TOKEN_STICKY = /[\p{L}\p{N}]+/uy;
const SKIP_TO_TOKEN = /[^\p{L}\p{N}]*/uy;
const LETTER_BEFORE = /[\p{L}\p{N}]/u;
// The regex form of GAP_RE, for the candidate filter.
const GAP = String.raw`[ \t\u00a0]*[,\-–—&]?[ \t\u00a0]*(?:\r?\n[ \t\u00a0]*)?`;

/** The words of the folded text from an offset, read only as far as the matcher asks. */
class Tokens {
  private readonly list: Token[] = [];
  private pos: number;
  constructor(
    private readonly folded: string,
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
}

const escape = (w: string): string => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * A quick filter for where a name can start: a word that is a whole name or abbreviation, or the
 * first word of a longer name followed by one of its possible second words ("các" + "bộ"), so that
 * the matcher is not run after every "các", "bộ" or "ban" in the text.
 */
function candidateRegex(tries: Node[], single: string[]): RegExp {
  const second = new Map<string, Set<string>>();
  const whole = new Set(single);
  for (const trie of tries) {
    for (const [w, node] of trie.next) {
      if (node.org || node.prefix) whole.add(w);
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

function tokens(folded: string): Token[] {
  const out: Token[] = [];
  for (const m of folded.matchAll(TOKEN_RE)) out.push({ key: m[0], start: m.index, end: m.index + m[0].length });
  return out;
}

/** The folded words of a name, as the trie keys them. */
export function keyTokens(name: string): string[] {
  return fold(name).match(TOKEN_RE) ?? [];
}

/** A short all-capitals token ("BTCTW", "TTg", "VPCP") matches only as written, never as a word. */
function isAbbreviation(s: string): boolean {
  return /^[\p{L}\p{N}]{2,10}$/u.test(s) && /^\p{Lu}{2}/u.test(s) && !/\s/.test(s);
}

function insert(root: Node, words: string[], value: { org?: Org; prefix?: Prefix }): void {
  if (words.length === 0) return;
  let node = root;
  for (const w of words) {
    let child = node.next.get(w);
    if (!child) node.next.set(w, (child = { next: new Map() }));
    node = child;
  }
  if (value.org) node.org = value.org;
  if (value.prefix) node.prefix = value.prefix;
}

/** A registry over the given bodies; see loadOrgRegistry in ../orgs.ts. */
export function createRegistry(
  orgs: Org[],
  prefixes: Prefix[],
  prefixGroups: Set<string>,
  notAfter: Map<string, Set<string>>,
): OrgRegistry {
  const byId = new Map(orgs.map((o) => [o.id, o]));
  const root: Node = { next: new Map() };
  const prefixRoot: Node = { next: new Map() };
  const abbr = new Map<string, Org>(); // exact spelling
  const abbrFolded = new Map<string, Org>(); // for resolve() of a typed "btctw"
  for (const org of orgs) {
    for (const a of [org.name, ...org.aliases]) {
      if (isAbbreviation(a)) abbr.set(nfc(a), org);
      else insert(root, keyTokens(a), { org });
    }
    for (const a of org.abbreviations) {
      if (isAbbreviation(a)) abbr.set(nfc(a), org);
      else insert(root, keyTokens(a), { org });
    }
  }
  for (const [a, org] of abbr) if (!abbrFolded.has(fold(a))) abbrFolded.set(fold(a), org);
  for (const p of prefixes) for (const f of p.forms) insert(prefixRoot, keyTokens(f), { prefix: p });

  const derived = new Map<string, Org>();
  const derive = (prefix: Prefix, body: Org): Org | undefined => {
    const id = `${prefix.id}-${body.id}`;
    const known = byId.get(id) ?? derived.get(id);
    if (known) return known;
    if (body.group === undefined || !prefixGroups.has(body.group)) return undefined;
    const org: Org = { id, name: `${prefix.name} ${body.name}`, aliases: [], abbreviations: [], group: "party-committee" };
    derived.set(id, org);
    return org;
  };

  /** Longest name in `trie` starting at token i: [token count, node]. */
  const walk = (trie: Node, toks: Tokens, i: number, folded: string, gap: RegExp): [number, Node] | undefined => {
    let node: Node | undefined = trie;
    let best: [number, Node] | undefined;
    for (let j = i; ; j++) {
      const tok = toks.at(j);
      if (!tok) break;
      if (j > i && !gap.test(folded.slice(toks.at(j - 1)!.end, tok.start))) break;
      node = node.next.get(tok.key);
      if (!node) break;
      if (node.org || node.prefix) best = [j - i + 1, node];
    }
    return best;
  };

  /** The body named at token i: [token count, org]. */
  const matchAt = (toks: Tokens, i: number, folded: string, original: string, toOriginal: (i: number) => number): [number, Org] | undefined => {
    const t = toks.at(i)!;
    let best: [number, Org] | undefined;
    if (root.next.has(t.key)) {
      const hit = walk(root, toks, i, folded, GAP_RE);
      if (hit?.[1].org) best = [hit[0], hit[1].org];
    }
    if (prefixRoot.next.has(t.key)) {
      const p = walk(prefixRoot, toks, i, folded, SPACE_GAP_RE);
      const k = i + (p?.[0] ?? 0);
      const next = toks.at(k);
      if (p?.[1].prefix && next && SPACE_GAP_RE.test(folded.slice(toks.at(k - 1)!.end, next.start))) {
        const body = walk(root, toks, k, folded, GAP_RE);
        const org = body?.[1].org && derive(p[1].prefix, body[1].org);
        if (org && body && (!best || p[0] + body[0] > best[0])) best = [p[0] + body[0], org];
      }
    }
    if (!best) {
      const s = toOriginal(t.start);
      const e = toOriginal(t.end);
      const org = abbr.get(original.slice(s, e));
      // Inside a document symbol ("66-BC/BTCTW", "QĐ- BKHCN") an abbreviation names the issuer, not a mention.
      if (org && !/[/\-]\s?$/.test(original.slice(Math.max(0, s - 2), s)) && !/^[/\-][\p{L}\p{N}]/u.test(original.slice(e, e + 2))) {
        best = [1, org];
      }
    }
    if (!best) return undefined;
    const blockers = notAfter.get(t.key);
    if (blockers && blockers.has(PREV_WORD.exec(folded.slice(Math.max(0, t.start - 12), t.start))?.[1] ?? "")) return undefined;
    // "Ủy ban MTTQ Việt Nam tỉnh Lai Châu", "Đoàn đại biểu Quốc hội tỉnh": a local body, not the central one.
    const last = toks.at(i + best[0] - 1)!.end;
    if (LOCAL_AFTER.test(folded.slice(last, last + 16))) return undefined;
    return best;
  };

  const candidate = candidateRegex([root, prefixRoot], [...abbrFolded.keys()]);

  return {
    all: () => [...byId.values()],
    get(id) {
      const known = byId.get(id) ?? derived.get(id);
      if (known) return known;
      for (const p of prefixes) {
        const body = id.startsWith(`${p.id}-`) ? byId.get(id.slice(p.id.length + 1)) : undefined;
        if (body) return derive(p, body);
      }
      return undefined;
    },
    resolve(name) {
      const trimmed = nfc(name).trim();
      const { folded, toOriginal } = foldAligned(trimmed);
      const all = tokens(folded);
      if (all.length === 0) return undefined;
      const hit = matchAt(new Tokens(folded, 0), 0, folded, trimmed, toOriginal);
      if (hit && hit[0] === all.length) return hit[1];
      return all.length === 1 ? abbrFolded.get(all[0]!.key) : undefined;
    },
    findAll(text) {
      const { folded, toOriginal } = foldAligned(text);
      const out: OrgMention[] = [];
      const candidates = new RegExp(candidate);
      let c: RegExpExecArray | null;
      while ((c = candidates.exec(folded)) !== null) {
        // \b is ASCII-only: a candidate right after another letter ("ß", "ø") is inside a word.
        if (c.index > 0 && LETTER_BEFORE.test(folded[c.index - 1]!)) {
          candidates.lastIndex = c.index + 1;
          continue;
        }
        const toks = new Tokens(folded, c.index);
        const hit = matchAt(toks, 0, folded, text, toOriginal);
        if (!hit) {
          candidates.lastIndex = c.index + 1;
          continue;
        }
        const index = toOriginal(toks.at(0)!.start);
        const endFolded = toks.at(hit[0] - 1)!.end;
        const end = toOriginal(endFolded);
        out.push({ org: hit[1], text: text.slice(index, end), index, length: end - index });
        candidates.lastIndex = endFolded;
      }
      return out;
    },
  };
}
