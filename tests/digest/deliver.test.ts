import { afterEach, describe, expect, it } from "vitest";
import { GrammyError } from "grammy";
import type { App } from "../../app/types.js";
import { deliverDue } from "../../digest/deliver.js";
import { startDigestScheduler } from "../../digest/scheduler.js";
import { copyCorpus, removeDir } from "../helpers/app.js";
import { COLLECTIVE, clockAt, deliveryDeps, newDir, openAt, recorder, subscribe, type Clock } from "./setup.js";

const CHAT = 5001;
const opened: App[] = [];
const dirs: string[] = [];

afterEach(async () => {
  for (const a of opened.splice(0)) await a.close().catch(() => undefined);
  for (const d of dirs.splice(0)) removeDir(d);
});

/** A store with the sample corpus, ingested at the clock's time. */
async function corpusApp(clock: Clock, dir = newDir()): Promise<{ app: App; dir: string }> {
  dirs.push(dir);
  const app = await openAt(dir, clock);
  opened.push(app);
  await app.ingest([copyCorpus(dir)]);
  return { app, dir };
}

describe("a digest at 2025-09-20 with a 14-day look-ahead", () => {
  it("lists the 31/8 tasks as overdue and the 30/9 one as due soon, once, with role and source", async () => {
    const clock = clockAt("2025-09-19T03:00:00Z");
    const { app } = await corpusApp(clock);
    await subscribe(app, CHAT, { orgIds: [COLLECTIVE] });
    const rec = recorder();
    const deps = deliveryDeps(app, rec);

    clock.set("2025-09-20T00:29:00Z"); // 07:29 in Vietnam: not yet
    expect((await deliverDue(deps)).filter((o) => o.status === "sent")).toHaveLength(0);
    clock.set("2025-09-20T00:30:00Z"); // 07:30
    await deliverDue(deps);
    clock.set("2025-09-20T05:00:00Z"); // later the same day: nothing more
    await deliverDue(deps);
    expect(rec.sent).toHaveLength(1);
    const { text, chatId } = rec.sent[0]!;
    expect(chatId).toBe(CHAT);
    const overdueAt = text.indexOf("Đã quá hạn");
    const soonAt = text.indexOf("Sắp đến hạn");
    expect(overdueAt).toBeGreaterThan(0);
    expect(soonAt).toBeGreaterThan(overdueAt);
    const overdue = text.slice(overdueAt, soonAt);
    const soon = text.slice(soonAt);
    expect(overdue.match(/31\/8\/2025/g)?.length).toBeGreaterThanOrEqual(2);
    expect(overdue).not.toContain("30/9/2025");
    expect(soon).toContain("30/9/2025");
    expect(soon).not.toContain("31/8/2025");
    expect(text).not.toContain("31/10/2025");
    expect(text).toContain("Các tỉnh ủy, thành ủy, đảng ủy trực thuộc Trung ương");
    expect(text).toContain("(Thực hiện)");
    expect(text).toMatch(/mục 2 \(5\)/);
    expect(text).toMatch(/mục 2 \(1\)/);

    clock.set("2025-09-21T00:30:00Z"); // the next day's slot
    await deliverDue(deps);
    expect(rec.sent).toHaveLength(2);
  });
});

