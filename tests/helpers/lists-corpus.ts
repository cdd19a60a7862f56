/**
 * A small corpus for task-list tests: Nghị quyết 99/NQ-CP assigns Bộ Nội vụ 12 tasks in a Markdown table
 * (Bộ Tư pháp coordinates each), a copy of it is ingested beside it (the same 12 tasks again, as the three
 * copies of NQ 03 Phụ lục II are), and a news page opens with "date 2026-01-08" and gives Bộ Nội vụ a 13th
 * task. Task 1 is longer than any list shows; task i is due in month i of 2026.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

export const LONG_TASK =
  "Xây dựng, trình Chính phủ ban hành Nghị định sửa đổi, bổ sung một số điều của các nghị định quy định về tuyển dụng, sử dụng và " +
  "quản lý công chức, viên chức, bảo đảm thống nhất với mô hình chính quyền địa phương hai cấp, phân cấp, phân quyền triệt để cho " +
  "địa phương và gắn với đánh giá cán bộ theo kết quả, sản phẩm cụ thể";

export const NEWS_TEXT =
  "date 2026-01-08\nBộ Nội vụ chủ trì tổng kết công tác thi đua khen thưởng năm 2025, hoàn thành trước ngày 15/2/2026.\n\nBuổi làm việc diễn ra tại Hà Nội.\n";

/** Tasks of Bộ Nội vụ once each (12 in the resolution, 1 in the news), and the records the store holds for it. */
export const DISTINCT_TASKS = 13;
export const RECORDS = 25;

export function writeListsCorpus(dir: string): string {
  mkdirSync(dir, { recursive: true });
  const tasks = [LONG_TASK, ...Array.from({ length: 11 }, (_, i) => `Hoàn thiện quy định số ${i + 2} về quản lý cán bộ, công chức cấp xã`)];
  const rows = tasks.map((t, i) => `| ${i + 1} | ${t} | Bộ Nội vụ | Bộ Tư pháp | Nghị định | Tháng ${i + 1}/2026 |`);
  const body = [
    "CHÍNH PHỦ", "Số: 99/NQ-CP", "Hà Nội, ngày 10 tháng 1 năm 2026", "NGHỊ QUYẾT", "Về chương trình cải cách chế độ công vụ năm 2026",
    "CHÍNH PHỦ QUYẾT NGHỊ:", "Điều 1. Ban hành kèm theo Nghị quyết này Danh mục nhiệm vụ cải cách chế độ công vụ năm 2026.",
    "Điều 2. Nghị quyết này có hiệu lực từ ngày ký.", "PHỤ LỤC", "DANH MỤC NHIỆM VỤ",
  ].join("\n\n") + "\n\n| STT | Nội dung công việc | Đơn vị chủ trì | Đơn vị phối hợp | Sản phẩm | Thời hạn |\n|---|---|---|---|---|---|\n" + rows.join("\n") + "\n";
  writeFileSync(join(dir, "nq-99.md"), body);
  writeFileSync(join(dir, "nq-99-ban-sao.md"), `BẢN SAO\n\n${body}`);
  writeFileSync(join(dir, "tin-bo-noi-vu.md"), NEWS_TEXT);
  return dir;
}
