/**
 * After the deadline: /quahan lists what is overdue and not done (oldest first), digests leave done tasks
 * out, and /xuat sends the table as .xlsx and the deadlines as .ics. A real app on the sample corpus.
 */
import { join } from "node:path";
import ExcelJS from "exceljs";
import ICAL from "ical.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { identityOf } from "../../core/status.js";
import { buildDigest } from "../../digest/build.js";
import { openApp } from "../../app/open.js";
import { loadConfig } from "../../core/config.js";
import { removeDir, SAMPLE_CORPUS, tempDir } from "../helpers/app.js";
import { ADMIN, botOverApp, type BotOverApp } from "./bot-app.js";

const BTCTW = "ban-to-chuc-trung-uong";
const NOW = () => new Date("2026-07-05T03:00:00Z"); // after the Q2/2026 deadline
let dir: string;
let bot: BotOverApp;

beforeAll(async () => {
  dir = tempDir("nhiemvu-status-views-");
  const config = loadConfig({ DATA_DIR: join(dir, "data"), LOG_LEVEL: "silent" });
  const app = await openApp(config, { now: NOW });
  await app.ingest([SAMPLE_CORPUS]);
  await app.close();
  bot = await botOverApp(join(dir, "data"), NOW);
  // 3 (i) "Chủ động phối hợp với ..." the Ban coordinates; 3 (ii) and 3 (iii) it leads.
  const led = (await bot.app.store.findAssignments({ orgIds: [BTCTW] })).filter((t) => t.sectionLabel.startsWith("3 ("))
    .sort((a, b) => a.sectionLabel.localeCompare(b.sectionLabel));
  expect(led.map((t) => [t.sectionLabel, t.role])).toEqual([["3 (i)", "coordinate"], ["3 (ii)", "lead"], ["3 (iii)", "lead"]]);
  await bot.app.store.setTaskStatus({ identity: identityOf(led[0]!), to: "done", doneOn: "2026-06-20", by: "test" });
  await bot.app.store.setTaskStatus({ identity: identityOf(led[1]!), to: "doing", by: "test" });
}, 180_000);

afterAll(async () => {
  await bot?.close();
  removeDir(dir);
});

describe("after the deadline", () => {
  it("/quahan CƠ_QUAN lists overdue tasks that are not done, oldest first, with their buttons", async () => {
    bot.sent.length = 0;
    await bot.say(ADMIN, "/quahan btctw");
    const text = bot.texts().join("\n");
    expect(text).toContain("Nhiệm vụ quá hạn: Ban Tổ chức Trung ương");
    expect(text).toContain("Tham mưu Ban Bí thư ban hành Quy định giải quyết khiếu nại");
    expect(text).not.toContain("Chủ động phối hợp với Đảng uỷ Chính phủ, Đảng uỷ Bộ Nội vụ"); // done
    expect(text).toContain("đang thực hiện — quá hạn");
    const dues = [...text.matchAll(/\((\d{1,2})\/(\d{1,2})\/(\d{4})\)/g)].map((m) => `${m[3]}-${m[2]!.padStart(2, "0")}-${m[1]!.padStart(2, "0")}`);
    expect(dues).toEqual([...dues].sort());
    const markup = bot.sent.at(-1)!.payload.reply_markup.inline_keyboard as Array<Array<{ text: string }>>;
    expect(markup[0]!.map((b) => b.text)).toEqual(["1. ✅ Hoàn thành", "⏳ Đang làm", "📝 Ghi chú"]);
  });

  it("/tiendo counts the two led tasks now overdue, not the coordinated one done in time", async () => {
    bot.sent.length = 0;
    await bot.say(ADMIN, "/tiendo btctw q2/2026");
    expect(bot.texts().join("\n")).toContain("2 nhiệm vụ chủ trì/thực hiện · ✅ 0 hoàn thành · ⚠️ 2 quá hạn · tỉ lệ hoàn thành 0%");
  });

  it("digests name overdue tasks and leave done ones out", async () => {
    const digest = await buildDigest(bot.app, { orgIds: [BTCTW], lookaheadDays: 7 }, NOW());
    const overdue = digest.overdue.filter((t) => t.role === "lead").map((t) => t.sectionLabel);
    expect(overdue).toContain("3 (ii)");
    expect(overdue).not.toContain("3 (i)");
    expect(digest.items.join("\n")).toContain("Đã quá hạn");
    const rows = digest.keyboard!.inline_keyboard;
    expect(rows[0]!.map((b) => b.text.split(" ·")[0])).toEqual(["✅ Hoàn thành", "⏳ Đang làm", "📝 Ghi chú"]);
    expect(rows.flat().every((b) => "callback_data" in b && /^st:[dpn]:\d+:[\w-]{12}$/.test(b.callback_data!))).toBe(true);
  });

  it("/xuat sends the .xlsx table and the .ics calendar", async () => {
    bot.sent.length = 0;
    await bot.say(ADMIN, "/xuat btctw q2/2026");
    const docs = bot.sent.filter((s) => s.method === "sendDocument");
    expect(docs.length).toBe(2);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await bot.fileBytes(docs[0]!, "document") as never);
    const ws = wb.worksheets[0]!;
    const states = [];
    for (let i = 2; i <= ws.rowCount; i++) states.push([ws.getRow(i).getCell(12).value, ws.getRow(i).getCell(7).value, ws.getRow(i).getCell(8).value]);
    expect(states).toContainEqual(["3 (i)", "đã hoàn thành", ""]);
    expect(states).toContainEqual(["3 (ii)", "đang thực hiện", "quá hạn"]);
    const ics = (await bot.fileBytes(docs[1]!, "document")).toString("utf8");
    const events = new ICAL.Component(ICAL.parse(ics)).getAllSubcomponents("vevent");
    expect(events.length).toBe(ws.rowCount - 1);
  });
});
