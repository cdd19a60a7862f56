/**
 * Word lists the assignment rules read. All entries are compared against `lowKey` text (core/text.ts: lower
 * case, unified tone placement), so they are normalised the same way when the module loads.
 */
import { lowKey } from "../../core/text.js";
import { HEAD_TITLE_WORDS, PERSON_TITLE_WORDS } from "../../core/titles.js";

/** A phrase list looked up by its first word, longest phrase first. */
export class PhraseSet {
  private readonly byFirst = new Map<string, string[][]>();

  constructor(phrases: readonly string[]) {
    for (const p of phrases) {
      const ws = lowKey(p).split(/\s+/).filter(Boolean);
      const list = this.byFirst.get(ws[0]!) ?? [];
      list.push(ws);
      this.byFirst.set(ws[0]!, list);
    }
    for (const list of this.byFirst.values()) list.sort((a, b) => b.length - a.length);
  }

  /** The number of words of the longest phrase that `ws` (words from a position on) starts with; 0 if none. */
  match(ws: readonly string[], from = 0): number {
    const list = this.byFirst.get(ws[from] ?? "");
    if (!list) return 0;
    for (const p of list) {
      let ok = true;
      for (let i = 1; i < p.length; i++) if (ws[from + i] !== p[i]) { ok = false; break; }
      if (ok) return p.length;
    }
    return 0;
  }
}

/**
 * Words that open a predicate: where a subject ends and its task begins ("... tập trung lãnh đạo").
 * A body named without a registry entry runs up to the first of these.
 */
export const PREDICATE_WORDS = new PhraseSet([
  "tập trung", "rà soát", "tiếp tục", "khẩn trương", "chủ động", "thực hiện", "triển khai", "xây dựng",
  "hoàn thiện", "hoàn thành", "nghiên cứu", "hướng dẫn", "lãnh đạo", "chỉ đạo", "tổ chức thực hiện",
  "tổ chức triển khai", "tổ chức quán triệt", "tổ chức tuyên truyền", "phối hợp", "chủ trì", "được", "có trách nhiệm",
  "chịu trách nhiệm", "cần", "phải", "quán triệt", "đẩy mạnh", "tăng cường", "bảo đảm", "đảm bảo", "báo cáo",
  "tham mưu", "kiểm tra", "giám sát", "theo dõi", "đôn đốc", "xem xét", "căn cứ", "bố trí", "cân đối", "khắc phục",
  "nâng cao", "đổi mới", "sớm", "kịp thời", "quan tâm", "ban hành", "trình", "đề xuất", "phát huy", "chấp hành",
  "thường xuyên", "nghiêm túc", "nghiêm", "cụ thể hoá", "xác định", "đánh giá", "sơ kết", "tổng kết", "tổng hợp",
  "gửi", "cung cấp", "công bố", "áp dụng", "vận hành", "thống nhất", "kiện toàn", "sắp xếp", "giải quyết", "xử lý",
  "ưu tiên", "huy động", "quản lý", "điều chỉnh", "thúc đẩy", "phát động", "bám sát", "tuyên truyền", "hỗ trợ",
  "tiếp thu", "theo", "để", "nhằm", "khi", "thì", "đã", "đang", "sẽ", "vừa", "cũng", "tiến hành", "chuẩn bị",
  "phụ trách", "làm", "đề nghị", "yêu cầu", "giao", "kết luận", "ghi nhận", "nhấn mạnh", "biểu dương", "cho biết",
  "phát biểu", "trao", "dự", "tham dự", "chúc mừng", "ký", "xin", "thẩm định", "thẩm tra", "rút kinh nghiệm",
  "cập nhật", "chỉnh lý", "lập", "phê duyệt", "bổ sung", "sửa đổi", "tổ chức hội nghị", "tổ chức đại hội",
  "tổ chức các", "tổ chức tốt", "tổ chức sơ kết", "tổ chức tổng kết", "tổ chức kiểm tra", "tổ chức lấy", "tổ chức đóng góp",
  "là", "với", "tại", "trong", "về", "năm", "ngày", "như", "gồm", "một số", "nhiệm vụ", "nội dung", "sau",
  "đẩy nhanh", "bàn giao", "kiểm soát", "có văn bản", "thành lập", "có ý kiến", "tham gia", "quyết liệt", "có chức năng",
]);

