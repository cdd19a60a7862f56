/**
 * Reading the arguments of /theodoi: "[ORG[, ORG...]] [hằng ngày|hằng tuần] [THỨ] [HH:MM] [N ngày] [cả khi trống]",
 * in any order, with or without diacritics ("hang tuan thu hai 7h30 btctw"), in Vietnamese or English.
 */
import type { OrgRegistry } from "../core/orgs.js";
import { fold } from "../core/text.js";
import { makeTime } from "./slots.js";

export interface SubscribeRequest {
  /** Canonical organisation ids; empty means every organisation. */
  orgIds: string[];
  cadence: "daily" | "weekly";
  time: string;
  /** 1 = Monday ... 7 = Sunday; set for weekly. */
  weekday?: number;
  sendEmpty: boolean;
  /** Days of look-ahead when the user gave one ("30 ngày"); otherwise the configured default applies. */
  lookaheadDays?: number;
  /** True when the user named a cadence, a weekday or a time (not only an organisation). */
  explicitSchedule: boolean;
}

export type ParseResult = { ok: true; request: SubscribeRequest } | { ok: false; error: string };

export interface ParseDefaults {
  /** "HH:MM" (config.digest.time). */
  time: string;
}

/** Phrases as folded words, with what they mean. Longer phrases are tried first. */
const CADENCE: Array<[string, "daily" | "weekly"]> = [
  ["hang ngay", "daily"], ["moi ngay", "daily"], ["daily", "daily"], ["ngay", "daily"],
  ["hang tuan", "weekly"], ["moi tuan", "weekly"], ["weekly", "weekly"], ["tuan", "weekly"],
];
const WEEKDAYS: Array<[string, number]> = [
  ["thu hai", 1], ["thu 2", 1], ["t2", 1], ["monday", 1], ["mon", 1],
  ["thu ba", 2], ["thu 3", 2], ["t3", 2], ["tuesday", 2], ["tue", 2],
  ["thu tu", 3], ["thu 4", 3], ["t4", 3], ["wednesday", 3], ["wed", 3],
  ["thu nam", 4], ["thu 5", 4], ["t5", 4], ["thursday", 4],
  ["thu sau", 5], ["thu 6", 5], ["t6", 5], ["friday", 5], ["fri", 5],
  ["thu bay", 6], ["thu 7", 6], ["t7", 6], ["saturday", 6], ["sat", 6],
  ["chu nhat", 7], ["cn", 7], ["sunday", 7], ["sun", 7],
];
const SEND_EMPTY = ["ca khi trong", "ke ca khi trong", "ca khi khong co", "gui ca khi trong", "send empty", "empty"];
/** One-word phrases that may also be part of an organisation's name. */
const AMBIGUOUS = new Set(["ngay", "tuan", "mon", "tue", "wed", "fri", "sat", "sun", "cn"]);
/** Words that carry no meaning here ("vào thứ Hai lúc 7:30"). */
const FILLER = ["vao", "luc", "gio", "at", "on", "every", "moi"];

interface Tok {
  raw: string;
  key: string;
}

/** Splits on spaces and list separators; commas and semicolons become tokens of their own. */
function tokenize(text: string): Tok[] {
  const out: Tok[] = [];
  for (const m of text.normalize("NFC").matchAll(/[,;]|[^\s,;]+/g)) out.push({ raw: m[0], key: fold(m[0]) });
  return out;
}

/** The length (in tokens) of the longest phrase of `phrases` starting at token i, or 0. */
function matchAt<T>(toks: Tok[], i: number, phrases: Array<[string, T]>): [number, T] | undefined {
  let best: [number, T] | undefined;
  for (const [phrase, value] of phrases) {
    const words = fold(phrase).split(" ");
    if (words.every((w, k) => toks[i + k]?.key === w) && (!best || words.length > best[0])) best = [words.length, value];
  }
  return best;
}

/** "7:30", "07:30", "7h30", "7h", "19g", "7.30" -> "07:30". */
export function parseTime(word: string): string | undefined {
  const m = /^(\d{1,2})(?:[:h.g](\d{2})?|[:h.g]?(\d{2}))?(?:h|g)?$/i.exec(word);
  if (!m || !/[:h.g]/i.test(word)) return undefined;
  return makeTime(Number(m[1]), Number(m[2] ?? m[3] ?? 0));
}

