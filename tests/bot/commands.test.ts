import { describe, expect, it } from "vitest";
import { EXAMPLE_QUESTIONS } from "../../bot/features/start.js";
import { stripHtml } from "../../present/split.js";
import { ADMIN, buttons, harness, USER, BOT_INFO } from "./harness.js";

describe("/start and /help", () => {
  it("/start explains the bot and offers three example questions that ask when pressed", async () => {
    const h = harness();
    await h.text(USER, "/start");
    const [intro] = h.sent();
    expect(intro!.payload.text).toContain("trích dẫn nguyên văn");
    const bs = buttons(intro);
    expect(bs.map((b) => b.text)).toEqual([...EXAMPLE_QUESTIONS]);
    h.clear();
    await h.press(USER, bs[1]!.data);
    expect(h.app.fakeAnswerer.calls.map((c) => c.question)).toEqual([EXAMPLE_QUESTIONS[1]]);
    expect(h.calls.some((c) => c.method === "answerCallbackQuery")).toBe(true);
    expect(h.texts().some((t) => t.includes("Nguồn:"))).toBe(true);
  });

  it("/help lists the commands; admins also see the admin commands", async () => {
    const h = harness();
    await h.text(USER, "/help");
    await h.text(ADMIN, "/help");
    const [user, admin] = h.texts();
    for (const cmd of ["/hoi", "/nhiemvu", "/hanchot", "/vanban"]) expect(user).toContain(cmd);
    expect(user).not.toContain("/xoa");
    expect(admin).toContain("/xoa");
    expect(admin).toContain("/cap_quyen");
  });
});

