/**
 * Words that carry little meaning for search: one list for everything that weighs words (question
 * understanding, the local embedder). Vietnamese function words are matched as written: folded, many
 * collide with content words ("đang"/"Đảng", "có"/"cơ quan", "thẻ"/"the"), so a word typed without
 * diacritics is dropped only when no content word folds to it.
 */
import { fold, unifyTone } from "./text.js";

/** Vietnamese function syllables, lower case, new tone placement. */
export const VI_FUNCTION_WORDS: readonly string[] = [
  "của", "và", "các", "những", "được", "trong", "với", "cho", "là", "có", "không", "này", "đã", "theo", "về",
  "để", "một", "người", "đến", "từ", "tại", "trên", "đó", "thì", "cũng", "như", "nhằm", "ở", "khi", "nào",
  "mà", "hoặc", "hay", "bị", "do", "nên", "vì", "nếu", "sẽ", "đang", "lại", "ra", "vào", "việc", "phải",
  "cần", "cùng", "sau", "giữa", "qua", "rằng", "thế", "đây", "ấy", "họ", "nhau", "nhất", "rất", "hơn",
  "mới", "còn", "đều", "chỉ", "vẫn", "hết", "mỗi", "mọi", "gì", "sự", "nhiều", "bằng", "thêm", "làm",
  "ai", "đâu", "sao", "bao", "nhiêu", "chưa", "rồi",
  // Spoken questions: sentence-final particles ("... có hiệu lực vậy?", "... được không ạ?"), "mấy" (how
  // many), "cái" ("cái gì"), "nó", "tôi". Same run (2026-12-07): CongBot ask 0.705 -> 0.708, "nothing found"
  // 3.3 % -> 2.7 % (first 300: 5.3 % -> 3.7 %); tuning, test and dev unchanged (their writers used none);
  // CongBot's questions asked of the 426 directive documents, which cannot answer them: found 472 -> 474 of 752.
  // "em" is left in: "trẻ em".
  "vậy", "ạ", "nhé", "nhỉ", "hả", "hở", "chứ", "đấy", "ơi", "mấy", "cái", "nó", "tôi",
];

/** Generic administrative verbs ("thực hiện", "bảo đảm", "tăng cường", "đẩy mạnh"): frequent, weakly topical. */
export const VI_GENERIC_WORDS: readonly string[] = [
  "thực", "hiện", "đảm", "bảo", "tiếp", "tục", "tăng", "cường", "đẩy", "mạnh", "triển", "khai", "đạo",
  "nâng", "cao", "hiệu", "quả", "tốt",
];

/** Folded forms that only function words fold to (checked by hand against the administrative vocabulary). */
const VI_FOLDED_SAFE: ReadonlySet<string> = new Set([
  "cua", "va", "cac", "nhung", "duoc", "voi", "khong", "nay", "theo", "nham", "hoac", "nhieu", "chua", "nhau",
  "nhat", "mot", "tren", "den", "la", "cho", "ve", "khi", "nao", "gi", "ai", "o", "ra", "vao", "neu", "se",
  "rang", "day", "giua", "deu", "van", "viec", "bang",
]);

const VI_SET: ReadonlySet<string> = new Set(VI_FUNCTION_WORDS);

export const EN_FUNCTION_WORDS: ReadonlySet<string> = new Set([
  "the", "a", "an", "of", "in", "on", "at", "to", "for", "by", "is", "are", "was", "were", "be", "what", "which",
  "who", "whom", "when", "how", "does", "do", "did", "and", "or", "with", "from", "that", "this", "it", "its",
  "has", "have", "had", "there", "any", "all", "me", "tell", "please", "about",
  // Words that ask for tasks rather than name a matter ("what is X supposed to complete").
  "supposed", "complete", "completed", "finish", "finished", "required", "must", "need", "needs", "should",
  "done", "responsible", "expected", "carry", "out", "task", "tasks", "assignment", "assignments", "work",
]);

