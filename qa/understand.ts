/**
 * Question understanding, shared by the CLI and the bot: which organisations, period and documents a
 * question names, what kind of question it is, its language, and the words left to search for.
 */
import { expandWritten } from "../core/abbreviations.js";
import type { Org, OrgMention, OrgRegistry, PlaceMention } from "../core/orgs.js";
import { findPeriods } from "../core/periods.js";
import { personNameAfter, titleBefore } from "../core/titles.js";
import { isFunctionWord, QUESTION_PHRASES, verificationTags } from "../core/stopwords.js";
import { fold, hasDiacritics, isVietnameseSyllable, nfc, squash, tokens } from "../core/text.js";
import type { DocKind, Period, Role } from "../core/types.js";
import { askedAmount, type AskedAmount } from "./amount.js";
import { englishMatter, englishSearch } from "./glossary.js";
import type { Language, QuestionKind } from "./types.js";

export interface DocRef {
  /** "229", "229-KL/TW", "634/TB-VPCP" */
  ref: string;
  kind?: DocKind;
}

export interface Understanding {
  question: string;
  language: Language;
  kind: QuestionKind;
  /** Bodies the question asks about (recipients such as "báo cáo Chính phủ" left out). */
  orgs: OrgMention[];
  /** A body the question names that the registry does not know ("Sở Xây dựng tỉnh X"), as written. */
  unknownOrg?: string;
  /**
   * The unknown body is the subject asked about though the question also names bodies the registry knows
   * (the occasion: "Trong chỉ đạo của Bộ trưởng Bộ Nội vụ ..., Vụ Tổ chức - Biên chế được giao gì?"): a
   * passage answers only where it names that body, or the known ones would answer in its stead.
   */
  unknownOverNamed?: boolean;
  period?: Period;
  docRefs: DocRef[];
  /** "Ai chủ trì ..." asks for the lead; "phối hợp" for coordinators. */
  askedRole?: Role;
  /** "bao nhiêu phiên họp", "trong bao lâu", "how many days": the amount the question asks for (qa/amount.ts). */
  amount?: AskedAmount;
  /** Provinces the question is placed in: as places ("... của tỉnh Phú Thọ") or in a body beside the one asked about. */
  places: PlaceMention[];
  /** The question asks only what the documents it names are about ("Công văn 11520/VPCP-CN về việc gì?"). */
  asksAbout: boolean;
  /**
   * Every syllable of the question as written, abbreviations spelled out ("BTCTW" -> "ban tổ chức trung
   * ương"), in order and with nothing left out: what BM25 ranks with (question words weigh little by IDF).
   */
  words: string[];
  /** Search words as written, and folded: the question without period, references and question words. */
  terms: string[];
  folded: string[];
  /**
   * Folded pairs of search words standing side by side in the question ("điện tử của Điện Biên" holds
   * "dien tu" and "dien bien"): `folded` keeps each word once, so its neighbours are not the question's.
   */
  pairs: string[];
  /** Folded words of the matter a question names after "về"/"about" (empty when it names none). */
  topic: string[];
  /** Folded words left once the bodies, period, references and question words are taken out: what the
   *  question asks about besides who and when ("... sau buổi làm việc với tỉnh Đắk Lắk"). */
  subject: string[];
  hasDiacritics: boolean;
  /**
   * English questions only: each thing the question names, as its Vietnamese alternatives (folded
   * syllables), any one of which a passage may hold (qa/glossary.ts). `terms` and `folded` then hold
   * the Vietnamese words of every alternative.
   */
  concepts?: string[][][];
}

const KIND_WORDS: Array<[RegExp, DocKind]> = [
  [/ket luan/, "ket_luan"], [/nghi quyet/, "nghi_quyet"], [/chi thi/, "chi_thi"], [/thong bao/, "thong_bao"],
  [/cong dien/, "cong_dien"], [/quyet dinh/, "quyet_dinh"], [/ke hoach/, "ke_hoach"], [/huong dan/, "huong_dan"],
  [/quy dinh/, "quy_dinh"], [/cong van/, "cong_van"], [/chuong trinh/, "chuong_trinh"],
  // English names of the kinds ("Resolution 66", "Conclusion No. 229"); "plan 2026" would read a year.
  [/resolution/, "nghi_quyet"], [/conclusion/, "ket_luan"], [/directive/, "chi_thi"], [/notice|announcement/, "thong_bao"],
  [/dispatch|telegram/, "cong_dien"], [/decision/, "quyet_dinh"], [/official letter/, "cong_van"],
];
const KIND_ALT = "ket luan|nghi quyet|chi thi|thong bao|cong dien|quyet dinh|ke hoach|huong dan|quy dinh|cong van|chuong trinh|"
  + "resolution|conclusion|directive|notice|announcement|official dispatch|dispatch|telegram|decision|official letter";