describe("asking", () => {
  it("a plain question gets an escaped HTML answer with citations and buttons that fit 64 bytes", async () => {
    const h = harness();
    await h.text(USER, "Ban Tổ chức <TW> & gì?");
    expect(h.app.fakeAnswerer.calls[0]!.question).toBe("Ban Tổ chức <TW> & gì?");
    expect(h.calls.some((c) => c.method === "sendChatAction" && c.payload.action === "typing")).toBe(true);
    const msgs = h.sent();
    expect(msgs).toHaveLength(1);
    const m = msgs[0]!;
    expect(m.payload.parse_mode).toBe("HTML");
    expect(m.payload.text).not.toContain("<script>");
    expect(m.payload.text).toContain("&lt;script&gt;");
    expect(m.payload.text).toContain("&lt;TW&gt; &amp; gì?");
    expect(m.payload.text).toContain("<blockquote>");
    expect(m.payload.text).toMatch(/📄 <b>Kết luận 229-KL\/TW<\/b>, ngày 8\/1\/2026/);
    const bs = buttons(m);
    expect(bs.map((b) => b.text)).toEqual(["📖 Nguyên văn", "Xem thêm ▶", "👍", "👎"]);
    for (const b of bs) expect(Buffer.byteLength(b.data)).toBeLessThanOrEqual(64);
  });

  it("/hoi and /ask ask; an empty /hoi explains how", async () => {
    const h = harness();
    await h.text(USER, "/hoi hạn chót là khi nào");
    await h.text(USER, "/ask what is due");
    await h.text(USER, "/hoi");
    expect(h.app.fakeAnswerer.calls.map((c) => c.question)).toEqual(["hạn chót là khi nào", "what is due"]);
    expect(h.texts().at(-1)).toContain("Hãy gõ câu hỏi sau lệnh");
  });

  it("in groups the bot answers mentions and replies to it, and ignores other chatter", async () => {
    const h = harness();
    const group = { id: -500, type: "group" as const };
    await h.text(USER, "chào mọi người", group);
    expect(h.sent()).toHaveLength(0);
    await h.text(USER, `@${BOT_INFO.username} nhiệm vụ quý II?`, group);
    await h.text(USER, "còn Bộ Nội vụ?", group, { reply_to_message: { message_id: 5, date: 1, chat: { id: -500, type: "group", title: "N" }, from: { id: BOT_INFO.id, is_bot: true, first_name: "b" }, text: "x" } as never });
    expect(h.app.fakeAnswerer.calls.map((c) => c.question)).toEqual(["nhiệm vụ quý II?", "còn Bộ Nội vụ?"]);
    // The answer replies to the question in the group.
    expect(h.sent()[0]!.payload.reply_parameters?.message_id).toBeTypeOf("number");
  });

  it("📖 Nguyên văn shows the whole section, escaped; Xem thêm asks the next page; 👍 is stored once", async () => {
    const h = harness();
    await h.text(USER, "câu hỏi một");
    const bs = buttons(h.sent()[0]);
    h.clear();
    await h.press(USER, bs.find((b) => b.text.includes("Nguyên văn"))!.data);
    const section = h.texts().join("\n");
    expect(section).toContain("Giao Ban Tổ chức Trung ương &lt;chủ trì&gt; &amp; phối hợp với Bộ Nội vụ");
    expect(section).toContain("mục 1");
    expect(section).not.toContain("Văn phòng Trung ương Đảng theo dõi"); // that is section 2
    h.clear();
    await h.press(USER, bs.find((b) => b.text.includes("Xem thêm"))!.data);
    expect(h.app.fakeAnswerer.calls.at(-1)).toEqual({ question: "câu hỏi một", options: { offset: 8, limit: 8 } });
    // The second page has no more results: no "Xem thêm" under it.
    expect(buttons(h.sent().at(-1)).map((b) => b.text)).not.toContain("Xem thêm ▶");
    const up = bs.find((b) => b.text === "👍")!.data;
    await h.press(USER, up);
    await h.press(USER, up);
    expect(h.app.state.feedback).toHaveLength(1);
    expect(h.app.state.feedback[0]).toMatchObject({ userId: USER, question: "câu hỏi một", vote: 1 });
    expect(h.app.state.feedback[0]!.answer).toContain("Trả lời cho «câu hỏi một»");
  });

  it("an answer longer than 4,096 characters is split on item boundaries with buttons under the last part", async () => {
    const h = harness();
    const st = h.app.state;
    h.app.fakeAnswerer.respond = (q) => ({
      question: q, answer: "Có nhiều trích dẫn.", found: true, language: "vi", kind: "other", more: true,
      citations: Array.from({ length: 30 }, (_, i) => ({ doc: "229.txt", title: "T", section: String(i), quote: `${i}: ${"<tag> & chữ ".repeat(40)}` })),
    });
    void st;
    await h.text(USER, "nhiều");
    const msgs = h.sent();
    expect(msgs.length).toBeGreaterThan(2);
    for (const m of msgs) {
      const t = String(m.payload.text);
      expect(t.length).toBeLessThanOrEqual(4096);
      expect(t.split("<blockquote>").length).toBe(t.split("</blockquote>").length);
    }
    expect(msgs.slice(0, -1).every((m) => m.payload.reply_markup === undefined)).toBe(true);
    expect(buttons(msgs.at(-1)).length).toBeGreaterThan(0);
    // Every quote arrives whole, in order.
    const all = msgs.map((m) => stripHtml(String(m.payload.text))).join("\n");
    for (let i = 0; i < 30; i++) expect(all).toContain(`${i}: ${"<tag> & chữ ".repeat(40).trim()}`);
  });

  it("when Telegram rejects the HTML, the same text is sent as plain text", async () => {
    const h = harness();
    h.override = (c) =>
      c.method === "sendMessage" && c.payload.parse_mode === "HTML"
        ? { ok: false, error_code: 400, description: "Bad Request: can't parse entities: Unsupported start tag \"x\" at byte offset 3" }
        : undefined;
    await h.text(USER, "câu hỏi");
    const msgs = h.sent();
    expect(msgs).toHaveLength(2);
    const plain = msgs[1]!;
    expect(plain.payload.parse_mode).toBeUndefined();
    expect(plain.payload.text).toContain('<script>alert("x")</script> & *đậm*');
    expect(plain.payload.text).not.toContain("<b>");
    expect(buttons(plain).length).toBeGreaterThan(0);
  });

  it("a failing typing indicator does not stop the answer", async () => {
    const h = harness();
    h.override = (c) => (c.method === "sendChatAction" ? { ok: false, error_code: 500, description: "Internal Server Error" } : undefined);
    await h.text(USER, "câu hỏi");
    expect(h.texts().some((t) => t.includes("Trả lời cho"))).toBe(true);
  });
});

