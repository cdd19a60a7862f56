/**
 * The CLI's failure paths: a data folder that cannot be made, impossible or reversed dates, an export to a
 * missing folder, `tasks --doc` with a number two documents share (the commands run in this process,
 * cliInProcess), and, on the real CLI in a child process,
 * --help and the exit code of a bad environment, a failed file's log line, and the terminal chat's id
 * used by the digest command.
 */
import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PROJECT, removeDir, tempDir } from "../helpers/app.js";
import { cli, cliInProcess } from "../helpers/cli.js";

describe("nhiemvu CLI failure paths", () => {
  let dir: string;
  let env: Record<string, string>;
  beforeAll(() => {
    dir = tempDir();
    env = { DATA_DIR: join(dir, "data") };
  });
  afterAll(() => removeDir(dir));

  it("DATA_DIR=/proc/nope: stats fails with a coded English error instead of retrying mkdir forever", async () => {
    for (const dataDir of ["/proc/nope", "/proc/nope/deeper"]) {
      const run = await cliInProcess(["stats"], { DATA_DIR: dataDir });
      // A hang ends in the test's timeout, not here.
      expect(run.code, run.stderr).toBe(1);
      expect(run.stderr).toMatch(/^error: Cannot use \/proc\/nope.* as the data folder \(DATA_DIR\): cannot create \/proc\/nope .*\[data_dir_unusable\]\n$/);
    }
    const file = join(dir, "a-file");
    writeFileSync(file, "x");
    const under = await cliInProcess(["stats"], { DATA_DIR: join(file, "data") });
    expect(under.code).toBe(1);
    expect(under.stderr).toContain(`${file} exists and is not a folder`);
  });

  it("deadlines and tasks reject a date that does not exist (2025-13-45, 2025-02-29, soon)", async () => {
    const bad = await cliInProcess(["deadlines", "--from", "2025-13-45", "--to", "2025-12-31"], env);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toBe("");
    expect(bad.stderr).toMatch(/^error: --from 2025-13-45 is not a calendar date .*\[bad_date\]/);
    const feb = await cliInProcess(["deadlines", "--from", "2025-01-01", "--to", "2025-02-29"], env);
    expect(feb.stderr).toMatch(/--to 2025-02-29 is not a calendar date/);
    const words = await cliInProcess(["tasks", "--due-before", "soon"], env);
    expect(words.code).toBe(1);
    expect(words.stderr).toMatch(/--due-before must be a date as YYYY-MM-DD, not "soon"/);
  });

  it("deadlines rejects a reversed range and accepts 29 February in a leap year", async () => {
    const reversed = await cliInProcess(["deadlines", "--from", "2025-12-31", "--to", "2025-01-01"], env);
    expect(reversed.code).toBe(1);
    expect(reversed.stdout).not.toContain("no matching assignments");
    expect(reversed.stderr).toMatch(/--from 2025-12-31 is after --to 2025-01-01.*\[bad_range\]/);
    const leap = await cliInProcess(["deadlines", "--from", "2024-02-29", "--to", "2024-03-01"], env);
    expect(leap.code, leap.stderr).toBe(0);
  });

  it("tasks --doc with a number two provinces share fails like show, listing both documents; a file name picks one", async () => {
    const input = join(dir, "same-number");
    spawnSync("mkdir", ["-p", input]);
    const decision = (province: string, city: string, body: string) => [
      "ỦY BAN NHÂN DÂN", province, "Số: 74/2025/QĐ-UBND", `${city}, ngày 20 tháng 11 năm 2025`, "",
      "QUYẾT ĐỊNH", `Ban hành quy định về ${body}`, "",
      `Điều 1. Giao Sở Tài chính chủ trì hướng dẫn thực hiện quy định về ${body}, hoàn thành trước ngày 31/12/2025.`,
      "Điều 2. Quyết định này có hiệu lực kể từ ngày ký.", "",
    ].join("\n");
    writeFileSync(join(input, "ha-tinh.txt"), decision("TỈNH HÀ TĨNH", "Hà Tĩnh", "quản lý chất thải rắn sinh hoạt"));
    writeFileSync(join(input, "ha-noi.txt"), decision("THÀNH PHỐ HÀ NỘI", "Hà Nội", "phân cấp lĩnh vực xây dựng"));
    const docEnv = { DATA_DIR: join(dir, "same-number-data") };
    expect((await cliInProcess(["ingest", input], docEnv)).code).toBe(0);
    for (const args of [["show", "74/2025/QĐ-UBND"], ["tasks", "--doc", "74/2025/QĐ-UBND"]]) {
      const run = await cliInProcess(args, docEnv);
      expect(run.code, args.join(" ")).toBe(1);
      expect(run.stdout).toBe("");
      expect(run.stderr).toMatch(/^error: "74\/2025\/QĐ-UBND" matches 2 documents: (ha-tinh\.txt, ha-noi\.txt|ha-noi\.txt, ha-tinh\.txt).*\[doc_ambiguous\]\n$/);
    }
    const one = await cliInProcess(["tasks", "--doc", "ha-tinh.txt"], docEnv);
    expect(one.code, one.stderr).toBe(0);
    expect(one.stdout).toContain("chất thải rắn");
    expect(one.stdout).not.toContain("xây dựng");
  });

  it("export to a folder that does not exist names that folder, not a temporary file", async () => {
    const run = await cliInProcess(["export", "/nonexistent/dir/x.gz"], env);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe("error: Cannot write /nonexistent/dir/x.gz: the folder /nonexistent/dir does not exist [export_failed]\n");
    const onDir = await cliInProcess(["export", dir], env);
    expect(onDir.stderr).toMatch(/it is a folder; give a file name/);
  });

  it("--help answers without reading the environment; a bad environment still stops a command with code 2", () => {
    const help = cli(["--help"], { ...env, EMBEDDER: "bogus" });
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/Usage: nhiemvu/);
    const bad = cli(["stats"], { ...env, EMBEDDER: "bogus" });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^error: Invalid configuration/);
  });

  it("a file that fails to ingest: a readable log line with LOG_FORMAT=pretty (a terminal's default), JSON with LOG_FORMAT=json", () => {
    const input = join(dir, "in");
    const broken = join(input, "broken.pdf");
    spawnSync("mkdir", ["-p", input]);
    writeFileSync(broken, "not a pdf");
    const pretty = cli(["ingest", input], { ...env, LOG_LEVEL: "warn", LOG_FORMAT: "pretty" });
    expect(pretty.code).toBe(1);
    expect(pretty.stdout).toMatch(/failed {2}broken\.pdf: .*\[pdf_broken\]/);
    expect(pretty.stderr).toMatch(/WARN.*ingest failed/);
    expect(pretty.stderr).not.toMatch(/^\{"level"/m);
    const json = cli(["ingest", input], { ...env, LOG_LEVEL: "warn", LOG_FORMAT: "json" });
    const lines = json.stderr.trim().split("\n").map((l) => JSON.parse(l) as { msg: string; doc: string });
    expect(lines).toContainEqual(expect.objectContaining({ msg: "ingest failed", doc: "broken.pdf" }));
  });

  it("the terminal chat (npm start without BOT_TOKEN) states its chat id, and `digest --chat <that id>` sees its /theodoi", async () => {
    const chatEnv = { DATA_DIR: join(dir, "chat") };
    const chat = spawnSync(process.execPath, [join(PROJECT, "scripts", "run.mjs"), "bot/main.js"], {
      cwd: PROJECT,
      env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", LOG_LEVEL: "silent", ...chatEnv },
      input: "/theodoi BTCTW hằng tuần 08:00\n",
      encoding: "utf8",
      timeout: 120_000,
    });
    expect(chat.status, chat.stderr).toBe(0);
    const id = /terminal chat id\): (-?\d+)/.exec(chat.stdout)?.[1];
    expect(id).toBeDefined();
    const digest = await cliInProcess(["digest", "--chat", id!, "--at", "2030-01-07T08:00", "--dry-run"], chatEnv);
    expect(digest.code, digest.stderr).toBe(0);
    expect(digest.stdout).toMatch(/# subscription \d+: Ban Tổ chức Trung ương, hằng tuần/);
    expect(digest.stdout).not.toContain("no longer has access");
    expect(digest.stdout).toMatch(/slot 2030-01-07T08:00\+07:00 is owed/);
  });
});
