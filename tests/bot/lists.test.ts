/**
 * Lists that fit a phone (issue 15), through the bot's handlers: /vanban and /hanchot are paged (at most
 * 10 entries and 3,500 characters a message, "Xem thêm ▶" and "◀ Trang trước" buttons that edit the
 * message), every entry is shown once across the pages, a task is shown once with all its bodies, and a cut
 * task answer says how many tasks are left.
 */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Update } from "grammy/types";
import { createBot } from "../../bot/bot.js";
import type { StoredDocument } from "../../store/types.js";
import { stripHtml } from "../../present/split.js";
import { openTempApp, removeDir } from "../helpers/app.js";
import { DISTINCT_TASKS, writeListsCorpus } from "../helpers/lists-corpus.js";
import { makeTask } from "./fakes.js";
import { BOT_INFO, buttons, harness, USER, type Call, type Harness } from "./harness.js";

/** Presses "Xem thêm ▶" until there is none; returns every page's text (the first message, then each edit). */
async function pageThrough(h: Harness, first: Call): Promise<string[]> {
  const pages = [String(first.payload.text)];
  let next = buttons(first).find((b) => b.text.startsWith("Xem thêm"));
  while (next) {
    h.clear();
    await h.press(USER, next.data);
    const edit = h.calls.find((c) => c.method === "editMessageText")!;
    expect(edit, "a press edits the message in place").toBeDefined();
    pages.push(String(edit.payload.text));
    next = buttons(edit).find((b) => b.text.startsWith("Xem thêm"));
    expect(pages.length).toBeLessThan(50);
  }
  return pages;
}

function fitsPhone(page: string): void {
  expect(page.length).toBeLessThanOrEqual(3500);
  expect(page.match(/^(•|\d+\.) /gm)?.length ?? 0).toBeLessThanOrEqual(10);
}

describe("/vanban without a number", () => {
  it("pages 45 documents ten at a time, each once, with buttons to go on and back", async () => {
    const h = harness();
    const base = h.app.state.docs[0]!;
    h.app.state.docs = Array.from({ length: 45 }, (_, i): StoredDocument => ({
      ...base, id: i + 1, name: `${String(i).padStart(3, "0")}_f51bd1bc98d5fad9.txt`,
      meta: { ...base.meta, number: `${i + 1}-KL/TW`, date: `2025-${String((i % 12) + 1).padStart(2, "0")}-01`, title: `về việc số ${i + 1} ${"rất dài ".repeat(30)}` },
    }));
    await h.text(USER, "/vanban");
    const [first] = h.sent();
    expect(h.sent()).toHaveLength(1);
    expect(first!.payload.text).toContain("Các văn bản hiện có (45)");
    expect(first!.payload.text).toContain("Trang 1/5 · còn 35 văn bản");
    expect(buttons(first).map((b) => b.text)).toEqual(["Xem thêm ▶ (2/5)"]);
    const pages = await pageThrough(h, first!);
    expect(pages).toHaveLength(5);
    pages.forEach(fitsPhone);
    const numbers = pages.flatMap((p) => [...p.matchAll(/<b>Kết luận (\d+)-KL\/TW<\/b>/g)].map((m) => Number(m[1])));
    expect(numbers.sort((a, b) => a - b)).toEqual(Array.from({ length: 45 }, (_, i) => i + 1));
    // Back from the last page.
    const last = h.calls.find((c) => c.method === "editMessageText")!;
    expect(buttons(last).map((b) => b.text)).toEqual(["◀ Trang trước"]);
    h.clear();
    await h.press(USER, buttons(last)[0]!.data);
    expect(String(h.calls.find((c) => c.method === "editMessageText")!.payload.text)).toContain("Trang 4/5");
  });
});