/** True when a word is a function word of the question's language (see the module note on folding). */
export function isFunctionWord(word: string, language: "vi" | "en"): boolean {
  const lower = unifyTone(word.toLowerCase());
  const folded = fold(lower);
  if (language === "en" && EN_FUNCTION_WORDS.has(lower)) return true;
  return folded === lower ? VI_FOLDED_SAFE.has(folded) : VI_SET.has(lower);
}

/**
 * Phrases that make a question a question rather than a topic ("là khi nào", "những gì", "what is"),
 * folded, longest first. They are cut from a question before searching so that "khi nào" does not
 * match every "khi".
 */
export const QUESTION_PHRASES: readonly string[] = [
  "truoc ngay nao", "trong thoi han nao", "thoi han nao", "la khi nao", "khi nao", "bao gio", "han chot",
  "thoi han", "la gi", "nhung gi", "nhung viec gi", "viec gi", "nhiem vu gi", "nhung nhiem vu nao",
  "nhiem vu nao", "duoc giao", "co nhiem vu", "ai chu tri", "ai phoi hop", "co quan nao", "don vi nao",
  "la ai", "ai", "gi", "nao", "phai", "cho biet", "xin hoi", "noi gi", "noi ve", "quy dinh gi", "yeu cau gi",
  "can lam gi", "phai lam gi", "lam gi", "lam nhung gi", "phai hoan thanh", "can hoan thanh",
  "what is", "what are", "what does", "who leads", "who coordinates", "who is", "when is", "when are",
  "by when", "deadline for", "deadline of", "the deadline", "assigned to", "assigned", "tasks of", "tasks for",
  "what", "who", "when", "which", "how", "say about", "says about",
].sort((a, b) => b.length - a.length);

/**
 * The tag of a question that asks whether a statement holds, at the end of a sentence ("Thông tư 101 có hiệu
 * lực từ 01/01/2019, đúng hay sai?", "... đúng không ạ?", "... có đúng không?", "mức nào là đúng?",
 * "..., true or false?", "..., is that right?") or at its start ("Có đúng là ...", "Có phải là ...", "True
 * or false: ...", "Is it true that ..."). The statement is what the question asks about; the tag names no
 * matter. Read on the lower-cased written text: folded, "đúng không" is also "(sử) dụng không", so text
 * typed without diacritics has only the tags no content folds to ("dung hay sai", the English ones).
 */
const VERIFY_END_RE = new RegExp(
  "(?:[\\s,;:]*(?:(?:điều|việc|thông tin|nhận định|câu)\\s+(?:này|đó|trên)\\s+)?(?:(?:là|thì|có|vậy)\\s+)*(?:đúng|chính xác)\\s+(?:hay|hoặc)\\s+(?:sai|không)"
  + "|[\\s,;:]*(?:(?:là|thì|vậy)\\s+)?(?:có\\s+)?(?:đúng|chính xác)\\s+(?:không|chưa|chứ|k|ko|hông)"
  + "|\\s+(?:là|cho|mới)\\s+đúng"
  + "|[\\s,;:]*(?:(?:dieu|viec)\\s+(?:nay|do)\\s+)?dung hay sai"
  + "|[\\s,;:]*(?:true or false|right or wrong|correct or not|is (?:that|this|it) (?:true|right|correct))"
  + "|,\\s*(?:right|correct|true))(?:\\s+(?:ạ|vậy|nhỉ|nhé))*(?=\\s*(?:[?!.]|$))",
  "gu",
);
const VERIFY_START_RE = /(?<=^|[?!.]\s*)(?:(?:có\s+)?(?:đúng|phải)\s+(?:là|rằng)|true or false\s*[:,-]?|is it (?:true|correct|right|the case) that)(?=\s)/gu;

/** The spans of `text` (NFC) that are verification tags (see VERIFY_END_RE), as [start, end) offsets. */
export function verificationTags(text: string): Array<[number, number]> {
  const lower = text.toLowerCase();
  if (lower.length !== text.length) return [];
  return [...lower.matchAll(VERIFY_END_RE), ...lower.matchAll(VERIFY_START_RE)]
    .filter((m) => m[0].trim().length > 0)
    .map((m): [number, number] => [m.index, m.index + m[0].length]);
}