/**
 * Parses /theodoi's arguments. Organisations are resolved with the registry (aliases, abbreviations such as
 * "btctw", text without diacritics); several may be given, separated by commas. A weekday implies weekly;
 * weekly without a weekday is Monday; no cadence is daily; no time is the configured default.
 */
export function parseSubscribeArgs(text: string, registry: OrgRegistry, defaults: ParseDefaults): ParseResult {
  const toks = tokenize(text);
  let cadence: "daily" | "weekly" | undefined;
  let weekday: number | undefined;
  let time: string | undefined;
  let sendEmpty = false;
  let lookaheadDays: number | undefined;
  const orgParts: string[][] = [[]];
  for (let i = 0; i < toks.length; ) {
    const tok = toks[i]!;
    const empty = matchAt(toks, i, SEND_EMPTY.map((p) => [p, true] as [string, boolean]));
    if (empty) {
      sendEmpty = true;
      i += empty[0];
      continue;
    }
    const wd = matchAt(toks, i, WEEKDAYS);
    const cad = matchAt(toks, i, CADENCE);
    // A word that could belong to a name ("ngày", "tuần", "sun") counts only when no organisation words are pending.
    const pending = orgParts[orgParts.length - 1]!.length > 0;
    const free = (m: [number, unknown]) => m[0] > 1 || !pending || !AMBIGUOUS.has(tok.key);
    if (wd && free(wd) && (!cad || wd[0] >= cad[0])) {
      weekday = wd[1];
      i += wd[0];
      continue;
    }
    if (cad && free(cad)) {
      cadence = cad[1];
      i += cad[0];
      continue;
    }
    // "30 ngày" / "30 ngay" / "30 days": the look-ahead.
    if (/^\d{1,3}$/.test(tok.raw) && ["ngay", "days", "day"].includes(toks[i + 1]?.key ?? "")) {
      const n = Number(tok.raw);
      if (n < 1 || n > 365) return { ok: false, error: "Số ngày nhìn trước phải từ 1 đến 365." };
      lookaheadDays = n;
      i += 2;
      continue;
    }
    const t = parseTime(tok.raw);
    if (t) {
      time = t;
      i++;
      continue;
    }
    if (/^\d{1,2}[:h.g]/i.test(tok.raw)) return { ok: false, error: `Giờ “${tok.raw}” không hợp lệ; hãy viết dạng HH:MM, ví dụ 07:30.` };
    if (tok.raw === "," || tok.raw === ";") {
      orgParts.push([]);
      i++;
      continue;
    }
    if (!pending && FILLER.includes(tok.key)) {
      i++;
      continue;
    }
    orgParts[orgParts.length - 1]!.push(tok.raw);
    i++;
  }
  if (weekday !== undefined && cadence === "daily") {
    return { ok: false, error: "Bản tin hằng ngày không cần chọn thứ; hãy bỏ thứ, hoặc chọn “hằng tuần”." };
  }
  const orgIds: string[] = [];
  const parts = orgParts.map((p) => stripFiller(p).join(" ").trim()).filter(Boolean);
  // Names may hold commas ("Các tỉnh ủy, thành ủy, đảng ủy trực thuộc Trung ương"): the longest run of parts that names a body wins.
  for (let i = 0; i < parts.length; ) {
    let found: { id: string; next: number } | undefined;
    for (let j = parts.length; j > i && !found; j--) {
      const org = registry.resolve(parts.slice(i, j).join(", "));
      if (org) found = { id: org.id, next: j };
    }
    if (!found) return { ok: false, error: `Không nhận ra cơ quan “${parts[i]}”. Hãy ghi tên đầy đủ hoặc viết tắt, ví dụ: /theodoi btctw hằng ngày 07:30.` };
    if (!orgIds.includes(found.id)) orgIds.push(found.id);
    i = found.next;
  }
  const weekly = cadence === "weekly" || weekday !== undefined;
  const request: SubscribeRequest = {
    orgIds,
    cadence: weekly ? "weekly" : "daily",
    time: time ?? defaults.time,
    sendEmpty,
    explicitSchedule: cadence !== undefined || weekday !== undefined || time !== undefined,
  };
  if (weekly) request.weekday = weekday ?? 1;
  if (lookaheadDays !== undefined) request.lookaheadDays = lookaheadDays;
  return { ok: true, request };
}

/** Trailing filler words ("btctw lúc") left before a time. */
function stripFiller(words: string[]): string[] {
  const out = [...words];
  while (out.length && FILLER.includes(fold(out[out.length - 1]!))) out.pop();
  return out;
}
