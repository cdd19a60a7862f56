/** Contract: what the bot remembers between updates, shared by every replica on one store. */
import { describe, expect, it } from "vitest";
import type { StoreFactory } from "./factory.js";

export function botMemoryContract(f: StoreFactory): void {
  describe(`bot memory (${f.name})`, () => {
    it("recalls an answer remembered by another process, and counts one vote per user", async () => {
      const a = await f.open();
      const b = await f.reopen(a);
      const entry = { question: "Bộ Y tế được giao nhiệm vụ gì?", answer: "Bộ Y tế chủ trì…", offset: 8, limit: 8, tasks: true };
      await a.rememberAnswer("k1", entry);
      expect(await b.recallAnswer("k1")).toEqual(entry);
      expect(await b.recallAnswer("missing")).toBeUndefined();
      expect(await b.noteVote("k1", 42)).toBe(true);
      expect(await a.noteVote("k1", 42)).toBe(false);
      expect(await a.noteVote("k1", 43)).toBe(true);
    });

    it("notes a notice once across processes and keeps the first label", async () => {
      const a = await f.open();
      const b = await f.reopen(a);
      expect(await a.noteOnce("request", 42, "Chị Lan (@lan)")).toBe(true);
      expect(await b.noteOnce("request", 42, "someone else")).toBe(false);
      expect(await b.notedLabel("request", 42)).toBe("Chị Lan (@lan)");
      expect(await b.noteOnce("prompt", 42)).toBe(true);
      expect(await a.notedLabel("prompt", 42)).toBeUndefined();
      expect(await a.notedLabel("request", 43)).toBeUndefined();
    });
  });
}
