/**
 * Following Ban Tổ chức Trung ương's Q2/2026 tasks (sample document 002, mục 3 (i)-(iii)) to the end:
 * two marked done through the CLI (3 (i), which the Ban coordinates, "Chủ động phối hợp với ...", and 3 (ii),
 * which it leads), one set in progress with the bot's button by the body's reporter; /tiendo and
 * `tasks --format xlsx|ics` report 1 of 2 led tasks done; the document re-ingested unchanged,
 * touched, and with one task reworded keeps its statuses (the reworded one flagged for review); a stranger
 * and a user who is not the body's reporter can neither change a status, and a stranger sees none.
 */
import { appendFileSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parse as parseCsv } from "csv-parse/sync";
import ExcelJS from "exceljs";
import ICAL from "ical.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { identityOf, statusRef, taskKey } from "../../core/status.js";
import { copyCorpus, removeDir, tempDir } from "../helpers/app.js";
import { cliInProcess } from "../helpers/cli.js";
import { ADMIN, allButtons, botOverApp } from "./bot-app.js";

const DOC = "002_f51bd1bc98d5fad9";
const BTCTW = "ban-to-chuc-trung-uong";
const REPORTER = 555;
const MEMBER = 600; // has access, reports for no body
const STRANGER = 700;
const NOW = () => new Date("2026-06-10T03:00:00Z"); // inside Q2/2026, before the 30/6 deadline

let dir: string;
let corpus: string;
let env: Record<string, string>;

beforeAll(async () => {
  dir = tempDir("nhiemvu-status-");
  corpus = copyCorpus(dir);
  env = { DATA_DIR: join(dir, "data") };
  const ingest = await cliInProcess(["ingest", corpus], env);
  expect(ingest.code, ingest.stderr).toBe(0);
}, 300_000);

afterAll(() => removeDir(dir));

async function statusOf(section: string): Promise<{ state: string | null; needsReview: boolean | null; doneOn: string | null; history: unknown[] }> {
  const r = await cliInProcess(["status", "show", DOC, section, "--json"], env);
  expect(r.code, r.stderr).toBe(0);
  const j = JSON.parse(r.stdout);
  return { state: j.status?.state ?? null, needsReview: j.status?.needsReview ?? null, doneOn: j.status?.doneOn ?? null, history: j.history };
}

/** Section label -> the "Trạng thái" cell of the led tasks, in one CLI call (the CSV export). */
async function ledStates(): Promise<Record<string, string>> {
  const r = await cliInProcess(["tasks", "--doc", DOC, "--assignee", "BTCTW", "--role", "lead", "--format", "csv"], env);
  expect(r.code, r.stderr).toBe(0);
  const rows = parseCsv(r.stdout, { bom: true, columns: true }) as Array<Record<string, string>>;
  return Object.fromEntries(rows.map((row) => [row["Mục"]!, row["Trạng thái"]!]));
}