/** Kinds of legal documents, and abbreviations, that name one only with its number and year ("Nghị định 48/2013"). */
const LEGAL_KIND_ALT = "nghi dinh|thong tu lien tich|thong tu|luat|ttlt|nd|tt|qd|nq";
/** A document kind (and "số") written just before a number (folded). */
const KIND_BEFORE_RE = new RegExp(`\\b(?:${KIND_ALT}|${LEGAL_KIND_ALT})\\s+(?:so\\s+)?$`);
/** "229-KL/TW", "634/TB-VPCP", "08/2025/NQ-CP": a number followed by letter groups. */
const SYMBOL_RE = /\b\d{1,5}(?:\/\d{4})?(?:[-/][a-z]{1,8})+\b/g;
/**
 * "Nghị định 48/2013", "Thông tư số 101/2018", "TT47/2009", "QĐ 49/2012": a kind (or its abbreviation)
 * before a number and its year names a document by both (folded), not a month ("Quyết định 12/2020").
 */
const DATED_RE = new RegExp(`\\b(?:(${KIND_ALT}|${LEGAL_KIND_ALT})\\s*(?:so\\s*)?)(\\d{1,5}\\/\\d{4})\\b(?![/.-]\\w)`, "g");
/** "Kết luận số 229", "Thông báo 634", "số 229" (folded). */
const NUMBERED_RE = new RegExp(`\\b(?:(${KIND_ALT})\\s+(?:so\\s+|no\\.?\\s*)?|so\\s+)(\\d{1,5})\\b(?![/.]\\d)`, "g");

const WHEN_RE = /\b(han chot|thoi han|khi nao|bao gio|truoc ngay nao|ngay nao|thang nao|deadline|when|due|by when|hoan thanh truoc)\b/;
const WHO_RE = /\b(ai|co quan nao|don vi nao|who|which (?:body|agency|ministry|organi[sz]ation))\b/;
const ASSIGNED_RE = /\b(giao|nhiem vu|viec gi|nhung viec|lam gi|assigned|tasks?|phai xong|phai hoan thanh|can hoan thanh|trach nhiem)\b/;
/** What may stand between a document's reference and its issuer: nothing, "của" or "do". */
const ISSUER_GAP_RE = /^[\s,]*(?:cua\s+|do\s+)?$/;
/** The verbs a body is obliged through, folded: "phải", "cần", "có trách nhiệm", "được giao", ... */
const OBLIGED_VERBS = "phai|can|co trach nhiem|chiu trach nhiem|duoc giao|duoc yeu cau|duoc phan cong|co nhiem vu";
/**
 * A body's obligation asked as "what": "X phải báo cáo những gì", "X cần chuẩn bị gì", "What must X
 * report", "What is X required to do". The verb makes the named body the one that must act, and "gì" /
 * "what" asks for the acts: an assignment question, whatever verb comes between (folded; "cần" is
 * checked as written, see obligedWhat).
 */
const OBLIGED_WHAT_VI_RE = new RegExp(String.raw`\b(${OBLIGED_VERBS})\b(?:\s+[^\s?.,;]+){0,4}?\s+(?:nhung\s+)?(?:(?:cong viec|viec|nhiem vu|noi dung)\s+)?gi\b`, "g");
const OBLIGED_WHAT_EN_RE = /\bwhat\b[^?.;]*?\b(must|should|has to|have to|needs? to|required to|responsible for|tasked with|asked to|obliged to|expected to)\b/;
/**
 * "Công văn X đề nghị UBND các tỉnh chỉ đạo những gì", "What does Dispatch X ask the Ministry to do": a
 * directive verb right before the body (folded, the text before it) makes the body the one that must act,
 * as "X phải ..." does.
 */
const DIRECTS_VI_RE = /\b(yeu cau|de nghi|kien nghi|chi dao)\s+$/;
const DIRECTS_EN_RE = /\b(ask|asks|request|requests|require|requires|direct|directs|instruct|instructs|urges?|recommends?)\s+(?:the\s+)?$/;
/**
 * What lies between a body that gives a task and the body it gives it to: "Chính phủ giao", "UBND tỉnh yêu
 * cầu", "Ngân hàng Nhà nước kiến nghị" (recommends that the body act) (folded).
 */
