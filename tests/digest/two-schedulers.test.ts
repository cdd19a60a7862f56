/**
 * Two bot processes on one store both run the digest scheduler: a pass runs under the store's "digest"
 * lock, so while one replica delivers, the other's pass skips; a slot goes out once.
 */
import { afterEach, describe, expect, it } from "vitest";
import type { App } from "../../app/types.js";
import { startDigestScheduler } from "../../digest/scheduler.js";
import { copyCorpus } from "../helpers/app.js";
import { COLLECTIVE, clockAt, deliveryDeps, newDir, openAt, recorder, subscribe } from "./setup.js";

const apps: App[] = [];
afterEach(async () => {
  for (const a of apps.splice(0)) await a.close();
});

describe("digest schedulers of two replicas", () => {
  it("deliver a slot once: the second pass skips while the first holds the lock, then finds nothing owed", async () => {
    const dir = newDir();
    const clock = clockAt("2026-05-04T00:00:00Z"); // 07:00 in Vietnam
    const a = await openAt(dir, clock, { BOT_OPEN_ACCESS: "true" });
    const b = await openAt(dir, clock, { BOT_OPEN_ACCESS: "true" });
    apps.push(a, b);
    await subscribe(a, 4242, { time: "07:30", sendEmpty: true });
    clock.set("2026-05-04T00:31:00Z");

    const recA = recorder();
    const recB = recorder();
    let release!: () => void;
    const sending = new Promise<void>((r) => (release = r));
    let entered!: () => void;
    const inside = new Promise<void>((r) => (entered = r));
    recA.behaviour = async () => {
      entered();
      await sending;
    };
    const schedA = startDigestScheduler(deliveryDeps(a, recA), { timer: false, catchUpOnStart: false });
    const schedB = startDigestScheduler(deliveryDeps(b, recB), { timer: false, catchUpOnStart: false });
    const passA = schedA.tick();
    await inside;
    expect(await schedB.tick()).toEqual([]);
    release();
    expect((await passA).map((o) => o.status)).toEqual(["sent"]);
    expect(await schedB.tick()).toEqual([]);
    expect(recA.sent.map((s) => s.chatId)).toEqual([4242]);
    expect(recB.sent).toEqual([]);
    schedA.stop();
    schedB.stop();
  });

  it("alert a newly ingested document once, though each replica sweeps it with its own memory", async () => {
    const dir = newDir();
    const clock = clockAt("2025-09-20T02:00:00Z");
    const a = await openAt(dir, clock);
    const b = await openAt(dir, clock);
    apps.push(a, b);
    await subscribe(a, 7, { orgIds: [COLLECTIVE] });
    clock.set("2025-09-20T04:00:00Z");
    await a.ingest([copyCorpus(dir)]); // `nhiemvu ingest` beside the bots
    clock.set("2025-09-20T04:01:00Z");
    const recA = recorder();
    const recB = recorder();
    const schedA = startDigestScheduler(deliveryDeps(a, recA), { timer: false, catchUpOnStart: false });
    const schedB = startDigestScheduler(deliveryDeps(b, recB), { timer: false, catchUpOnStart: false });
    await Promise.all([schedA.tick(), schedB.tick()]);
    await Promise.all([schedB.tick(), schedA.tick()]);
    const alerts = [...recA.sent, ...recB.sent].filter((s) => s.text.includes("Nhiệm vụ mới được giao"));
    expect(alerts.length).toBeGreaterThanOrEqual(1);
    // One message per alert the ledger recorded as sent (one per document version and chat).
    const ledger = (await a.store.exportBotState()).deliveries.filter((d) => d.slot.startsWith("#new:") && d.status === "sent");
    expect(alerts).toHaveLength(ledger.length);
    schedA.stop();
    schedB.stop();
  });
});