describe("following a body's tasks", () => {
  it("marks two tasks done through the CLI, with dates, a note and history", async () => {
    const a = await cliInProcess(["status", "set", DOC, "3 (i)", "--state", "done", "--date", "2026-05-20", "--note", "Đã ban hành hướng dẫn", "--by", "lan"], env);
    expect(a.code, a.stderr).toBe(0);
    expect(a.stdout).toContain("Ban Tổ chức Trung ương");
    expect(a.stdout).toContain("đã hoàn thành (20/5/2026)");
    const b = await cliInProcess(["status", "set", DOC, "3(ii)", "--state", "done", "--date", "2026-06-01", "--evidence-file", "quy-dinh.pdf"], env);
    expect(b.code, b.stderr).toBe(0);
    expect(await statusOf("3 (i)")).toMatchObject({ state: "done", doneOn: "2026-05-20" });
    expect((await statusOf("3 (i)")).history).toMatchObject([{ from: null, to: "done", by: "cli:lan", note: "Đã ban hành hướng dẫn" }]);
    expect((await statusOf("3 (iii)")).state).toBeNull();

    const bad = await cliInProcess(["status", "set", DOC, "3 (i)", "--state", "finished"], env);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toMatch(/^error: --state must be one of todo, doing, done \[bad_state\]/);
    const none = await cliInProcess(["status", "set", DOC, "9 (ix)", "--state", "done"], env);
    expect(none.stderr).toContain("[task_not_found]");
  }, 300_000);

  it("lets only admins and the body's reporter change a status from the bot; a stranger sees nothing", async () => {
    const bot = await botOverApp(env.DATA_DIR!, NOW);
    try {
      const tasks = await bot.app.store.findAssignments({ orgIds: [BTCTW] });
      const third = tasks.find((t) => t.docName.startsWith(DOC) && t.sectionLabel === "3 (iii)" && t.role === "lead")!;
      const doing = `st:p:${third.docId}:${statusRef(taskKey(identityOf(third)))}`;
      const key = taskKey(identityOf(third));
      await bot.app.store.grant({ id: MEMBER, kind: "user" });

      // A user with access sees statuses and buttons under each task of /nhiemvu.
      await bot.say(MEMBER, "/nhiemvu btctw q2/2026");
      const list = bot.texts().join("\n");
      expect(list).toContain("📌 đã hoàn thành (20/5/2026)");
      expect(list).toContain("📌 chưa thực hiện");
      const buttons = allButtons(bot.sent);
      expect(buttons.map((b) => b.data)).toContain(doing);
      expect(buttons.filter((b) => b.text.includes("✅ Hoàn thành")).length).toBeGreaterThanOrEqual(3);

      // ... but may not change one: not the body's reporter.
      bot.sent.length = 0;
      await bot.press(MEMBER, doing);
      expect(bot.sent.find((s) => s.method === "answerCallbackQuery")?.payload.text).toMatch(/không có quyền cập nhật/);
      expect((await bot.app.store.getTaskStatuses([key])).size).toBe(0);

      // A stranger can neither change nor see.
      bot.sent.length = 0;
      await bot.press(STRANGER, doing);
      expect(bot.sent.find((s) => s.method === "answerCallbackQuery")?.payload.text).toContain("chưa có quyền");
      await bot.say(STRANGER, "/nhiemvu btctw q2/2026");
      await bot.say(STRANGER, "/tiendo btctw q2/2026");
      expect(bot.texts().join("\n")).not.toMatch(/📌|hoàn thành|Tiến độ/);
      expect(bot.sent.some((s) => s.method === "sendPhoto")).toBe(false);
      expect((await bot.app.store.getTaskStatuses([key])).size).toBe(0);

      // Only an admin names reporters.
      await bot.say(MEMBER, `/phutrach btctw ${MEMBER}`);
      expect(await bot.app.store.listReporters(BTCTW)).toEqual([]);
      await bot.say(ADMIN, `/phutrach btctw ${REPORTER}`);
      expect((await bot.app.store.listReporters(BTCTW)).map((r) => r.userId)).toEqual([REPORTER]);

      // The reporter presses ⏳ Đang làm under 3 (iii), then adds a note by replying to the prompt.
      bot.sent.length = 0;
      await bot.press(REPORTER, doing);
      expect((await bot.app.store.getTaskStatuses([key])).get(key)).toMatchObject({ state: "doing", updatedBy: `telegram:${REPORTER} (U${REPORTER})` });
      expect(bot.texts().join("\n")).toContain("đang thực hiện");
      await bot.press(REPORTER, doing.replace("st:p:", "st:n:"));
      const prompt = bot.sent.find((s) => s.method === "sendMessage" && String(s.payload.text).startsWith("📝 Ghi chú"))!;
      expect(prompt.payload.reply_markup).toMatchObject({ force_reply: true });
      await bot.say(REPORTER, "Đang lấy ý kiến các tỉnh", { text: String(prompt.payload.text) });
      expect((await bot.app.store.getTaskStatuses([key])).get(key)).toMatchObject({ state: "doing", note: "Đang lấy ý kiến các tỉnh" });
      expect((await bot.app.store.taskStatusHistory(key)).map((h) => [h.from, h.to])).toEqual([[null, "doing"], ["doing", "doing"]]);

      // /tiendo: 2 led tasks, 1 done, none overdue yet; as text and as a PNG chart.
      bot.sent.length = 0;
      await bot.say(MEMBER, "/tiendo btctw q2/2026");
      const progress = bot.texts().join("\n");
      expect(progress).toContain("Ban Tổ chức Trung ương</b>: 2 nhiệm vụ chủ trì/thực hiện · ✅ 1 hoàn thành · ⚠️ 0 quá hạn · tỉ lệ hoàn thành 50%");
      const photo = bot.sent.find((s) => s.method === "sendPhoto")!;
      const png = await bot.fileBytes(photo, "photo");
      expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
      expect(png.length).toBeGreaterThan(2000);
    } finally {
      await bot.close();
    }
  }, 300_000);

  it("exports the table as an .xlsx with 1 of 2 led tasks done, and the deadlines as an .ics another parser reads", async () => {
    const xlsx = join(dir, "tasks.xlsx");
    const r = await cliInProcess(["tasks", "--assignee", "BTCTW", "--period", "Q2/2026", "--format", "xlsx", "--out", xlsx], env);
    expect(r.code, r.stderr).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(xlsx);
    const ws = wb.worksheets[0]!;
    const header = (ws.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual(["STT", "Cơ quan", "Vai trò", "Nhiệm vụ", "Thời hạn", "Hạn chót", "Trạng thái", "Quá hạn", "Ngày hoàn thành", "Ghi chú", "Văn bản", "Mục"]);
    expect(ws.getRow(1).font?.bold).toBe(true);
    expect(ws.getColumn(4).width).toBe(70);
    const rows = [];
    for (let i = 2; i <= ws.rowCount; i++) rows.push(ws.getRow(i));
    const led = rows.filter((row) => row.getCell(3).value === "Chủ trì");
    expect(led.length).toBe(2);
    expect(led.filter((row) => row.getCell(7).value === "đã hoàn thành").length).toBe(1);
    const first = rows.find((row) => row.getCell(12).value === "3 (i)")!;
    expect(first.getCell(3).value).toBe("Phối hợp");
    expect(first.getCell(6).value).toEqual(new Date("2026-06-30T00:00:00Z"));
    expect(first.getCell(9).value).toEqual(new Date("2026-05-20T00:00:00Z"));
    expect(first.getCell(6).numFmt).toBe("dd/mm/yyyy");
    expect(first.getCell(10).value).toBe("Đã ban hành hướng dẫn");
    expect((first.getCell(7).fill as ExcelJS.FillPattern).fgColor?.argb).toBe("FFC6EFCE");
    const third = led.find((row) => row.getCell(12).value === "3 (iii)")!;
    expect(third.getCell(7).value).toBe("đang thực hiện");

    const ics = await cliInProcess(["tasks", "--assignee", "BTCTW", "--period", "Q2/2026", "--format", "ics"], env);
    expect(ics.code, ics.stderr).toBe(0);
    const cal = new ICAL.Component(ICAL.parse(ics.stdout));
    const events = cal.getAllSubcomponents("vevent").map((e) => new ICAL.Event(e));
    expect(events.length).toBe(rows.length);
    expect(new Set(events.map((e) => e.uid)).size).toBe(events.length);
    expect(events.every((e) => e.startDate.isDate && e.startDate.toString() === "2026-06-30")).toBe(true);
    expect(events.filter((e) => e.summary.startsWith("✅ Ban Tổ chức Trung ương")).length).toBe(2);

    const csv = await cliInProcess(["tasks", "--assignee", "BTCTW", "--period", "Q2/2026", "--format", "csv"], env);
    expect(csv.stdout.split("\n")[0]).toContain("STT,Cơ quan,Vai trò");
  }, 300_000);

  it("keeps statuses when the document is re-ingested unchanged or touched, and flags the reworded task", async () => {
    const file = join(corpus, `${DOC}.txt`);
    const unchanged = await cliInProcess(["ingest", corpus, "--json"], env);
    expect(JSON.parse(unchanged.stdout).counts.unchanged).toBe(5);
    appendFileSync(file, "\n");
    const touched = await cliInProcess(["ingest", file, "--json"], env);
    expect(JSON.parse(touched.stdout).counts.updated).toBe(1);
    expect(await ledStates()).toEqual({ "3 (ii)": "đã hoàn thành", "3 (iii)": "đang thực hiện" });
    expect(await statusOf("3 (i)")).toMatchObject({ state: "done" });

    const text = readFileSync(file, "utf8");
    const before = "(ii) Tham mưu Ban Bí thư ban hành Quy định giải quyết khiếu nại về xoá tên đảng viên.";
    expect(text).toContain(before);
    writeFileSync(file, text.replace(before, "(ii) Tham mưu Ban Bí thư sớm ban hành Quy định về giải quyết khiếu nại xoá tên đảng viên."));
    const reworded = await cliInProcess(["ingest", file, "--json"], env);
    expect(JSON.parse(reworded.stdout).counts.updated).toBe(1);
    expect(await ledStates()).toEqual({ "3 (ii)": "đã hoàn thành (cần rà soát)", "3 (iii)": "đang thực hiện" });
    const moved = await statusOf("3 (ii)");
    expect(moved).toMatchObject({ state: "done", doneOn: "2026-06-01", needsReview: true });
    expect(moved.history).toMatchObject([{ to: "done" }, { by: "ingest", to: "done" }]);
    const review = await cliInProcess(["status", "review"], env);
    expect(review.stdout.trim()).toBe(`${DOC}.txt mục 3 (ii) (ban-to-chuc-trung-uong): done`);
    const confirmed = await cliInProcess(["status", "confirm", DOC, "3 (ii)"], env);
    expect(confirmed.code, confirmed.stderr).toBe(0);
    expect((await ledStates())["3 (ii)"]).toBe("đã hoàn thành");
  }, 400_000);
});