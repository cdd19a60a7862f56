/** Contract: locks and handled updates shared by every process on one store (bot replicas, a CLI). */
import { describe, expect, it } from "vitest";
import { tick, type StoreFactory } from "./factory.js";

export function coordinationContract(f: StoreFactory): void {
  describe(`coordination (${f.name})`, () => {
    it("runs the work under a lock and returns its value", async () => {
      const store = await f.open();
      let runs = 0;
      expect(await store.withLock("digest", async () => { runs++; return { sent: 3 }; })).toEqual({ ran: true, value: { sent: 3 } });
      expect(runs).toBe(1);
      // Released when the work ended: the next holder runs.
      expect(await store.withLock("digest", async () => "again")).toEqual({ ran: true, value: "again" });
    });

    it("turns a second holder away while the first works, in this process and another", async () => {
      const a = await f.open();
      const b = await f.reopen(a);
      let release!: () => void;
      const held = new Promise<void>((r) => (release = r));
      let secondRan = false;
      const first = a.withLock("digest", async () => {
        await held;
        return "a";
      });
      await tick();
      expect(await b.withLock("digest", async () => { secondRan = true; return "b"; })).toEqual({ ran: false });
      expect(await a.withLock("digest", async () => { secondRan = true; return "a2"; })).toEqual({ ran: false });
      expect(secondRan).toBe(false);
      // Another name is another lock.
      expect(await b.withLock("ingest", async () => "other")).toEqual({ ran: true, value: "other" });
      expect(await a.withLock("ingest", async () => "mine")).toEqual({ ran: true, value: "mine" });
      release();
      expect(await first).toEqual({ ran: true, value: "a" });
      expect(await b.withLock("digest", async () => "b")).toEqual({ ran: true, value: "b" });
    });

    it("frees the lock when the work throws, passing the error on", async () => {
      const a = await f.open();
      const b = await f.reopen(a);
      await expect(a.withLock("ingest", async () => { throw new Error("boom"); })).rejects.toThrow("boom");
      expect(await b.withLock("ingest", async () => 1)).toEqual({ ran: true, value: 1 });
      expect(await a.withLock("ingest", async () => 2)).toEqual({ ran: true, value: 2 });
    });

    it("records a handled update once, for every process and across restarts", async () => {
      const a = await f.open();
      const b = await f.reopen(a);
      expect(await a.isUpdateHandled(7001)).toBe(false);
      expect(await a.markUpdateHandled(7001)).toBe(true);
      expect(await a.isUpdateHandled(7001)).toBe(true);
      expect(await a.markUpdateHandled(7001)).toBe(false);
      expect(await b.isUpdateHandled(7001)).toBe(true);
      expect(await b.markUpdateHandled(7001)).toBe(false);
      expect(await b.isUpdateHandled(7002)).toBe(false);
      // Telegram update ids pass 2^31.
      expect(await b.markUpdateHandled(3_000_000_001)).toBe(true);
      await a.close();
      const later = await f.reopen(a);
      expect(await later.isUpdateHandled(7001)).toBe(true);
      expect(await later.isUpdateHandled(3_000_000_001)).toBe(true);
      expect(await later.markUpdateHandled(3_000_000_001)).toBe(false);
    });
  });
}