describe("delivery that can be trusted", () => {
  it("a subscription made after today's time waits for tomorrow's slot", async () => {
    const clock = clockAt("2025-09-20T03:00:00Z"); // 10:00 in Vietnam
    const { app } = await corpusApp(clock);
    await subscribe(app, CHAT);
    const rec = recorder();
    await deliverDue(deliveryDeps(app, rec));
    expect(rec.sent).toHaveLength(0);
    clock.set("2025-09-21T00:30:00Z");
    await deliverDue(deliveryDeps(app, rec));
    expect(rec.sent).toHaveLength(1);
  });

  it("after downtime only the latest missed slot is caught up, once", async () => {
    const clock = clockAt("2025-09-19T03:00:00Z");
    const { app } = await corpusApp(clock);
    const sub = await subscribe(app, CHAT);
    const rec = recorder();
    clock.set("2025-09-20T00:30:00Z");
    await deliverDue(deliveryDeps(app, rec));
    clock.set("2025-09-24T10:00:00Z"); // down from the 20th to 17:00 on the 24th
    await deliverDue(deliveryDeps(app, rec));
    await deliverDue(deliveryDeps(app, rec));
    expect(rec.sent).toHaveLength(2);
    expect(await app.store.lastSlot(sub.id)).toBe("2025-09-24T07:30+07:00");
  });

  it("a slot claimed by a process that died before confirming is not sent again after the restart", async () => {
    const clock = clockAt("2025-09-19T03:00:00Z");
    const { app: first, dir } = await corpusApp(clock);
    await subscribe(first, CHAT);
    const rec = recorder();
    let reached!: () => void;
    const inSend = new Promise<void>((r) => (reached = r));
    // The message goes out, then the process "dies": the send never returns, so markDelivered never runs.
    rec.behaviour = () => {
      reached();
      return new Promise<void>(() => undefined);
    };
    clock.set("2025-09-20T00:30:00Z");
    void deliverDue(deliveryDeps(first, rec));
    await inSend;
    rec.sent.push({ chatId: CHAT, items: ["(delivered before the crash)"], text: "" });

    const restarted = await openAt(dir, clock);
    opened.push(restarted);
    const after = recorder();
    const sched = startDigestScheduler(deliveryDeps(restarted, after), { timer: false, catchUpOnStart: false });
    const outcomes = await sched.tick();
    clock.set("2025-09-20T09:00:00Z");
    await sched.tick();
    expect(after.sent).toHaveLength(0);
    expect(outcomes.filter((o) => o.status === "sent")).toHaveLength(0);
    // The next slot is delivered normally.
    clock.set("2025-09-21T00:30:00Z");
    await sched.tick();
    expect(after.sent).toHaveLength(1);
  });

  it("two schedulers on one store deliver each slot once", async () => {
    const clock = clockAt("2025-09-19T03:00:00Z");
    const { app: a, dir } = await corpusApp(clock);
    const b = await openAt(dir, clock);
    opened.push(b);
    for (const chat of [CHAT, CHAT + 1, CHAT + 2]) await subscribe(a, chat);
    await subscribe(a, CHAT + 3, { cadence: "weekly", weekday: 1, time: "08:00" }); // 2025-09-22 is a Monday
    const recA = recorder();
    const recB = recorder();
    const sa = startDigestScheduler(deliveryDeps(a, recA), { timer: false, catchUpOnStart: false });
    const sb = startDigestScheduler(deliveryDeps(b, recB), { timer: false, catchUpOnStart: false });
    for (const t of ["2025-09-20T00:30:00Z", "2025-09-20T00:31:00Z", "2025-09-21T00:30:00Z", "2025-09-22T01:00:00Z", "2025-09-22T01:01:00Z"]) {
      clock.set(t);
      await Promise.all([sa.tick(), sb.tick(), sb.tick()]);
    }
    const all = [...recA.sent, ...recB.sent];
    // 3 daily chats x 3 days (20, 21, 22) + the weekly chat once
    expect(all).toHaveLength(10);
    const perChat = new Map<number, number>();
    for (const s of all) perChat.set(s.chatId, (perChat.get(s.chatId) ?? 0) + 1);
    expect([...perChat.entries()].sort()).toEqual([[CHAT, 3], [CHAT + 1, 3], [CHAT + 2, 3], [CHAT + 3, 1]]);
  });

  it("a chat that blocked the bot (403) is paused, not retried", async () => {
    const clock = clockAt("2025-09-19T03:00:00Z");
    const { app } = await corpusApp(clock);
    await subscribe(app, CHAT);
    await subscribe(app, CHAT, { cadence: "weekly", weekday: 6 }); // 2025-09-20 is a Saturday
    await subscribe(app, CHAT + 1);
    const rec = recorder();
    let attempts = 0;
    rec.behaviour = (chatId) => {
      if (chatId !== CHAT) return;
      attempts++;
      throw new GrammyError("Call to 'sendMessage' failed!", { ok: false, error_code: 403, description: "Forbidden: bot was blocked by the user" }, "sendMessage", {});
    };
    clock.set("2025-09-20T00:30:00Z");
    const outcomes = await deliverDue(deliveryDeps(app, rec));
    expect(outcomes.find((o) => o.chatId === CHAT)?.status).toBe("blocked");
    expect(attempts).toBe(1); // the chat's second subscription was paused before its turn
    const subs = await app.store.listSubscriptions(CHAT);
    expect(subs.every((s) => s.paused)).toBe(true);
    expect((await app.store.listSubscriptions(CHAT + 1))[0]!.paused).toBe(false);
    clock.set("2025-09-21T00:30:00Z");
    await deliverDue(deliveryDeps(app, rec));
    expect(attempts).toBe(1);
    expect(rec.sent.map((s) => s.chatId)).toEqual([CHAT + 1, CHAT + 1]);
  });

  it("an empty digest is not sent unless the subscription asks for it", async () => {
    const clock = clockAt("2025-09-19T03:00:00Z");
    const { app } = await corpusApp(clock);
    const quiet = await subscribe(app, CHAT, { orgIds: ["ban-to-chuc-trung-uong"] });
    await subscribe(app, CHAT + 1, { orgIds: ["ban-to-chuc-trung-uong"], sendEmpty: true });
    const rec = recorder();
    clock.set("2025-09-20T00:30:00Z");
    const outcomes = await deliverDue(deliveryDeps(app, rec));
    expect(outcomes.find((o) => o.chatId === CHAT)?.status).toBe("empty");
    expect(await app.store.lastSlot(quiet.id)).toBe("2025-09-20T07:30+07:00");
    expect(rec.sent.map((s) => s.chatId)).toEqual([CHAT + 1]);
    expect(rec.sent[0]!.text).toContain("Không có nhiệm vụ nào quá hạn hoặc đến hạn");
  });

  it("a chat whose access was revoked gets nothing, and gets the next slot once granted again", async () => {
    const clock = clockAt("2025-09-19T03:00:00Z");
    const { app } = await corpusApp(clock);
    await subscribe(app, CHAT);
    await app.store.revoke(CHAT);
    const rec = recorder();
    clock.set("2025-09-20T00:30:00Z");
    await deliverDue(deliveryDeps(app, rec));
    expect(rec.sent).toHaveLength(0);
    await app.store.grant({ id: CHAT, kind: "user" });
    clock.set("2025-09-21T00:30:00Z");
    await deliverDue(deliveryDeps(app, rec));
    expect(rec.sent).toHaveLength(1);
  });
});
