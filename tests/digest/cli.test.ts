import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseAt } from "../../cli/commands/digest.js";
import { copyCorpus, removeDir } from "../helpers/app.js";
import { cliInProcess } from "../helpers/cli.js";
import { COLLECTIVE, clockAt, newDir, openAt, subscribe } from "./setup.js";

const CHAT = 4242;
let dir: string;
let env: Record<string, string>;
let subId: number;

beforeAll(async () => {
  dir = newDir();
  const clock = clockAt("2025-09-19T03:00:00Z");
  const app = await openAt(dir, clock);
  await app.ingest([copyCorpus(dir)]);
  subId = (await subscribe(app, CHAT, { orgIds: [COLLECTIVE] })).id;
  await app.close();
  env = { DATA_DIR: join(dir, "data") };
}, 60_000);
afterAll(() => removeDir(dir));

describe("nhiemvu digest", () => {
  it("--dry-run prints, as plain text, what the chat's subscription would get at that time, and records nothing", async () => {
    const run = await cliInProcess(["digest", "--chat", String(CHAT), "--at", "2025-09-20T07:30", "--dry-run"], env);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const out = run.stdout;
    expect(out).toContain(`# subscription ${subId}: Các tỉnh ủy, thành ủy, đảng ủy trực thuộc Trung ương, hằng ngày lúc 07:30`);
    expect(out).toContain("slot 2025-09-20T07:30+07:00 is owed: would send");
    expect(out).not.toMatch(/<\/?b>/);
    const overdue = out.slice(out.indexOf("Đã quá hạn"), out.indexOf("Sắp đến hạn"));
    expect(overdue).toContain("31/8/2025");
    expect(out.slice(out.indexOf("Sắp đến hạn"))).toContain("30/9/2025");
    // Nothing was claimed: the same dry run says the same thing again.
    expect((await cliInProcess(["digest", "--chat", String(CHAT), "--at", "2025-09-20 07:30", "--dry-run"], env)).stdout).toBe(out);
    const before = (await cliInProcess(["digest", "--chat", String(CHAT), "--at", "2025-09-20T07:29", "--dry-run"], env)).stdout;
    expect(before).toContain("predates the subscription");
  });

  it("a chat without subscriptions, a bad date, and sending without a token", async () => {
    expect((await cliInProcess(["digest", "--chat", "1", "--dry-run"], env)).stdout).toContain("chat 1 has no subscriptions");
    const bad = await cliInProcess(["digest", "--chat", String(CHAT), "--at", "20/9/2025", "--dry-run"], env);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/^error: --at must be/);
    const send = await cliInProcess(["digest", "--chat", String(CHAT), "--at", "2025-09-20T07:30"], env);
    expect(send.code).toBe(1);
    expect(send.stderr).toContain("BOT_TOKEN");
  });
});

describe("--at", () => {
  it("reads Vietnam time unless an offset is given", () => {
    expect(parseAt("2025-09-20T07:30", "07:30").toISOString()).toBe("2025-09-20T00:30:00.000Z");
    expect(parseAt("2025-09-20", "07:30").toISOString()).toBe("2025-09-20T00:30:00.000Z");
    expect(parseAt("2025-09-20 7:05", "07:30").toISOString()).toBe("2025-09-20T00:05:00.000Z");
    expect(parseAt("2025-09-20T07:30Z", "07:30").toISOString()).toBe("2025-09-20T07:30:00.000Z");
    expect(parseAt("2025-09-20T07:30+0000", "07:30").toISOString()).toBe("2025-09-20T07:30:00.000Z");
    expect(() => parseAt("2025-13-45", "07:30")).toThrow();
  });
});
