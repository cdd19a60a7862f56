/**
 * Reading the bodies named at a position: registry organisations ("Ban Tổ chức Trung ương"), bodies the
 * registry lacks but that read as names ("Đảng uỷ Bộ Nội vụ", "Ban Thường vụ Tỉnh uỷ các tỉnh") and plural
 * addressees ("Các tỉnh uỷ, thành uỷ, đảng uỷ trực thuộc Trung ương").
 */
import {
  BODY_HEADS, COLLECTIVE_OPENERS, HEAD_TITLES, LOWERCASE_NAME_HEADS, NAME_WORDS, NOT_HEADS, OWN_BODY_PREFIXES, PERSON_TITLES, PREDICATE_WORDS, PhraseSet,
  WHOLE_NAME_HEADS, isVagueBody,
} from "./lexicon.js";
import type { Org } from "../../core/orgs.js";
import { isAbbreviation } from "../../core/text.js";
import type { DocView, Tok } from "./tokens.js";
import { readSpelledList, readSpelledPlaces } from "./spelled.js";
import { wordsOf } from "./tokens.js";

export interface Body {
  orgId: string | null;
  /** Canonical name, or the words as written. */
  org: string;
  /** The words the text uses (offsets into the document). */
  start: number;
  end: number;
  /** A plural addressee ("các bộ, ngành"): its part is to execute, not to lead. */
  collective: boolean;
  /** Too vague to record on its own ("các cơ quan liên quan"). */
  vague: boolean;
}

export interface BodyList {
  bodies: Body[];
  /** Index of the first token after the list. */
  next: number;
}

const MAX_NAME_TOKENS = 18;
/** A title's capitalised words and a person's full name ("Thường trực Chính phủ Nguyễn Hòa Bình"). */
const MAX_PERSON_WORDS = 8;
/** Verbs that sit inside a name when a proper noun follows: "Tiểu ban chuẩn bị Đại hội XIV". */
const NAME_VERBS = new Set(["chuẩn", "phụ"]);
const ORG_NOUNS_AFTER_TO_CHUC = new Set(["đảng", "chính", "cơ", "xã"]);
/** The last word of a generic local body that a place name may follow. */
const PLACE_NOUNS = new Set(["tỉnh", "thành", "phố", "tp", "huyện", "quận", "xã", "phường", "thị"]);

const wordAt = (toks: readonly Tok[], i: number): string => toks[i]?.w ?? "";

/**
 * Reads a list of bodies starting at token `i`: "X, Y và Z". `unknown` allows bodies the registry does not
 * know; without it only registry bodies and plural addressees are read.
 */
export function readBodyList(view: DocView, toks: readonly Tok[], i: number, unknown = true, leaders = false): BodyList {
  const ws = wordsOf(toks);
  const paired = readSecretaryAndChairman(view, toks, ws, i, unknown, leaders);
  if (paired) return paired;
  const bodies: Body[] = [];
  let j = i;
  for (;;) {
    // "Bộ trưởng các Bộ: Quốc phòng, Công an, ...": the heads' title before a spelled list; each body is addressed.
    const title = HEAD_TITLES.match(ws, j);
    const spelled = readSpelledList(view, toks, j, unknown) ?? (title ? readSpelledList(view, toks, j + title, unknown) : undefined);
    const b = spelled ? undefined : readBody(view, toks, j, unknown, leaders);
    const places = b ? readSpelledPlaces(view, toks, b.body, b.next) : undefined;
    if (spelled) bodies.push(...spelled.bodies);
    else if (places) bodies.push(...places.bodies);
    else if (b) bodies.push(b.body);
    else break;
    j = spelled ? spelled.next : places ? places.next : b!.next;
    j = afterUnitInParentheses(toks, j);
    const sep = toks[j]?.w;
    if (sep === "," || sep === "và" || sep === ";") {
      const after = readBody(view, toks, j + 1, unknown, leaders);
      if (after && (sep !== ";" || after.body.collective)) { j = j + 1; continue; }
    }
    // "Sở Khoa học và Công nghệ Sở Công Thương": two names a lost line break ran together (a table cell, a
    // PDF layer); both are bodies the registry knows, the second starting with a capitalised head. ("Đảng ủy
    // cơ quan Văn phòng Quốc hội" is one body: its first words name none.)
    const next = toks[j];
    if (next && bodies[bodies.length - 1]?.orgId && view.isUpper(next.start) && BODY_HEADS.match(ws, j) && view.mention(next.start)
      && readBody(view, toks, j, unknown, leaders)?.body.orgId) continue;
    break;
  }
  return { bodies, next: bodies.length ? j : i };
}

