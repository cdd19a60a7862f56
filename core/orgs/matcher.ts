/**
 * The organisation matcher: a trie over folded words of every name, a quick filter for where names can
 * start, and the rules for derived party bodies, abbreviations, local branches and provincial bodies.
 */
import type { FindOptions, Org, OrgMention, OrgRegistry, Prefix } from "../orgs.js";
import { foldAligned, fold, isAbbreviation, nfc } from "../text.js";
import type { LocalMatcher } from "./local.js";
import { GAP_RE, SPACE_GAP_RE, TOKEN_RE, Tokens, candidateRegex, insert, keyTokens, walk } from "./trie.js";
import type { Token, Trie } from "./trie.js";

const PREV_WORD = /([\p{L}\p{N}]+)[ \t\u00a0]+$/u;
const LOCAL_AFTER = /^[ \t\u00a0]+(?:tinh|thanh pho|huyen|thi xa|xa(?! hoi)|phuong|cap tinh|cap huyen|cap xa)(?![\p{L}\p{N}])/u;
const LETTER_BEFORE = /[\p{L}\p{N}]/u;

function tokens(folded: string): Token[] {
  const out: Token[] = [];
  for (const m of folded.matchAll(TOKEN_RE)) out.push({ key: m[0], start: m.index, end: m.index + m[0].length });
  return out;
}

/** What the registry is built from; see loadOrgRegistry in ../orgs.ts. */
export interface MatcherParts {
  orgs: Org[];
  prefixes: Prefix[];
  prefixGroups: Set<string>;
  notAfter: Map<string, Set<string>>;
  local: LocalMatcher;
  /** Folded abbreviations that are also ordinary words ("pm", "mot"): upper case only, even in loose mode. */
  strictAbbreviations: Set<string>;
}

