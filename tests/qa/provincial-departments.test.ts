/**
 * A province's own plan names its departments unplaced ("Sở Y tế chủ trì ..."): asked about "Sở Y tế
 * tỉnh Đắk Lắk", the answer holds those tasks, from the table and from passages alike; asked about
 * another province's department, it does not (core/orgs.ts recordIds).
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { useSampleApp } from "../helpers/app.js";
import { cliInProcess } from "../helpers/cli.js";

const PLAN = readFileSync(new URL("../fixtures/plans/dak-lak-plan.md", import.meta.url), "utf8");

const app = useSampleApp({ "kh129.md": PLAN });

describe("a provincial department named unplaced in its own province's documents", () => {
  it("lists the plan's tasks of Sở Y tế when asked about Sở Y tế tỉnh Đắk Lắk", async () => {
    const a = await app().answerer.ask("Sở Y tế tỉnh Đắk Lắk được giao những nhiệm vụ gì?");
    expect(a.found).toBe(true);
    expect(a.answer).toContain("Sở Y tế tỉnh Đắk Lắk");
    expect(a.citations.map((c) => c.doc)).toEqual(["kh129.md"]);
    expect(a.citations[0]!.quote).toContain("đội y tế lưu động");
  });

  it("answers a passage question about it from the plan", async () => {
    const a = await app().answerer.ask("Sở Y tế Đắk Lắk cấp phát thuốc thiết yếu ở đâu?");
    expect(a.found).toBe(true);
    expect(a.citations[0]).toMatchObject({ doc: "kh129.md" });
  });

  it("answers when it must finish from the plan's own item, the department's record read as the province's", async () => {
    const a = await app().answerer.ask("Sở Y tế tỉnh Đắk Lắk phải bố trí các đội y tế lưu động cấp phát thuốc trước ngày nào?");
    expect(a.found).toBe(true);
    expect(a.citations[0]).toMatchObject({ doc: "kh129.md" });
    expect(a.citations[0]!.quote).toContain("trước ngày 30/11/2025");
  });

  it("lists the same tasks in `tasks --assignee` as the answer does", async () => {
    const run = await cliInProcess(["tasks", "--assignee", "Sở Y tế tỉnh Đắk Lắk", "--json"], { DATA_DIR: app().config.store.dataDir });
    const rows = JSON.parse(run.stdout) as Array<{ task: string }>;
    expect(rows.map((r) => r.task)).toEqual([expect.stringContaining("đội y tế lưu động")]);
    const other = await cliInProcess(["tasks", "--assignee", "Sở Y tế tỉnh Lào Cai", "--json"], { DATA_DIR: app().config.store.dataDir });
    expect(other.stdout).not.toContain("đội y tế lưu động");
  });

  it("does not give another province's department the plan's tasks", async () => {
    const a = await app().answerer.ask("Sở Y tế tỉnh Lào Cai được giao những nhiệm vụ gì?");
    expect(a.citations.map((c) => c.doc)).not.toContain("kh129.md");
    // Nor the plan's passage that names "Sở Y tế", the province written beside another body of the question.
    const passage = await app().answerer.ask("UBND tỉnh Lào Cai giao Sở Y tế cấp phát thuốc thiết yếu ở đâu?");
    expect(passage.citations.map((c) => c.doc)).not.toContain("kh129.md");
  });
});
