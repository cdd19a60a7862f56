/**
 * Every list of abbreviations, in one place: those of administrative phrases (spelled out and back by
 * core/abbreviations.ts), those in the names of bodies (spelled out by core/text.ts nameKey), and those
 * after which a full stop does not end a sentence (core/sentences.ts). Data only: no imports.
 */

/**
 * Abbreviation -> the phrase it stands for, as documents write it. Only abbreviations with one reading
 * in administrative texts; each written form (with "-", "&" or run together) is listed. Checked against
 * ../shared/ext: every abbreviation occurs there in upper case, never as an ordinary lower-case word
 * (tests/core/abbreviations.test.ts).
 */
export const PHRASE_ABBREVIATIONS: Readonly<Record<string, string>> = {
  "MTQG": "mục tiêu quốc gia",
  "DTTS": "dân tộc thiểu số",
  "DTTS&MN": "dân tộc thiểu số và miền núi",
  "KT-XH": "kinh tế - xã hội",
  "KTXH": "kinh tế - xã hội",
  "ĐBSCL": "Đồng bằng sông Cửu Long",
  "HTX": "hợp tác xã",
  "DNNN": "doanh nghiệp nhà nước",
  "DNNVV": "doanh nghiệp nhỏ và vừa",
  "NSNN": "ngân sách nhà nước",
  "NSTW": "ngân sách trung ương",
  "NSĐP": "ngân sách địa phương",
  "BHXH": "bảo hiểm xã hội",
  "BHYT": "bảo hiểm y tế",
  "BHTN": "bảo hiểm thất nghiệp",
  "CNTT": "công nghệ thông tin",
  "CĐS": "chuyển đổi số",
  "THCS": "trung học cơ sở",
  "THPT": "trung học phổ thông",
  "GDĐT": "giáo dục và đào tạo",
  "GD&ĐT": "giáo dục và đào tạo",
  "GD-ĐT": "giáo dục và đào tạo",
  "KH&CN": "khoa học và công nghệ",
  "KHCN": "khoa học và công nghệ",
  "KHCN&ĐMST": "khoa học, công nghệ và đổi mới sáng tạo",
  "ĐMST": "đổi mới sáng tạo",
  "PCCC": "phòng cháy, chữa cháy",
  "PCCC&CNCH": "phòng cháy, chữa cháy và cứu nạn, cứu hộ",
  "CNCH": "cứu nạn, cứu hộ",
  "ATGT": "an toàn giao thông",
  "ATTP": "an toàn thực phẩm",
  "CCHC": "cải cách hành chính",
  "TTHC": "thủ tục hành chính",
  "NTM": "nông thôn mới",
  "GPMB": "giải phóng mặt bằng",
  "XDCB": "xây dựng cơ bản",
  "PCTN": "phòng, chống tham nhũng",
  "QP-AN": "quốc phòng - an ninh",
  "QPAN": "quốc phòng - an ninh",
  "ANTT": "an ninh trật tự",
  "TNMT": "tài nguyên và môi trường",
  "TN&MT": "tài nguyên và môi trường",
  "NN&PTNT": "nông nghiệp và phát triển nông thôn",
  "NNPTNT": "nông nghiệp và phát triển nông thôn",
  "KCN": "khu công nghiệp",
  "CSDL": "cơ sở dữ liệu",
  "DVC": "dịch vụ công",
  "DVCTT": "dịch vụ công trực tuyến",
  "ĐVHC": "đơn vị hành chính",
  "CBCCVC": "cán bộ, công chức, viên chức",
  "CCVC": "công chức, viên chức",
  "QPPL": "quy phạm pháp luật",
  "VBQPPL": "văn bản quy phạm pháp luật",
  "NOXH": "nhà ở xã hội",
  "BĐKH": "biến đổi khí hậu",
  "PCTT": "phòng, chống thiên tai",
  "TKCN": "tìm kiếm cứu nạn",
};

/** Common abbreviations in the names of bodies, folded: "UBND tỉnh X" reads as "ủy ban nhân dân tỉnh X". */
export const BODY_NAME_ABBREVIATIONS: ReadonlyArray<readonly [RegExp, string]> = [
  [/\bubnd\b/g, "uy ban nhan dan"], [/\bhdnd\b/g, "hoi dong nhan dan"], [/\btp\.?\s*(?=\p{L})/gu, "thanh pho "],
  [/\btw\b/g, "trung uong"], [/\btphcm\b/g, "thanh pho ho chi minh"], [/\bhcm\b/g, "ho chi minh"],
];

/** Abbreviations written with a full stop after them ("TP. Hồ Chí Minh", "ThS. Nguyễn Văn A"), as written. */
export const DOTTED_ABBREVIATIONS: readonly string[] = ["TP", "Tp", "ThS", "TS", "PGS", "GS", "Nxb", "v.v", "st"];
