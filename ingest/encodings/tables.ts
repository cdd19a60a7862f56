/**
 * The two legacy Vietnamese 8-bit encodings still met in received files, as data (public standards):
 *
 * - TCVN3 (TCVN 5712:1993 "VN3", the ABC fonts .VnTime, .VnArial): one byte per letter. Upper-case
 *   letters with tones have no code in VN3: they are written with the lower-case code in an upper-case
 *   font (.VnTimeH), so a decoder only sees the lower-case letter.
 * - VNI (VNI-Windows, the VNI-Times fonts): a base letter followed by a tone/diacritic character of
 *   Windows-1252 ("Vieät" = "Việt"); a few letters are one character ("ñ" = "đ", "ö" = "ư", "ô" = "ơ").
 *
 * Each table maps the Unicode letter to its legacy form, read as the characters a Latin-1/Windows-1252
 * decoder gives for those bytes; the decoders derive the reverse maps.
 */

/** TCVN3 (VN3): Unicode letter -> the Latin-1 character of its byte. */
export const TCVN3: Readonly<Record<string, string>> = {
  "Ă": "\u00a1", "Â": "\u00a2", "Ê": "\u00a3", "Ô": "\u00a4", "Ơ": "\u00a5", "Ư": "\u00a6", "Đ": "\u00a7",
  "ă": "\u00a8", "â": "\u00a9", "ê": "\u00aa", "ô": "\u00ab", "ơ": "\u00ac", "ư": "\u00ad", "đ": "\u00ae",
  "à": "\u00b5", "ả": "\u00b6", "ã": "\u00b7", "á": "\u00b8", "ạ": "\u00b9",
  "ằ": "\u00bb", "ẳ": "\u00bc", "ẵ": "\u00bd", "ắ": "\u00be", "ặ": "\u00c6",
  "ầ": "\u00c7", "ẩ": "\u00c8", "ẫ": "\u00c9", "ấ": "\u00ca", "ậ": "\u00cb",
  "è": "\u00cc", "ẻ": "\u00ce", "ẽ": "\u00cf", "é": "\u00d0", "ẹ": "\u00d1",
  "ề": "\u00d2", "ể": "\u00d3", "ễ": "\u00d4", "ế": "\u00d5", "ệ": "\u00d6",
  "ì": "\u00d7", "ỉ": "\u00d8", "ĩ": "\u00dc", "í": "\u00dd", "ị": "\u00de",
  "ò": "\u00df", "ỏ": "\u00e1", "õ": "\u00e2", "ó": "\u00e3", "ọ": "\u00e4",
  "ồ": "\u00e5", "ổ": "\u00e6", "ỗ": "\u00e7", "ố": "\u00e8", "ộ": "\u00e9",
  "ờ": "\u00ea", "ở": "\u00eb", "ỡ": "\u00ec", "ớ": "\u00ed", "ợ": "\u00ee",
  "ù": "\u00ef", "ủ": "\u00f1", "ũ": "\u00f2", "ú": "\u00f3", "ụ": "\u00f4",
  "ừ": "\u00f5", "ử": "\u00f6", "ữ": "\u00f7", "ứ": "\u00f8", "ự": "\u00f9",
  "ỳ": "\u00fa", "ỷ": "\u00fb", "ỹ": "\u00fc", "ý": "\u00fd", "ỵ": "\u00fe",
};

/** VNI-Windows, lower case: Unicode letter -> its Windows-1252 characters. Upper case is derived. */
export const VNI_LOWER: Readonly<Record<string, string>> = {
  "á": "aù", "à": "aø", "ả": "aû", "ã": "aõ", "ạ": "aï",
  "â": "aâ", "ấ": "aá", "ầ": "aà", "ẩ": "aå", "ẫ": "aã", "ậ": "aä",
  "ă": "aê", "ắ": "aé", "ằ": "aè", "ẳ": "aú", "ẵ": "aü", "ặ": "aë",
  "é": "eù", "è": "eø", "ẻ": "eû", "ẽ": "eõ", "ẹ": "eï",
  "ê": "eâ", "ế": "eá", "ề": "eà", "ể": "eå", "ễ": "eã", "ệ": "eä",
  "í": "í", "ì": "ì", "ỉ": "æ", "ĩ": "ó", "ị": "ò",
  "ó": "où", "ò": "oø", "ỏ": "oû", "õ": "oõ", "ọ": "oï",
  "ô": "oâ", "ố": "oá", "ồ": "oà", "ổ": "oå", "ỗ": "oã", "ộ": "oä",
  "ơ": "ô", "ớ": "ôù", "ờ": "ôø", "ở": "ôû", "ỡ": "ôõ", "ợ": "ôï",
  "ú": "uù", "ù": "uø", "ủ": "uû", "ũ": "uõ", "ụ": "uï",
  "ư": "ö", "ứ": "öù", "ừ": "öø", "ử": "öû", "ữ": "öõ", "ự": "öï",
  "ý": "yù", "ỳ": "yø", "ỷ": "yû", "ỹ": "yõ", "ỵ": "î",
  "đ": "ñ",
};

/** VNI-Windows, both cases: the upper-case letter is written with upper-case characters. */
export const VNI: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(VNI_LOWER).flatMap(([u, v]) => [[u, v], [u.toUpperCase(), v.toUpperCase()]]),
);