const GIVES_TO_RE = /^\s*(?:da\s+|tiep tuc\s+)?(?:giao|yeu cau|de nghi|kien nghi|chi dao|phan cong|asks?|assigns?|directs?|requests?|urges?|recommends?)\s+(?:cho\s+|the\s+)?$/;
/** "buổi làm việc (của ...) với Tỉnh ủy X", "met with": the body a meeting is held with (folded, before it). */
const MEETING_PARTNER_RE = /\b(lam viec|hop|gap|met|meeting|working session)\b[^.?;]{0,80}\b(voi|with)\s+(?:(?:thuong truc|lanh dao|the|leaders? of|the leaders? of)\s+)?$/;
/**
 * Words before a body that make it the recipient, not the assignee ("báo cáo Chính phủ", "gửi cho Bộ Tư
 * pháp", "report to the Government", "send the Ministry of Construction the scripts").
 */
const RECIPIENT_BEFORE_RE = /(bao cao|trinh|tham muu|gui|gui ve|(?<!giao )cho|len|toi|(?:report|submit|send|forward)\w*(?: it| them)? to(?: the)?|(?:send|sends|sent) the)\s*$/;
/** "gửi đề xuất ... về Bộ Nội vụ": the body things are sent to, after "về" some words past the verb. */
const SENT_TO_RE = /\b(gui|nop|bao cao)\b[^.?;]*\bve\s*$/;
/**
 * "về việc gì", "nói về vấn đề gì", "nội dung chính ... là gì", "quy định những gì", "What is X about",
 * "What does X cover": what a document is about (folded). With no other words of a matter (ABOUT_WORDS).
 */
const ABOUT_RE = /\b(ve (viec|van de|noi dung)? ?gi|noi (ve )?(gi|dieu gi|nhung gi|van de gi)|noi dung (chinh |chu yeu )?.*\bgi|quy dinh (ve )?(nhung )?(gi|van de gi|noi dung gi)|de cap (den )?(gi|van de gi|nhung gi)|about what|what (is|was)\b.*\babout|what does\b.*\b(say|cover|concern|deal with|address)|main (content|points?)|subject of)\b/;
/** Words of such a question that name no matter. */
const ABOUT_WORDS = new Set(["ve", "viec", "van", "de", "noi", "dung", "chinh", "chu", "yeu", "quy", "dinh", "cap", "den", "gi", "la", "cua", "nhung",
  "dieu", "about", "what", "main", "content", "contents", "point", "points", "subject", "say", "says", "cover", "covers", "concern", "concerns", "deal", "address"]);
const TOPIC_MARKER_RE = /\b(ve|lien quan den|lien quan toi|doi voi|trong linh vuc|about|regarding|concerning|on the)\s/;
/** Words of an assignment question that name no matter ("nhiệm vụ", "giao", "tasks"). */
const GENERIC_SUBJECT = new Set(["nhiem", "vu", "giao", "duoc", "viec", "cong", "tac", "task", "tasks", "assigned", "what", "trach",
  // Role words are read as the role asked (askedRole), not as a matter.
  "chu", "tri", "phoi", "hop", "thuc", "hien", "lead", "leads", "coordinate", "coordinates"]);
const ENGLISH_RE = /\b(what|who|when|which|is|are|assigned|tasks?|deadline|due|does|the|of|in|by|for|must|has|have)\b/g;
/**
 * The head of a body's name, for bodies the registry lacks: "Sở Xây dựng tỉnh X", "Công ty Y". The name
 * runs until a word that starts the rest of the question.
 */
const ORG_HEAD_RE = /\b(ubnd|uy ban nhan dan|hdnd|hoi dong nhan dan|so|tinh uy|thanh uy|tap doan|tong cong ty|cong ty|ngan hang|tong cuc|cuc|vu|phong|trung tam|hoc vien|vien|truong|dai|bo|ban|van phong|dang uy|kho bac|bao hiem|thanh tra|toa an|benh vien|quy)\b/g;
/**
 * The verb a question's subject asks through, right after the body's name: "Vụ X được giao những nhiệm vụ
 * gì", "Phòng Y có trách nhiệm gì", "Cục Z phải hoàn thành ... khi nào" (folded).
 */