/** "Bí thư tỉnh ủy", "Bí thư tỉnh ủy, thành ủy", "Bí thư Thành ủy": how many words, after "bí thư", name the committees. */
const COMMITTEES = new PhraseSet(["tỉnh ủy , thành ủy", "tỉnh , thành ủy", "tỉnh ủy", "thành ủy"]);

/**
 * "(Đồng chí) Bí thư tỉnh ủy, thành ủy và Chủ tịch Ủy ban nhân dân các tỉnh, thành phố: A, B" (a Công điện's
 * addressees): the party secretary and the chairman of each place the plural names, addressed together; the
 * secretary acts for the place's party committee (Tỉnh ủy A, Thành ủy B), as the chairman for its UBND.
 */
function readSecretaryAndChairman(
  view: DocView, toks: readonly Tok[], ws: readonly string[], i: number, unknown: boolean, leaders: boolean,
): BodyList | undefined {
  let j = ws[i] === "đồng" && ws[i + 1] === "chí" ? i + 2 : i;
  if (ws[j] !== "bí" || ws[j + 1] !== "thư") return undefined;
  const named = COMMITTEES.match(ws, j + 2);
  if (!named || ws[j + 2 + named] !== "và") return undefined;
  j += 2 + named + 1;
  // The list may go on with other addressees ("... Gia Lai và lãnh đạo các Bộ, ngành"): they have no secretary.
  const chairs = readBodyList(view, toks, j, unknown, leaders);
  const committees = chairs.bodies.flatMap((b) => committeeOf(view, b) ?? []);
  return committees.length ? { bodies: [...committees, ...chairs.bodies], next: chairs.next } : undefined;
}

/** The party committee of the place a local People's Committee (or a plural of them) governs. */
function committeeOf(view: DocView, b: Body): Body | undefined {
  const org = b.orgId ? view.registry.get(b.orgId) : undefined;
  if (org?.province && b.orgId?.startsWith("ubnd:")) {
    const c = view.registry.get(`tinh-uy:${org.province}`) ?? view.registry.get(`thanh-uy:${org.province}`);
    return c && { ...b, orgId: c.id, org: c.name, collective: false };
  }
  if (!b.collective || !/^Ủy ban nhân dân/u.test(b.org)) return undefined;
  const all = view.registry.get("cac-tinh-uy-thanh-uy");
  // The plural of every province is "Các tỉnh ủy, thành ủy"; a stretch of them keeps its words.
  if (b.orgId && all) return { ...b, orgId: all.id, org: all.name };
  return { ...b, orgId: null, org: b.org.replace(/^Ủy ban nhân dân/u, "Tỉnh ủy, thành ủy") };
}

/**
 * "Văn phòng UBND tỉnh (Trung tâm Công báo - Tin học) và ...": a unit of the body named in parentheses
 * after it belongs to the body, not to the task; a role written there ("(chủ trì)") is left to be read.
 */
function afterUnitInParentheses(toks: readonly Tok[], j: number): number {
  if (toks[j]?.w !== "(") return j;
  for (let k = j + 1; k < Math.min(toks.length, j + 14); k++) {
    const w = toks[k]!.w;
    if (w === ")") return k + 1;
    if (w === "(" || w === "chủ" || w === "phối" || w === "thực") return j;
  }
  return j;
}

