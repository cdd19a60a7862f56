/**
 * Provincial bodies, built by rule from two lists in orgs.json: heads ("Ủy ban nhân dân", "UBND",
 * "Tỉnh ủy", "People's Committee") and provinces (the 34 after the 2025 merger and the older 63).
 * "UBND tỉnh Đồng Nai", "Ủy ban nhân dân Thành phố Hồ Chí Minh", "UBND TP.HCM", "Thành ủy Hà Nội",
 * "Dong Nai provincial People's Committee" and "People's Committee of Hanoi" are read; a head with no
 * province name ("UBND tỉnh", "Ủy ban nhân dân Thành phố") and a province list with no head are not.
 * The rule only starts at a head word or (for English, where the name comes first) at a province name.
 * Departments ("Sở Xây dựng tỉnh Đồng Nai") follow the same provinces; see departments.ts.
 */
import type { Org } from "../orgs.js";
import { fold } from "../text.js";
import { createDepartmentMatcher } from "./departments.js";
import type { DepartmentData } from "./departments.js";
import { GAP, GAP_RE, SPACE_GAP_RE, insert, keyTokens, walk } from "./trie.js";
import { Tokens, type Trie } from "./trie.js";

/** A kind of province-level unit: "tỉnh" or "thành phố" (with "TP", "province", "city"). */
export interface LocalKind {
  id: string;
  name: string;
  words: string[];
  /** English words, read before an English head ("Thanh Hoa provincial People's Committee") or after a name. */
  en?: string[];
  /**
   * True when the word before a name of another kind names a different body: "thành phố Thanh Hóa" was a
   * city inside Thanh Hóa province, while "tỉnh Hà Nội" is only a slip for the city.
   */
  strict?: boolean;
}

/** A body every province has. `variants` name it differently by kind ("Thành ủy" for a city). */
export interface LocalHead {
  id: string;
  name: string;
  group: string;
  forms: string[];
  /** The kind that `forms` imply ("Tỉnh ủy" is a province's). */
  kind?: string;
  /** English forms; they follow the name ("Hanoi People's Committee") or take "of" ("People's Committee of Hanoi"). */
  en?: string[];
  /** The canonical name puts the kind word before the province: "Ủy ban nhân dân tỉnh Đồng Nai". */
  withKind?: boolean;
  variants?: Array<{ kind: string; id: string; name: string; forms: string[] }>;
}

export interface Province {
  id: string;
  name: string;
  kind: string;
  /** The full name when it is not "<kind> <name>": "Thành phố Hồ Chí Minh". */
  full?: string;
  aliases?: string[];
  /** The province it became part of on 1 July 2025. */
  mergedInto?: string;
}

export interface LocalData {
  kinds?: LocalKind[];
  heads?: LocalHead[];
  provinces?: Province[];
  /** The provincial departments ("Sở Tài chính") and their fields. */
  departments?: DepartmentData;
}

interface HeadHit { head: LocalHead; kind?: string; en: boolean; abbr: boolean }
interface KindHit { kind: LocalKind; en: boolean; dot: boolean }

export interface LocalMatcher {
  /** Tries whose first words may start a local body, for the candidate filter. */
  readonly tries: Array<Trie<unknown>>;
  /**
   * Province names, which start a body only before an English head ("Hanoi People's Committee"): a
   * candidate only in a text where `english` finds such a head, since names are common in Vietnamese.
   */
  readonly names: Trie<unknown>;
  readonly english: RegExp;
  /** The local body named at token i: [token count, org]. */
  match(toks: Tokens, i: number, original: string, toOriginal: (i: number) => number, loose: boolean): [number, Org] | undefined;
  get(id: string): Org | undefined;
  /**
   * For a body derived here: the same body of each province that merged into its province ("UBND tỉnh
   * Bình Định" for "UBND tỉnh Gia Lai", "Tỉnh ủy Hải Dương" for "Thành ủy Hải Phòng"); none for another body.
   */
  predecessors(org: Org): Org[];
  /** Provinces named by their name or an alias, capitalised ("Hanoi", "HCMC", "Can Tho"), as spans of `original`. */
  places(original: string): PlaceMention[];
}