/** A registry over the given bodies; see loadOrgRegistry in ../orgs.ts. */
export function createRegistry({ orgs, prefixes, prefixGroups, notAfter, local, strictAbbreviations }: MatcherParts): OrgRegistry {
  const byId = new Map(orgs.map((o) => [o.id, o]));
  const root: Trie<Org> = { next: new Map() };
  const prefixRoot: Trie<Prefix> = { next: new Map() };
  const abbr = new Map<string, Org>(); // exact spelling
  const abbrFolded = new Map<string, Org>(); // for a typed "btctw"
  for (const org of orgs) {
    for (const a of [org.name, ...org.aliases, ...org.abbreviations]) {
      // A short all-capitals name ("BTCTW", "TTg", "VPCP") matches only as written, never as a word.
      if (isAbbreviation(a)) abbr.set(nfc(a), org);
      else insert(root, keyTokens(a), org);
    }
  }
  for (const [a, org] of abbr) if (!abbrFolded.has(fold(a))) abbrFolded.set(fold(a), org);
  // A lower-case abbreviation in a question must be 3 letters or more and not an ordinary word.
  const abbrLoose = new Map([...abbrFolded].filter(([k]) => k.length >= 3 && !strictAbbreviations.has(k)));
  for (const p of prefixes) for (const f of p.forms) insert(prefixRoot, keyTokens(f), p);

  const derived = new Map<string, Org>();
  const lookup = (id: string): Org | undefined => byId.get(id) ?? derived.get(id) ?? local.get(id);
  const derive = (prefix: Prefix, body: Org): Org | undefined => {
    const id = `${prefix.id}-${body.id}`;
    const known = byId.get(id) ?? derived.get(id);
    if (known) return known;
    if (body.group === undefined || !prefixGroups.has(body.group)) return undefined;
    const org: Org = { id, name: `${prefix.name} ${body.name}`, aliases: [], abbreviations: [], group: "party-committee" };
    derived.set(id, org);
    return org;
  };

  /** The body named at token i: [token count, org]. */
  const matchAt = (toks: Tokens, i: number, original: string, toOriginal: (i: number) => number, loose: boolean): [number, Org] | undefined => {
    const t = toks.at(i)!;
    // "cán bộ ...", "Văn phòng UBND tỉnh ...": a name cannot start after these words (read once a name is found).
    const blocked = () => notAfter.get(t.key)?.has(PREV_WORD.exec(toks.folded.slice(Math.max(0, t.start - 12), t.start))?.[1] ?? "") === true;
    let best = root.next.has(t.key) ? walk(root, toks, i, GAP_RE) : undefined;
    const place = local.match(toks, i, original, toOriginal, loose);
    if (place && (!best || place[0] > best[0])) return blocked() ? undefined : place; // a province's own body: no local-branch check
    if (prefixRoot.next.has(t.key)) {
      const p = walk(prefixRoot, toks, i, SPACE_GAP_RE);
      const k = i + (p?.[0] ?? 0);
      if (p && toks.at(k) && SPACE_GAP_RE.test(toks.gapBefore(k))) {
        const central = walk(root, toks, k, GAP_RE);
        const placed = local.match(toks, k, original, toOriginal, loose);
        const body = placed && (!central || placed[0] > central[0]) ? placed : central;
        const org = body && derive(p[1], body[1]);
        if (org && body && (!best || p[0] + body[0] > best[0])) best = [p[0] + body[0], org];
      }
    }
    if (!best) {
      const s = toOriginal(t.start);
      const e = toOriginal(t.end);
      const org = abbr.get(original.slice(s, e)) ?? (loose ? abbrLoose.get(t.key) : undefined);
      // Inside a document symbol ("66-BC/BTCTW", "QĐ- BKHCN") an abbreviation names the issuer, not a mention.
      if (org && !/[/\-]\s?$/.test(original.slice(Math.max(0, s - 2), s)) && !/^[/\-][\p{L}\p{N}]/u.test(original.slice(e, e + 2))) {
        best = [1, org];
      }
    }
    if (!best || blocked()) return undefined;
    // "Ủy ban MTTQ Việt Nam tỉnh Lai Châu", "Đoàn đại biểu Quốc hội tỉnh": a local body, not the central one.
    const last = toks.at(i + best[0] - 1)!.end;
    if (LOCAL_AFTER.test(toks.folded.slice(last, last + 16))) return undefined;
    return best;
  };

  const candidate = candidateRegex([root, prefixRoot, ...local.tries], [...abbrFolded.keys()]);
  let withNames: RegExp | undefined; // built on first use: most texts have no English head
  const candidatesFor = (folded: string): RegExp =>
    local.english.test(folded) ? (withNames ??= candidateRegex([root, prefixRoot, ...local.tries, local.names], [...abbrFolded.keys()])) : candidate;

  return {
    all: () => [...byId.values()],
    derivedPredecessors: (org) => local.predecessors(org),
    findPlaces: (text) => local.places(text),
    get(id) {
      const known = lookup(id);
      if (known) return known;
      for (const p of prefixes) {
        const body = id.startsWith(`${p.id}-`) ? lookup(id.slice(p.id.length + 1)) : undefined;
        if (body) return derive(p, body);
      }
      return undefined;
    },
    resolve(name) {
      const trimmed = nfc(name).trim();
      const { folded, toOriginal } = foldAligned(trimmed);
      const all = tokens(folded);
      if (all.length === 0) return undefined;
      // A name given on its own is read as typed: abbreviations in any case.
      const hit = matchAt(new Tokens(folded, 0), 0, trimmed, toOriginal, true);
      if (hit && hit[0] === all.length) return hit[1];
      return all.length === 1 ? abbrFolded.get(all[0]!.key) : undefined;
    },
    findAll(text, opts?: FindOptions) {
      const loose = opts?.loose === true;
      const { folded, toOriginal } = foldAligned(text);
      const out: OrgMention[] = [];
      const candidates = new RegExp(candidatesFor(folded));
      let c: RegExpExecArray | null;
      while ((c = candidates.exec(folded)) !== null) {
        // \b is ASCII-only: a candidate right after another letter ("ß", "ø") is inside a word.
        if (c.index > 0 && LETTER_BEFORE.test(folded[c.index - 1]!)) {
          candidates.lastIndex = c.index + 1;
          continue;
        }
        const toks = new Tokens(folded, c.index);
        const hit = matchAt(toks, 0, text, toOriginal, loose);
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