const ASKED_SUBJECT_RE = new RegExp(String.raw`^\s*(?:da\s+|se\s+)?(${OBLIGED_VERBS}|chu tri)\b`);
const UNAMBIGUOUS_HEADS = new Set(["ubnd", "uy ban nhan dan", "hdnd", "hoi dong nhan dan", "tinh uy", "thanh uy", "tap doan", "tong cong ty", "cong ty", "ngan hang", "tong cuc", "hoc vien", "kho bac", "benh vien"]);
const ORG_END_RE = /\s(phai|duoc|co|can|giao|lam|hoan|trong|ve|the|nhu|la|da|se|cho|tai|theo|chu tri|phoi hop|thuc hien|bao cao|trinh|nam|thang|quy|den|truoc|must|is|has|have|in|by)\b/g;

export function understandQuestion(question: string, deps: { registry: OrgRegistry; now: Date }): Understanding {
  const asked = nfc(question).trim();
  // "..., đúng hay sai?": the statement is searched, its tag is not; a date it states is a claim to check
  // (a false one must still find the passage that states the right date), so it is no period asked about.
  const tags = verificationTags(asked);
  const q = blank(asked, tags);
  const f = fold(q);
  // fold() keeps the length of NFC Vietnamese text, so spans found on `f` slice `q` too.
  const sameLength = f.length === q.length;
  const docRefs: DocRef[] = [];
  const docSpans: Array<[number, number]> = [];
  for (const m of f.matchAll(DATED_RE)) {
    const kind = KIND_WORDS.find(([re]) => re.test(m[1] ?? ""))?.[1];
    docRefs.push({ ref: m[2]!, ...(kind ? { kind } : {}) });
    docSpans.push([m.index, m.index + m[0].length]);
  }
  const found = findPeriods(q, { now: deps.now }).filter((p) => !overlaps(p, docSpans));
  // A time limit counted from an event ("trong 05 ngày làm việc kể từ ...") is what a question asks about, not a period.
  const period = tags.length > 0 ? undefined
    : found.find((p) => p.period.kind === "range")?.period ?? found.find((p) => p.period.kind !== "duration")?.period;
  // A recurring period ("hằng tháng", "monthly") or a time limit filters nothing (qa/task-query.ts periodFilter).
  const filtersNothing = (p: Period) => p.kind === "recurring" || p.kind === "duration";

  for (const m of f.matchAll(SYMBOL_RE)) {
    if (/^\d{1,2}\/\d{4}$/.test(m[0])) continue;
    docRefs.push({ ref: q.slice(m.index, m.index + m[0].length) });
    // "Quyết định 12/2026/QĐ-UBND": the kind word before a number belongs to the reference, not to the matter asked.
    const kindBefore = KIND_BEFORE_RE.exec(f.slice(0, m.index))?.[0].length ?? 0;
    docSpans.push([m.index - kindBefore, m.index + m[0].length]);
  }
  for (const m of f.matchAll(NUMBERED_RE)) {
    const kind = m[1] ? KIND_WORDS.find(([re]) => re.test(m[1]!))?.[1] : undefined;
    if (!docRefs.some((d) => d.ref.startsWith(m[2]!))) docRefs.push({ ref: m[2]!, kind });
    docSpans.push([m.index, m.index + m[0].length]);
  }
  // A period that filters nothing keeps its words as search words, as documents write them ("Hỗ trợ hàng tháng cho ...").
  const refsAndPeriods: Array<[number, number]> = [...docSpans, ...found.filter((p) => !filtersNothing(p.period)).map((p): [number, number] => [p.index, p.index + p.length])];

  const placed = deps.registry.findAll(q, { loose: true }).map((m) => placedDepartment(m, q, deps.registry));
  const mentions = placed.map((p) => p.mention);
  // The words of a province that placed a department name the body, not a matter.
  const places = placed.flatMap((p) => (p.place ? [p.place] : []));
  const mentionSpans = mentions.map((m): [number, number] => [m.index, m.index + m.length]);
  const isRecipient = (m: { index: number }) => RECIPIENT_BEFORE_RE.test(f.slice(Math.max(0, m.index - 20), m.index)) ||
    SENT_TO_RE.test(f.slice(Math.max(0, m.index - 80), m.index));
  // "Quyết định 49/2012/QĐ-UBND của TPHCM", "QĐ 1766/2020/QĐ-UBND Bình Thuận": a body inside a
  // document's reference or right after it is that document's issuer, not a body the answer must name.
  const isIssuer = (m: { index: number }) => docSpans.some(([start, end]) => m.index >= start && ISSUER_GAP_RE.test(f.slice(end, m.index)));
  // "Trong chỉ đạo của Bộ trưởng Bộ Nội vụ về ... Kết luận của Bộ Chính trị, Ban Bí thư ..., Vụ Tổ chức - Biên
  // chế được giao những nhiệm vụ gì?": a body the registry lacks, as the subject of the verb asked through,
  // is the one asked about when no named body is; the others name the occasion.
  const named = mentions.filter((m) => !isRecipient(m) && !isIssuer(m));
  const unknownBodies = findUnknownOrgs(q, f, [...refsAndPeriods, ...mentionSpans]);
  const askedUnknown = unknownBodies.find((u) => ASKED_SUBJECT_RE.test(f.slice(u.end)));
  const subjectOf = (m: { index: number; length: number }) => ASKED_SUBJECT_RE.test(f.slice(m.index + m.length));
  const unknownAsked = askedUnknown !== undefined && named.length > 0 && !named.some(subjectOf) ? askedUnknown.name : undefined;
  const orgs = unknownAsked ? [] : askedBodies(named, f);
  // The words that name the body asked about through its head, a title before it and a person's name
  // after it ("Bộ trưởng Bộ Tài chính Nguyễn Văn Thắng"), name the body, not a matter. A leader's name is
  // kept as words: the table holds no leader, so they are what the text is searched for.
  // The body that gives the task names the occasion, not a matter ("Chính phủ giao Bộ Nội vụ ...").
  const givers = mentions.filter((m) => !orgs.includes(m) && givesTo(m, orgs, f));
  const orgSpans = [
    ...orgs.map((m): [number, number] => m.org.group === "leader" ? [m.index, m.index + m.length]
      : [m.index - titleBefore(f.slice(0, m.index)), m.index + m.length + (sameLength ? personNameAfter(q, m.index + m.length) : 0)]),
    ...givers.map((m): [number, number] => [m.index, m.index + m.length]),
    ...places,
  ];

  // Names, references and periods keep their Vietnamese spelling in an English question ("Công điện 226").
  const language = detectLanguage(blank(q, [...mentionSpans, ...refsAndPeriods]));
  const searchText = (spans: Array<[number, number]>) => {
    // Question phrases ("là khi nào") are found on the folded text and cut from both forms.
    const topicFolded = cutPhrases(blank(f, spans));
    return sameLength ? maskLike(q, topicFolded) : topicFolded;
  };
  // Abbreviations are searched for spelled out ("MTQG" -> "mục tiêu quốc gia"); passages are read the same way.
  const isSearchWord = (w: string) => !isFunctionWord(w, language) && !/^\d+$/.test(w);
  const searchWords = (spans: Array<[number, number]>) => expandWritten(tokens(searchText(spans))).filter(isSearchWord);
  const kept = searchWords(refsAndPeriods);
  const written = expandWritten(tokens(searchText(refsAndPeriods)));
  const pairs = unique(written.flatMap((w, i) => {
    const next = written[i + 1];
    return next !== undefined && isSearchWord(w) && isSearchWord(next) ? [`${fold(w)} ${fold(next)}`] : [];
  }));
  // A matter is named after a marker ("được giao gì về dự trữ quốc gia", "tasks about flood relief").
  // English: the matter is weighed and kept in the documents' words (each concept's Vietnamese phrase),
  // so "When must the Ministry of Finance submit the decree?" reads as "Bộ Tài chính phải trình nghị định
  // trước ngày nào?" does: three words of matter, not two, and narrowing by "trình nghị định".
  // Provinces the question is placed in: named as places ("của tỉnh Phú Thọ", "ở Hà Nội", "in Hanoi") or in
  // a body named beside the one asked about ("... buổi làm việc với Thường trực Tỉnh ủy Thanh Hóa"); not the
  // asked body's own province, nor a department's placing one. An English question names them in English
  // ("Hanoi", "HCMC"): outside bodies' names, read as the name documents write.
  const namedPlaces = deps.registry.findPlaces(q).filter((p) => !overlaps(p, [...orgs.map((m): [number, number] => [m.index, m.index + m.length]), ...places]));
  const enPlaces = language === "en" ? namedPlaces.filter((p) => !overlaps(p, mentionSpans)).map((p) => ({ index: p.index, length: p.length, vi: p.name })) : [];
  const others = [...mentions.filter((m) => !orgs.includes(m)).map((m) => ({ index: m.index, length: m.length, vi: m.org.name })), ...enPlaces];
  const enMatter = language === "en" ? englishMatter(searchText([...refsAndPeriods, ...orgSpans]), others, sameLength ? q : undefined) : undefined;
  // A role asked ("What does X lead?" -> "chủ trì") is not a matter.
  const subjectWords = enMatter?.filter((w) => !GENERIC_SUBJECT.has(w)).length ?? searchWords([...refsAndPeriods, ...orgSpans]).length;
  const marker = TOPIC_MARKER_RE.exec(f);
  const topic = marker ? unique(searchWords([...refsAndPeriods, ...orgSpans, [0, marker.index + marker[0].length]]).map(fold)) : [];
  const unknownOrg = unknownAsked ?? (orgs.length === 0 ? unknownBodies[0]?.name : undefined);

  // A body the registry lacks is named by its words, not asked about through them.
  const unknownWords = new Set(tokens(fold(unknownOrg ?? "")));
  const subject = unique(enMatter ?? searchWords([...refsAndPeriods, ...orgSpans]).map(fold)).filter((w) => !GENERIC_SUBJECT.has(w) && !unknownWords.has(w));
  const askedRole = /\bchu tri\b|\bleads?\b/.test(f) ? "lead" : /\bphoi hop\b|\bcoordinat/.test(f) ? "coordinate" : undefined;
  const bodySpans = [...orgSpans, ...(unknownOrg && sameLength ? spanOf(q, unknownOrg) : [])];
  const obliged = obligedWhat(q, blank(f, [...mentionSpans, ...refsAndPeriods]), bodySpans, sameLength);
  const kind = classify({ f, named: orgs.length > 0 || unknownOrg !== undefined, period, docRefs, topicWords: subjectWords, obliged });
  const base: Understanding = {
    question: asked, language, kind, orgs, unknownOrg, ...(unknownAsked ? { unknownOverNamed: true } : {}), period, docRefs, askedRole, amount: askedAmount(q), places: namedPlaces, words: expandWritten(tokens(q)),
    asksAbout: docRefs.length > 0 && orgs.length === 0 && ABOUT_RE.test(f) && subject.every((w) => ABOUT_WORDS.has(w)),
    terms: unique(kept), folded: unique(kept.map(fold)), pairs, topic, subject, hasDiacritics: hasDiacritics(q),
  };
  if (language !== "en") return base;
  // English: the words searched for are the Vietnamese ones documents use (organisations by their names).
  const names = [...mentions.map((m) => ({ index: m.index, length: m.length, vi: m.org.name })), ...enPlaces];
  const topicText = marker ? searchText([...refsAndPeriods, ...orgSpans, [0, marker.index + marker[0].length]]) : undefined;
  return { ...base, ...englishSearch(searchText(refsAndPeriods), names, topicText, sameLength ? q : undefined) };
}

