import { describe, expect, it } from "vitest";
import { loadConfig } from "../../core/config.js";
import { loadOrgRegistry } from "../../core/orgs.js";
import { buildDigest } from "../../digest/build.js";
import { MAX_DIGEST_TASKS } from "../../present/digest.js";
import { splitMessages, MESSAGE_LIMIT } from "../../present/split.js";
import type { AssignmentFilter, AssignmentStore, StoredAssignment } from "../../store/types.js";
import { makeTask } from "../bot/fakes.js";

const config = loadConfig({ LOG_LEVEL: "silent", DIGEST_LOOKAHEAD_DAYS: "14", DIGEST_LOOKBACK_DAYS: "30" });
const registry = loadOrgRegistry();

/** A store that applies the due-date filter the way SQLite does, and records the filters it was given. */
function storeOf(tasks: StoredAssignment[]): AssignmentStore & { filters: AssignmentFilter[] } {
  const filters: AssignmentFilter[] = [];
  return {
    filters,
    async findAssignments(f) {
      filters.push(f);
      return tasks.filter((t) => (!f.orgIds || (t.orgId !== null && f.orgIds.includes(t.orgId))) &&
        t.deadline?.due !== undefined && (!f.dueAfter || t.deadline.due >= f.dueAfter) && (!f.dueBefore || t.deadline.due <= f.dueBefore));
    },
  };
}

const at = new Date("2026-04-15T03:00:00Z");

describe("buildDigest", () => {
  it("asks the store for the look-back and look-ahead window in Vietnam dates", async () => {
    const store = storeOf([]);
    await buildDigest({ store, registry, config }, { orgIds: ["ban-to-chuc-trung-uong"], lookaheadDays: 7 }, new Date("2026-03-31T17:30:00Z"));
    expect(store.filters[0]).toMatchObject({ orgIds: ["ban-to-chuc-trung-uong"], dueAfter: "2026-03-02", dueBefore: "2026-04-08" });
    await buildDigest({ store, registry, config }, { orgIds: [], lookaheadDays: 7 }, at);
    expect(store.filters[1]!.orgIds).toBeUndefined();
  });

  it("escapes document text and groups by organisation, overdue first", async () => {
    const tasks = [
      makeTask(1, "Bộ Nội vụ", "2026-04-20", { orgId: "bo-noi-vu" }),
      makeTask(2, "Ban Tổ chức Trung ương", "2026-04-01", { orgId: "ban-to-chuc-trung-uong" }),
      makeTask(3, "Bộ Nội vụ", "2026-04-10", { orgId: "bo-noi-vu", role: "coordinate" }),
    ];
    const d = await buildDigest({ store: storeOf(tasks), registry, config }, { orgIds: [], lookaheadDays: 14 }, at);
    expect(d.overdue.map((t) => t.id)).toEqual([2, 3]);
    expect(d.upcoming.map((t) => t.id)).toEqual([1]);
    const html = d.items.join("\n");
    expect(html).toContain("&lt;tiêu chuẩn&gt; &amp;");
    expect(html).not.toContain("<tiêu chuẩn>");
    expect(html.indexOf("Đã quá hạn")).toBeLessThan(html.indexOf("Sắp đến hạn"));
    expect(html).toContain("<i>(Phối hợp)</i>");
    expect(html).toContain("Kết luận 229-KL/TW, mục 1");
    expect(html).toContain("Theo dõi: tất cả cơ quan");
  });

  it("gives a followed provincial department its province's plans that name it unplaced, and no other province's", async () => {
    const meta = (issuer: string) => ({ kind: "ke_hoach" as const, number: "129/KH-UBND", issuer });
    const tasks = [
      makeTask(1, "Sở Y tế", "2026-04-20", { orgId: "so:y-te", docMeta: meta("Ủy ban nhân dân tỉnh Đắk Lắk") }),
      makeTask(2, "Sở Y tế", "2026-04-21", { orgId: "so:y-te", docMeta: meta("Ủy ban nhân dân tỉnh Lào Cai") }),
      makeTask(3, "Sở Y tế tỉnh Đắk Lắk", "2026-04-22", { orgId: "so:y-te:dak-lak" }),
    ];
    const d = await buildDigest({ store: storeOf(tasks), registry, config }, { orgIds: ["so:y-te:dak-lak"], lookaheadDays: 14 }, at);
    expect(d.upcoming.map((t) => t.id)).toEqual([1, 3]);
  });

  it("is empty when nothing is due", async () => {
    const d = await buildDigest({ store: storeOf([makeTask(1, "Bộ Nội vụ", "2027-01-01", { orgId: "bo-noi-vu" })]), registry, config }, { orgIds: [], lookaheadDays: 14 }, at);
    expect(d.items).toEqual([]);
  });

  it("a long digest is capped and splits into messages within Telegram's limit", async () => {
    const long = "hoàn thiện <quy chế> & ".repeat(40);
    const tasks = Array.from({ length: 150 }, (_, i) =>
      makeTask(i, `Cơ quan ${i % 7}`, `2026-04-${String(10 + (i % 15)).padStart(2, "0")}`, { task: `${i}: ${long}` }));
    const d = await buildDigest({ store: storeOf(tasks), registry, config }, { orgIds: [], lookaheadDays: 14 }, at);
    const parts = splitMessages(d.items);
    expect(parts.length).toBeGreaterThan(3);
    expect(parts.every((p) => p.length <= MESSAGE_LIMIT)).toBe(true);
    const shown = d.items.filter((i) => i.startsWith("•")).length;
    expect(shown).toBe(MAX_DIGEST_TASKS);
    const hidden = [...d.items.join("\n").matchAll(/… và (\d+) nhiệm vụ khác/g)].reduce((n, m) => n + Number(m[1]), 0);
    expect(hidden).toBe(150 - MAX_DIGEST_TASKS);
  });
});
