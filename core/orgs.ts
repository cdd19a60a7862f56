/**
 * The organisation registry: Party and State bodies with their aliases and abbreviations (data in
 * orgs.json), resolved and found in text whatever the case, diacritics, uỷ/ủy spelling or spacing.
 * "Đảng ủy <body>" (and "Ban cán sự đảng", "Đảng đoàn") is a body of its own, derived by rule; so are
 * the provincial bodies ("UBND tỉnh Đồng Nai" = "ubnd:dong-nai", "Thành ủy Hà Nội" = "thanh-uy:ha-noi"),
 * built from the heads and provinces in orgs.json (see orgs/local.ts), and the provincial departments
 * ("Sở Xây dựng" = "so:xay-dung", "Sở Xây dựng tỉnh Đồng Nai" = "so:xay-dung:dong-nai", orgs/departments.ts).
 */
import { readFileSync } from "node:fs";
import data from "./orgs.json" with { type: "json" };
import { ConfigError } from "./errors.js";
import { fold } from "./text.js";
import { createLocalMatcher } from "./orgs/local.js";
import type { LocalData, PlaceMention } from "./orgs/local.js";
export type { PlaceMention };
import type { DepartmentData } from "./orgs/departments.js";
import { createRegistry } from "./orgs/matcher.js";
import { keyTokens } from "./orgs/trie.js";

export interface Org {
  id: string;
  name: string;
  aliases: string[];
  abbreviations: string[];
  group?: string;
  /** For a body of a province merged on 1 July 2025: the same body of the province it joined. */
  mergedInto?: string;
  /** For a provincial body ("UBND tỉnh Đắk Lắk", "Sở Y tế tỉnh Đắk Lắk"): its province's id ("dak-lak"). */
  province?: string;
  /**
   * For a provincial department: the same department with no province named ("so:y-te"), as the
   * province's own documents write it ("Sở Y tế chủ trì ..." in a plan of UBND tỉnh Đắk Lắk).
   */
  unplaced?: string;
}

/** How findAll reads a text. */
export interface FindOptions {
  /**
   * A typed question rather than a document: abbreviations also match in lower case ("btctw", "ubnd
   * tp.hcm"), as whole words, except short ones and ordinary words ("pm"); province names need no capital.
   */
  loose?: boolean;
}

export interface OrgMention {
  org: Org;
  /** The words as written. */
  text: string;
  index: number;
  length: number;
}

export interface OrgRegistry {
  /** The registered bodies (orgs.json and the user's file); bodies derived by rule are not listed. */
  all(): Org[];
  /** A registered body, or a derived party body ("dang-uy-bo-y-te"). */
  get(id: string): Org | undefined;
  /** The body that the whole string names (aliases, abbreviations, no diacritics, case, uỷ/ủy all ignored). */
  resolve(name: string): Org | undefined;
  /** Every mention in a text, longest match first, non-overlapping, in text order. */
  findAll(text: string, opts?: FindOptions): OrgMention[];
  /**
   * For a provincial body derived by rule: the same body of each province merged into its province on 1
   * July 2025 (see predecessorsOf). Found from the province list, since those bodies are not in `all()`.
   */
  derivedPredecessors(org: Org): Org[];
  /** Provinces a text names by their name or an alias, capitalised ("Hanoi", "HCMC"), with their names as documents write them. */
  findPlaces(text: string): PlaceMention[];
}

/** A party body placed over another body: "Đảng ủy" + "Bộ Y tế" = "Đảng ủy Bộ Y tế". */
export interface Prefix {
  id: string;
  name: string;
  forms: string[];
}

/** The format of orgs.json and of a user's extra registry file (every field optional there). */
export interface RegistryFile {
  prefixes?: Prefix[];
  prefixGroups?: string[];
  /** Words after which a name cannot start, by the name's first folded word: "cán bộ Khoa học ..." is staff. */
  notAfter?: Record<string, string[]>;
  orgs?: Array<Partial<Org> & { id: string }>;
  /** Heads, kinds and provinces for the provincial bodies. */
  local?: LocalData;
  /** Abbreviations that are also ordinary words ("PM": "3 pm"), matched in upper case only. */
  strictAbbreviations?: string[];
}

function merge(base: Map<string, Org>, file: RegistryFile): void {
  for (const o of file.orgs ?? []) {
    const old = base.get(o.id);
    const name = o.name ?? old?.name;
    if (!name) throw new ConfigError("org_registry_invalid", `Organisation "${o.id}" has no name.`);
    base.set(o.id, {
      id: o.id,
      name,
      aliases: [...new Set([...(old?.aliases ?? []), ...(o.aliases ?? [])])],
      abbreviations: [...new Set([...(old?.abbreviations ?? []), ...(o.abbreviations ?? [])])],
      ...((o.group ?? old?.group) !== undefined ? { group: o.group ?? old?.group } : {}),
      ...((o.mergedInto ?? old?.mergedInto) !== undefined ? { mergedInto: o.mergedInto ?? old?.mergedInto } : {}),
    });
  }
}

/** The built-in departments, with fields a user file adds (a file may also bring the whole list). */
function departments(base?: DepartmentData, extra?: Partial<DepartmentData>): { departments?: DepartmentData } {
  const head = base ?? (extra?.id && extra.name && extra.group && extra.heads ? (extra as DepartmentData) : undefined);
  if (!head) return {};
  return { departments: { ...head, fields: base ? [...base.fields, ...(extra?.fields ?? [])] : head.fields } };
}

