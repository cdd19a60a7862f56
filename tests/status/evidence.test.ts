/**
 * Evidence from a later document: a report saying Ban Tổ chức Trung ương "đã tham mưu Ban Bí thư ban hành
 * Quy định ..." is proposed as evidence for its task 3 (ii) of sample document 002; nothing changes until
 * an admin presses the button, and then the status is done with the passage, verbatim, as evidence.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openApp } from "../../app/open.js";
import { loadConfig } from "../../core/config.js";
import { identityOf, taskKey } from "../../core/status.js";
import { removeDir, SAMPLE_CORPUS, tempDir } from "../helpers/app.js";
import { ADMIN, allButtons, botOverApp, type BotOverApp } from "./bot-app.js";

const REPORT = [
  "BÁO CÁO",
  "tình hình thực hiện một số nhiệm vụ trọng tâm quý II/2026",
  "",
  "1. Ban Tổ chức Trung ương đã tham mưu Ban Bí thư ban hành Quy định số 15-QĐ/TW về giải quyết khiếu nại về xoá tên đảng viên.",
  "2. Đã tổ chức hội nghị quán triệt các nghị quyết của Trung ương.",
  "3. Ban Tổ chức Trung ương đang hướng dẫn việc quản lý đảng viên trong điều kiện chuyển đổi số.",
  "",
].join("\n");
const PASSAGE = "Ban Tổ chức Trung ương đã tham mưu Ban Bí thư ban hành Quy định số 15-QĐ/TW về giải quyết khiếu nại về xoá tên đảng viên.";

let dir: string;
let bot: BotOverApp;

beforeAll(async () => {
  dir = tempDir("nhiemvu-evidence-");
  const report = join(dir, "bao-cao-quy-2.txt");
  writeFileSync(report, REPORT);
  const app = await openApp(loadConfig({ DATA_DIR: join(dir, "data"), LOG_LEVEL: "silent" }), { now: () => new Date("2026-07-02T03:00:00Z") });
  await app.ingest([SAMPLE_CORPUS, report]);
  await app.close();
  bot = await botOverApp(join(dir, "data"), () => new Date("2026-07-02T03:00:00Z"));
}, 180_000);

afterAll(async () => {
  await bot?.close();
  removeDir(dir);
});

describe("evidence from a later document", () => {
  it("proposes the reported task with the passage, and changes nothing until an admin confirms", async () => {
    await bot.say(ADMIN, "/dexuat bao-cao-quy-2");
    const proposals = bot.sent.filter((s) => s.method === "sendMessage" && String(s.payload.text).startsWith("🔎"));
    expect(proposals.length).toBe(1);
    const text = String(proposals[0]!.payload.text);
    expect(text).toContain("Tham mưu Ban Bí thư ban hành Quy định giải quyết khiếu nại về xoá tên đảng viên");
    expect(text).toContain("mục 3 (ii)");
    expect(text).toContain(`<blockquote>${PASSAGE}</blockquote>`);
    const [button] = allButtons([proposals[0]!]);
    expect(button!.text).toBe("✅ Xác nhận hoàn thành");

    const task = (await bot.app.store.findAssignments({ orgIds: ["ban-to-chuc-trung-uong"] }))
      .find((t) => t.docName.startsWith("002_") && t.sectionLabel === "3 (ii)")!;
    const key = taskKey(identityOf(task));
    expect((await bot.app.store.getTaskStatuses([key])).size).toBe(0);

    await bot.app.store.grant({ id: 4242, kind: "user" });
    await bot.press(4242, button!.data);
    expect((await bot.app.store.getTaskStatuses([key])).size).toBe(0);

    await bot.press(ADMIN, button!.data);
    const status = (await bot.app.store.getTaskStatuses([key])).get(key)!;
    expect(status).toMatchObject({ state: "done", updatedBy: `telegram:${ADMIN} (U${ADMIN})` });
    expect(status.evidence).toMatchObject({ doc: "bao-cao-quy-2.txt", quote: PASSAGE });
    const doc = (await bot.app.store.findDocuments("bao-cao-quy-2"))[0]!;
    expect((await bot.app.store.getDocument(doc.id))!.text).toContain(status.evidence!.quote!);
  });

  it("does not propose a task whose body the report does not name as done", async () => {
    bot.sent.length = 0;
    await bot.say(ADMIN, "/dexuat bao-cao-quy-2");
    const texts = bot.texts().join("\n");
    expect(texts).not.toContain("quản lý đảng viên, chuyển sinh hoạt đảng"); // 3 (iii): "đang hướng dẫn", not done
    expect(texts).not.toContain("Tham mưu Ban Bí thư ban hành Quy định"); // 3 (ii) is done now: not proposed again
  });
});
