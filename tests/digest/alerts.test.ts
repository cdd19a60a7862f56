import { afterEach, describe, expect, it } from "vitest";
import type { App } from "../../app/types.js";
import { notifyNewAssignments } from "../../digest/alerts.js";
import { startDigestScheduler } from "../../digest/scheduler.js";
import { copyCorpus, removeDir } from "../helpers/app.js";
import { COLLECTIVE, clockAt, deliveryDeps, newDir, openAt, recorder, subscribe } from "./setup.js";

const opened: App[] = [];
const dirs: string[] = [];

afterEach(async () => {
  for (const a of opened.splice(0)) await a.close().catch(() => undefined);
  for (const d of dirs.splice(0)) removeDir(d);
});

async function emptyApp(clock: ReturnType<typeof clockAt>) {
  const dir = newDir();
  dirs.push(dir);
  const app = await openAt(dir, clock);
  opened.push(app);
  return { app, dir };
}

describe("new-assignment alerts", () => {
  it("after an ingest, followers of an organisation the document assigns get its tasks, once", async () => {
    const clock = clockAt("2025-09-20T02:00:00Z");
    const { app, dir } = await emptyApp(clock);
    await subscribe(app, 1, { orgIds: [COLLECTIVE] });
    await subscribe(app, 2); // follows every organisation
    await subscribe(app, 3, { orgIds: ["bo-quoc-phong"] }); // assigned nothing in the sample corpus
    await subscribe(app, 2, { orgIds: [COLLECTIVE], cadence: "weekly", weekday: 1 }); // a second subscription in chat 2
    clock.set("2025-09-20T03:00:00Z");
    const summary = await app.ingest([copyCorpus(dir)]);
    const rec = recorder();
    await notifyNewAssignments(summary, deliveryDeps(app, rec));

    const toChat = (id: number) => rec.sent.filter((s) => s.chatId === id);
    expect(toChat(3)).toHaveLength(0);
    const docsWithTasks = summary.files.filter((f) => (f.assignments ?? 0) > 0).length;
    expect(toChat(2)).toHaveLength(docsWithTasks); // one per document, not one per subscription
    const collective = toChat(1);
    expect(collective.length).toBeGreaterThanOrEqual(1);
    for (const s of collective) {
      expect(s.text).toContain("Nhiệm vụ mới được giao");
      expect(s.text).toContain("Các tỉnh ủy, thành ủy, đảng ủy trực thuộc Trung ương");
    }
    const k000 = collective.find((s) => s.text.includes("31/8/2025"));
    expect(k000?.text).toMatch(/mục 2 \(5\)/);

    // The scheduler's sweep of today's documents, and a second call, find the alerts already delivered.
    const sched = startDigestScheduler(deliveryDeps(app, rec), { timer: false, catchUpOnStart: false });
    const before = rec.sent.length;
    await sched.tick();
    await notifyNewAssignments(summary, deliveryDeps(app, rec));
    expect(rec.sent.length).toBe(before);
  });

  it("documents ingested by another process reach subscribers through the scheduler's sweep, the same day", async () => {
    const clock = clockAt("2025-09-20T02:00:00Z");
    const { app: bot, dir } = await emptyApp(clock);
    await subscribe(bot, 7, { orgIds: [COLLECTIVE] });
    const rec = recorder();
    const sched = startDigestScheduler(deliveryDeps(bot, rec), { timer: false, catchUpOnStart: false });
    await sched.tick();
    expect(rec.sent).toHaveLength(0);

    const cli = await openAt(dir, clock); // `nhiemvu ingest` in another process
    opened.push(cli);
    clock.set("2025-09-20T04:00:00Z");
    await cli.ingest([copyCorpus(dir)]);
    clock.set("2025-09-20T04:01:00Z");
    await sched.tick();
    const alerts = rec.sent.filter((s) => s.text.includes("Nhiệm vụ mới được giao"));
    expect(alerts.length).toBeGreaterThanOrEqual(1);
    expect(alerts.every((s) => s.chatId === 7)).toBe(true);
    await sched.tick();
    expect(rec.sent.filter((s) => s.text.includes("Nhiệm vụ mới được giao"))).toHaveLength(alerts.length);
  });

  it("a chat that subscribes after the document arrived is not alerted about it", async () => {
    const clock = clockAt("2025-09-20T02:00:00Z");
    const { app, dir } = await emptyApp(clock);
    const summary = await app.ingest([copyCorpus(dir)]);
    clock.set("2025-09-20T05:00:00Z");
    await subscribe(app, 9);
    const rec = recorder();
    await notifyNewAssignments(summary, deliveryDeps(app, rec));
    const sched = startDigestScheduler(deliveryDeps(app, rec), { timer: false, catchUpOnStart: false });
    await sched.tick();
    expect(rec.sent).toHaveLength(0);
  });

  it("an unchanged re-ingest alerts nobody", async () => {
    const clock = clockAt("2025-09-20T02:00:00Z");
    const { app, dir } = await emptyApp(clock);
    const corpus = copyCorpus(dir);
    await app.ingest([corpus]);
    clock.set("2025-09-20T03:00:00Z");
    await subscribe(app, 9);
    const again = await app.ingest([corpus]);
    expect(again.counts.unchanged).toBe(5);
    const rec = recorder();
    await notifyNewAssignments(again, deliveryDeps(app, rec));
    expect(rec.sent).toHaveLength(0);
  });
});
