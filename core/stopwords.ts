/**
 * Words that carry little meaning for search, folded (no diacritics, đ -> d). One list for everything
 * that weighs words: question understanding, lexical queries and the local embedder.
 */
export const FUNCTION_WORDS: ReadonlySet<string> = new Set([
  // Vietnamese function syllables
  "cua", "va", "cac", "nhung", "duoc", "trong", "voi", "cho", "la", "co", "khong", "nay", "da", "theo", "ve", "de",
  "mot", "den", "tu", "tai", "tren", "do", "thi", "cung", "nhu", "nham", "bao", "dam", "o", "ra", "vao", "khi",
  "neu", "hoac", "ma", "nen", "lai", "se", "dang", "phai", "viec", "sau", "truoc", "qua", "moi", "con", "nao",
  "gi", "ai", "dau", "sao", "bao", "nhieu", "chua", "roi", "thuc", "hien",
  // English
  "the", "a", "an", "of", "in", "on", "at", "to", "for", "by", "is", "are", "was", "were", "be", "what", "which",
  "who", "whom", "when", "how", "does", "do", "did", "and", "or", "with", "from", "that", "this", "it", "its",
]);

/**
 * Phrases that make a question a question rather than a topic ("là khi nào", "những gì", "what is"),
 * folded, longest first. They are cut from a question before searching so that "khi nào" does not
 * match every "khi".
 */
export const QUESTION_PHRASES: readonly string[] = [
  "truoc ngay nao", "trong thoi han nao", "thoi han nao", "la khi nao", "khi nao", "bao gio", "han chot",
  "thoi han", "la gi", "nhung gi", "nhung viec gi", "viec gi", "nhiem vu gi", "nhung nhiem vu nao",
  "nhiem vu nao", "duoc giao", "co nhiem vu", "ai chu tri", "ai phoi hop", "co quan nao", "don vi nao",
  "la ai", "ai", "gi", "nao", "phai", "cho biet", "xin hoi",
  "what is", "what are", "what does", "who leads", "who coordinates", "who is", "when is", "when are",
  "by when", "deadline for", "deadline of", "the deadline", "assigned to", "assigned", "tasks of", "tasks for",
  "what", "who", "when", "which", "how",
].sort((a, b) => b.length - a.length);
