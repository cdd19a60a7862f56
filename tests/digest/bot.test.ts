import { afterEach, describe, expect, it } from "vitest";
import type { Update } from "grammy/types";
import type { App } from "../../app/types.js";
import { createBot } from "../../bot/bot.js";
import { removeDir } from "../helpers/app.js";
import { BOT_INFO } from "../bot/harness.js";
import { clockAt, newDir, openAt } from "./setup.js";

const ADMIN = 100;
const USER = 200;
const STRANGER = 300;
const GROUP = -1001;

interface Call { method: string; payload: Record<string, any> }

const opened: App[] = [];
const dirs: string[] = [];
afterEach(async () => {
  for (const a of opened.splice(0)) await a.close().catch(() => undefined);
  for (const d of dirs.splice(0)) removeDir(d);
});

let updateId = 1;

/** The real bot on a real store, with the Bot API replaced by a recorder; `memberStatus` answers getChatMember. */
async function drive() {
  const dir = newDir();
  dirs.push(dir);
  const clock = clockAt("2025-09-20T03:00:00Z");
  const app = await openAt(dir, clock, { BOT_TOKEN: "1:T", BOT_ADMINS: String(ADMIN) });
  opened.push(app);
  await app.store.grant({ id: USER, kind: "user" });
  const bot = createBot({ app, botInfo: BOT_INFO, throttle: false });
  const calls: Call[] = [];
  const d = {
    app, calls, clock, memberStatus: "member",
    texts: () => calls.filter((c) => c.method === "sendMessage").map((c) => String(c.payload.text)),
    last: () => calls.filter((c) => c.method === "sendMessage").at(-1),
    async text(from: number, text: string, chatId = from) {
      const chat = chatId < 0 ? { id: chatId, type: "group", title: "Nhóm" } : { id: chatId, type: "private", first_name: "X" };
      const entities = [{ type: "bot_command", offset: 0, length: text.split(/\s/)[0]!.length }];
      const message = { message_id: updateId, date: 1, chat, from: { id: from, is_bot: false, first_name: `U${from}` }, text, entities };
      await bot.handleUpdate({ update_id: updateId++, message } as unknown as Update);
    },
    async press(from: number, data: string, chatId = from) {
      const chat = chatId < 0 ? { id: chatId, type: "group", title: "Nhóm" } : { id: chatId, type: "private", first_name: "X" };
      const message = { message_id: 1, date: 1, chat, from: { id: BOT_INFO.id, is_bot: true, first_name: "bot" }, text: "…" };
      await bot.handleUpdate({ update_id: updateId++, callback_query: { id: String(updateId), from: { id: from, is_bot: false, first_name: `U${from}` }, chat_instance: "ci", data, message } } as unknown as Update);
    },
  };
  bot.api.config.use(async (_prev, method, payload) => {
    calls.push({ method, payload: payload as Record<string, any> });
    if (method === "sendMessage") return { ok: true, result: { message_id: updateId++, date: 1, chat: { id: (payload as any).chat_id, type: "private" }, text: (payload as any).text } } as never;
    if (method === "getChatMember") return { ok: true, result: { status: d.memberStatus, user: { id: (payload as any).user_id, is_bot: false, first_name: "U" } } } as never;
    return { ok: true, result: true } as never;
  });
  return d;
}

function buttonsOf(c: Call | undefined): Array<{ text: string; data: string }> {
  const rows = (c?.payload.reply_markup?.inline_keyboard ?? []) as Array<Array<{ text: string; callback_data?: string }>>;
  return rows.flat().map((b) => ({ text: b.text, data: b.callback_data ?? "" }));
}