describe("/nhiemvu, /hanchot, /vanban", () => {
  it("/nhiemvu ORG PERIOD asks the answerer and renders its task groups by role", async () => {
    const h = harness();
    await h.text(USER, "/nhiemvu btctw q2/2026");
    await h.text(USER, "/tasks bnv");
    expect(h.app.fakeAnswerer.calls.map((c) => c.question)).toEqual(["btctw q2/2026", "bnv"]);
    const t = h.texts()[0]!;
    expect(t).toContain("📋 <b>Nhiệm vụ: btctw q2/2026</b>");
    expect(t).toContain("<b>Chủ trì</b> (2)");
    expect(t).toContain("<b>Phối hợp</b> (1)");
    expect(t).toContain("hoàn thiện &lt;tiêu chuẩn&gt; &amp; *tiêu chí*");
    expect(t).toContain("quá hạn"); // task 12 was due 2026-04-01, now is 2026-04-15
    await h.text(USER, "/nhiemvu");
    expect(h.texts().at(-1)).toContain("Cú pháp: /nhiemvu");
  });

  it("/hanchot lists tasks due in the window and those overdue, relative to app.now() in Vietnam", async () => {
    const h = harness();
    await h.text(USER, "/hanchot");
    const t = h.texts().join("\n");
    // now = 2026-04-15; default 14 days ahead => until 29/4; lookback 30 days.
    expect(t).toContain("Đến hạn trong 14 ngày tới</b> (đến 29/4/2026): 1");
    expect(t).toContain("Nhiệm vụ 11");
    expect(t).not.toContain("Nhiệm vụ 13"); // due 10/5, outside 14 days
    expect(t).toContain("Đã quá hạn</b> (trong 30 ngày qua): 1");
    expect(t).toContain("Nhiệm vụ 12");
    h.clear();
    await h.text(USER, "/deadlines 30");
    expect(h.texts().join("\n")).toContain("Nhiệm vụ 13");
    await h.text(USER, "/hanchot mai");
    expect(h.texts().at(-1)).toContain("Cú pháp: /hanchot");
  });

  it("/vanban lists documents; /vanban NUMBER shows the card with sections and task counts", async () => {
    const h = harness();
    await h.text(USER, "/vanban");
    expect(h.texts()[0]).toContain("Kết luận 229-KL/TW");
    expect(h.texts()[0]).toContain("/vanban 229-KL/TW");
    h.clear();
    await h.text(USER, "/doc 229-KL/TW");
    const card = h.texts().join("\n");
    expect(card).toContain("📄 <b>Kết luận 229-KL/TW</b>");
    expect(card).toContain("Ngày: 8/1/2026");
    expect(card).toContain("&lt;script&gt;");
    expect(card).toContain("• mục 1: Giao Ban Tổ chức Trung ương &lt;chủ trì&gt; — <i>2 nhiệm vụ</i>");
    expect(card).toContain("• mục 2: Giao Văn phòng — <i>1 nhiệm vụ</i>");
    h.clear();
    await h.text(USER, "/vanban 999-XX");
    expect(h.texts()[0]).toContain("Không tìm thấy văn bản “999-XX”");
  });
});

describe("inline mode", () => {
  it("lists tasks and passages as articles, personal and briefly cached, without the LLM", async () => {
    const h = harness();
    await h.inline(USER, "btctw q2/2026");
    expect(h.app.fakeAnswerer.calls[0]).toEqual({ question: "btctw q2/2026", options: { llm: false, limit: 10 } });
    const call = h.calls.find((c) => c.method === "answerInlineQuery")!;
    expect(call.payload.is_personal).toBe(true);
    expect(call.payload.cache_time).toBeLessThanOrEqual(30);
    const results = call.payload.results as Array<Record<string, any>>;
    expect(results).toHaveLength(4); // 3 tasks + 1 passage
    expect(results[0]!.title).toMatch(/^Nhiệm vụ 11: hoàn thiện <tiêu chuẩn>/);
    expect(results[0]!.description).toBe("Hạn: trước ngày 2026-04-20 · Kết luận 229-KL/TW, mục 1");
    expect(results[0]!.input_message_content.message_text).toContain("&lt;tiêu chuẩn&gt;");
    expect(results.at(-1)!.input_message_content.message_text).toContain("<blockquote>");
    expect(new Set(results.map((r) => r.id)).size).toBe(results.length);
  });
});

describe("unknown input", () => {
  it("an unknown command gets a clear Vietnamese reply pointing to /help", async () => {
    const h = harness();
    await h.text(USER, "/lamgi abc");
    expect(h.texts()).toEqual(["Không có lệnh /lamgi. Gõ /help để xem các lệnh: /hoi, /nhiemvu, /hanchot, /vanban."]);
    expect(h.app.fakeAnswerer.calls).toHaveLength(0);
  });
});