/** Words that begin like a body's head but are not one ("Trường hợp", "Đơn vị tính", "Bộ máy"). */
export const NOT_HEADS = new PhraseSet([
  "trường hợp", "đơn vị tính", "đơn vị hành chính", "hội nghị", "hội thảo", "hội viên", "đoàn viên", "ban hành",
  "bộ máy", "bộ luật", "bộ tiêu chí", "bộ hồ sơ", "bộ chỉ số", "bộ phận", "cục bộ", "ngành nghề", "đại hội",
  "xã hội", "tổ chức thực hiện", "tổ chức triển khai", "cơ quan chức năng",
]);

/** Predicate openers that mark a task for the subject before them (news prose, conclusions). */
export const TASK_VERBS = new PhraseSet([
  "chủ trì", "được giao", "có trách nhiệm", "chịu trách nhiệm", "cần", "phải", "khẩn trương", "tập trung",
  "tiếp tục", "chủ động", "nghiên cứu", "hướng dẫn", "rà soát", "báo cáo", "tham mưu", "xây dựng", "hoàn thiện",
  "hoàn thành", "triển khai", "chỉ đạo", "phối hợp", "tổ chức thực hiện", "tổ chức triển khai", "theo dõi", "đôn đốc",
  "kiểm tra", "giám sát", "sớm", "kịp thời", "thực hiện", "trình", "đẩy mạnh", "tăng cường", "bảo đảm", "đảm bảo",
  "xem xét", "cân đối", "bố trí", "quán triệt", "lãnh đạo", "tổng hợp", "khắc phục", "rút kinh nghiệm", "tiếp thu",
  "thẩm định", "cập nhật", "nâng cấp", "bổ sung", "sửa đổi", "ban hành", "đề xuất", "tuyên truyền", "chuẩn bị",
  "xử lý", "giải quyết", "đẩy nhanh", "bàn giao", "phê duyệt", "quyết liệt", "cụ thể hóa",
]);

/** Predicate openers that only count for an unknown body (not in the registry): the clearest signals. */
export const STRONG_TASK_VERBS = new PhraseSet([
  "chủ trì", "được giao", "có trách nhiệm", "chịu trách nhiệm", "cần", "phải", "khẩn trương", "tập trung",
  "chủ động", "phối hợp", "tiếp tục", "rà soát", "tổ chức thực hiện", "triển khai",
]);

/** Verbs after which the bodies named next are the assignees: "Giao X", "Đề nghị X", "Yêu cầu X". */
export const DIRECTIVE_VERBS = new PhraseSet(["giao cho", "giao", "đề nghị", "yêu cầu", "phân công", "chỉ thị"]);
/** The directive verbs that assign rather than ask: their object may be a leader ("Giao Phó Thủ tướng ..."). */
export const ASSIGNING_VERBS = new PhraseSet(["giao cho", "giao", "phân công"]);

/**
 * Words before "giao"/"yêu cầu" that make it a noun or a passive, not a directive ("theo yêu cầu"), another
 * verb ("bàn giao", "chuyển giao cho các tổ chức thu mua phế liệu": hand over to, not assign), or the
 * subject's own act: "chủ động đề nghị Chủ tịch ..." proposes to a superior (an issuer never directs "chủ động");
 * "đề xuất phân công các tỉnh ... hỗ trợ" proposes an assignment the text does not make.
 */
export const NOT_DIRECTIVE_BEFORE = new Set(
  ["theo", "đáp", "ứng", "các", "những", "được", "đã", "nhiệm", "vụ", "có", "việc", "của", "mới", "cầu", "bàn", "chuyển", "động", "xuất"].map(lowKey),
);