/** A province named in a text: where, and its name as documents write it ("Hà Nội" for "Hanoi"). */
export interface PlaceMention {
  index: number;
  length: number;
  name: string;
  /** The province's id ("ha-noi"), and every name it goes by (name, full name, aliases). */
  id: string;
  names: string[];
}

const DOT_GAP_RE = /^[ \t\u00a0]*\.[ \t\u00a0]*$/;
const isUpperCode = (c: string): boolean => c !== c.toLowerCase() && c === c.toUpperCase();

export function createLocalMatcher(data: LocalData): LocalMatcher {
  const kinds = new Map((data.kinds ?? []).map((k) => [k.id, k]));
  const provinces = new Map((data.provinces ?? []).map((p) => [p.id, p]));
  const heads = new Map<string, LocalHead>();
  const headTrie: Trie<HeadHit> = { next: new Map() };
  const kindTrie: Trie<KindHit> = { next: new Map() };
  const nameTrie: Trie<Province> = { next: new Map() };
  for (const h of data.heads ?? []) {
    heads.set(h.id, h);
    for (const v of h.variants ?? []) heads.set(v.id, h);
    const add = (form: string, kind: string | undefined, en: boolean): void =>
      insert(headTrie, keyTokens(form), { head: h, ...(kind ? { kind } : {}), en, abbr: /^\p{Lu}{2,}(?:\s|$)/u.test(form) });
    for (const f of h.forms) add(f, h.kind, false);
    for (const v of h.variants ?? []) for (const f of v.forms) add(f, v.kind, false);
    for (const f of h.en ?? []) add(f, undefined, true);
  }
  for (const k of kinds.values()) {
    for (const w of k.words) insert(kindTrie, keyTokens(w), { kind: k, en: false, dot: /^\p{Lu}+$/u.test(w) });
    for (const w of k.en ?? []) insert(kindTrie, keyTokens(w), { kind: k, en: true, dot: false });
  }
  for (const p of provinces.values()) for (const n of [p.name, ...(p.aliases ?? [])]) insert(nameTrie, keyTokens(n), p);

  const cache = new Map<string, Org>();
  const body = (h: LocalHead, p: Province): Org => {
    const v = h.variants?.find((x) => x.kind === p.kind);
    const id = `${v?.id ?? h.id}:${p.id}`;
    const known = cache.get(id);
    if (known) return known;
    const kindName = kinds.get(p.kind)?.name ?? "";
    const place = p.full ?? (h.withKind ? `${kindName} ${p.name}` : p.name);
    const forms = v?.forms ?? h.forms;
    const name = `${v?.name ?? h.name} ${place}`;
    const successor = p.mergedInto ? provinces.get(p.mergedInto) : undefined;
    const org: Org = {
      id,
      name,
      aliases: forms.map((f) => `${f} ${place}`).filter((a) => a !== name),
      abbreviations: [],
      group: h.group,
      province: p.id,
      ...(successor ? { mergedInto: body(h, successor).id } : {}),
    };
    cache.set(id, org);
    return org;
  };

  /** A kind word may stand before a province's name unless it names a lower body of that name. */
  const fits = (kind: string | undefined, p: Province): boolean => !kind || kind === p.kind || !kinds.get(kind)?.strict;

  /** "tỉnh Đồng Nai", "TP.HCM", "Hà Nội" after a department's name: [token count, province]. */
  const readPlace = (toks: Tokens, j: number, original: string, toOriginal: (i: number) => number, loose: boolean): [number, Province] | undefined => {
    if (!spaced(toks, j)) return undefined;
    const k = walk(kindTrie, toks, j, SPACE_GAP_RE);
    const kind = k && !k[1].en ? k[1] : undefined;
    const at = j + (kind ? k![0] : 0);
    if (kind && !spaced(toks, at) && !(kind.dot && toks.at(at) !== undefined && DOT_GAP_RE.test(toks.gapBefore(at)))) return undefined;
    const p = toks.at(at) !== undefined ? walk(nameTrie, toks, at, GAP_RE) : undefined;
    if (!p || (!loose && !upperAt(toks, at, original, toOriginal)) || !fits(kind?.kind.id, p[1])) return undefined;
    return [at - j + p[0], p[1]];
  };
  const departments = createDepartmentMatcher(data.departments, {
    read: readPlace,
    kindOnly: (toks, j) => {
      const k = spaced(toks, j) ? walk(kindTrie, toks, j, SPACE_GAP_RE) : undefined;
      return k && !k[1].en ? k[0] : 0;
    },
    id: (p) => p.id,
    place: (p) => p.full ?? `${kinds.get(p.kind)?.name ?? ""} ${p.name}`.trim(),
    name: (p) => p.name,
    get: (id) => provinces.get(id),
    successor: (p) => (p.mergedInto ? provinces.get(p.mergedInto) : undefined),
  });

  const match = (toks: Tokens, i: number, original: string, toOriginal: (i: number) => number, loose: boolean): [number, Org] | undefined => {
    if (departments.trie.next.has(toks.at(i)!.key)) {
      const d = departments.match(toks, i, original, toOriginal, loose);
      if (d) return d;
    }
    const head = headTrie.next.has(toks.at(i)!.key) ? walk(headTrie, toks, i, GAP_RE) : undefined;
    if (head) {
      const [n, h] = head;
      // "UBND" as an abbreviation is upper case in a document; a typed question may write "ubnd".
      if (h.abbr && !loose && !upperWord(toks, i, original, toOriginal)) return undefined;
      let j = i + n;
      if (h.en) {
        if (word(toks, j) !== "of") return undefined;
        j++;
        if (word(toks, j) === "the") j++;
      }
      let kind: KindHit | undefined;
      const k = spaced(toks, j) ? walk(kindTrie, toks, j, SPACE_GAP_RE) : undefined;
      if (k && (h.en || !k[1].en)) { kind = k[1]; j += k[0]; }
      // "TP.HCM", "TP. Hồ Chí Minh": a dot after an abbreviated kind word.
      if (!spaced(toks, j) && !(kind?.dot === true && toks.at(j) !== undefined && DOT_GAP_RE.test(toks.gapBefore(j)))) return undefined;
      const p = walk(nameTrie, toks, j, GAP_RE);
      if (!p || (!loose && !upperAt(toks, j, original, toOriginal))) return undefined;
      j += p[0];
      if (h.en) {
        const suffix = spaced(toks, j) ? walk(kindTrie, toks, j, SPACE_GAP_RE) : undefined;
        if (suffix?.[1].en) { if (!fits(suffix[1].kind.id, p[1])) return undefined; j += suffix[0]; }
      }
      if (!fits(h.kind, p[1]) || !fits(kind?.kind.id, p[1])) return undefined;
      return [j - i, body(h.head, p[1])];
    }

    // English puts the name first: "Dong Nai provincial People's Committee", "HCMC People's Committee".
    if (!nameTrie.next.has(toks.at(i)!.key)) return undefined;
    const p = walk(nameTrie, toks, i, GAP_RE);
    if (!p || (!loose && !upperAt(toks, i, original, toOriginal))) return undefined;
    let j = i + p[0];
    const k = spaced(toks, j) ? walk(kindTrie, toks, j, SPACE_GAP_RE) : undefined;
    const kind = k?.[1].en ? k[1] : undefined;
    if (kind) j += k![0];
    const h = spaced(toks, j) ? walk(headTrie, toks, j, GAP_RE) : undefined;
    if (!h?.[1].en || !fits(kind?.kind.id, p[1])) return undefined;
    return [j + h[0] - i, body(h[1].head, p[1])];
  };

  const get = (id: string): Org | undefined => {
    const known = cache.get(id) ?? departments.get(id);
    if (known) return known;
    const colon = id.indexOf(":");
    const h = heads.get(id.slice(0, colon));
    const p = provinces.get(id.slice(colon + 1));
    if (colon < 0 || !h || !p) return undefined;
    const org = body(h, p);
    return org.id === id ? org : undefined;
  };

  // Built on first use: only a provincial body's task list asks, and loading must stay quick.
  let mergedFrom: Map<string, Province[]> | undefined;
  /** The provinces that joined province `p`, and those that joined them. */
  const sources = (p: string, depth = 0): Province[] => {
    if (!mergedFrom) {
      mergedFrom = new Map();
      for (const q of provinces.values()) if (q.mergedInto) mergedFrom.set(q.mergedInto, [...(mergedFrom.get(q.mergedInto) ?? []), q]);
    }
    // Provinces merged once; the depth only stops a loop that a user's file might write.
    return depth > 5 ? [] : (mergedFrom.get(p) ?? []).flatMap((q) => [q, ...sources(q.id, depth + 1)]);
  };
  const predecessors = (org: Org): Org[] => {
    const p = org.province;
    // A body of another origin (a user's file may register an id of this form) has none by this rule.
    if (p === undefined || get(org.id)?.province !== p) return [];
    if (org.unplaced !== undefined) return sources(p).flatMap((q) => departments.get(`${org.unplaced}:${q.id}`) ?? []);
    // The id starts with the head's id or its variant's ("thanh-uy" of "tinh-uy"); `body` picks the
    // variant of each earlier province's kind ("Tỉnh ủy Hải Dương" for "Thành ủy Hải Phòng").
    const h = heads.get(org.id.slice(0, -(p.length + 1)));
    return h ? sources(p).map((q) => body(h, q)) : [];
  };

  const enForms = (data.heads ?? []).flatMap((h) => h.en ?? []).map((f) => keyTokens(f).join(GAP));
  return {
    tries: [headTrie, departments.trie],
    names: nameTrie,
    english: enForms.length ? new RegExp(`\\b(?:${enForms.join("|")})\\b`) : /(?!)/,
    match,
    get,
    predecessors,
    places(original) {
      const folded = fold(original);
      // fold() keeps the length of NFC text; offsets of the folded text are the original's.
      if (folded.length !== original.length) return [];
      const toks = new Tokens(folded, 0);
      const out: PlaceMention[] = [];
      for (let i = 0; toks.at(i); ) {
        const p = nameTrie.next.has(toks.at(i)!.key) ? walk(nameTrie, toks, i, GAP_RE) : undefined;
        if (!p || !upperAt(toks, i, original, (x) => x)) { i++; continue; }
        const start = toks.at(i)!.start;
        const q = p[1];
        out.push({ index: start, length: toks.at(i + p[0] - 1)!.end - start, name: q.name, id: q.id, names: [q.name, ...(q.full ? [q.full] : []), ...(q.aliases ?? [])] });
        i += p[0];
      }
      return out;
    },
  };
}

// Helpers outside the matcher: it runs at every candidate over the whole corpus, and closures made per
// call cost more than the matching itself.
function spaced(toks: Tokens, j: number): boolean {
  return toks.at(j) !== undefined && SPACE_GAP_RE.test(toks.gapBefore(j));
}

function word(toks: Tokens, j: number): string | undefined {
  return spaced(toks, j) ? toks.at(j)!.key : undefined;
}

/** The word at token j starts with a capital as written. */
function upperAt(toks: Tokens, j: number, original: string, toOriginal: (i: number) => number): boolean {
  return isUpperCode(original[toOriginal(toks.at(j)!.start)] ?? "");
}

/** The word at token i is all capitals as written ("UBND", not "ubnd"). */
function upperWord(toks: Tokens, i: number, original: string, toOriginal: (i: number) => number): boolean {
  const t = toks.at(i)!;
  const s = original.slice(toOriginal(t.start), toOriginal(t.end));
  return s === s.toUpperCase();
}
