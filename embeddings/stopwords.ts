/**
 * Fixed weights for very common Vietnamese syllables, used by the local hashed embedding. A fixed list
 * (rather than IDF from the corpus) keeps a text's vector independent of what else is stored, so
 * re-ingesting gives the same vectors.
 */

/** Function words: almost no topical content. */
export const FUNCTION_SYLLABLES: readonly string[] = [
  "của", "và", "các", "những", "được", "trong", "với", "cho", "là", "có", "không", "này", "đã", "theo", "về",
  "để", "một", "người", "đến", "từ", "tại", "trên", "đó", "thì", "cũng", "như", "nhằm", "ở", "khi", "nào",
  "mà", "hoặc", "hay", "bị", "do", "nên", "vì", "nếu", "sẽ", "đang", "lại", "ra", "vào", "việc", "phải",
  "cần", "cùng", "sau", "giữa", "qua", "rằng", "thế", "đây", "ấy", "họ", "nhau", "nhất", "rất", "hơn",
  "mới", "còn", "đều", "chỉ", "vẫn", "hết", "mỗi", "mọi", "gì", "sự", "nhiều", "bằng", "thêm", "làm",
];

/** Generic administrative verbs ("thực hiện", "bảo đảm", "tăng cường", "đẩy mạnh"): frequent, weakly topical. */
export const GENERIC_SYLLABLES: readonly string[] = [
  "thực", "hiện", "đảm", "bảo", "tiếp", "tục", "tăng", "cường", "đẩy", "mạnh", "triển", "khai", "đạo",
  "nâng", "cao", "hiệu", "quả", "tốt",
];

export const FUNCTION_WEIGHT = 0.1;
export const GENERIC_WEIGHT = 0.4;