/** Words that open a sentence without naming anyone ("Đồng thời, ..."); skipped before the subject. */
export const CONNECTIVES = new PhraseSet([
  "đồng thời", "ngoài ra", "bên cạnh đó", "cùng với đó", "theo đó", "trong đó", "mặt khác", "sau đó", "do đó",
  "vì vậy", "trước mắt", "bên cạnh", "cùng với", "riêng", "đặc biệt",
]);

/**
 * Heads that are a whole name in a province's own text: its tax office and its inspectorate ("d) Thuế tỉnh,
 * Bảo hiểm xã hội tỉnh: Xác nhận ...", "đ) Thanh tra tỉnh: Cung cấp thông tin ..."), as "Công an tỉnh" is.
 */
const WHOLE_NAMES = ["thuế tỉnh", "thuế thành phố", "thanh tra tỉnh", "thanh tra thành phố"];
export const WHOLE_NAME_HEADS = new PhraseSet(WHOLE_NAMES);

/** Head nouns a body's name starts with: an unknown "Ban Thường vụ Tỉnh uỷ các tỉnh" is read as a body. */
export const BODY_HEADS = new PhraseSet([
  "ban", "bộ", "văn phòng", "ủy ban", "ubnd", "sở", "tỉnh ủy", "thành ủy", "huyện ủy", "đảng ủy", "đảng đoàn",
  "ban cán sự", "học viện", "tổng cục", "cục", "viện", "trung tâm", "hội", "đoàn", "mặt trận", "tòa án",
  "viện kiểm sát", "kiểm toán", "ngân hàng", "tập đoàn", "tổng công ty", "đài", "thông tấn xã", "đại học",
  "trường", "quân ủy", "công an", "hội đồng", "tiểu ban", "tổ công tác", "ban chỉ đạo", "cơ quan", "chi cục",
  "hđnd", "thanh tra", "kho bạc", "bảo hiểm xã hội", "chủ tịch", "giám đốc", "thủ trưởng", "bộ trưởng",
  "người đứng đầu", "ban thường vụ", "thường trực", "cấp ủy", "chi bộ", "đảng bộ", "tổ chức đảng",
  "tỉnh", "thành phố", "xã", "phường", "huyện", "quận", "ngành", "địa phương", "đơn vị", "tổ chức",
  "đại sứ quán", "lực lượng", "bộ tư lệnh", "quân khu", "bộ chỉ huy", "vụ", "phòng", "tổng liên đoàn", "liên đoàn", "liên minh",
  // The tax offices of the 2025 reorganisation: "Thuế tỉnh Đắk Lắk", "Thuế thành phố Hải Phòng", "Thuế cơ sở 3".
  "thuế cơ sở", ...WHOLE_NAMES,
]);

/**
 * Heads whose name may go on in lower case ("Ủy ban nhân dân tỉnh", "Công an tỉnh"); any other unknown
 * head needs a capitalised word next ("Sở Tài chính"), so "Trường hợp" or "Đơn vị tính" name no body.
 */
export const LOWERCASE_NAME_HEADS = new PhraseSet([
  "ủy ban nhân dân", "hội đồng nhân dân", "ubnd", "hđnd", "công an", "ban thường vụ", "thường trực",
  "viện kiểm sát nhân dân", "tòa án nhân dân", "ban chỉ đạo", "ban quản lý", "bộ chỉ huy quân sự", "sở",
  "mặt trận tổ quốc", "ủy ban mặt trận tổ quốc", "văn phòng ủy ban nhân dân", "văn phòng ubnd", "ban dân tộc",
  "kho bạc nhà nước", "bảo hiểm xã hội", "đảng ủy", "tỉnh ủy", "thành ủy", "huyện ủy", "chủ tịch ủy ban nhân dân",
  "chủ tịch ubnd", "giám đốc sở", "thủ trưởng các", "chủ tịch hội đồng nhân dân", "ủy ban kiểm tra",
  "hội nông dân", "hội cựu chiến binh", "hội liên hiệp phụ nữ", "liên đoàn lao động",
]);

