import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { cleanText } from "../../ingest/clean.js";
import { readMetadata } from "../../ingest/metadata.js";

// A web copy whose upper-case title was run into the opening sentence when the page was extracted.
const RUN_ON = `| VĂN PHÒNG CHÍNH PHỦ | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |
| Số: 901/TB-VPCP | Hà Nội, ngày 16 tháng 11 năm 2025 |

THÔNG BÁO

KẾT LUẬN CUỘC HỌP BAN CHỈ ĐẠO VỀ PHÁT TRIỂN HẠ TẦNG VIỄN THÔNG, MẠNG 5G VÀ CHUYỂN ĐỔI SỐ Ngày 15 tháng 11 năm 2025, tại Trụ sở Chính phủ, Phó Thủ tướng chủ trì cuộc họp về hạ tầng viễn thông. Sau khi nghe báo cáo, Ban Chỉ đạo kết luận như sau.

1. Các doanh nghiệp viễn thông phủ sóng 5G đạt 90% dân số trong năm 2025.
`;

describe("titles", () => {
  it("reads the upper-case words before a run-on opening sentence as the title", () => {
    const m = readMetadata(cleanText(RUN_ON, "md"), { name: "tb901.md" });
    expect(m.kind).toBe("thong_bao");
    expect(m.title).toBe("KẾT LUẬN CUỘC HỌP BAN CHỈ ĐẠO VỀ PHÁT TRIỂN HẠ TẦNG VIỄN THÔNG, MẠNG 5G VÀ CHUYỂN ĐỔI SỐ");
  });

  it("reads a run-on title with a spaced dash, and leaves out an issuing line run in after it", () => {
    const text = `| ỦY BAN NHÂN DÂN TỈNH SÔNG LAM | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |
| Số: 15/2025/QĐ-UBND | Sông Lam, ngày 02 tháng 12 năm 2025 |

QUYẾT ĐỊNH

BAN HÀNH QUY CHẾ PHỐI HỢP PHÁT TRIỂN KINH TẾ - XÃ HỘI VÙNG ĐỒNG BÀO DÂN TỘC THIỂU SỐ CỦA ỦY BAN NHÂN DÂN TỈNH SÔNG LAM CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;
`;
    expect(readMetadata(cleanText(text, "md"), { name: "qd15.md" }).title)
      .toBe("BAN HÀNH QUY CHẾ PHỐI HỢP PHÁT TRIỂN KINH TẾ - XÃ HỘI VÙNG ĐỒNG BÀO DÂN TỘC THIỂU SỐ CỦA ỦY BAN NHÂN DÂN TỈNH SÔNG LAM");
  });

  it("does not take a capitalised opening sentence for a title", () => {
    const text = RUN_ON.replace(/KẾT LUẬN CUỘC HỌP[^\n]*CHUYỂN ĐỔI SỐ /u, "");
    const m = readMetadata(cleanText(text, "md"), { name: "tb901.md" });
    expect(m.title).toBe(`Thông báo ${m.number} của ${m.issuer}`);
  });
});

const DOC = new URL("../../../shared/ext/directives/74e2ddc7b11340da.md", import.meta.url);
describe.skipIf(!existsSync(DOC))("titles in ../shared/ext", () => {
  it("a Thông báo kết luận whose title runs into its first sentence gets its title, not its file name", () => {
    const m = readMetadata(cleanText(readFileSync(DOC, "utf8"), "md"), { name: "74e2ddc7b11340da.md" });
    expect(m.title).toMatch(/^KẾT LUẬN PHIÊN HỌP LẦN THỨ NĂM .* ĐỀ ÁN 06$/u);
  });
});