function classify(x: { f: string; named: boolean; period?: Period; docRefs: DocRef[]; topicWords: number; obliged: boolean }): QuestionKind {
  const { f, named, period, docRefs, topicWords, obliged } = x;
  if (WHO_RE.test(f)) return "who";
  const when = WHEN_RE.test(f);
  if (when && (topicWords > 2 || !named) && !(period && topicWords <= 2)) return "when";
  if (named && (ASSIGNED_RE.test(f) || obliged || when || topicWords <= 1)) return "assigned";
  // "Những nhiệm vụ nào phải xong trong tháng 8/2025?": a listing by period only when nothing else is asked.
  if (period && !named && topicWords <= 1 && (ASSIGNED_RE.test(f) || when || topicWords === 0)) return "assigned";
  if (docRefs.length > 0) return "document";
  return "other";
}

/**
 * The question asks what a body it names must do (OBLIGED_WHAT_*, DIRECTS_*), read on the folded text with the
 * bodies, references and periods blanked (so "Cần Thơ" in a name is no verb). The body is the verb's
 * subject: in Vietnamese it stands at most four words before the verb, with no comma between ("Bộ
 * trưởng Bộ Tài chính Nguyễn Văn Thắng phải ..."; not "Báo Nhân dân ..., vậy tôi cần ..."); in English it
 * comes after "what" ("What must the Ministry ..."). Folded "can" is also "cán" (cán bộ) or "cản": it
 * counts only where the question writes "cần" (or writes no diacritics at all).
 */