function readBody(view: DocView, toks: readonly Tok[], i: number, unknown: boolean, leaders: boolean): { body: Body; next: number } | undefined {
  const t = toks[i];
  if (!t) return undefined;
  const ws = wordsOf(toks);
  const direct = view.mention(t.start);
  // Leaders (Thủ tướng, Tổng Bí thư) issue, chair and receive reports; their offices are the assignees.
  // Named as the object of "giao"/"phân công" (`leaders`), a leader is the assignee: "Giao Phó Thủ tướng
  // Chính phủ Trần Hồng Hà chỉ đạo ...", the person's name read as part of the body's.
  if (direct?.org.group === "leader") return leaders ? withPersonName(view, toks, fromMention(view, toks, i, direct.org, direct.index + direct.length)) : undefined;
  if (direct) return fromMention(view, toks, i, direct.org, direct.index + direct.length);
  // "Giao đồng chí Bộ trưởng Bộ Xây dựng", "Đồng chí Chủ tịch Ủy ban nhân dân các tỉnh: ...": the honorific
  // before a head's title; the head is addressed for the body, as without it.
  if (ws[i] === "đồng" && ws[i + 1] === "chí" && HEAD_TITLES.match(ws, i + 2)) return readBody(view, toks, i + 2, unknown, leaders);
  if (PERSON_TITLES.match(ws, i)) return undefined;

  const own = OWN_BODY_PREFIXES.match(ws, i);
  if (own && toks[i + own]) {
    const m = view.mention(toks[i + own]!.start);
    if (m) {
      const end = m.index + m.length;
      const written = view.text.slice(t.start, end);
      const resolved = view.registry.resolve(written);
      const next = indexAfter(toks, end);
      // "Đảng uỷ các bộ, cơ quan ngang bộ": the own body of each member of a plural is itself plural.
      const collective = !resolved && m.org.group === "collective";
      return { body: { orgId: resolved?.id ?? null, org: resolved?.name ?? written, start: t.start, end, collective, vague: false }, next };
    }
  }
  const title = HEAD_TITLES.match(ws, i);
  if (title && toks[i + title]) {
    const m = view.mention(toks[i + title]!.start);
    if (m && m.org.group !== "leader") return fromMention(view, toks, i, m.org, m.index + m.length);
  }
  const opener = COLLECTIVE_OPENERS.match(ws, i);
  if (opener && BODY_HEADS.match(ws, i + opener) && !NOT_HEADS.match(ws, i + opener)) return phrase(view, toks, i, i + opener, true);
  if (NOT_HEADS.match(ws, i)) return undefined;
  const head = BODY_HEADS.match(ws, i);
  if (unknown && head && view.isUpper(t.start)) {
    // A bare head ("Ban cũng ...", "Bộ đã ...") names no one: it refers back, which the caller resolves.
    const after = toks[i + head];
    const whole = WHOLE_NAME_HEADS.match(ws, i) === head;
    if (!whole && (!after || !(LOWERCASE_NAME_HEADS.match(ws, i) || view.isUpper(after.start) || view.mention(after.start)))) return undefined;
    const p = phrase(view, toks, i, i, false);
    // A whole name may end with its head; any other head needs a word after it.
    return p.next >= i + head + (whole ? 0 : 1) ? p : undefined;
  }
  // "Trách nhiệm của thủ trưởng các đơn vị thuộc Cục Thuế": the heads of a plural, in lower case, act for it.
  const plural = title && !view.mention(toks[i + title]?.start ?? -1) ? readBody(view, toks, i + title, unknown, leaders) : undefined;
  return plural?.body.collective && !plural.body.vague ? plural : undefined;
}