function readExtra(path: string): RegistryFile {
  try {
    const parsed: unknown = JSON.parse(readFileSync(path, "utf8"));
    const file = (Array.isArray(parsed) ? { orgs: parsed } : parsed) as RegistryFile;
    if (typeof file !== "object" || file === null || !Array.isArray(file.orgs ?? [])) throw new Error("no orgs array");
    for (const o of file.orgs ?? []) if (typeof o?.id !== "string") throw new Error("an entry has no id");
    return file;
  } catch (err) {
    throw new ConfigError("org_registry_invalid", `Cannot read the organisation registry file ${path}: ${(err as Error).message}`, { cause: err });
  }
}

/**
 * The built-in registry, merged with a user file in the same format when given (config ORG_REGISTRY_FILE):
 * entries with a known id add aliases (and may rename), new ids add bodies.
 */
export function loadOrgRegistry(opts?: { extraFile?: string }): OrgRegistry {
  const builtIn = data as RegistryFile;
  const extra = opts?.extraFile ? readExtra(opts.extraFile) : {};
  const byId = new Map<string, Org>();
  merge(byId, builtIn);
  merge(byId, extra);
  const prefixes = [...(builtIn.prefixes ?? []), ...(extra.prefixes ?? [])];
  const prefixGroups = new Set([...(builtIn.prefixGroups ?? []), ...(extra.prefixGroups ?? [])]);
  const notAfter = new Map<string, Set<string>>();
  for (const file of [builtIn, extra]) {
    for (const [first, words] of Object.entries(file.notAfter ?? {})) {
      const key = keyTokens(first)[0];
      if (key) notAfter.set(key, new Set([...(notAfter.get(key) ?? []), ...words.flatMap(keyTokens)]));
    }
  }
  const local = createLocalMatcher({
    kinds: [...(builtIn.local?.kinds ?? []), ...(extra.local?.kinds ?? [])],
    heads: [...(builtIn.local?.heads ?? []), ...(extra.local?.heads ?? [])],
    provinces: [...(builtIn.local?.provinces ?? []), ...(extra.local?.provinces ?? [])],
    ...departments(builtIn.local?.departments, extra.local?.departments),
  });
  const strictAbbreviations = new Set([...(builtIn.strictAbbreviations ?? []), ...(extra.strictAbbreviations ?? [])].map(fold));
  return createRegistry({ orgs: [...byId.values()], prefixes, prefixGroups, notAfter, local, strictAbbreviations });
}

const issuerProvinces = new WeakMap<OrgRegistry, Map<string, string | undefined>>();

/**
 * The province whose body issued a document ("Ủy ban nhân dân tỉnh Đắk Lắk" -> "dak-lak"), if any; read
 * once per issuer and registry (task lists and passage checks ask it of every record or passage).
 */
export function issuerProvince(registry: OrgRegistry, issuer: string | undefined): string | undefined {
  if (!issuer) return undefined;
  let known = issuerProvinces.get(registry);
  if (!known) issuerProvinces.set(registry, (known = new Map()));
  if (!known.has(issuer)) known.set(issuer, registry.findAll(issuer).find((m) => m.org.province !== undefined)?.org.province);
  return known.get(issuer);
}

const documentProvinceSets = new WeakMap<OrgRegistry, Map<string, string[]>>();

/**
 * The provinces a document is about: its issuer's, or for a text of a national body the ones its title
 * names ("Kết luận của Thủ tướng tại buổi làm việc với tỉnh Lâm Đồng"); none for other national texts.
 * Read once per issuer, title and registry (a task list asks it of every record).
 */
export function documentProvinces(registry: OrgRegistry, meta: { issuer?: string; title?: string }): string[] {
  const issued = issuerProvince(registry, meta.issuer);
  if (issued !== undefined) return [issued];
  const title = meta.title ?? "";
  let known = documentProvinceSets.get(registry);
  if (!known) documentProvinceSets.set(registry, (known = new Map()));
  let ids = known.get(title);
  if (!ids) known.set(title, (ids = [...new Set(registry.findPlaces(title).map((p) => p.id))]));
  return ids;
}

/**
 * The ids a record of `org` may carry in a document issued in `province`: the body's own, and for a
 * provincial department of that province, the department unplaced ("Sở Y tế" in Đắk Lắk's plan is
 * Sở Y tế tỉnh Đắk Lắk; in another province's plan it is that province's).
 */
export function recordIds(org: Org, province: string | undefined): string[] {
  return org.unplaced && org.province === province ? [org.id, org.unplaced] : [org.id];
}

/** The body that carries on a body's work after a merger (following `mergedInto`), or the body itself. */
export function successorOf(registry: OrgRegistry, id: string): string {
  let current = id;
  for (let i = 0; i < 5; i++) {
    const next = registry.get(current)?.mergedInto;
    if (!next) break;
    current = next;
  }
  return current;
}

/**
 * The bodies whose work `org` carries on: a task assigned to them before the merger is now the
 * successor's. Registered bodies by their `mergedInto` ("Bộ Thông tin và Truyền thông" for "Bộ Khoa học và
 * Công nghệ" after 1 March 2025); a provincial body by its province's: the same body of each province
 * that joined it on 1 July 2025 ("UBND tỉnh Bình Định" for "UBND tỉnh Gia Lai", "Sở Y tế tỉnh Bình Định"
 * for "Sở Y tế tỉnh Gia Lai").
 */
export function predecessorsOf(registry: OrgRegistry, org: Org): Org[] {
  const registered = registry.all().filter((o) => o.id !== org.id && o.mergedInto !== undefined && successorOf(registry, o.id) === org.id);
  const derived = registry.derivedPredecessors(org).filter((o) => o.id !== org.id && successorOf(registry, o.id) === org.id);
  return [...registered, ...derived];
}