/** Words that make the next registry body a different one: "Đảng uỷ Chính phủ" is not "Chính phủ". */
export const OWN_BODY_PREFIXES = new PhraseSet([
  "đảng ủy", "ban cán sự đảng", "đảng đoàn", "ban thường vụ", "thường trực", "thường vụ", "đảng bộ",
  "công đoàn", "đoàn thanh niên", "chi bộ", "ban chỉ đạo",
]);

/** A head's title standing for its body: "Bộ trưởng Bộ Y tế" acts for Bộ Y tế (list in core/titles.ts). */
export const HEAD_TITLES = new PhraseSet(HEAD_TITLE_WORDS);

/** Persons who issue or receive but are not assigned: "Thủ tướng Chính phủ", "Tổng Bí thư" (core/titles.ts). */
export const PERSON_TITLES = new PhraseSet(PERSON_TITLE_WORDS);

/** Words that open a plural, collective addressee: "Các tỉnh uỷ, ...", "những cơ quan ...". */
export const COLLECTIVE_OPENERS = new PhraseSet(["các", "những", "toàn thể", "mỗi", "từng"]);

/** Coordinating bodies too vague to record: "các cơ quan liên quan". */
export function isVagueBody(low: string): boolean {
  return /(có )?liên quan$/.test(low) || /^(các|những) (cơ quan|đơn vị|bên|ngành)$/.test(low);
}

/**
 * Words that may continue an unknown body's name after its head: places, levels and the nouns names are
 * made of. Anything else (a verb the lists above miss, "phản ánh") ends the name, which keeps a task's
 * words out of a body's name.
 */
export const NAME_WORDS = new Set([
  "trực", "thuộc", "ở", "tại", "của", "cấp", "có", "liên", "quan", "trung", "ương", "tỉnh", "thành", "phố", "huyện",
  "xã", "phường", "đặc", "khu", "quận", "thị", "trấn", "nhân", "dân", "chính", "trị", "hội", "ngang", "bộ", "đoàn",
  "thể", "đảng", "các", "cơ", "sở", "khác", "nhà", "nước", "đơn", "vị", "sự", "nghiệp", "doanh", "công", "lập",
  "lực", "lượng", "vũ", "trang", "quân", "đội", "an", "quốc", "địa", "phương", "ban", "ngành", "hành", "đồng",
  "ủy", "thường", "vụ", "chuyên", "môn", "tham", "mưu", "giúp", "việc", "biên", "giới", "ven", "biển", "miền",
  "núi", "vùng", "kiểm", "tra", "sát", "án", "tòa", "văn", "phòng", "viện", "trường", "học", "đại", "tổ", "chức",
  "tài", "chính", "y", "tế", "giáo", "dục", "đào", "tạo", "nội", "tư", "pháp", "xây", "dựng", "khoa", "nghệ",
  "lao", "động", "thương", "binh", "và", "ngoài", "trong", "toàn", "bí", "thư", "đảng", "ủy", "hđnd", "ubnd",
  "đại", "biểu", "quốc", "hội", "mặt", "trận", "quản", "lý", "dự", "án", "chỉ", "đạo", "chủ", "tịch", "giám",
  "đốc", "thủ", "trưởng", "phó", "lãnh", "đạo", "người", "đứng", "đầu", "kho", "bạc", "bảo", "hiểm", "ngân",
  "hàng", "thuế", "hải", "cục", "chi", "tổng", "trung", "tâm", "cảnh", "sát", "phòng", "cháy", "chữa", "cứu",
  "nạn", "hộ", "thanh", "niên", "phụ", "nữ", "nông", "dân", "cựu", "chiến", "liên", "đoàn", "lao", "động",
  "đài", "phát", "truyền", "hình", "báo", "nước", "ngoài", "đại", "diện", "sứ", "lãnh", "sự",
  "gia", "điện", "dầu", "khí", "kinh", "viễn", "thông", "bưu", "năng", "than", "khoáng", "sản", "tộc", "tôn",
  // "Liên minh Hợp tác xã tỉnh": the cooperative ("hợp tác xã") a name is made of.
  "tác",
  // "Vụ Tổ chức cán bộ": the staff a unit is named for.
  "cán",
]);
