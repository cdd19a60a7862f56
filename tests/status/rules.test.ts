/** The status rules of core/status.ts: identity, carry-over, overdue in Vietnam time, progress counts. */
import { describe, expect, it } from "vitest";
import { carryOver, isDoneLate, isOverdue, progressByOrg, statusRef, taskKey, type TaskIdentity } from "../../core/status.js";
import { vnDate } from "../../core/time.js";

const id = (task: string, sectionLabel = "3 (ii)", orgKey = "ban-to-chuc-trung-uong"): TaskIdentity => ({ docName: "002.txt", sectionLabel, orgKey, task });

describe("task identity", () => {
  it("ignores spacing, case, diacritics and tone placement, but not the words", () => {
    expect(taskKey(id("Tham mưu ban hành Quy định về xoá tên đảng viên."))).toBe(taskKey(id("tham  mưu ban hành quy định về xóa tên Đảng viên")));
    expect(taskKey(id("Tham mưu ban hành Quy định"))).not.toBe(taskKey(id("Tham mưu sửa đổi Quy định")));
    expect(taskKey(id("x", "3 (i)"))).not.toBe(taskKey(id("x", "3 (ii)")));
    expect(statusRef(taskKey(id("x")))).toMatch(/^[\w-]{12}$/);
  });
});

describe("carry-over", () => {
  const stored = (task: string, sectionLabel = "3 (ii)") => ({ key: taskKey(id(task, sectionLabel)), sectionLabel, orgKey: "ban-to-chuc-trung-uong" });

  it("moves a reworded task's status to the closest new task of the same section and body only", () => {
    const incoming = [id("Tham mưu sớm ban hành Quy định về xoá tên đảng viên"), id("Một việc khác hẳn"), id("Tham mưu ban hành Quy định", "3 (i)")];
    expect(carryOver([stored("Tham mưu ban hành Quy định về xoá tên đảng viên")], incoming))
      .toEqual([[stored("Tham mưu ban hành Quy định về xoá tên đảng viên").key, taskKey(incoming[0]!)]]);
  });

  it("leaves unchanged tasks where they are and never gives one task two statuses", () => {
    const same = id("Giữ nguyên");
    expect(carryOver([stored("Giữ nguyên")], [same])).toEqual([]);
    expect(carryOver([stored("Giữ nguyên"), stored("Cũ")], [same])).toEqual([]);
    expect(carryOver([stored("Cũ")], [id("Mới", "4")])).toEqual([]);
  });
});

describe("overdue", () => {
  it("counts the deadline's day in Vietnam: overdue from the next Vietnam day, never when done", () => {
    const lateEvening = vnDate(new Date("2026-06-30T16:59:00Z")); // 23:59 in Hà Nội
    const nextMorning = vnDate(new Date("2026-06-30T17:00:00Z")); // 00:00 on 1/7
    expect(isOverdue("2026-06-30", undefined, lateEvening)).toBe(false);
    expect(isOverdue("2026-06-30", { state: "doing" }, nextMorning)).toBe(true);
    expect(isOverdue("2026-06-30", { state: "done" }, nextMorning)).toBe(false);
    expect(isOverdue(undefined, undefined, nextMorning)).toBe(false);
    expect(isDoneLate("2026-06-30", { state: "done", doneOn: "2026-07-01" })).toBe(true);
    expect(isDoneLate("2026-06-30", { state: "done", doneOn: "2026-06-30" })).toBe(false);
  });

  it("progress counts led and executed tasks per body, not coordination", () => {
    const rows = progressByOrg([
      { org: "A", orgKey: "a", role: "lead", due: "2026-06-30", status: { state: "done", doneOn: "2026-07-02" } as never },
      { org: "A", orgKey: "a", role: "execute", due: "2026-06-30" },
      { org: "A", orgKey: "a", role: "coordinate", due: "2026-06-30" },
      { org: "B", orgKey: "b", role: "lead" },
    ], "2026-07-05");
    expect(rows).toEqual([
      { orgKey: "a", org: "A", total: 2, done: 1, doneLate: 1, overdue: 1, rate: 0.5 },
      { orgKey: "b", org: "B", total: 1, done: 0, doneLate: 0, overdue: 0, rate: 0 },
    ]);
  });
});
