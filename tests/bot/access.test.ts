import { describe, expect, it } from "vitest";
import { createBot } from "../../bot/bot.js";
import { ACCESS_PROMPT, ADMIN_ONLY, NOT_ALLOWED } from "../../bot/features/access.js";
import { ConfigError } from "../../core/errors.js";
import { fakeApp, testConfig } from "./fakes.js";
import { ADMIN, BOT_INFO, buttons, harness, STRANGER, USER } from "./harness.js";

const DOC_READS = ["listDocuments", "findDocuments", "getDocument", "getSections", "findAssignments"];

describe("a stranger learns nothing", () => {
  it("through text, /hoi, /nhiemvu, /vanban, /hanchot, inline, buttons of a forwarded answer, or an upload", async () => {
    const h = harness();
    // An allowed user gets an answer with buttons; the stranger will press them on a forwarded copy.
    await h.text(USER, "câu hỏi");
    const forwarded = buttons(h.sent()[0]);
    h.clear();
    h.app.fakeAnswerer.calls.length = 0;
    h.app.state.reads.length = 0;

    await h.text(STRANGER, "Ban Tổ chức được giao gì?");
    await h.text(STRANGER, "/hoi Ban Tổ chức được giao gì?");
    await h.text(STRANGER, "/nhiemvu btctw q2/2026");
    await h.text(STRANGER, "/vanban 229-KL/TW");
    await h.text(STRANGER, "/vanban");
    await h.text(STRANGER, "/hanchot");
    await h.text(STRANGER, "/start");
    await h.inline(STRANGER, "btctw q2/2026");
    for (const b of forwarded) await h.press(STRANGER, b.data, STRANGER);
    await h.press(STRANGER, "src:1:0");
    await h.press(STRANGER, "ex:0");
    await h.upload(STRANGER, { file_name: "x.txt", file_size: 10 });

    expect(h.app.fakeAnswerer.calls).toHaveLength(0);
    expect(h.app.state.reads.filter((r) => DOC_READS.includes(r))).toEqual([]);
    expect(h.app.state.feedback).toHaveLength(0);
    expect(h.app.ingested).toHaveLength(0);
    expect(h.calls.some((c) => c.method === "getFile")).toBe(false);
    // Exactly one message: the polite prompt with the request button.
    const msgs = h.sent();
    expect(msgs).toHaveLength(1);
    expect(msgs[0]!.payload.text).toBe(ACCESS_PROMPT);
    expect(buttons(msgs[0])).toEqual([{ text: "Xin quyền truy cập", data: "req" }]);
    // Inline: an empty result list. Buttons: an alert, nothing else.
    const inline = h.calls.find((c) => c.method === "answerInlineQuery")!;
    expect(inline.payload.results).toEqual([]);
    const alerts = h.calls.filter((c) => c.method === "answerCallbackQuery");
    expect(alerts.length).toBe(forwarded.length + 2);
    expect(alerts.every((a) => a.payload.text === NOT_ALLOWED)).toBe(true);
    const everything = JSON.stringify(h.calls);
    expect(everything).not.toContain("Ban Tổ chức Trung ương");
    expect(everything).not.toContain("229-KL/TW");
  });

  it("a stranger in a group is prompted once when addressing the bot, and ignored otherwise", async () => {
    const h = harness();
    const group = { id: -700, type: "supergroup" as const };
    await h.text(STRANGER, "nói chuyện riêng", group);
    expect(h.sent()).toHaveLength(0);
    await h.text(STRANGER, `@${BOT_INFO.username} nhiệm vụ?`, group);
    await h.text(STRANGER + 1, `@${BOT_INFO.username} nhiệm vụ?`, group);
    expect(h.sent()).toHaveLength(1);
    expect(h.texts()[0]).toContain("/cap_quyen -700");
    expect(h.app.fakeAnswerer.calls).toHaveLength(0);
  });
});