/** A registry body, widened to a plural or local body when a qualifier follows ("... các tỉnh"). */
function fromMention(view: DocView, toks: readonly Tok[], i: number, org: Org, end: number): { body: Body; next: number } {
  let next = indexAfter(toks, end);
  // "Ủy ban Kinh tế và Tài chính của Quốc hội": the owner is part of the name as written.
  while (toks[next]?.w === "của" && toks[next + 1] && view.mention(toks[next + 1]!.start)) {
    const owner = view.mention(toks[next + 1]!.start)!;
    end = owner.index + owner.length;
    next = indexAfter(toks, end);
  }
  // A generic body followed by a place ("Ủy ban nhân dân tỉnh" + "Đồng Nai") is that place's own body.
  // So is a department followed by a place the registry lacks ("Sở Xây dựng Sông Lam"): kept as written.
  const placeAfter = PLACE_NOUNS.has(wordAt(toks, next - 1)) || (isFieldDepartment(org) && !PREDICATE_WORDS.match(wordsOf(toks), next));
  if (placeAfter && toks[next] && view.isUpper(toks[next]!.start) && !view.mention(toks[next]!.start)
    && !BODY_HEADS.match(wordsOf(toks), next)) {
    const local = phrase(view, toks, i, next, false);
    if (local.body.end > end) return local;
  }
  const after = toks[next]?.w;
  // "Sở Y tế tỉnh, thành phố trực thuộc Trung ương", "Phòng Nội vụ huyện, thị xã": a body followed by several
  // kinds of place is that body of each, as "các tỉnh" makes it.
  // (The registry's name may hold the first place noun: "Sở Y tế tỉnh".)
  const place = PLACE_NOUNS.has(wordAt(toks, next - 1)) && wordAt(toks, next) === "," ? next - 1 : next;
  const places = PLACE_NOUNS.has(wordAt(toks, place)) && (wordAt(toks, place + 1) === "," || wordAt(toks, place + 1) === "và") && PLACE_NOUNS.has(wordAt(toks, place + 2));
  // "cấp" widens only before a level: "Sở Tư pháp cấp, khóa tài khoản ..." is the body and its verb.
  const level = after === "cấp" && RANKS.match(wordsOf(toks), next + 1) > 0;
  if ((after === "các" || level || places) && toks[next + 1] && !PREDICATE_WORDS.match(wordsOf(toks), next + 1)) {
    const wide = phrase(view, toks, i, place, true);
    if (wide.body.end > end) return { body: { ...wide.body, collective: true }, next: wide.next };
  }
  const collective = org.group === "collective";
  return { body: { orgId: org.id, org: org.name, start: toks[i]!.start, end, collective, vague: false }, next };
}

/**
 * The capitalised words after a leader's title name the person: "Trần Hồng Hà", "Thường trực Chính phủ
 * Nguyễn Hòa Bình" (a lower-case syllable between two capitalised words belongs to them).
 */
function withPersonName(view: DocView, toks: readonly Tok[], read: { body: Body; next: number }): { body: Body; next: number } {
  const upper = (k: number) => !!toks[k] && /^\p{L}/u.test(toks[k]!.w) && view.isUpper(toks[k]!.start);
  let next = read.next;
  while (next < read.next + MAX_PERSON_WORDS && (upper(next) || (next > read.next && upper(next - 1) && upper(next + 1)))) next++;
  return next === read.next ? read : { body: { ...read.body, end: toks[next - 1]!.end }, next };
}

/** Administrative levels with many units each: "cấp xã", "cấp tỉnh". */
const MANY_UNIT_LEVELS = ["tỉnh", "huyện", "xã", "cơ sở"];
const LEVELS = new PhraseSet(MANY_UNIT_LEVELS);
/** Every level a body may be named by after "cấp": those, and the single ones ("cấp trung ương", "cấp bộ"). */
const RANKS = new PhraseSet([...MANY_UNIT_LEVELS, "trung ương", "thành phố", "quận", "phường", "thị xã", "bộ", "ngành", "ủy", "uỷ", "trên", "dưới"]);

/** A provincial department named by its field alone ("Sở Xây dựng", id "so:xay-dung"), not by its province. */
const isFieldDepartment = (org: Org): boolean => org.group === "department" && org.id.split(":").length === 2;

