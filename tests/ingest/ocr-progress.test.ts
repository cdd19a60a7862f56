/** The bot's page progress for an upload read by OCR: one message, then edits of it, ending on the last page. */
import { describe, expect, it } from "vitest";
import { ocrProgress } from "../../bot/upload.js";

describe("OCR progress in the bot", () => {
  it("sends one message and edits it page by page up to the last", async () => {
    const sent: string[] = [];
    const edits: Array<[number, string]> = [];
    const p = ocrProgress(async (text) => { sent.push(text); return { message_id: 42 }; }, async (id, text) => { edits.push([id, text]); }, 0);
    for (let i = 1; i <= 4; i++) p.onPage(i, 4);
    await p.settled();
    expect(sent).toEqual(["Đang nhận dạng chữ: trang 1/4"]);
    expect(edits.map(([id]) => id)).toEqual([42, 42, 42]);
    expect(edits.at(-1)![1]).toBe("Đang nhận dạng chữ: trang 4/4");
  });

  it("never fails the upload when Telegram refuses a message", async () => {
    const p = ocrProgress(async () => { throw new Error("429"); }, async () => { throw new Error("never"); }, 0);
    p.onPage(1, 2);
    p.onPage(2, 2);
    await expect(p.settled()).resolves.toBeUndefined();
  });
});
