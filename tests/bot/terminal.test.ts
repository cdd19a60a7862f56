import { PassThrough, Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { runTerminal, TERMINAL_BANNER } from "../../bot/terminal.js";
import { fakeApp, testConfig } from "./fakes.js";

async function chat(lines: string[], env: Record<string, string> = {}) {
  const app = fakeApp(testConfig({ BOT_TOKEN: "", BOT_ADMINS: "", ...env }));
  const out = new PassThrough();
  let text = "";
  out.on("data", (d) => (text += String(d)));
  await runTerminal(app, { input: Readable.from(lines.map((l) => `${l}\n`)), output: out });
  return { app, text };
}

describe("terminal chat (no BOT_TOKEN)", () => {
  it("prints the banner, answers each piped line through the same handlers as plain text, and ends at EOF", async () => {
    const { app, text } = await chat(["/start", "Ban Tổ chức được giao gì?", "1", "/vanban"]);
    expect(text.startsWith(TERMINAL_BANNER)).toBe(true);
    expect(text).toContain("trích dẫn nguyên văn"); // /start
    expect(text).toContain("Trả lời cho «Ban Tổ chức được giao gì?»");
    // HTML tags stripped and entities decoded: the document's own <, >, & come back as written.
    expect(text).toContain('<script>alert("x")</script> & *đậm*');
    expect(text).not.toMatch(/<b>|<blockquote>|&lt;|&amp;/);
    expect(text).toContain("[1] 📖 Nguyên văn  [2] Xem thêm ▶  [3] 👍  [4] 👎");
    // "1" pressed the first button: the section's text.
    expect(text).toContain("Giao Ban Tổ chức Trung ương <chủ trì> & phối hợp với Bộ Nội vụ");
    expect(text).toContain("Các văn bản hiện có (1)");
    expect(app.fakeAnswerer.calls.map((c) => c.question)).toEqual(["Ban Tổ chức được giao gì?"]);
  });

  it("the terminal user is an admin even when BOT_ADMINS is empty", async () => {
    const { text } = await chat(["/quyen"]);
    expect(text).toContain("Quản trị viên:");
    expect(text).not.toContain("chỉ dành cho quản trị viên");
  });
});