function obligedWhat(q: string, f: string, bodies: Array<[number, number]>, sameLength: boolean): boolean {
  const en = OBLIGED_WHAT_EN_RE.exec(f);
  if (en && bodies.some(([a]) => a > en.index)) return true;
  const what = /\bwhat\b/.exec(f);
  for (const [a, b] of bodies) {
    if (what && what.index < a && DIRECTS_EN_RE.test(f.slice(0, a))) return true;
    if (DIRECTS_VI_RE.test(f.slice(0, a)) && /^\s*(?:[^\s?.,;:]+\s+){0,5}?(?:nhung\s+)?gi\b/.test(f.slice(b))) return true;
  }
  for (const m of f.matchAll(OBLIGED_WHAT_VI_RE)) {
    if (!bodies.some(([, b]) => b <= m.index && /^\s*(?:[^\s?.,;:]+\s+){0,4}$/.test(f.slice(b, m.index)))) continue;
    if (m[1] !== "can" || !hasDiacritics(q)) return true;
    if (sameLength && q.slice(m.index, m.index + 3).toLowerCase() === "cần") return true;
  }
  return false;
}

/** Where `name` is written in `q`, as a span (empty when it is not found as written). */
function spanOf(q: string, name: string): Array<[number, number]> {
  const i = q.indexOf(name);
  return i < 0 ? [] : [[i, i + name.length]];
}

