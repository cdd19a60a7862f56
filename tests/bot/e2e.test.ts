import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EXAMPLE_QUESTIONS } from "../../bot/features/start.js";
import { fakeApp, testConfig, type FakeApp } from "./fakes.js";
import { startEmulated, TOKEN, type Emulated } from "./emulator.js";

const ADMIN = 100;
let emu: Emulated;
let app: FakeApp;

beforeAll(async () => {
  app = fakeApp(testConfig({ BOT_ADMINS: String(ADMIN) }));
  emu = await startEmulated(app);
});
afterAll(async () => emu?.stop());

type Stored = { messageId: number; message: { text: string; parse_mode?: string; reply_markup?: { inline_keyboard: Array<Array<{ text: string; callback_data: string }>> } } };

describe("end to end over HTTP with the Bot API emulator", () => {
  it("a user sends /start, asks a question, presses 📖 Nguyên văn and gets the section", async () => {
    const client = emu.server.getClient(TOKEN, { userId: ADMIN, chatId: ADMIN, timeout: 10_000, interval: 25 });
    expect(emu.bot.botInfo.username).toBeTruthy(); // getMe went through the emulator

    await client.sendCommand(client.makeCommand("/start"));
    const start = (await client.getUpdates()).result as unknown as Stored[];
    expect(start).toHaveLength(1);
    expect(start[0]!.message.text).toContain("trích dẫn nguyên văn");
    expect(start[0]!.message.reply_markup!.inline_keyboard.flat().map((b) => b.text)).toEqual([...EXAMPLE_QUESTIONS]);

    await client.sendMessage(client.makeMessage("Ban Tổ chức Trung ương được giao gì?"));
    const answer = (await client.getUpdates()).result as unknown as Stored[];
    expect(answer).toHaveLength(1);
    const a = answer[0]!;
    expect(a.message.parse_mode).toBe("HTML");
    expect(a.message.text).toContain("Trả lời cho «Ban Tổ chức Trung ương được giao gì?»");
    expect(a.message.text).toContain("&lt;script&gt;");
    const source = a.message.reply_markup!.inline_keyboard.flat().find((b) => b.text === "📖 Nguyên văn")!;

    await client.sendCallback(client.makeCallbackQuery(source.callback_data, { message: { message_id: a.messageId } }));
    const section = (await client.getUpdates()).result as unknown as Stored[];
    expect(section[0]!.message.text).toContain("(nguyên văn)");
    expect(section[0]!.message.text).toContain("Giao Ban Tổ chức Trung ương &lt;chủ trì&gt; &amp; phối hợp với Bộ Nội vụ");
    expect(app.fakeAnswerer.calls.map((c) => c.question)).toEqual(["Ban Tổ chức Trung ương được giao gì?"]);
  });

  it("a stranger gets only the access prompt", async () => {
    const stranger = emu.server.getClient(TOKEN, { userId: 777, chatId: 777, timeout: 10_000, interval: 25 });
    await stranger.sendMessage(stranger.makeMessage("Ban Tổ chức Trung ương được giao gì?"));
    const got = (await stranger.getUpdates()).result as unknown as Stored[];
    expect(got).toHaveLength(1);
    expect(got[0]!.message.text).toContain("Bạn chưa có quyền sử dụng bot");
    expect(got[0]!.message.text).not.toContain("229");
  });
});
