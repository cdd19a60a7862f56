/**
 * A province formed by the merger of 1 July 2025 carries on the tasks given to the provinces that joined
 * it, body by body (core/orgs.ts predecessorsOf): "UBND tỉnh Gia Lai" gets what a directive of March 2025
 * gave "UBND tỉnh Bình Định", "Sở Y tế tỉnh Gia Lai" what it gave "Sở Y tế tỉnh Bình Định" (and what
 * Bình Định's own plan gave its "Sở Y tế"); a task both provinces were given counts once. Asked about
 * Bình Định, a list holds Bình Định's tasks only.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { App } from "../../app/types.js";
import { closeTempApp, openSampleApp } from "../helpers/app.js";
import { cliInProcess } from "../helpers/cli.js";

const BEFORE = `THỦ TƯỚNG CHÍNH PHỦ
Số: 31/CT-TTg
Hà Nội, ngày 10 tháng 3 năm 2025
CHỈ THỊ
Về phòng, chống dịch sốt xuất huyết

1. UBND tỉnh Bình Định chủ trì tổ chức chiến dịch diệt lăng quăng tại các xã ven biển, hoàn thành trong tháng 6/2025.
2. Sở Y tế tỉnh Bình Định chủ trì giám sát ca bệnh sốt xuất huyết tại các cơ sở khám bệnh, chữa bệnh.
3. UBND tỉnh Bình Định chủ trì thành lập các đội phản ứng nhanh xử lý ổ dịch tại thành phố Quy Nhơn.
`;

const AFTER = `THỦ TƯỚNG CHÍNH PHỦ
Số: 58/CT-TTg
Hà Nội, ngày 15 tháng 9 năm 2025
CHỈ THỊ
Về phòng, chống dịch sốt xuất huyết sau khi sắp xếp đơn vị hành chính

1. UBND tỉnh Gia Lai chủ trì tổ chức chiến dịch diệt lăng quăng tại các xã ven biển, hoàn thành trong tháng 6/2025.
2. UBND tỉnh Gia Lai chủ trì bố trí kinh phí phòng dịch cho các xã vùng cao.
3. Sở Y tế tỉnh Gia Lai chủ trì dự trữ hóa chất diệt muỗi tại các trung tâm y tế khu vực.
`;

const PROVINCE_PLAN = `ỦY BAN NHÂN DÂN
TỈNH BÌNH ĐỊNH
Số: 45/KH-UBND
Bình Định, ngày 2 tháng 4 năm 2025
KẾ HOẠCH
Tiêm chủng mở rộng năm 2025

1. Sở Y tế chủ trì tổ chức tiêm vắc xin sởi cho trẻ em tại các trạm y tế xã, hoàn thành trước ngày 30/6/2025.
`;

let app: App & { dir: string };
/** `tasks --assignee`: the count it states, and the tasks of its records (JSON lists every record). */
const tasks = async (assignee: string, ...more: string[]): Promise<{ count: string; tasks: string[] }> => {
  const env = { DATA_DIR: app.config.store.dataDir };
  const text = await cliInProcess([...(more.length ? more : ["tasks"]), "--assignee", assignee], env);
  const json = await cliInProcess([...(more.length ? more : ["tasks"]), "--assignee", assignee, "--json"], env);
  return { count: /^\d+ nhiệm vụ/.exec(text.stdout)?.[0] ?? text.stdout, tasks: (JSON.parse(json.stdout) as Array<{ task: string }>).map((r) => r.task) };
};

beforeAll(async () => {
  app = await openSampleApp({ "ct31-binh-dinh.txt": BEFORE, "ct58-gia-lai.txt": AFTER, "kh45-binh-dinh.txt": PROVINCE_PLAN });
});
afterAll(() => closeTempApp(app));

describe("tasks of a province formed by the 2025 merger", () => {
  it("gives UBND tỉnh Gia Lai the tasks given to UBND tỉnh Bình Định, a task both were given once", async () => {
    const a = await app.answerer.ask("UBND tỉnh Gia Lai được giao những nhiệm vụ gì?");
    expect(a.found).toBe(true);
    expect(a.answer).toMatch(/3 nhiệm vụ/);
    expect(a.citations.filter((c) => c.quote.includes("diệt lăng quăng"))).toHaveLength(1);
    expect(a.citations.some((c) => c.quote.includes("đội phản ứng nhanh"))).toBe(true);
    expect(a.citations.some((c) => c.quote.includes("kinh phí phòng dịch"))).toBe(true);
    const list = await tasks("UBND tỉnh Gia Lai");
    expect(list.count).toBe("3 nhiệm vụ");
    expect(list.tasks).toEqual(expect.arrayContaining([
      expect.stringContaining("diệt lăng quăng"), expect.stringContaining("đội phản ứng nhanh"), expect.stringContaining("kinh phí phòng dịch"),
    ]));
    // The directive of March 2025 and its copy of September set the same deadline: one task due.
    const due = await tasks("UBND tỉnh Gia Lai", "deadlines", "--from", "2025-06-01", "--to", "2025-06-30");
    expect(due.count).toBe("1 nhiệm vụ");
    expect(new Set(due.tasks.map((t) => t.includes("diệt lăng quăng")))).toEqual(new Set([true]));
  });

  it("keeps Bình Định's own tasks its own, and gives it none of Gia Lai's", async () => {
    const a = await app.answerer.ask("UBND tỉnh Bình Định được giao những nhiệm vụ gì?");
    expect(new Set(a.citations.map((c) => c.doc))).toEqual(new Set(["ct31-binh-dinh.txt"]));
    const own = await tasks("UBND tỉnh Bình Định");
    expect(own.count).toBe("2 nhiệm vụ");
    expect(own.tasks.some((t) => t.includes("kinh phí phòng dịch"))).toBe(false);
  });

  it("gives Sở Y tế tỉnh Gia Lai the tasks of Sở Y tế tỉnh Bình Định, also those Bình Định's plan names unplaced", async () => {
    const a = await app.answerer.ask("Sở Y tế tỉnh Gia Lai được giao những nhiệm vụ gì?");
    expect(new Set(a.citations.map((c) => c.doc))).toEqual(new Set(["ct31-binh-dinh.txt", "ct58-gia-lai.txt", "kh45-binh-dinh.txt"]));
    const list = await tasks("Sở Y tế tỉnh Gia Lai");
    expect(list.count).toBe("3 nhiệm vụ");
    expect(list.tasks).toEqual(expect.arrayContaining([
      expect.stringContaining("giám sát ca bệnh"), expect.stringContaining("hóa chất diệt muỗi"), expect.stringContaining("vắc xin sởi"),
    ]));
    const old = await tasks("Sở Y tế tỉnh Bình Định");
    expect(old.count).toBe("2 nhiệm vụ");
    expect(old.tasks.some((t) => t.includes("hóa chất diệt muỗi"))).toBe(false);
  });
});