/**
 * The bodies a question asks about, of those it names (recipients already left out). Titles of persons:
 * a leader (registry group "leader": Thủ tướng, Phó Thủ tướng, Tổng Bí thư, Chủ tịch nước, Chủ tịch Quốc
 * hội), with or without a name after the title ("Phó Thủ tướng Trần Hồng Hà"), assigns, chairs and is
 * reported to; the assignment table never records one as an assignee (ingest/assignments/bodies.ts).
 * So where the question names another body, the leader is the occasion or the one who assigns ("sau buổi
 * làm việc của Phó Thủ tướng X", "Kết luận của Phó Thủ tướng X giao Bộ Tài chính") and the body asked
 * about is the other one; so is a meeting's partner ("... với Thường trực Tỉnh ủy Thanh Hóa"). Their
 * words then read as the occasion (`subject`), which narrows the body's tasks. A leader named alone
 * ("Phó Thủ tướng Trần Hồng Hà được giao gì"), or asked for ("giao Phó Thủ tướng nào chỉ đạo ...", "which
 * Deputy Prime Minister"), is the one asked about. A title is a body only
 * through the registry: "Thủ tướng Chính phủ" is a leader entry; a head's title ("Bộ trưởng Bộ Y tế",
 * "Chủ tịch UBND tỉnh X") is followed by its body's name, which the registry finds.
 */
function askedBodies(named: OrgMention[], f: string): OrgMention[] {
  // "Phó Thủ tướng nào", "which Deputy Prime Minister": the leader is what is asked for.
  const askedFor = (m: OrgMention) => /^\s*nao\b/.test(f.slice(m.index + m.length)) || /\bwhich\s+$/.test(f.slice(0, m.index));
  const notLeaders = named.filter((m) => m.org.group !== "leader" || askedFor(m));
  const bodies = notLeaders.length > 0 ? notLeaders : named;
  const notPartners = bodies.filter((m) => !MEETING_PARTNER_RE.test(f.slice(Math.max(0, m.index - 120), m.index)));
  const asked = notPartners.length > 0 ? notPartners : bodies;
  // "Chính phủ giao Bộ Nội vụ những việc gì": the body that gives the task is not the one asked about
  // (unless it is what is asked for: "Phó Thủ tướng nào chỉ đạo ...").
  const notGivers = asked.filter((m) => askedFor(m) || !givesTo(m, asked, f));
  return notGivers.length > 0 ? notGivers : asked;
}

/**
 * "Chữ ký số chuyên dùng ở Đồng Tháp, trách nhiệm của Sở KH&CN": a department named without its province,
 * in a question that names one province elsewhere, is that province's department (the registry reads the
 * province only right after the department's name). Two provinces, or none: left as named.
 */
function placedDepartment(m: OrgMention, q: string, registry: OrgRegistry): { mention: OrgMention; place?: [number, number] } {
  if (m.org.group !== "department" || m.org.province !== undefined) return { mention: m };
  const placed = new Map<string, { org: Org; span: [number, number] }>();
  // A province is written with capitals, unless the whole question is typed in lower case.
  const starts = /\p{Lu}/u.test(q.slice(1)) ? /(?<![\p{L}\p{N}])\p{Lu}/gu : /(?<![\p{L}\p{N}])\p{L}/gu;
  for (const w of q.matchAll(starts)) {
    if (w.index >= m.index && w.index < m.index + m.length) continue;
    const hit = registry.findAll(`${m.text} ${q.slice(w.index, w.index + 40)}`, { loose: true })[0];
    if (hit && hit.index === 0 && hit.org.province !== undefined && hit.org.unplaced === m.org.id) {
      placed.set(hit.org.id, { org: hit.org, span: [w.index, w.index + hit.length - m.text.length - 1] });
    }
  }
  if (placed.size !== 1) return { mention: m };
  const { org, span } = [...placed.values()][0]!;
  return { mention: { ...m, org }, place: span };
}

