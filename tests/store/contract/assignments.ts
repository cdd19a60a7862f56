/** Contract: findAssignments, its order, verbatim quotes and every filter. */
import { describe, expect, it } from "vitest";
import type { Store } from "../../../store/types.js";
import { makeDraft, saveWithVectors } from "../helpers.js";
import type { StoreFactory } from "./factory.js";

async function seeded(f: StoreFactory): Promise<{ store: Store; older: number; newer: number }> {
  const store = await f.open();
  const older = await saveWithVectors(store, makeDraft({
    path: "/c/older.txt", number: "100-KL/TW", date: "2025-01-15",
    items: [
      {
        label: "1", text: "Bộ Y tế chủ trì xây dựng đề án y tế cơ sở, hoàn thành trong tháng 9/2025.",
        tasks: [{
          orgId: "bo-y-te", org: "Bộ Y tế", quote: "Bộ Y tế chủ trì xây dựng đề án y tế cơ sở",
          deadline: { text: "trong tháng 9/2025", kind: "range", start: "2025-09-01", due: "2025-09-30" },
        }],
      },
      {
        label: "2", text: "Ban quản lý khu công nghệ cao thực hiện thường xuyên.",
        tasks: [{ org: "Ban quản lý khu công nghệ cao", role: "execute", quote: "Ban quản lý khu công nghệ cao thực hiện thường xuyên.", deadline: { text: "thường xuyên", kind: "ongoing" } }],
      },
    ],
  }));
  const newer = await saveWithVectors(store, makeDraft({
    path: "/c/newer.txt", number: "200-KL/TW", date: "2025-06-01",
    items: [
      {
        label: "1", text: "Bộ Y tế phối hợp với Bộ Tài chính bố trí kinh phí trong quý II/2026.",
        tasks: [
          {
            orgId: "bo-y-te", org: "Bộ Y tế", role: "coordinate", coordinators: ["Bộ Tài chính"],
            quote: "Bộ Y tế phối hợp với Bộ Tài chính bố trí kinh phí",
            period: { text: "quý II/2026", kind: "range", start: "2026-04-01", end: "2026-06-30", label: "Q2/2026" },
          },
          {
            orgId: "bo-tai-chinh", org: "Bộ Tài chính", quote: "Bộ Tài chính bố trí kinh phí",
            period: { text: "quý II/2026", kind: "range", start: "2026-04-01", end: "2026-06-30" },
            deadline: { text: "trước ngày 30/4/2026", kind: "range", due: "2026-04-30" },
          },
        ],
      },
    ],
  }));
  return { store, older: older.id, newer: newer.id };
}

const orgs = (list: Array<{ org: string; role: string }>) => list.map((a) => `${a.org}/${a.role}`);

export function assignmentsContract(f: StoreFactory): void {
  describe(`findAssignments (${f.name})`, () => {
    it("returns everything newest document first, then in document order, with verbatim quotes", async () => {
      const { store, older } = await seeded(f);
      const all = await store.findAssignments({});
      expect(orgs(all)).toEqual([
        "Bộ Y tế/coordinate", "Bộ Tài chính/lead", "Bộ Y tế/lead", "Ban quản lý khu công nghệ cao/execute",
      ]);
      for (const a of all) {
        const doc = await store.getDocument(a.docId);
        expect(a.quote).toBe(doc!.text.slice(a.quoteStart, a.quoteEnd));
      }
      const first = all.find((a) => a.docId === older)!;
      expect(first).toMatchObject({ sectionLabel: "1", docName: "older.txt", orgId: "bo-y-te", task: "Bộ Y tế chủ trì xây dựng đề án y tế cơ sở" });
      expect(first.docMeta.number).toBe("100-KL/TW");
      expect(first.deadline).toEqual({ text: "trong tháng 9/2025", kind: "range", start: "2025-09-01", due: "2025-09-30" });
      expect(all[0]!.coordinators).toEqual(["Bộ Tài chính"]);
      expect(all[0]!.period?.label).toBe("Q2/2026");
    });

    it("filters by organisation id, folded free text, role and document", async () => {
      const { store, older } = await seeded(f);
      expect(orgs(await store.findAssignments({ orgIds: ["bo-y-te"] }))).toEqual(["Bộ Y tế/coordinate", "Bộ Y tế/lead"]);
      expect(orgs(await store.findAssignments({ orgIds: ["bo-y-te"], roles: ["lead"] }))).toEqual(["Bộ Y tế/lead"]);
      expect(orgs(await store.findAssignments({ orgText: "ban quan ly khu cong nghe" }))).toEqual(["Ban quản lý khu công nghệ cao/execute"]);
      expect(orgs(await store.findAssignments({ orgText: "Ban Quản lý" }))).toEqual(["Ban quản lý khu công nghệ cao/execute"]);
      expect(await store.findAssignments({ orgText: "Bộ Xây dựng" })).toEqual([]);
      expect(orgs(await store.findAssignments({ docIds: [older] }))).toEqual(["Bộ Y tế/lead", "Ban quản lý khu công nghệ cao/execute"]);
      expect(await store.findAssignments({ orgIds: [] })).toEqual([]);
      expect(await store.findAssignments({ orgIds: ["bo-y-te"], limit: 1 })).toHaveLength(1);
    });

    it("matches a body's name as written whatever its abbreviations, case and diacritics", async () => {
      const store = await f.open();
      await saveWithVectors(store, makeDraft({
        path: "/c/ward.txt", number: "12/KH-UBND", date: "2025-03-01",
        items: [{ label: "1", text: "UBND phường Bến Nghé rà soát danh sách người có công.", tasks: [
          { org: "UBND phường Bến Nghé", role: "execute", quote: "UBND phường Bến Nghé rà soát danh sách người có công." },
        ] }],
      }));
      const found = async (name: string) => orgs(await store.findAssignments({ orgText: name }));
      expect(await found("Ủy ban nhân dân phường Bến Nghé")).toEqual(["UBND phường Bến Nghé/execute"]);
      expect(await found("uy ban nhan dan phuong")).toEqual(["UBND phường Bến Nghé/execute"]);
      expect(await found("Ủy ban nhân dân phường Đa Kao")).toEqual([]);
    });

    it("keeps tasks whose period or deadline overlaps an interval; undated and ongoing tasks never match", async () => {
      const { store } = await seeded(f);
      const q = async (start: string, end: string) => orgs(await store.findAssignments({ overlaps: { start, end } }));
      expect(await q("2025-09-15", "2025-09-15")).toEqual(["Bộ Y tế/lead"]);
      expect(await q("2026-05-01", "2026-05-31")).toEqual(["Bộ Y tế/coordinate", "Bộ Tài chính/lead"]);
      expect(await q("2025-10-01", "2026-03-31")).toEqual([]);
      expect(await q("2020-01-01", "2030-12-31")).toHaveLength(3);
    });

    it("filters by due date on either side", async () => {
      const { store } = await seeded(f);
      expect(orgs(await store.findAssignments({ dueBefore: "2025-12-31" }))).toEqual(["Bộ Y tế/lead"]);
      expect(orgs(await store.findAssignments({ dueAfter: "2026-01-01" }))).toEqual(["Bộ Tài chính/lead"]);
      expect(orgs(await store.findAssignments({ dueAfter: "2025-09-30", dueBefore: "2025-09-30" }))).toEqual(["Bộ Y tế/lead"]);
    });
  });
}
