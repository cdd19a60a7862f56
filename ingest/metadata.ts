/**
 * Document metadata read from the cleaned text: kind, number/symbol, issuer, date, title, the period the
 * title names, and signer. Official texts carry these in fixed places (the header table, the kind
 * heading, the "về ..." line, the signature block; thuvienphapluat adds a "Số hiệu:" field table);
 * news reports carry a date line and a headline. Anything the text does not give stays undefined.
 */
import { findPeriods } from "../core/periods.js";
import { isoDate, isValidDay } from "../core/time.js";
import { DOC_KIND_LABELS, DOC_KINDS, type DocKind, type DocumentMeta } from "../core/types.js";
import { fold } from "../core/text.js";
import { shorten } from "../core/display.js";
import { KIND_HEADINGS, KIND_MENTIONS } from "../core/kinds.js";
import { issuerName } from "./parse/issuer.js";

/** Only the head of a document holds its header; reading more would be slow and risk false hits. */
const HEAD_CHARS = 8000;

/** Kind from the symbol of a number: "229-KL/TW", "634/TB-VPCP", "08/2025/NQ-CP". */
const SYMBOL_KINDS: Array<[RegExp, DocKind]> = [
  [/[-/]KL\b/u, "ket_luan"], [/[-/]NQ\b/u, "nghi_quyet"], [/[-/]CT\b/u, "chi_thi"], [/[-/]TB\b/u, "thong_bao"],
  [/[-/]CĐ\b/u, "cong_dien"], [/[-/]QĐ\b/u, "quyet_dinh"], [/[-/]KH\b/u, "ke_hoach"], [/[-/]HD\b/u, "huong_dan"],
  [/[-/]QĐi\b/u, "quy_dinh"], [/[-/]CTr\b/u, "chuong_trinh"], [/[-/]BC\b/u, "bao_cao"],
  [/[-/]NĐ\b/u, "nghi_dinh"], [/[-/]TTLT\b/u, "thong_tu_lien_tich"], [/[-/]TT\b/u, "thong_tu"], [/\/QH\d*$/u, "luat"],
];

/** Map a kind written in words ("Quyết định", "ket_luan", "Thông báo kết luận") to a DocKind. */
export function kindFromWords(words: string): DocKind | undefined {
  const key = fold(words).trim().replace(/\s+/g, "_");
  if ((DOC_KINDS as readonly string[]).includes(key)) return key as DocKind;
  for (const kind of DOC_KINDS) {
    const label = fold(DOC_KIND_LABELS[kind]).replace(/\s+/g, "_");
    if (key === label || key.startsWith(label + "_")) return kind;
  }
  if (key === "tin_bai" || key === "tin_tuc" || key === "bai_bao") return "news";
  return undefined;
}

/** The value of a thuvienphapluat field ("Số hiệu: | 471/QĐ-UBND |"), across bars and line breaks. */
function siteField(head: string, label: string): string | undefined {
  const m = new RegExp(`${label}\\s*:[\\s|]*([^|\\n]+)`, "u").exec(head);
  const v = m?.[1]?.trim();
  return v && !/^(Đang cập nhật|Đã biết)$/u.test(v) ? v : undefined;
}

function dmy(d: string, m: string, y: string): string | undefined {
  const [day, month, year] = [Number(d), Number(m), Number(y)];
  return isValidDay(year, month, day) ? isoDate(year, month, day) : undefined;
}

function readDate(text: string, head: string): string | undefined {
  const lead = /^\s*date (\d{4})-(\d{2})-(\d{2})\b/u.exec(text);
  if (lead) return dmy(lead[3]!, lead[2]!, lead[1]!);
  const field = siteField(head, "Ngày ban hành");
  const f = field && /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/u.exec(field);
  if (f) return dmy(f[1]!, f[2]!, f[3]!);
  // "Hà Nội, ngày 22 tháng 11 năm 2025" / "Bắc Ninh, ngày 26/3/2026": a place, then the date.
  const placed = /(?:^|\|)[ \t]*\p{Lu}[\p{L} .]{1,40}, ngày (\d{1,2})(?: tháng ?|\/)(\d{1,2})(?: ?năm |\/)(\d{4})/mu.exec(head);
  return placed ? dmy(placed[1]!, placed[2]!, placed[3]!) : undefined;
}

