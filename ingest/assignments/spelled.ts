/**
 * Lists that spell members without repeating their head: "các Bộ: Tài chính, Y tế, Tư pháp" (or "Các bộ
 * Tài chính, Y tế") names Bộ Tài chính, Bộ Y tế and Bộ Tư pháp; "các Tập đoàn: Điện lực Việt Nam, ..."
 * names each group.
 */
import type { Body, BodyList } from "./bodies.js";
import { lowKey } from "../../core/text.js";
import { BODY_HEADS, COLLECTIVE_OPENERS, NAME_WORDS, PREDICATE_WORDS } from "./lexicon.js";
import type { DocView, Tok } from "./tokens.js";
import { wordsOf } from "./tokens.js";

/** Heads whose members a list may spell without the head: "các Bộ: Tài chính, Y tế" (Bộ Tài chính, Bộ Y tế). */
const SPELLED_HEADS = new Set(["bộ", "tập đoàn", "tổng công ty", "ngân hàng", "sở", "ban"].map(lowKey));
/** Heads whose spelled members must be registry bodies: a ministry's short name is never anything else. */
const SPELLED_KNOWN_ONLY = new Set(["bộ", "ban", "sở"]);

/**
 * "các Bộ: Tài chính, Y tế, Tư pháp" or "các Tập đoàn: Điện lực Việt Nam, ...": one body per spelled name,
 * each the head plus the name. Ministries must resolve in the registry; other members are kept as written.
 */
export function readSpelledList(view: DocView, toks: readonly Tok[], i: number, unknown: boolean): BodyList | undefined {
  const words = wordsOf(toks);
  const opener = COLLECTIVE_OPENERS.match(words, i);
  let j = i + opener;
  const headLen = BODY_HEADS.match(words, j);
  const head = words.slice(j, j + headLen).join(" ");
  if (!headLen || !SPELLED_HEADS.has(head)) return undefined;
  // "các Bộ: Tài chính, Y tế", or without the colon for heads whose members must be known: "Các bộ Xây dựng,
  // Tài chính và Ngân hàng Nhà nước Việt Nam khẩn trương ..." (the first member read as the registry knows it).
  const colon = words[j + headLen] === ":";
  const first = toks[j + headLen];
  if (!colon && !(opener > 0 && SPELLED_KNOWN_ONLY.has(head) && first && view.isUpper(first.start) && !view.mention(first.start))) return undefined;
  const headText = view.text.slice(toks[j]!.start, toks[j + headLen - 1]!.end);
  j += headLen + (colon ? 1 : 0);
  const bodies: Body[] = [];
  let sepAt = j;
  for (;;) {
    const t = toks[j];
    if (!t || !view.isUpper(t.start) || view.mention(t.start)) { if (bodies.length) j = sepAt; break; }
    const knownOnly = SPELLED_KNOWN_ONLY.has(head);
    // The run of words up to the next separator or predicate; "và" may sit inside a name ("Khoa học và Công nghệ").
    const runEnd = (from: number, stopAtVa: boolean): number => {
      let e = from;
      while (toks[e] && e - j < 9 && /[\p{L}\p{N}-]/u.test(words[e]!) && !PREDICATE_WORDS.match(words, e) && !(stopAtVa && words[e] === "và")) e++;
      return words[e - 1] === "-" ? e - 1 : e;
    };
    const nameAt = (e: number) => `${headText} ${view.text.slice(t.start, toks[e - 1]!.end)}`;
    let resolved: ReturnType<typeof view.registry.resolve>;
    let k = j + 1;
    // The longest run the registry knows as head + name.
    for (let e = runEnd(j + 1, false); e > j && !resolved; e--) {
      const r = view.registry.resolve(nameAt(e));
      if (r) { resolved = r; k = e; }
    }
    if (!resolved) {
      // Kept as written only when every word of the run reads as part of a name.
      k = runEnd(j + 1, true);
      for (let e = j + 1; e < k; e++) if (!(view.isUpper(toks[e]!.start) || NAME_WORDS.has(words[e]!) || words[e] === "-")) { k = -1; break; }
    }
    if (k < 0 || (!resolved && (knownOnly || !unknown))) {
      // A name that is not the head's member ("các Bộ: Quốc phòng, Ủy ban nhân dân ...") ends the spelled list
      // at the separator before it; the caller reads on from there.
      if (bodies.length) j = sepAt;
      break;
    }
    const start = t.start, end = toks[k - 1]!.end;
    bodies.push({ orgId: resolved?.id ?? null, org: resolved?.name ?? `${headText} ${view.text.slice(start, end)}`, start, end, collective: false, vague: false });
    j = k;
    const n = toks[j + 1];
    if ((words[j] === "," || words[j] === ";" || words[j] === "và") && n && view.isUpper(n.start) && !view.mention(n.start)) {
      sepAt = j;
      j++;
      continue;
    }
    break;
  }
  // Every spelled name must be read, up to the predicate; a partial read would drop or invent a body.
  const predicate = PREDICATE_WORDS.match(words, j) || (words[j] === "tổ" && words[j + 1] === "chức");
  if (bodies.length < 1 || (toks[j] && !predicate && ![",", ";", "và"].includes(words[j]!))) return undefined;
  return { bodies, next: j };
}