/** The body gives a task to one of `others` named right after it ("Chính phủ giao Bộ Nội vụ"). */
function givesTo(m: OrgMention, others: OrgMention[], f: string): boolean {
  return others.some((o) => o.index > m.index && GIVES_TO_RE.test(f.slice(m.index + m.length, o.index)));
}

/** The bodies named with a head word the registry does not know, outside the spans already read, in order. */
function findUnknownOrgs(q: string, f: string, taken: Array<[number, number]>): Array<{ name: string; end: number }> {
  const cased = /\p{Lu}/u.test(q.slice(1));
  const out: Array<{ name: string; end: number }> = [];
  for (const m of f.matchAll(ORG_HEAD_RE)) {
    const start = m.index;
    if (taken.some(([a, b]) => start >= a && start < b)) continue;
    // "đảng bộ", "ban hành": a head word names a body only when written as a name (capitalised), or,
    // in a question typed all in lower case, when it cannot be anything else.
    if (cased ? !/^\p{Lu}/u.test(q[start] ?? "") : !UNAMBIGUOUS_HEADS.has(m[0])) continue;
    const from = start + m[0].length;
    const rest = f.slice(from);
    // The name ends at a word that starts the rest of the question, unless (in a cased question) that
    // word is capitalised and so part of the name ("Sông Lam" is not "làm").
    let end = -1;
    for (const e of rest.matchAll(ORG_END_RE)) {
      if (!cased || !/^\p{Lu}/u.test(q[from + e.index + 1] ?? "")) { end = e.index; break; }
    }
    const tail = (end < 0 ? rest : rest.slice(0, end)).replace(/[?,.;:!].*$/, "");
    const to = from + tail.length;
    const name = squash(q.slice(start, to));
    // A head word alone ("bộ", "ban") is not a name.
    if (tokens(name).length >= 2 && tokens(name).length <= 10) out.push({ name, end: to });
  }
  return out;
}

function detectLanguage(text: string): Language {
  const english = text.toLowerCase().match(ENGLISH_RE)?.length ?? 0;
  // Vietnamese names keep their diacritics in an English question ("... flood response in Đắk Lắk province?");
  // written Vietnamese holds none of ENGLISH_RE's words ("thể" is not "the").
  if (hasDiacritics(text)) return english >= 3 ? "en" : "vi";
  // Typed without diacritics, a Vietnamese question is still made of syllables; an English one is not
  // ("How much monthly support do police officers receive" holds one word of ENGLISH_RE).
  const words = fold(text).match(/\p{L}{2,}/gu) ?? [];
  const foreign = words.filter((w) => !isVietnameseSyllable(w)).length;
  return english >= 2 || (foreign >= 3 && foreign >= 0.4 * words.length) ? "en" : "vi";
}

/** A span of the question (index, length) runs into one of `spans` ([start, end)). */
function overlaps(p: { index: number; length: number }, spans: Array<[number, number]>): boolean {
  return spans.some(([a, b]) => p.index < b && p.index + p.length > a);
}

function blank(text: string, spans: Array<[number, number]>): string {
  let out = text;
  for (const [a, b] of spans) out = out.slice(0, a) + " ".repeat(b - a) + out.slice(b);
  return out;
}

/** Blanks question phrases in a folded text, keeping its length (so offsets still map to the original). */
function cutPhrases(folded: string): string {
  let out = ` ${folded.replace(/[^\p{L}\p{N}/\-]/gu, (c) => " ".repeat(c.length))} `;
  for (const p of QUESTION_PHRASES) {
    const needle = ` ${p} `;
    for (let i = out.indexOf(needle); i >= 0; i = out.indexOf(needle, i + 1)) {
      out = out.slice(0, i + 1) + " ".repeat(p.length) + out.slice(i + 1 + p.length);
    }
  }
  return out.slice(1, -1);
}

/** `text` with spaces wherever `mask` has spaces (both the same length). */
function maskLike(text: string, mask: string): string {
  let out = "";
  for (let i = 0; i < text.length; i++) out += mask[i] === " " ? " " : text[i];
  return out;
}

function unique<T>(xs: T[]): T[] {
  return [...new Set(xs)];
}
