import { afterEach, describe, expect, it } from "vitest";
import type { App } from "../../app/types.js";
import { startDigestScheduler } from "../../digest/scheduler.js";
import { copyCorpus, removeDir } from "../helpers/app.js";
import { clockAt, deliveryDeps, newDir, openAt, recorder, subscribe } from "./setup.js";

const opened: App[] = [];
const dirs: string[] = [];
afterEach(async () => {
  for (const a of opened.splice(0)) await a.close().catch(() => undefined);
  for (const d of dirs.splice(0)) removeDir(d);
});

describe("the scheduler", () => {
  it("on start (with its per-minute timer) catches up the slot missed while the bot was down, once", async () => {
    const dir = newDir();
    dirs.push(dir);
    const clock = clockAt("2025-09-19T03:00:00Z");
    const app = await openAt(dir, clock);
    opened.push(app);
    await app.ingest([copyCorpus(dir)]);
    await subscribe(app, 11);
    clock.set("2025-09-22T09:00:00Z"); // the bot was down over three 07:30 slots
    const rec = recorder();
    const sched = startDigestScheduler(deliveryDeps(app, rec)); // real croner job, catch-up pass at start
    try {
      await sched.tick(); // runs after the start-up pass
    } finally {
      sched.stop();
    }
    expect(rec.sent).toHaveLength(1);
    expect(rec.sent[0]!.text).toContain("thứ Hai 22/9/2025");
  });

  it("a failing pass is logged and does not stop later passes", async () => {
    const dir = newDir();
    dirs.push(dir);
    const clock = clockAt("2025-09-19T03:00:00Z");
    const app = await openAt(dir, clock);
    opened.push(app);
    await subscribe(app, 12, { sendEmpty: true });
    const rec = recorder();
    const deps = deliveryDeps(app, rec);
    let broken = true;
    const listSubscriptions = app.store.listSubscriptions.bind(app.store);
    deps.store = Object.create(app.store, {
      listSubscriptions: { value: (chat?: number) => (broken ? Promise.reject(new Error("database is locked")) : listSubscriptions(chat)) },
    });
    const sched = startDigestScheduler(deps, { timer: false, catchUpOnStart: false });
    clock.set("2025-09-20T00:30:00Z");
    await expect(sched.tick()).rejects.toThrow("database is locked");
    broken = false;
    await sched.tick();
    expect(rec.sent).toHaveLength(1);
  });
});
