/**
 * Provincial departments, built by rule from a list of fields in orgs.json: "Sở Xây dựng" (id
 * "so:xay-dung") and, with a province after it, "Sở Xây dựng tỉnh Đồng Nai" ("so:xay-dung:dong-nai").
 * Department names mirror ministry names ("Sở Tài chính", "Sở Văn hóa, Thể thao và Du lịch"), so a field
 * list stays small; every province has the same departments, so they are not listed one by one.
 * The rule starts only at the head word "Sở" as written (not "số", "sổ", "sơ" that fold the same, and
 * not "cơ sở"), and in a document only before a capitalised field ("cơ sở y tế" names no body).
 */
import type { Org } from "../orgs.js";
import { GAP_RE, insert, keyTokens, walk } from "./trie.js";
import type { Tokens, Trie } from "./trie.js";

/** A department's field: "Xây dựng", with other spellings ("Giao thông - Vận tải") and abbreviations ("GTVT"). */
export interface DepartmentField {
  id: string;
  name: string;
  aliases?: string[];
  /** The field in English, after DepartmentData.enHead: "Construction" ("Department of Construction"). */
  en?: string[];
}

/** The head ("Sở") and the fields of the provincial departments. */
export interface DepartmentData {
  id: string;
  name: string;
  group: string;
  /** How the head is written, lower case with its tone mark ("sở"); folding alone would also match "số". */
  heads: string[];
  /**
   * The English head before a field's English name ("Department of"): how a question in English names a
   * department ("the Department of Finance of Ha Tinh", "Thai Nguyen's provincial Department of Health").
   * Read in questions only (loose), never in documents.
   */
  enHead?: string;
  fields: DepartmentField[];
}

/** What the department rule needs from the provincial rule: a province named at a token, and its place words. */
export interface PlaceReader<P> {
  /** "tỉnh Đồng Nai", "TP.HCM", "Hà Nội" at token j: [token count, province]. */
  read(toks: Tokens, j: number, original: string, toOriginal: (i: number) => number, loose: boolean): [number, P] | undefined;
  /** A kind word alone at token j ("tỉnh", "thành phố"): its token count. */
  kindOnly(toks: Tokens, j: number): number;
  id(p: P): string;
  /** The province's name as it follows a body: "tỉnh Đồng Nai", "Thành phố Hồ Chí Minh". */
  place(p: P): string;
  /** Plain name, for an alias: "Đồng Nai". */
  name(p: P): string;
  get(id: string): P | undefined;
  successor(p: P): P | undefined;
}

export interface DepartmentMatcher {
  readonly trie: Trie<unknown>;
  match(toks: Tokens, i: number, original: string, toOriginal: (i: number) => number, loose: boolean): [number, Org] | undefined;
  get(id: string): Org | undefined;
}

const isUpperCode = (c: string): boolean => c !== c.toLowerCase() && c === c.toUpperCase();
/** "cơ sở Y tế" is a facility, not the department. */
const FACILITY_BEFORE = /(?:^|[^\p{L}])cơ[ \t\u00a0]+$/u;

export function createDepartmentMatcher<P>(data: DepartmentData | undefined, places: PlaceReader<P>): DepartmentMatcher {
  const trie: Trie<{ field: DepartmentField; en: boolean }> = { next: new Map() };
  const fields = new Map<string, DepartmentField>();
  const heads = new Set((data?.heads ?? []).map((h) => h.normalize("NFC").toLowerCase()));
  // The tries key folded words: "sở" and "so" alike; the head is checked as written in `match`.
  const headKeys = [...new Set([...heads].flatMap((h) => keyTokens(h)))];
  const enHead = data?.enHead ? keyTokens(data.enHead) : [];
  for (const f of data?.fields ?? []) {
    fields.set(f.id, f);
    for (const form of [f.name, ...(f.aliases ?? [])]) for (const h of headKeys) insert(trie, [h, ...keyTokens(form)], { field: f, en: false });
    if (enHead.length > 0) for (const form of f.en ?? []) insert(trie, [...enHead, ...keyTokens(form)], { field: f, en: true });
  }

  const cache = new Map<string, Org>();
  const body = (f: DepartmentField, p?: P): Org => {
    const id = p === undefined ? `${data!.id}:${f.id}` : `${data!.id}:${f.id}:${places.id(p)}`;
    const known = cache.get(id);
    if (known) return known;
    const base = `${data!.name} ${f.name}`;
    const aliases = p === undefined
      ? (f.aliases ?? []).map((a) => `${data!.name} ${a}`)
      : [`${base} ${places.name(p)}`];
    const successor = p === undefined ? undefined : places.successor(p);
    const org: Org = {
      id,
      name: p === undefined ? base : `${base} ${places.place(p)}`,
      aliases: aliases.filter((a) => a !== base),
      abbreviations: [],
      group: data!.group,
      ...(successor !== undefined ? { mergedInto: body(f, successor).id } : {}),
      ...(p !== undefined ? { province: places.id(p), unplaced: `${data!.id}:${f.id}` } : {}),
    };
    cache.set(id, org);
    return org;
  };

  const match = (toks: Tokens, i: number, original: string, toOriginal: (i: number) => number, loose: boolean): [number, Org] | undefined => {
    const hit = walk(trie, toks, i, GAP_RE);
    if (!hit) return undefined;
    const { field, en } = hit[1];
    if (en) return loose ? english(toks, i, hit[0], field, original, toOriginal) : undefined;
    const head = toks.at(i)!;
    const s = toOriginal(head.start);
    const written = original.slice(s, toOriginal(head.end)).normalize("NFC").toLowerCase();
    // A typed question may leave out the tone marks ("so xay dung"); a document never does.
    if (!heads.has(written) && !(loose && written === head.key)) return undefined;
    if (FACILITY_BEFORE.test(original.slice(Math.max(0, s - 8), s).normalize("NFC").toLowerCase())) return undefined;
    if (!loose && !isUpperCode(original[toOriginal(toks.at(i + 1)!.start)] ?? "")) return undefined;
    const j = i + hit[0];
    const p = places.read(toks, j, original, toOriginal, loose);
    if (p) return [hit[0] + p[0], body(field, p[1])];
    // "Sở Y tế tỉnh" with no name: the issuing province's own department, read as the field body.
    const kind = places.kindOnly(toks, j);
    return [hit[0] + kind, body(field)];
  };

  /** "Department of Finance", with its province after it ("... of Ha Tinh", "... Ha Tinh province") or none. */
  const english = (toks: Tokens, i: number, n: number, field: DepartmentField, original: string, toOriginal: (i: number) => number): [number, Org] => {
    const of = toks.at(i + n)?.key === "of" ? 1 : 0;
    const p = places.read(toks, i + n + of, original, toOriginal, true);
    return p ? [n + of + p[0], body(field, p[1])] : [n, body(field)];
  };

  return {
    trie,
    match,
    get(id) {
      const known = cache.get(id);
      if (known) return known;
      if (!data || !id.startsWith(`${data.id}:`)) return undefined;
      const [fieldId, placeId, extra] = id.slice(data.id.length + 1).split(":");
      const f = fields.get(fieldId ?? "");
      if (!f || extra !== undefined) return undefined;
      if (placeId === undefined) return body(f);
      const p = places.get(placeId);
      return p === undefined ? undefined : body(f, p);
    },
  };
}