/** A name as written, from token `i`, extended past its head (token `from`) up to the predicate. */
function phrase(view: DocView, toks: readonly Tok[], i: number, from: number, collective: boolean): { body: Body; next: number } {
  const ws = wordsOf(toks);
  let j = from + Math.max(1, BODY_HEADS.match(ws, from));
  const afterHead = j;
  /** The name took a capitalised verb as its own word: lower-case words after it are the name's too. */
  let verbName = false;
  let end = toks[j - 1]!.end;
  /** A singular name written as a proper noun, its first word after the head capitalised: "Cục Văn thư". */
  // ("Tổ chức" there is the name's word, not a head: "Vụ Tổ chức - Biên chế".)
  const properName = !collective && j < toks.length && view.isUpper(toks[j]!.start) && (!BODY_HEADS.match(ws, j) || (ws[j] === "tổ" && ws[j + 1] === "chức"));
  while (j < toks.length && j - i < MAX_NAME_TOKENS) {
    const w = ws[j]!;
    if (w === ",") {
      // A comma continues the name only before another head noun ("tỉnh uỷ, thành uỷ, đảng uỷ").
      if (!toks[j + 1] || view.mention(toks[j + 1]!.start) || !BODY_HEADS.match(ws, j + 1)) break;
      // A title before a registry body starts a new body: "..., Chủ tịch Ủy ban nhân dân các tỉnh".
      const title = HEAD_TITLES.match(ws, j + 1);
      if (title && toks[j + 1 + title] && view.mention(toks[j + 1 + title]!.start)) break;
      // A capitalised head that names a body of its own starts a new one: "các sở, ban, ngành, Văn phòng
      // UBND tỉnh", "Thủ trưởng các sở, ngành, Chủ tịch UBND các xã"; "các Sở, Ban, ngành" stays one plural.
      const head = BODY_HEADS.match(ws, j + 1);
      const after = toks[j + 1 + head];
      if (view.isUpper(toks[j + 1]!.start) && (title || LOWERCASE_NAME_HEADS.match(ws, j + 1) > 1
        || (after && (view.isUpper(after.start) || view.mention(after.start))))) break;
      // "Ủy ban Kinh tế và Tài chính của Quốc hội, Hội đồng dân tộc ...": after a singular proper name a
      // capitalised head is the next body; so is a head written as an abbreviation ("các Sở, ban, ngành
      // Thành phố, UBND phường, xã").
      if (view.isUpper(toks[j + 1]!.start) && (properName || isAbbreviation(view.text.slice(toks[j + 1]!.start, toks[j + 1]!.end)))) break;
      j++;
      continue;
    }
    // "chính trị - xã hội", also written "chính trị-xã hội" (one token).
    if (w === "-" && ws[j - 1] === "trị" && ws[j + 1] === "xã") { j++; continue; }
    if (w === "trị-xã" && ws[j - 1] === "chính" && ws[j + 1] === "hội") { j += 2; end = toks[j - 1]!.end; continue; }
    // "Tập đoàn Công nghiệp - Năng lượng Quốc gia Việt Nam", "Vụ Tổ chức - Biên chế", "Phòng Văn hóa - Xã hội":
    // a hyphen between the words of a proper name goes on with the capitalised word after it.
    const hyphen = w === "-" && j > from && (view.isUpper(toks[j - 1]!.start) || properName) && toks[j + 1] && view.isUpper(toks[j + 1]!.start);
    if (hyphen && !view.mention(toks[j + 1]!.start) && (!BODY_HEADS.match(ws, j + 1) || NOT_HEADS.match(ws, j + 1))) { j++; continue; }
    // "Vụ Pháp chế - Bộ Nội vụ", "Cục Kiểm soát TTHC - VPCP": a unit and, after the hyphen, the registry
    // body it belongs to, one name as written (as "Ủy ban ... của Quốc hội" is).
    const parent = hyphen && properName ? view.mention(toks[j + 1]!.start) : undefined;
    if (parent && parent.org.group !== "leader") {
      end = parent.index + parent.length;
      j = indexAfter(toks, end);
      continue;
    }
    if (!/[\p{L}\p{N}]/u.test(w)) break;
    if (w === "và") {
      // "Ủy ban Mặt trận Tổ quốc ... và các tổ chức chính trị - xã hội": a plural after a singular name is
      // a second body, which the list reads on its own.
      if (!collective && COLLECTIVE_OPENERS.match(ws, j + 1) && !/(^|\s)(các|những)\s/u.test(view.low.slice(toks[i]!.start, toks[j - 1]!.end))) break;
      // "các địa phương, Bộ, ngành và các Ban quản lý dự án": a plural opened anew after "và" is a second
      // addressee, which the list reads on its own (a registered plural, "các bộ, ngành và địa phương", has none).
      const opener = COLLECTIVE_OPENERS.match(ws, j + 1);
      if (opener && BODY_HEADS.match(ws, j + 1 + opener) && !NOT_HEADS.match(ws, j + 1 + opener) && /(^|\s)(các|những)\s/u.test(view.low.slice(toks[i]!.start, toks[j - 1]!.end))) break;
      // "và" joins a name's words ("Sở Khoa học và Công nghệ") or a plural's nouns ("... và địa phương");
      // before a new named body ("và Sở Tài chính") it ends this one and the list reads the next.
      const next = toks[j + 1];
      if (!next || view.mention(next.start)) break;
      const upper = view.isUpper(next.start);
      if (upper && BODY_HEADS.match(ws, j + 1)) break;
      if (!upper && !BODY_HEADS.match(ws, j + 1) && !COLLECTIVE_OPENERS.match(ws, j + 1)) break;
      // "Ban Tuyên giáo và Dân vận Thành ủy", "Cục Văn thư và Lưu trữ nhà nước": a name whose first word after
      // its head is capitalised goes on after "và" with the next capitalised word; otherwise a capital after a
      // lower-case word starts something else.
      if (upper && !view.isUpper(toks[j - 1]!.start) && !properName) break;
    }
    if (w === "tổ" && ws[j + 1] === "chức" && ORG_NOUNS_AFTER_TO_CHUC.has(ws[j + 2] ?? "")) { j += 2; end = toks[j - 1]!.end; continue; }
    // "các tổ chức chính trị - xã hội thành viên": the members of the body named before.
    if (w === "thành" && ws[j + 1] === "viên") { j += 2; end = toks[j - 1]!.end; continue; }
    // "UBND các xã, phường tổ chức vận chuyển": "tổ chức" before anything but an organisation noun is the verb.
    // (Written with a capital right after the head, "Tổ chức" names the body: "Vụ Tổ chức cán bộ", read below.)
    if (w === "tổ" && ws[j + 1] === "chức" && j > from && ws[j - 1] !== "," && ws[j - 1] !== "và" && ![",", ";", "và"].includes(ws[j + 2] ?? "")
      && !(j === afterHead && view.isUpper(toks[j]!.start))) break;
    // "Văn phòng Ban chỉ đạo ...": "chỉ đạo" after "Ban" names the steering committee.
    if (w === "chỉ" && ws[j + 1] === "đạo" && ws[j - 1] === "ban") { j += 2; end = toks[j - 1]!.end; continue; }
    const pred = predicateAt(ws, j);
    // A word written with a capital right after the head is the name's own, though it reads as a verb
    // elsewhere: "Ban Quản lý các khu công nghiệp", "Trung tâm Kiểm soát bệnh tật", "Hội đồng Thẩm định"
    // (a word of the name must follow; "Ban Quản lý ban hành ..." refers back to a body named before).
    // So is a verb a lower-case name goes on with after its head ("các Ban quản lý dự án").
    const nameGoesOn = /^\p{L}/u.test(ws[j + pred] ?? "") || (ws[j + pred] === "-" && !!toks[j + pred + 1] && view.isUpper(toks[j + pred + 1]!.start));
    if (pred && j === afterHead && (view.isUpper(toks[j]!.start) || LOWERCASE_NAME_HEADS.match(ws, from) >= j + pred - from) && nameGoesOn
      && !predicateAt(ws, j + pred)) {
      j += pred;
      end = toks[j - 1]!.end;
      verbName = true;
      continue;
    }
    if (pred && NAME_VERBS.has(w) && toks[j + pred] && view.isUpper(toks[j + pred]!.start)) {
      j += pred;
      end = toks[j - 1]!.end;
      continue;
    }
    if (pred) break;
    if (j > from && view.mention(toks[j]!.start) && ws[j - 1] !== "của" && ws[j - 1] !== "thuộc") break;
    // "Dân vận", "Lưu trữ": a capitalised word of a name and the lower-case syllable after it are one word.
    const compound = properName && j > afterHead && view.isUpper(toks[j - 1]!.start) && !BODY_HEADS.match(ws, j - 1)
      && /^\p{L}+$/u.test(w) && /^\p{L}+$/u.test(ws[j - 1]!);
    // "các Ban quản lý dự án/Doanh nghiệp dự án": a slash offers another name; this one ends before it.
    const slash = /^\p{L}+\/\p{L}/u.test(w) ? w.indexOf("/") : -1;
    if (slash > 0 && NAME_WORDS.has(w.slice(0, slash))) { end = toks[j]!.start + slash; j++; break; }
    if (!NAME_WORDS.has(w) && !view.isUpper(toks[j]!.start) && !pred && !/\d/.test(w) && !verbName && !compound) break;
    end = toks[j]!.end;
    j++;
  }
  if (ws[j - 1] === ",") j--;
  // A name broken over lines ("Sở Nông\n\nnghiệp và Môi trường") is read as one line.
  const written = view.text.slice(toks[i]!.start, end).replace(/\s+/g, " ");
  // "Ban Thường vụ Tỉnh uỷ các tỉnh", "UBND các cấp" name many bodies at once; "Ban Quản lý các khu công
  // nghiệp" is one body that manages many parks: "các" must count bodies, places or levels.
  // "Ủy ban nhân dân cấp xã", "Ban thường vụ cấp ủy cấp tỉnh" name that body of every commune or province,
  // as "UBND các xã" does: a level names many bodies too.
  for (let k = i; k < j - 1 && !collective; k++) {
    if ((ws[k] === "các" || ws[k] === "những") && (BODY_HEADS.match(ws, k + 1) || ws[k + 1] === "cấp" || PLACE_NOUNS.has(ws[k + 1]!))) collective = true;
    if (ws[k] === "cấp" && LEVELS.match(ws, k + 1)) collective = true;
    // "UBND xã, phường", "Ủy ban nhân dân tỉnh, thành phố": several kinds of place, many bodies.
    if (PLACE_NOUNS.has(ws[k]!) && (ws[k + 1] === "," || ws[k + 1] === "và") && PLACE_NOUNS.has(ws[k + 2] ?? "") && k + 2 < j) collective = true;
  }
  const resolved = view.registry.resolve(written);
  if (resolved && resolved.group !== "collective") collective = false;
  const vague = isVagueBody(view.low.slice(toks[i]!.start, end));
  return {
    body: { orgId: resolved?.id ?? null, org: resolved?.name ?? written, start: toks[i]!.start, end, collective, vague },
    next: j,
  };
}

/**
 * A predicate opening at word `j`, but not in the nouns "dự án" (project) and "công trình" (works) a name is
 * made of, nor "giao thông" (traffic): "Ban Quản lý dự án đầu tư công trình giao thông".
 */
const predicateAt = (ws: readonly string[], j: number): number =>
  (ws[j] === "dự" && /^án(\/|$)/u.test(ws[j + 1] ?? "")) || (ws[j] === "trình" && ws[j - 1] === "công") || (ws[j] === "giao" && ws[j + 1] === "thông")
    ? 0 : PREDICATE_WORDS.match(ws, j);

/** The index of the first token starting at or after `offset`. */
export function indexAfter(toks: readonly Tok[], offset: number): number {
  let lo = 0, hi = toks.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (toks[mid]!.start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
