/** End to end over HTTP with the Bot API emulator (telegram-test-api): subscribe by command, move the clock, receive the digest once. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { App } from "../../app/types.js";
import { digestDeps } from "../../bot/features/digest.js";
import { startDigestScheduler } from "../../digest/scheduler.js";
import { copyCorpus, removeDir } from "../helpers/app.js";
import { startEmulated, TOKEN, type Emulated } from "../bot/emulator.js";
import { clockAt, newDir, openAt } from "./setup.js";

const ADMIN = 100;
const clock = clockAt("2025-09-19T10:00:00Z"); // 17:00 in Vietnam
let dir: string;
let app: App;
let emu: Emulated;

beforeAll(async () => {
  dir = newDir();
  app = await openAt(dir, clock, { BOT_ADMINS: String(ADMIN), BOT_TOKEN: TOKEN });
  await app.ingest([copyCorpus(dir)]);
  emu = await startEmulated(app);
});
afterAll(async () => {
  await emu?.stop();
  await app?.close();
  removeDir(dir);
});

type Stored = { message: { chat_id: number | string; text: string; parse_mode?: string } };

describe("digest end to end", () => {
  it("subscribe by command, advance the clock: the digest arrives exactly once with the right tasks", async () => {
    const client = emu.server.getClient(TOKEN, { userId: ADMIN, chatId: ADMIN, timeout: 10_000, interval: 25 });
    await client.sendCommand(client.makeCommand("/theodoi cac tinh uy, thanh uy, dang uy truc thuoc trung uong hang ngay 07:30"));
    const confirm = (await client.getUpdates()).result as unknown as Stored[];
    expect(confirm[0]!.message.text).toContain("Đã đăng ký");
    expect(confirm[0]!.message.text).toContain("07:30 thứ Bảy 20/9/2025");

    const sched = startDigestScheduler(digestDeps(app, emu.bot.api), { timer: false, catchUpOnStart: false });
    await sched.tick(); // 17:00 on the 19th: the day's slot predates the subscription
    for (const t of ["2025-09-20T00:29:00Z", "2025-09-20T00:30:00Z", "2025-09-20T00:31:00Z", "2025-09-20T05:00:00Z"]) {
      clock.set(t);
      await sched.tick();
    }
    const got = (await client.getUpdates()).result as unknown as Stored[];
    const digests = emu.server.storage.botMessages
      .map((m) => m.message as unknown as Stored["message"])
      .filter((m) => String(m.chat_id) === String(ADMIN) && m.text.includes("Bản tin hạn nhiệm vụ"));
    expect(digests).toHaveLength(1);
    expect(got).toHaveLength(1);
    const text = got[0]!.message.text;
    expect(got[0]!.message.parse_mode).toBe("HTML");
    const soonAt = text.indexOf("Sắp đến hạn");
    const overdue = text.slice(text.indexOf("Đã quá hạn"), soonAt);
    expect(overdue).toContain("31/8/2025");
    expect(text.slice(soonAt)).toContain("30/9/2025");
    expect(text).not.toContain("31/10/2025");
    expect(text).toContain("mục 2 (5)");
  });
});
