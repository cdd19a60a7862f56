/**
 * Coordination and bot memory on SQLite, with two store instances on one data directory standing for two
 * processes (each has its own connection, as a second bot replica would).
 */
import { describe, expect, it } from "vitest";
import { open, tempDir } from "./helpers.js";

/** A clock the test moves. */
function movable(iso: string) {
  let t = new Date(iso).getTime();
  return { now: () => new Date(t), advance: (ms: number) => void (t += ms) };
}

describe("SQLite coordination between processes", () => {
  it("lets one holder at a time run under a lock, and frees it when the work ends or throws", async () => {
    const dir = tempDir();
    const a = await open(dir);
    const b = await open(dir);
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    const first = a.withLock("digest", async () => {
      await held;
      return "a";
    });
    // The first holder is inside its work: the other process, and the same one, are turned away.
    await new Promise((r) => setTimeout(r, 20));
    expect(await b.withLock("digest", async () => "b")).toEqual({ ran: false });
    expect(await a.withLock("digest", async () => "a2")).toEqual({ ran: false });
    // Another lock name is independent.
    expect(await b.withLock("ingest", async () => "other")).toEqual({ ran: true, value: "other" });
    release();
    expect(await first).toEqual({ ran: true, value: "a" });
    expect(await b.withLock("digest", async () => "b")).toEqual({ ran: true, value: "b" });
    await expect(b.withLock("digest", async () => { throw new Error("boom"); })).rejects.toThrow("boom");
    expect(await a.withLock("digest", async () => 1)).toEqual({ ran: true, value: 1 });
  });

  it("hands a lock over once the holder's lease has run out (a holder that died)", async () => {
    const dir = tempDir();
    const clock = movable("2026-05-01T00:00:00Z");
    const dead = await open(dir, clock.now);
    const alive = await open(dir, clock.now);
    let release!: () => void;
    const stuck = dead.withLock("ingest", () => new Promise<void>((r) => (release = r)), 60_000);
    await new Promise((r) => setTimeout(r, 20));
    clock.advance(59_000);
    expect(await alive.withLock("ingest", async () => "too early", 60_000)).toEqual({ ran: false });
    clock.advance(2_000);
    expect(await alive.withLock("ingest", async () => "taken over", 60_000)).toEqual({ ran: true, value: "taken over" });
    // The stale holder finishing late does not delete a lock that is no longer its own.
    let inside!: () => void;
    const third = alive.withLock("ingest", () => new Promise<void>((r) => (inside = r)), 60_000);
    await new Promise((r) => setTimeout(r, 20));
    release();
    await stuck;
    expect(await dead.withLock("ingest", async () => "stolen")).toEqual({ ran: false });
    inside();
    await third;
  });

  it("records a handled update once for every process", async () => {
    const dir = tempDir();
    const a = await open(dir);
    const b = await open(dir);
    expect(await b.isUpdateHandled(7001)).toBe(false);
    expect(await a.markUpdateHandled(7001)).toBe(true);
    expect(await b.isUpdateHandled(7001)).toBe(true);
    expect(await b.markUpdateHandled(7001)).toBe(false);
    expect(await a.isUpdateHandled(7002)).toBe(false);
  });
});

// Sharing between processes is in the contract suite (tests/store/contract/bot-memory.ts); pruning is SQLite's own.
describe("SQLite bot memory", () => {
  it("forgets answers older than 30 days when new ones are remembered", async () => {
    const dir = tempDir();
    const clock = movable("2026-01-01T00:00:00Z");
    const store = await open(dir, clock.now);
    await store.rememberAnswer("old", { question: "q", answer: "a", offset: 0, limit: 8, tasks: false });
    await store.noteVote("old", 1);
    clock.advance(31 * 24 * 3_600_000);
    // Pruning runs on the first insert of a process and then every few hundred: a fresh store prunes now.
    const later = await open(dir, clock.now);
    await later.rememberAnswer("new", { question: "q2", answer: "a2", offset: 0, limit: 8, tasks: false });
    expect(await later.recallAnswer("old")).toBeUndefined();
    expect(await later.recallAnswer("new")).toBeDefined();
    expect(await later.noteVote("old", 1)).toBe(true);
  });
});