describe("/hanchot 30", () => {
  it("lists each task once with all its bodies, ten tasks a page, every task on exactly one page", async () => {
    const h = harness();
    // 24 tasks due in the window, each held by three records (the lead and two coordinators) sharing its quote.
    h.app.state.tasks = Array.from({ length: 24 }, (_, i) => {
      const due = `2026-04-${String(16 + (i % 14)).padStart(2, "0")}`;
      const quote = { quoteStart: i * 100, quoteEnd: i * 100 + 90, task: `Nhiệm vụ thứ ${i + 1} về công tác cán bộ ${"và đào tạo ".repeat(20)}` };
      return [
        makeTask(i * 3 + 1, "Ban Tổ chức Trung ương", due, quote),
        makeTask(i * 3 + 2, "Bộ Nội vụ", due, { ...quote, role: "coordinate", coordinators: [] }),
        makeTask(i * 3 + 3, "Bộ Tư pháp", due, { ...quote, role: "coordinate", coordinators: [] }),
      ];
    }).flat();
    await h.text(USER, "/hanchot 30");
    const [first] = h.sent();
    expect(h.sent()).toHaveLength(1);
    expect(first!.payload.text).toContain("Đến hạn trong 30 ngày tới</b> (đến 15/5/2026): 24");
    const pages = await pageThrough(h, first!);
    expect(pages.length).toBeGreaterThanOrEqual(3);
    pages.forEach(fitsPhone);
    const seen = pages.flatMap((p) => [...stripHtml(p).matchAll(/^• (.*): Nhiệm vụ thứ (\d+) /gm)].map((m) => ({ bodies: m[1], n: Number(m[2]) })));
    expect(seen.map((s) => s.n).sort((a, b) => a - b)).toEqual(Array.from({ length: 24 }, (_, i) => i + 1));
    for (const s of seen) expect(s.bodies).toBe("Ban Tổ chức Trung ương (Chủ trì), Bộ Nội vụ (Phối hợp), Bộ Tư pháp (Phối hợp)");
    expect(stripHtml(pages[1]!)).toContain("Đến hạn trong 30 ngày tới (đến 15/5/2026): 24 (tiếp)");
    expect(stripHtml(pages.at(-1)!)).toContain("Đã quá hạn (trong 30 ngày qua): 0");
  });
});

describe("a cut task answer", () => {
  it("says how many tasks are left and offers Xem thêm, and shows each task once, through the real answerer", async () => {
    const app = await openTempApp({ BOT_TOKEN: "1:LISTS", BOT_ADMINS: "100" });
    try {
      await app.ingest([writeListsCorpus(join(app.dir, "corpus"))]);
      await app.store.grant({ id: USER, kind: "user" });
      const bot = createBot({ app, botInfo: BOT_INFO, throttle: false });
      const sent: Call[] = [];
      bot.api.config.use(async (_prev, method, payload) => {
        sent.push({ method, payload: payload as Record<string, any> });
        return { ok: true, result: method === "sendMessage" ? { message_id: sent.length, date: 1, chat: { id: USER, type: "private" }, text: "" } : true } as never;
      });
      const from = { id: USER, is_bot: false, first_name: "U" };
      await bot.handleUpdate({ update_id: 1, message: { message_id: 1, date: 1, chat: { id: USER, type: "private", first_name: "U" }, from, text: "/nhiemvu Bộ Nội vụ", entities: [{ type: "bot_command", offset: 0, length: 8 }] } } as unknown as Update);
      const msgs = sent.filter((c) => c.method === "sendMessage");
      const text = msgs.map((m) => stripHtml(String(m.payload.text))).join("\n");
      const shown = text.match(/^\d+\. /gm)!.length;
      expect(text).toContain(`Còn ${DISTINCT_TASKS - shown} nhiệm vụ nữa: bấm «Xem thêm ▶».`);
      expect(buttons(msgs.at(-1)).some((b) => b.text === "Xem thêm ▶")).toBe(true);

      // Asked in words: each task once, its quote under it without table bars, no second list under "Nguồn".
      sent.length = 0;
      await bot.handleUpdate({ update_id: 2, message: { message_id: 2, date: 1, chat: { id: USER, type: "private", first_name: "U" }, from, text: "Bộ Nội vụ có những nhiệm vụ gì?" } } as unknown as Update);
      const html = sent.filter((c) => c.method === "sendMessage").map((m) => String(m.payload.text)).join("\n");
      expect(html).not.toContain("Nguồn:");
      expect(html).not.toContain("|");
      expect(stripHtml(html).match(/Hoàn thiện quy định số 2 về/g)).toHaveLength(2);
      expect(html).toContain("<blockquote>2 Hoàn thiện quy định số 2 về quản lý cán bộ, công chức cấp xã · Bộ Nội vụ · Bộ Tư pháp · Nghị định · Tháng 2/2026</blockquote>");
      expect(stripHtml(html)).toContain(`Còn ${DISTINCT_TASKS - 8} nhiệm vụ nữa: bấm «Xem thêm ▶».`);
    } finally {
      await app.close();
      removeDir(app.dir);
    }
  });
});