describe("requesting and granting access", () => {
  it("the request reaches every admin; Approve grants and tells the user, who can then ask", async () => {
    const h = harness({ env: { BOT_ADMINS: `${ADMIN},101` } });
    await h.text(STRANGER, "xin chào");
    await h.press(STRANGER, "req");
    const toAdmins = h.sent().filter((c) => c.payload.chat_id === ADMIN || c.payload.chat_id === 101);
    expect(toAdmins).toHaveLength(2);
    expect(toAdmins[0]!.payload.text).toContain(`id <code>${STRANGER}</code>`);
    const approve = buttons(toAdmins[0]).find((b) => b.text.includes("Đồng ý"))!;
    // Pressing again does not spam the admins.
    await h.press(STRANGER, "req");
    expect(h.sent().filter((c) => c.payload.chat_id === ADMIN)).toHaveLength(1);
    // Only an admin's press counts.
    await h.press(USER, approve.data, USER);
    expect(h.app.state.access.map((e) => e.id)).not.toContain(STRANGER);
    h.clear();
    await h.press(ADMIN, approve.data, ADMIN);
    expect(h.app.state.access.find((e) => e.id === STRANGER)).toMatchObject({ kind: "user", grantedBy: ADMIN });
    expect(h.sent().find((c) => c.payload.chat_id === STRANGER)?.payload.text).toContain("đã được cấp quyền");
    h.clear();
    await h.text(STRANGER, "Ban Tổ chức được giao gì?");
    expect(h.app.fakeAnswerer.calls).toHaveLength(1);
  });

  it("Deny tells the user and grants nothing", async () => {
    const h = harness();
    await h.press(STRANGER, "req");
    const deny = buttons(h.sent().find((c) => c.payload.chat_id === ADMIN)).find((b) => b.text.includes("Từ chối"))!;
    await h.press(ADMIN, deny.data, ADMIN);
    expect(h.app.state.access.map((e) => e.id)).not.toContain(STRANGER);
    expect(h.sent().find((c) => c.payload.chat_id === STRANGER && String(c.payload.text).includes("chưa được chấp thuận"))).toBeDefined();
  });

  it("/cap_quyen, /thu_hoi and /quyen work for admins and are refused to others", async () => {
    const h = harness();
    await h.text(USER, "/cap_quyen 555");
    expect(h.texts()).toEqual([ADMIN_ONLY]);
    h.clear();
    await h.text(ADMIN, "/cap_quyen 555 Chánh văn phòng");
    expect(h.app.state.access.find((e) => e.id === 555)).toMatchObject({ label: "Chánh văn phòng", kind: "user" });
    await h.text(ADMIN, "/quyen");
    expect(h.texts().join("\n")).toContain("<code>555</code> người dùng — Chánh văn phòng");
    await h.text(ADMIN, "/thu_hoi 555");
    expect(h.app.state.access.find((e) => e.id === 555)).toBeUndefined();
    expect(h.texts().at(-1)).toBe("Đã thu hồi quyền của 555.");
    await h.text(ADMIN, "/cap_quyen abc");
    expect(h.texts().at(-1)).toContain("Cú pháp: /cap_quyen");
  });

  it("a group allowed by its chat id lets its members ask", async () => {
    const h = harness();
    const group = { id: -900, type: "group" as const };
    await h.text(ADMIN, "/cap_quyen -900");
    expect(h.app.state.access.find((e) => e.id === -900)?.kind).toBe("chat");
    await h.text(STRANGER, `@${BOT_INFO.username} nhiệm vụ quý II?`, group);
    expect(h.app.fakeAnswerer.calls.map((c) => c.question)).toEqual(["nhiệm vụ quý II?"]);
    // The same person in a private chat is still a stranger.
    await h.text(STRANGER, "nhiệm vụ quý II?");
    expect(h.app.fakeAnswerer.calls).toHaveLength(1);
  });

  it("open access lets everyone in", async () => {
    const h = harness({ env: { BOT_OPEN_ACCESS: "true", BOT_ADMINS: "" }, allowUser: false });
    await h.text(STRANGER, "câu hỏi");
    expect(h.app.fakeAnswerer.calls).toHaveLength(1);
  });

  it("with no admins and no open access, createBot throws a ConfigError that says why in both languages", () => {
    const config = testConfig({ BOT_ADMINS: "" });
    const make = () => createBot({ app: fakeApp(config), botInfo: BOT_INFO });
    expect(make).toThrow(ConfigError);
    expect(make).toThrow(/BOT_ADMINS/);
    expect(make).toThrow(/Chưa có quản trị viên/);
    expect(make).toThrow(/No bot admins/);
  });
});

describe("limits and errors", () => {
  it("over the per-user rate limit, the user gets one short notice and nothing more is asked", async () => {
    const h = harness({ env: { BOT_RATE_LIMIT_PER_MINUTE: "3" } });
    for (let i = 0; i < 6; i++) await h.text(USER, `câu ${i}`);
    expect(h.app.fakeAnswerer.calls).toHaveLength(3);
    const notices = h.texts().filter((t) => t.includes("quá nhiều yêu cầu"));
    expect(notices).toHaveLength(1);
    // Other users are not affected.
    await h.text(ADMIN, "câu của admin");
    expect(h.app.fakeAnswerer.calls).toHaveLength(4);
  });

  it("a failure inside a handler gives a short apology with an error id, logged with that id, no stack or token", async () => {
    const h = harness();
    h.app.fakeAnswerer.respond = () => {
      throw new Error("boom at /bot123:TESTTOKEN/sendMessage\n    at secret.ts:1");
    };
    await h.text(USER, "câu hỏi");
    const [apology] = h.texts();
    const id = /Mã lỗi: (E[0-9A-F]{6})/.exec(apology!)?.[1];
    expect(id).toBeDefined();
    expect(apology).not.toContain("boom");
    expect(apology).not.toContain("secret.ts");
    const logged = h.app.logLines.find((l) => l.includes(id!));
    expect(logged).toBeDefined();
    expect(logged).toContain("boom");
    expect(logged).not.toContain("TESTTOKEN");
    // A button press that fails gets the apology as an alert too.
    h.clear();
    await h.press(USER, "ex:0");
    expect(h.calls.some((c) => c.method === "answerCallbackQuery" && String(c.payload.text).includes("Mã lỗi"))).toBe(true);
  });
});
