import type { Command } from "commander";
import { writeFileSync } from "node:fs";
import type { App } from "../../app/types.js";
import { AnswerError } from "../../core/errors.js";
import type { Role } from "../../core/types.js";
import type { StoredAssignment } from "../../store/types.js";
import { action, type CliContext } from "../context.js";

const ROLES = ["lead", "coordinate", "execute"] as const;

const FORMATS = ["xlsx", "csv", "ics"] as const;

interface TasksOptions {
  assignee?: string; period?: string; role?: string; doc?: string; dueBefore?: string; json?: boolean;
  format?: string; out?: string;
}

export function registerTasks(program: Command, ctx: CliContext): void {
  program
    .command("tasks")
    .description("list assignments from the assignment table")
    .option("--assignee <name>", "organisation: full name, alias or abbreviation (BTCTW, VPTW, ...)")
    .option("--period <period>", "Q2/2026, quý II/2026, 8/2025, 2026, ...")
    .option("--role <role>", "lead | coordinate | execute")
    .option("--doc <doc>", "file name, id or number")
    .option("--due-before <date>", "YYYY-MM-DD")
    .option("--json", "print JSON")
    .option("--format <format>", "write the table with statuses as xlsx | csv | ics (deadlines as a calendar)")
    .option("--out <file>", "where --format writes (default: standard output)")
    .action(action(async (opts: TasksOptions) => {
      if (opts.role && !ROLES.includes(opts.role as Role)) {
        throw new AnswerError("bad_role", `--role must be one of ${ROLES.join(", ")}`);
      }
      if (opts.dueBefore !== undefined) await checkDay("--due-before", opts.dueBefore);
      if (opts.format !== undefined && !FORMATS.includes(opts.format as (typeof FORMATS)[number])) {
        throw new AnswerError("bad_format", `--format must be one of ${FORMATS.join(", ")}`);
      }
      let file: Buffer | undefined;
      const listed = await ctx.withApp(async (app) => {
        const { dueInPeriod, resolveTaskQuery, taskEntries } = await import("../world.js");
        const { filter, period, keep } = await resolveTaskQuery({ ...opts, role: opts.role as Role | undefined }, app);
        const found = (await app.store.findAssignments(filter)).filter((t) => dueInPeriod(t, period) && keep(t));
        if (opts.format) file = await exportTable(opts.format, found, app);
        return { found, entries: taskEntries(found, !!opts.assignee, app.registry) };
      });
      if (file) {
        if (opts.out) writeFileSync(opts.out, file);
        else process.stdout.write(file);
        return;
      }
      await printTasks(ctx, listed, opts.json);
    }));

  program
    .command("deadlines")
    .description("assignments due between two dates")
    .requiredOption("--from <date>", "YYYY-MM-DD")
    .requiredOption("--to <date>", "YYYY-MM-DD")
    .option("--assignee <name>", "organisation")
    .option("--json", "print JSON")
    .action(action(async (opts: { from: string; to: string; assignee?: string; json?: boolean }) => {
      await checkDay("--from", opts.from);
      await checkDay("--to", opts.to);
      if (opts.from > opts.to) throw new AnswerError("bad_range", `--from ${opts.from} is after --to ${opts.to}; give the earlier date first`);
      const listed = await ctx.withApp(async (app) => {
        const { resolveTaskQuery, taskEntries } = await import("../world.js");
        const { filter, keep } = await resolveTaskQuery({ assignee: opts.assignee, dueAfter: opts.from, dueBefore: opts.to }, app);
        const found = (await app.store.findAssignments(filter)).filter(keep).sort((a, b) => (a.deadline?.due ?? "").localeCompare(b.deadline?.due ?? ""));
        return { found, entries: taskEntries(found, !!opts.assignee, app.registry) };
      });
      await printTasks(ctx, listed, opts.json);
    }));
}

/** The table with statuses in a file format (the writers are loaded only when asked for). */
async function exportTable(format: string, tasks: StoredAssignment[], app: App): Promise<Buffer> {
  const { taskRows, vnDate } = await import("../world.js");
  const rows = await taskRows(app.store, tasks, vnDate(app.now()));
  if (format === "ics") return Buffer.from((await import("../../export/ics.js")).tasksIcs(rows, app.now()), "utf8");
  const { tasksCsv, tasksXlsx } = await import("../../export/xlsx.js");
  return format === "xlsx" ? tasksXlsx(rows, app.now()) : tasksCsv(rows, app.now());
}

/** A YYYY-MM-DD option that names a real calendar day, or AnswerError "bad_date". */
async function checkDay(option: string, value: string): Promise<void> {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) throw new AnswerError("bad_date", `${option} must be a date as YYYY-MM-DD, not "${value}"`);
  const { isValidDay } = await import("../world.js");
  if (!isValidDay(Number(m[1]), Number(m[2]), Number(m[3]))) {
    throw new AnswerError("bad_date", `${option} ${value} is not a calendar date (month 01-12, day within the month)`);
  }
}

/**
 * The table as JSON records, or as text: each task once (taskEntries: the count answers state), with all
 * its bodies, its words cut at a word, and its document by number and title.
 */
async function printTasks(ctx: CliContext, listed: { found: StoredAssignment[]; entries: StoredAssignment[][] }, json?: boolean): Promise<void> {
  if (json) return ctx.out(JSON.stringify(listed.found.map(toTaskJson)));
  if (listed.found.length === 0) return ctx.out("no matching assignments");
  const { taskEntryText } = await import("../world.js");
  ctx.out(`${listed.entries.length} nhiệm vụ:`);
  listed.entries.forEach((e, i) => ctx.out(taskEntryText(e, i + 1)));
}

/** The JSON item of `tasks --json` and `deadlines --json`. */
export function toTaskJson(t: StoredAssignment) {
  return {
    id: t.id,
    assignee: t.org,
    assignee_id: t.orgId,
    assignee_text: t.orgText,
    role: t.role,
    coordinators: t.coordinators,
    task: t.task,
    deadline: t.deadline ? { text: t.deadline.text, due: t.deadline.due ?? null } : null,
    period: t.period ? { text: t.period.text, label: t.period.label ?? null, start: t.period.start ?? null, end: t.period.end ?? null } : null,
    doc: t.docName,
    section: t.sectionLabel,
    quote: t.quote,
  };
}
