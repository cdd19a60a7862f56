/**
 * The bot over the real application (app/open.ts): a temp DATA_DIR, sample-corpus/ ingested, questions
 * asked through the bot's handlers. Skipped until app/open.ts exists.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import type { Update } from "grammy/types";
import type { App } from "../../app/types.js";
import { createBot } from "../../bot/bot.js";
import { loadConfig } from "../../core/config.js";
import { BOT_INFO } from "./harness.js";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const HAS_APP = existsSync(join(ROOT, "app/open.ts"));
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), "nhiemvu-bot-real-"));
  dirs.push(d);
  return d;
}

describe.skipIf(!HAS_APP)("bot over the real app", () => {
  it("ingests sample-corpus and answers through the bot with verbatim citations", async () => {
    const { openApp } = (await import("../../app/open.js")) as { openApp: (c: ReturnType<typeof loadConfig>) => Promise<App> };
    const config = loadConfig({ DATA_DIR: tempDir(), BOT_TOKEN: "1:REAL", BOT_ADMINS: "100", LOG_LEVEL: "silent" });
    const app = await openApp(config);
    try {
      const summary = await app.ingest([join(ROOT, "sample-corpus")]);
      expect(summary.counts.failed).toBe(0);
      const bot = createBot({ app, botInfo: BOT_INFO });
      const sent: Array<Record<string, any>> = [];
      bot.api.config.use(async (_p, method, payload) => {
        if (method === "sendMessage") sent.push(payload as Record<string, any>);
        return { ok: true, result: method === "sendMessage" ? { message_id: sent.length, date: 1, chat: { id: 100, type: "private" }, text: "" } : true } as never;
      });
      let id = 1;
      const say = (text: string) =>
        bot.handleUpdate({
          update_id: id++,
          message: {
            message_id: id, date: 1, chat: { id: 100, type: "private", first_name: "A" }, from: { id: 100, is_bot: false, first_name: "A" }, text,
            entities: text.startsWith("/") ? [{ type: "bot_command", offset: 0, length: text.split(" ")[0]!.length }] : undefined,
          },
        } as Update);
      await say("Ban Tổ chức TW được giao những nhiệm vụ gì trong quý II/2026?");
      const answer = sent.map((s) => String(s.text)).join("\n");
      expect(answer).toContain("<blockquote>");
      expect(answer).toMatch(/Kết luận/);
      expect(answer).toMatch(/tiêu chuẩn, tiêu chí|thẻ đảng viên|xoá tên đảng viên|xóa tên đảng viên/);
      sent.length = 0;
      await say("/vanban");
      expect(sent.map((s) => String(s.text)).join("\n")).toContain("Các văn bản hiện có (5)");
      sent.length = 0;
      await say("/nhiemvu btctw q2/2026");
      expect(sent.map((s) => String(s.text)).join("\n")).toContain("Nhiệm vụ: btctw q2/2026");
    } finally {
      await app.close();
    }
  });

  it("`npm start` without BOT_TOKEN loads the sample corpus into an empty store, chats on piped stdin and exits at EOF", () => {
    const r = spawnSync(process.execPath, ["--import", "tsx", "bot/main.ts"], {
      cwd: ROOT, input: "/vanban\n", encoding: "utf8", timeout: 60_000,
      env: { PATH: process.env.PATH, DATA_DIR: tempDir(), LOG_LEVEL: "silent" },
    });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("Không có BOT_TOKEN");
    expect(r.stderr).toContain("đã nạp 5 văn bản mẫu");
    expect(r.stdout).toContain("Các văn bản hiện có (5)");
  });

  it("`npm start` with a token but no admins prints the ConfigError and exits 1", () => {
    const r = spawnSync(process.execPath, ["--import", "tsx", "bot/main.ts"], {
      cwd: ROOT, encoding: "utf8", timeout: 60_000,
      env: { PATH: process.env.PATH, DATA_DIR: tempDir(), LOG_LEVEL: "silent", BOT_TOKEN: "1:X" },
    });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("Chưa có quản trị viên");
    expect(r.stderr).toContain("No bot admins");
  });
});