describe("/theodoi and friends", () => {
  it("without arguments offers the two common schedules as buttons; a button subscribes", async () => {
    const d = await drive();
    await d.text(USER, "/theodoi");
    expect(buttonsOf(d.last()).map((b) => b.text)).toEqual(["Hằng ngày 07:30", "Hằng tuần thứ Hai 07:30"]);
    const weekly = buttonsOf(d.last()).find((b) => b.text.startsWith("Hằng tuần"))!;
    await d.press(USER, weekly.data);
    const [sub] = await d.app.store.listSubscriptions(USER);
    expect(sub).toMatchObject({ orgIds: [], cadence: "weekly", weekday: 1, time: "07:30", lookaheadDays: 14, sendEmpty: false });
    // 2025-09-20 is a Saturday: the first digest is Monday 22/9
    expect(d.last()!.payload.text).toContain("07:30 thứ Hai 22/9/2025");
    expect(d.last()!.payload.text).toContain("tất cả cơ quan");
  });

  it("an organisation by abbreviation, a weekday and a time; subscribing again changes it", async () => {
    const d = await drive();
    await d.text(USER, "/theodoi btctw hằng tuần thứ sáu 16:00");
    let subs = await d.app.store.listSubscriptions(USER);
    expect(subs).toHaveLength(1);
    expect(subs[0]).toMatchObject({ orgIds: ["ban-to-chuc-trung-uong"], cadence: "weekly", weekday: 5, time: "16:00" });
    expect(d.last()!.payload.text).toContain("Ban Tổ chức Trung ương");
    expect(d.last()!.payload.text).toContain("hằng tuần vào thứ Sáu lúc 16:00");
    await d.text(USER, "/subscribe Ban to chuc trung uong hang ngay 6h30 ca khi trong");
    subs = await d.app.store.listSubscriptions(USER);
    expect(subs).toHaveLength(1);
    expect(subs[0]).toMatchObject({ orgIds: ["ban-to-chuc-trung-uong"], cadence: "daily", time: "06:30", sendEmpty: true });
    expect(d.last()!.payload.text).toContain("Đã cập nhật");
  });

  it("an unknown organisation is refused in Vietnamese and nothing is stored", async () => {
    const d = await drive();
    await d.text(USER, "/theodoi Ban Không Tồn Tại");
    expect(d.last()!.payload.text).toContain("Không nhận ra cơ quan");
    expect(await d.app.store.listSubscriptions(USER)).toHaveLength(0);
  });

  it("/dangtheodoi lists with buttons, /huytheodoi removes", async () => {
    const d = await drive();
    await d.text(USER, "/dangtheodoi");
    expect(d.last()!.payload.text).toContain("chưa theo dõi");
    await d.text(USER, "/theodoi btctw");
    await d.text(USER, "/theodoi hằng tuần");
    await d.text(USER, "/subscriptions");
    const list = d.last()!;
    expect(list.payload.text).toContain("Ban Tổ chức Trung ương: hằng ngày lúc 07:30");
    expect(list.payload.text).toContain("tất cả cơ quan: hằng tuần vào thứ Hai lúc 07:30");
    const cancel = buttonsOf(list).filter((b) => b.data.startsWith("dg:x:"));
    expect(cancel.map((b) => b.text)).toContain("Hủy tất cả");
    await d.press(USER, cancel[0]!.data);
    expect(await d.app.store.listSubscriptions(USER)).toHaveLength(1);
    await d.text(USER, "/huytheodoi");
    expect(await d.app.store.listSubscriptions(USER)).toHaveLength(0);
    expect(d.last()!.payload.text).toMatch(/Đã hủy bản tin #\d+/);
  });

  it("a stranger cannot subscribe", async () => {
    const d = await drive();
    await d.text(STRANGER, "/theodoi btctw");
    expect(await d.app.store.listSubscriptions(STRANGER)).toHaveLength(0);
  });

  it("in groups only group admins and bot admins change subscriptions, and only in a granted group", async () => {
    const d = await drive();
    await d.text(USER, "/theodoi btctw", GROUP);
    expect(d.last()!.payload.text).toContain("chỉ quản trị viên của nhóm");
    d.memberStatus = "administrator";
    await d.text(USER, "/theodoi btctw", GROUP);
    expect(d.last()!.payload.text).toContain("chưa được cấp quyền");
    await d.app.store.grant({ id: GROUP, kind: "chat" });
    await d.text(USER, "/theodoi btctw", GROUP);
    expect(await d.app.store.listSubscriptions(GROUP)).toHaveLength(1);
    d.memberStatus = "member";
    await d.text(USER, "/huytheodoi", GROUP);
    expect(await d.app.store.listSubscriptions(GROUP)).toHaveLength(1);
    await d.text(ADMIN, "/huytheodoi", GROUP); // a bot admin needs no group role
    expect(await d.app.store.listSubscriptions(GROUP)).toHaveLength(0);
  });

  it("subscribing again resumes a chat paused after it blocked the bot", async () => {
    const d = await drive();
    await d.text(USER, "/theodoi btctw");
    await d.app.store.setPaused(USER, true);
    await d.text(USER, "/dangtheodoi");
    expect(d.last()!.payload.text).toContain("tạm dừng");
    await d.text(USER, "/theodoi hằng tuần");
    expect((await d.app.store.listSubscriptions(USER)).every((s) => !s.paused)).toBe(true);
  });
});