/** The label of a number in a header: "Số:", and a law's "Luật số:" (or an ordinance's "Pháp lệnh số:"). */
const NUMBER_LABEL = String.raw`(?:(?:Luật|Pháp lệnh)[ \t]+số|Số)`;
/** "Số: 634/TB-VPCP" at a line's start or in a header table's cell. */
const NUMBER_FIELD = new RegExp(String.raw`(?:^|\|)[ \t]*${NUMBER_LABEL}[ \t]*:?[ \t]*(\d[\p{L}\d./\-–]*\/[\p{L}\d./\-–]+)`, "mu");
/** The line of the number in a header written as lines. */
const NUMBER_LINE = new RegExp(String.raw`^\s*${NUMBER_LABEL}\s*:?\s*[\d\s-]`, "u");

function readNumber(head: string): string | undefined {
  const clean = (v: string | undefined) => v?.trim().replace(/[.,;]+$/u, "");
  const field = clean(siteField(head, "Số hiệu")?.split(/\s/u)[0]);
  if (field && /^\d[^\s]*\//u.test(field)) return field;
  const m = NUMBER_FIELD.exec(head);
  return clean(m?.[1]);
}

interface Heading { kind: DocKind; lineEnd: number; rest: string; number?: string }

/** The words of a line before its first lower-case letter ("THÔNG BÁO KẾT LUẬN" of "THÔNG BÁO KẾT LUẬN số 902-TB/VPTW"). */
const UPPER_LEAD = /^(?:[^\s\p{Ll}]+(?:\s+|$))+/u;
/** A line of upper-case words ending in a colon: the enacting words ("QUYẾT ĐỊNH:", "NGHỊ ĐỊNH:"). */
const ENACTING = /^[^\p{Ll}:]+:$/u;
/** "số 902-TB/VPTW" written in the heading itself. */
const HEADING_NUMBER = /(?<!\S)(?:số|Số|SỐ)\s*:?\s*(\d[\p{L}\d./\-–]*\/[\p{L}\d./\-–]+)/u;

/**
 * The kind heading: a line near the top whose upper-case words start with a kind ("KẾT LUẬN", "QUYẾT ĐỊNH",
 * "THÔNG BÁO KẾT LUẬN số 902-TB/VPTW", "QUYẾT ĐỊNH CÔNG BỐ ... CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH Căn cứ ...").
 */
function findKindHeading(head: string): Heading | undefined {
  const re = /^(?!\|)[^\n]*$/gmu;
  for (let m = re.exec(head); m; m = re.exec(head)) {
    if (m[0].length === 0) { re.lastIndex++; continue; }
    const line = m[0].trim().replace(/^[#*\s]+|[*\s]+$/gu, "");
    const lead = UPPER_LEAD.exec(line)?.[0]?.trim() ?? "";
    if (!/\p{Lu}{2}/u.test(lead)) continue;
    // "QUYẾT ĐỊNH:", "NGHỊ ĐỊNH:" before Điều 1 enact the text; the heading names it before them.
    if (ENACTING.test(line)) continue;
    for (const [word, kind] of KIND_HEADINGS) {
      const w = word.exec(lead);
      if (!w) continue;
      let rest = line.slice(w[0].length).replace(/^[\s:]+/u, "");
      // "THÔNG BÁO KẾT LUẬN số 902-TB/VPTW": the number is written in the heading.
      const number = HEADING_NUMBER.exec(rest);
      if (number) rest = (rest.slice(0, number.index) + " " + rest.slice(number.index + number[0].length)).trim();
      // Upper-case words only: the ordinary-case words after them open the text ("Căn cứ ...").
      if (rest !== rest.toUpperCase()) {
        // "... CỦA BỘ CHÍNH TRỊ, BAN BÍ THƯ về một số nhiệm vụ ...": a "về ..." title run in after the issuer stays.
        const upperWords = UPPER_LEAD.exec(rest)?.[0] ?? "";
        const tail = rest.slice(upperWords.length).trim();
        rest = /^về\s/u.test(tail) && /^CỦA\s/u.test(upperWords) ? `${upperWords.trim()} ${tail}` : upperWords.trim();
      }
      // "THÔNG BÁO KẾT LUẬN CỦA ..." is a Thông báo; "QUYẾT ĐỊNH:" before Điều 1 comes after the heading.
      return { kind, lineEnd: m.index + m[0].length, rest, number: number?.[1]?.replace(/[.,;]+$/u, "") };
    }
  }
  return undefined;
}

/** Leading upper-case words (three or more) of a line that goes on in ordinary case. */
const UPPER_RUN = /^((?:[\p{Lu}\d(][\p{Lu}\d.,;:()&/\-–]*\s+(?:[-–&]\s+)?){2,}[\p{Lu}\d(][\p{Lu}\d.,;:()&/\-–]*)\s+(?=\p{Lu}\p{Ll})/u;
/** An issuing body closing such a run ("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH"), but not "... CỦA ỦY BAN NHÂN DÂN TỈNH". */
const RUN_ISSUER = /(?<!CỦA)\s+(?:CHỦ TỊCH\s+)?(?:ỦY BAN|UỶ BAN|HỘI ĐỒNG) NHÂN DÂN(?:\s+\p{Lu}+){0,4}$/u;
const TITLE_STOP = /^(?:Căn cứ|Xem xét|Tại |Theo |Ngày |Kính gửi|Trên cơ sở|Trong |\d+\.|[IVX]+[.-]|Điều )/u;

/** A person, a meeting or a place after "CỦA": the words belong to the title, not the issuer's name. */
const NOT_A_BODY = /^(?:ĐỒNG CHÍ|ĐC\.?|PHÓ THỦ TƯỚNG|TỔNG BÍ THƯ|THƯỜNG TRỰC BAN BÍ THƯ|CHỦ TỊCH NƯỚC)(?=\s|$)|\s(?:TẠI|TRONG|VỚI)\s/u;
const WIRES = /\s*(?:PHÓ\s+)?(?:TH\s?Ủ TƯỚNG|BỘ TRƯỞNG|CHỦ TỊCH|ỦY BAN|UỶ BAN)[^\p{Ll}]{0,80}?\sđiện\s*:$/u;
const SEPARATOR = /^[-–—_=*.~\s]+$/u;

/** "CỦA BỘ CHÍNH TRỊ VỀ ...": the issuer, and the "về ..." title when the line goes on. */
function ofLine(words: string): { issuer?: string; title?: string } {
  const m = /^CỦA\s+(.+?)(?:\s+((?:VỀ|về)\s.+))?$/u.exec(words);
  if (!m) return {};
  if (NOT_A_BODY.test(m[1]!)) return { title: words };
  return { issuer: issuerName(m[1]!), title: m[2] };
}

/** The title after a kind heading: the "về ..." line(s), or an upper-case subject paragraph. */
function titleAfter(text: string, h: Heading): { title?: string; issuer?: string } {
  let issuer: string | undefined;
  let title: string | undefined;
  let rest = h.rest;
  // "THÔNG BÁO KẾT LUẬN": the words after the kind are the start of a title only if a "CỦA ..." line follows.
  let lead = "";
  if (/^CỦA\s/u.test(rest)) { ({ issuer, title } = ofLine(rest)); rest = ""; }
  if (/^(?:VỀ|về)\s/u.test(rest)) title = rest;
  else if (rest.length > 12 && !title) title = rest.replace(RUN_ISSUER, "");
  else if (rest) lead = rest;
  const lines = text.slice(h.lineEnd, h.lineEnd + 3000).split("\n");
  let started = title !== undefined;
  for (const raw of lines) {
    // A Công điện's sender line ("THỦ TƯỚNG CHÍNH PHỦ điện:") follows its title, run in or on its own line: no part of it.
    const line = raw.trim().replace(/^[#*\s]+|[*\s]+$/gu, "").replace(WIRES, "");
    if (!line) { if (started || WIRES.test(raw)) break; continue; }
    if (line.startsWith("|") || TITLE_STOP.test(line) || SEPARATOR.test(line)) break;
    if (!started && !title && /^CỦA\s/u.test(line)) {
      const of = ofLine(line);
      issuer ??= of.issuer;
      // A person's conclusions: the "TẠI HỘI NGHỊ ..." line after a blank line still belongs to the title.
      if (of.title) { title = of.issuer ? of.title : [lead, of.title].filter(Boolean).join(" "); started = of.issuer !== undefined; }
      continue;
    }
    const upper = line === line.toUpperCase();
    // Extraction sometimes runs the upper-case title into the opening sentence ("KẾT LUẬN PHIÊN HỌP ...
    // ĐỀ ÁN 06 Ngày 15 tháng 11 năm 2025, tại ..."): the upper-case words before it are the title.
    const run = !started && !title && !upper ? UPPER_RUN.exec(line)?.[1] : undefined;
    if (run && run.length > 12) {
      // A decision's issuing line may be run in as well ("... TỈNH CÀ MAU CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH Căn cứ").
      title = run.replace(RUN_ISSUER, "");
      break;
    }
    if (!started && !title && (/^(?:VỀ|về|V\/v|Về)\s/u.test(line) || (upper && line.length > 12) || (line.length < 250 && !/[.:;,]$/u.test(line)))) {
      title = line;
      started = true;
      continue;
    }
    if (title && (started || upper)) {
      // A following upper-case line in an upper-case title continues it; an issuing body does not.
      if (/^(?:ỦY BAN|UỶ BAN|HỘI ĐỒNG|BỘ TRƯỞNG|THỦ TƯỚNG|CHỦ TỊCH|BAN THƯỜNG VỤ|BAN CHẤP HÀNH)/u.test(line) && title === title.toUpperCase()) break;
      title += " " + line;
      started = true;
      continue;
    }
    break;
  }
  return { title: title && shorten(title, 400), issuer };
}

/** A headline: the first paragraph's first sentence, without a leading "date ..." and "(Source) -". */
function headline(text: string): string | undefined {
  const lines = text.replace(/^\s*date \d{4}-\d{2}-\d{2}\s*/u, "").replace(/^\([^)\n]{1,40}\)\s*[-–]\s*/u, "").split(/\n/u).filter((l) => l.trim());
  // A label of two words or fewer ("Key Points", "Tóm tắt") heads a section, not the report.
  const first = lines.find((l) => l.trim().split(/\s+/u).length > 2) ?? lines[0];
  if (!first) return undefined;
  const sentence = /^.+?[.!?](?=\s|$)/u.exec(first.trim())?.[0] ?? first.trim();
  return shorten(sentence, 200);
}

function readSigner(text: string): string | undefined {
  const re = /(?:^|\|)[ \t]*(?:T\/M|TM\.|KT\.|Q\.|TL\.|TUQ\.|THỪA LỆNH|THAY MẶT)[ \t]*\p{Lu}/gmu;
  let last = -1;
  for (let m = re.exec(text); m; m = re.exec(text)) last = m.index;
  if (last < 0) return undefined;
  const after = text.slice(last, last + 400);
  const name = /(?<!\p{L})(\p{Lu}\p{Ll}+(?:[ \t]+\p{Lu}\p{Ll}*){1,4})(?!\p{L})/u.exec(after);
  return name?.[1];
}

/** Thuvienphapluat field labels and table rows: never a title. */
const NOT_A_TITLE = /^(?:\||(?:Số hiệu|Loại văn bản|Nơi ban hành|Người ký|Ngày ban hành|Ngày hiệu lực|Ngày công báo|Số công báo|Tình trạng|Kính gửi)\s*:)/u;

/** The subject line of a letter: "V/v ...", or "Về ..." after its number ("Số: 5155/SGDĐT-GDTXNNĐH Về hướng dẫn ..."). */
function subjectLine(head: string): string | undefined {
  const m = /(?:^|[|\s])([Vv]\/[Vv]\s[^|\n]+)/mu.exec(head) ?? /(?:^|\|)[ \t]*Số[ \t]*:?[ \t]*\d\S*\/\S+[ \t]+((?:Về|VỀ)\s[^|\n]+)/mu.exec(head);
  return m ? shorten(m[1]!.trim(), 400) : undefined;
}

/** An official text without a kind heading: its first line that reads as a heading (not a field, an address or prose). */
function officialHeadline(head: string): string | undefined {
  for (const raw of head.split("\n")) {
    const line = raw.trim();
    if (!line || NOT_A_TITLE.test(line) || SEPARATOR.test(line)) continue;
    if (TITLE_STOP.test(line) || /[.:;,]$/u.test(line) || line.length > 250 || !/\p{L}{3}/u.test(line)) return undefined;
    return shorten(line, 200);
  }
  return undefined;
}

/** The first sentence of the text past its fields and address: what a letter without a subject line is about. */
function openingSentence(head: string): string | undefined {
  const line = head.split("\n").map((l) => l.trim()).find((l) => l && !NOT_A_TITLE.test(l) && !SEPARATOR.test(l) && /\p{Ll}/u.test(l));
  const sentence = line && (/^.+?[.!?;:](?=\s|$)/u.exec(line)?.[0] ?? line);
  return sentence && sentence.length >= 12 ? shorten(sentence, 200) : undefined;
}

/**
 * A file holding an appendix alone ("PHỤ LỤC II" + "(Kèm theo Chương trình hành động tại Nghị quyết số /NQ-CP
 * ngày 01 tháng 01 năm 2025 của Chính phủ)"): the kind, number, date and issuer of the text it is attached to,
 * and a title from its heading lines.
 */
function appendixOf(head: string): (Partial<DocumentMeta> & { kind: DocKind }) | undefined {
  const lines = head.split("\n").map((l) => l.trim().replace(/^[#*\s]+|[*\s]+$/gu, "")).filter(Boolean).slice(0, 6);
  if (!/^PHỤ LỤC(?:\s+[IVXLC\d]+)?$/u.test(lines[0] ?? "")) return undefined;
  const note = lines.find((l) => /^\(Kèm theo\s/u.test(l));
  if (!note) return undefined;
  // The text it belongs to is the last kind named before "số" ("Chương trình hành động tại Nghị quyết số ...").
  const cut = note.search(/\ssố\s/u);
  const named = cut >= 0 ? note.slice(0, cut) : note;
  let kind: DocKind | undefined;
  let at = -1;
  for (const [word, k] of KIND_MENTIONS) {
    for (const m of named.matchAll(word)) if (m.index > at) { at = m.index; kind = k; }
  }
  if (!kind) return undefined;
  const number = /\ssố\s*(\d[\p{L}\d./\-–]*\/[\p{L}\d./\-–]+)/u.exec(note)?.[1];
  const date = /ngày\s+(\d{1,2})\s*(?:tháng\s*|\/)(\d{1,2})\s*(?:năm\s*|\/)(\d{4})/u.exec(note);
  const issuer = /\scủa\s+([^)]+)\)?\s*$/u.exec(note)?.[1]?.trim();
  const title = lines.slice(0, lines.indexOf(note)).join(" ");
  return { kind, number, date: date ? dmy(date[1]!, date[2]!, date[3]!) : undefined, issuer, title: shorten(title, 400) };
}

/** Whether the text looks like an official document rather than a news report. */
function looksOfficial(head: string): boolean {
  return /CỘNG HÒA XÃ HỘI CHỦ NGHĨA|CỘNG HOÀ XÃ HỘI CHỦ NGHĨA|ĐẢNG CỘNG SẢN VIỆT NAM|(?:^|\|)[ \t]*Số(?: hiệu)?[ \t]*:|(?:^|\|)[ \t]*V\/v\s|Nơi nhận/mu.test(head);
}

/**
 * Read a document's metadata from its cleaned text. `name` is the file name (used as a last-resort
 * title); `override` (from a sidecar or front matter) wins field by field.
 */
export function readMetadata(text: string, opts: { name: string; override?: Partial<DocumentMeta> }): DocumentMeta {
  const head = text.slice(0, HEAD_CHARS);
  const datedNews = /^\s*date \d{4}-\d{2}-\d{2}/u.test(text);
  const appendix = datedNews ? undefined : appendixOf(head);
  const heading = datedNews || appendix ? undefined : findKindHeading(head);
  const number = datedNews ? undefined : readNumber(head) ?? heading?.number;
  const fieldKind = siteField(head, "Loại văn bản");
  let kind: DocKind = (fieldKind && kindFromWords(fieldKind)) || appendix?.kind || heading?.kind || "other";
  if (kind === "other" && number) kind = SYMBOL_KINDS.find(([re]) => re.test(number))?.[1] ?? "other";
  // A subject line ("V/v ...", or "Về ..." under the number) is the mark of an official letter.
  if (kind === "other" && subjectLine(head)) kind = "cong_van";
  if (kind === "other" && (datedNews || !looksOfficial(head))) kind = "news";

  const meta: DocumentMeta = { kind };
  if (kind !== "news") {
    const after = heading ? titleAfter(text, heading) : {};
    meta.number = number;
    const wires = /^([^\n\p{Ll}|]{4,80}?)\s+điện\s*:/mu.exec(head)?.[1];
    meta.issuer = after.issuer ?? headerIssuer(head) ?? siteField(head, "Nơi ban hành") ?? (wires ? issuerName(wires) : undefined);
    meta.title = after.title ?? subjectLine(head) ?? (heading ? undefined : officialHeadline(head));
    meta.signer = siteField(head, "Người ký") ?? readSigner(text);
  } else {
    meta.title = headline(text);
  }
  meta.date = readDate(text, head);
  if (appendix) Object.assign(meta, definedOnly(appendix));
  Object.assign(meta, definedOnly(opts.override ?? {}));
  // A letter without a subject line is named by what it is: "Công văn 5526/CT-CS của Cục Thuế".
  if (!meta.title && meta.number) meta.title = `${DOC_KIND_LABELS[meta.kind]} ${meta.number}${meta.issuer ? ` của ${meta.issuer}` : ""}`;
  meta.title ??= openingSentence(head) ?? opts.name;
  if (!opts.override?.period && meta.title) {
    const year = meta.date ? Number(meta.date.slice(0, 4)) : undefined;
    const now = meta.date ? new Date(`${meta.date}T05:00:00Z`) : undefined;
    // A single day in a title is another document's date ("Quyết định số 06/QĐ-TTg ngày 02/01/2025"),
    // not the span this document covers.
    meta.period = findPeriods(meta.title, { now, defaultYear: year })
      .map((m) => m.period)
      .find((p) => p.kind !== "range" || p.start === undefined || p.start !== p.end);
  }
  for (const key of Object.keys(meta) as Array<keyof DocumentMeta>) if (meta[key] === undefined) delete meta[key];
  return meta;
}

/** The issuing body from the first cell of the header table: "| ỦY BAN NHÂN DÂN TỈNH BẮC NINH | CỘNG HÒA ...". */
function headerIssuer(head: string): string | undefined {
  const m = /^\|\s*([^|\n]+?)\s*\|\s*(?:CỘNG HÒA|CỘNG HOÀ|ĐẢNG CỘNG SẢN)/mu.exec(head);
  const cell = m?.[1]?.replace(/\s*\*+\s*$/u, "").trim();
  return cell && cell === cell.toUpperCase() ? issuerName(cell) : lineHeaderIssuer(head);
}

const NATIONAL = /(?:CỘNG HÒA|CỘNG HOÀ) XÃ HỘI CHỦ NGHĨA VIỆT NAM|ĐẢNG CỘNG SẢN VIỆT NAM|Độc lập\s*-\s*Tự do\s*-\s*Hạnh phúc/gu;

/**
 * A header written as lines rather than a table ("CHÍNH PHỦ CỘNG HÒA XÃ HỘI ...", or "BAN CHẤP HÀNH TRUNG ƯƠNG" /
 * "ĐẢNG ĐOÀN QUỐC HỘI" above "Số ..."): the upper-case lines before the number, without the national motto.
 */
function lineHeaderIssuer(head: string): string | undefined {
  const lines = head.split("\n").slice(0, 12);
  const end = lines.findIndex((l) => NUMBER_LINE.test(l));
  if (end < 0) return undefined;
  const body = lines.slice(0, end)
    .map((l) => l.replace(NATIONAL, " ").replace(/[*#\\]/gu, " ").trim())
    .filter((l) => /\p{Lu}{2}/u.test(l) && l === l.toUpperCase() && !l.startsWith("|"));
  return body.length > 0 && body.length <= 3 ? issuerName(body.join(" ")) : undefined;
}

function definedOnly<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== "")) as Partial<T>;
}