/** A plural of provincial bodies, up to the provinces it names: "Ủy ban nhân dân" of "Ủy ban nhân dân các tỉnh, thành phố". */
const OF_PROVINCES = /\s+các\s+(?:tỉnh|thành\s+phố)(?:\s*,\s*thành\s+phố)?(?:\s+trực\s+thuộc\s+trung\s+ương)?$/iu;
/** A chairman's title before the body he heads: the body is the assignee. */
const CHAIRMAN = /^chủ\s+tịch\s+/iu;

/**
 * "Ủy ban nhân dân các tỉnh, thành phố: Cần Thơ, An Giang, Cà Mau", "Chủ tịch UBND các tỉnh: Khánh Hòa, Gia
 * Lai": a plural of provincial bodies spelled by its provinces is that body of each province named, not of
 * every province. `body` is the plural just read, `after` the token after it.
 */
export function readSpelledPlaces(view: DocView, toks: readonly Tok[], body: Body, after: number): BodyList | undefined {
  // "Chủ tịch UBND các tỉnh, thành phố ven biển từ Đà Nẵng đến Lâm Đồng": a few words that qualify the plural
  // may stand before its stretch.
  let at = after;
  while (at < after + 3 && toks[at] && /^\p{Ll}+$/u.test(toks[at]!.w) && toks[at]!.w !== "từ" && !view.isUpper(toks[at]!.start)) at++;
  if (toks[at]?.w === "từ") after = at;
  const by = toks[after]?.w;
  if (!body.collective || (by !== ":" && by !== "từ")) return undefined;
  const written = view.text.slice(body.start, body.end);
  const head = written.replace(OF_PROVINCES, "");
  if (head === written) return undefined;
  const local = (name: string) => {
    for (const h of [head, head.replace(CHAIRMAN, "")]) {
      const org = view.registry.resolve(`${h} tỉnh ${name}`) ?? view.registry.resolve(`${h} thành phố ${name}`);
      if (org) return org;
    }
    return undefined;
  };
  /** The province named by the capitalised words at token j, and the token after them. */
  const place = (j: number) => {
    let e = j;
    while (toks[e] && /\p{L}/u.test(toks[e]!.w) && view.isUpper(toks[e]!.start)) e++;
    const org = e > j ? local(view.text.slice(toks[j]!.start, toks[e - 1]!.end)) : undefined;
    return org ? { org, start: toks[j]!.start, end: toks[e - 1]!.end, next: e } : undefined;
  };
  // "Chủ tịch UBND các tỉnh, thành phố từ Hà Tĩnh đến Khánh Hòa": a stretch of provinces the registry cannot
  // list, kept as written (a plural of its own), not every province.
  if (by === "từ") {
    const from = place(after + 1);
    const to = from && toks[from.next]?.w === "đến" ? place(from.next + 1) : undefined;
    if (!to) return undefined;
    const org = view.text.slice(body.start, to.end).replace(CHAIRMAN, "");
    return { bodies: [{ orgId: null, org, start: body.start, end: to.end, collective: true, vague: false }], next: to.next };
  }
  const bodies: Body[] = [];
  let j = after + 1;
  for (;;) {
    const p = place(j);
    if (!p) { if (toks[j] && /\p{L}/u.test(toks[j]!.w) && view.isUpper(toks[j]!.start)) return undefined; break; }
    bodies.push({ orgId: p.org.id, org: p.org.name, start: p.start, end: p.end, collective: false, vague: false });
    j = p.next;
    if ((toks[j]?.w === "," || toks[j]?.w === "và") && toks[j + 1] && view.isUpper(toks[j + 1]!.start)) { j++; continue; }
    break;
  }
  return bodies.length ? { bodies, next: j } : undefined;
}
