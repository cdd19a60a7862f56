import { describe, expect, it } from "vitest";
import { startWebhook } from "../../bot/run.js";
import { freePort } from "./emulator.js";
import { harness, USER } from "./harness.js";

describe("webhook mode", () => {
  it("serves updates on node:http and refuses requests without the secret token", async () => {
    const port = await freePort();
    const h = harness({ env: { BOT_MODE: "webhook", WEBHOOK_SECRET: "s3cret", WEBHOOK_PORT: String(port) } });
    const server = await startWebhook(h.bot, h.app.config, h.app.logger, { register: false });
    try {
      const update = {
        update_id: 1,
        message: { message_id: 1, date: 1, chat: { id: USER, type: "private" }, from: { id: USER, is_bot: false, first_name: "U" }, text: "câu hỏi qua webhook" },
      };
      const post = (headers: Record<string, string>) =>
        fetch(`http://127.0.0.1:${port}/`, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify(update) });
      const refused = await post({});
      expect(refused.status).toBe(401);
      expect(h.app.fakeAnswerer.calls).toHaveLength(0);
      const ok = await post({ "X-Telegram-Bot-Api-Secret-Token": "s3cret" });
      expect(ok.status).toBe(200);
      expect(h.app.fakeAnswerer.calls.map((c) => c.question)).toEqual(["câu hỏi qua webhook"]);
      expect(h.texts().some((t) => t.includes("Trả lời cho"))).toBe(true);
    } finally {
      await new Promise<void>((r) => server.close(() => r()));
    }
  });

  it("answers an update delivered twice (a retried webhook) once", async () => {
    const port = await freePort();
    const h = harness({ env: { BOT_MODE: "webhook", WEBHOOK_SECRET: "s3cret", WEBHOOK_PORT: String(port) } });
    const server = await startWebhook(h.bot, h.app.config, h.app.logger, { register: false });
    try {
      const update = (id: number, text: string) => ({
        update_id: id,
        message: { message_id: id, date: 1, chat: { id: USER, type: "private" }, from: { id: USER, is_bot: false, first_name: "U" }, text },
      });
      const post = (body: unknown) => fetch(`http://127.0.0.1:${port}/`, {
        method: "POST", headers: { "content-type": "application/json", "X-Telegram-Bot-Api-Secret-Token": "s3cret" }, body: JSON.stringify(body),
      });
      for (const body of [update(41, "lần một"), update(41, "lần một"), update(42, "lần hai")]) expect((await post(body)).status).toBe(200);
      expect(h.app.fakeAnswerer.calls.map((c) => c.question)).toEqual(["lần một", "lần hai"]);
    } finally {
      await new Promise<void>((r) => server.close(() => r()));
    }
  });

  it("refuses to start without a secret", async () => {
    const h = harness({ env: { BOT_MODE: "webhook" } });
    await expect(startWebhook(h.bot, h.app.config, h.app.logger, { register: false })).rejects.toThrow(/WEBHOOK_SECRET/);
  });
});
