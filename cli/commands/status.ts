/**
 * `status set DOC SECTION --state done|doing|todo` and `status show DOC SECTION`: follow a task to the end
 * from the command line. The task is the assignment in that section of that document; `--org` picks the
 * body when the section assigns several (otherwise the one leading or carrying it out).
 */
import type { Command } from "commander";
import { userInfo } from "node:os";
import type { App } from "../../app/types.js";
import { AnswerError } from "../../core/errors.js";
import type { StatusEvidence } from "../../core/status.js";
import { TASK_STATES, type TaskState } from "../../core/types.js";
import type { StoredAssignment } from "../../store/types.js";
import { action, type CliContext } from "../context.js";

/** What the actions use to name and show a task, loaded when one runs (not for `--help` or other commands). */
const helpers = async () => {
  const { status, display, time } = await import("../world.js");
  return { ...status, ...display, ...time };
};

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

interface SetOptions {
  state?: string; org?: string; date?: string; note?: string; evidenceDoc?: string; evidenceSection?: string;
  evidenceFile?: string; by?: string; json?: boolean;
}

/** Section labels compared without spaces or case: "3(i)" finds "3 (i)". */
const labelKey = (label: string) => label.replace(/\s+/g, "").toLowerCase();

/** The one assignment a (document, section, body) names; an error lists the choices when it is not one. */
export async function findTask(app: App, doc: string, section: string, org?: string): Promise<StoredAssignment> {
  const docs = await app.store.findDocuments(doc);
  if (docs.length === 0) throw new AnswerError("doc_not_found", `No stored document matches "${doc}"`);
  const inSection = (await app.store.findAssignments({ docIds: docs.map((d) => d.id) }))
    .filter((t) => labelKey(t.sectionLabel) === labelKey(section));
  if (inSection.length === 0) throw new AnswerError("task_not_found", `No task in section "${section}" of ${docs[0]!.name}`);
  let found = inSection;
  if (org) {
    const known = app.registry.resolve(org);
    const { foldKey } = await import("../world.js");
    found = known ? inSection.filter((t) => t.orgId === known.id) : inSection.filter((t) => foldKey(t.org).includes(foldKey(org)));
  } else if (inSection.length > 1) {
    found = inSection.filter((t) => t.role !== "coordinate");
  }
  if (found.length === 1) return found[0]!;
  const choices = inSection.map((t) => `${t.org} (${t.role})`).join("; ");
  throw new AnswerError(found.length ? "task_ambiguous" : "task_not_found",
    `${found.length ? "Several" : "No"} tasks in section "${section}"${org ? ` for "${org}"` : ""}; use --org with one of: ${choices}`);
}

function evidenceOf(opts: SetOptions): StatusEvidence | undefined {
  if (opts.evidenceFile) return { file: opts.evidenceFile };
  if (opts.evidenceDoc) return { doc: opts.evidenceDoc, section: opts.evidenceSection };
  return undefined;
}

export function registerStatus(program: Command, ctx: CliContext): void {
  const status = program.command("status").description("follow a task: set and show its status and history");

  status
    .command("set <doc> <section>")
    .description("change a task's status (done, doing, todo), or add a note with --note alone")
    .option("--state <state>", TASK_STATES.join(" | "))
    .option("--org <name>", "the body, when the section assigns several")
    .option("--date <date>", "completion date, YYYY-MM-DD (default today in Vietnam)")
    .option("--note <text>", "a note")
    .option("--evidence-doc <doc>", "evidence: a document (with --evidence-section)")
    .option("--evidence-section <section>", "evidence: the section of --evidence-doc")
    .option("--evidence-file <file>", "evidence: a file name")
    .option("--by <name>", "who made the change (default: the system user)")
    .option("--json", "print JSON")
    .action(action(async (doc: string, section: string, opts: SetOptions) => {
      if (opts.state !== undefined && !TASK_STATES.includes(opts.state as TaskState)) {
        throw new AnswerError("bad_state", `--state must be one of ${TASK_STATES.join(", ")}`);
      }
      if (opts.state === undefined && opts.note === undefined) throw new AnswerError("nothing_to_set", "give --state or --note");
      if (opts.date !== undefined && !ISO_DATE.test(opts.date)) throw new AnswerError("bad_date", `${opts.date} is not a date; use YYYY-MM-DD`);
      await ctx.withApp(async (app) => {
        const { actorLabel, formatDate, identityOf, statusText, vnDate } = await helpers();
        const task = await findTask(app, doc, section, opts.org);
        const saved = await app.store.setTaskStatus({
          identity: identityOf(task), to: opts.state as TaskState | undefined, by: actorLabel("cli", opts.by ?? safeUser()),
          doneOn: opts.date, note: opts.note, evidence: evidenceOf(opts),
        });
        if (opts.json) return ctx.out(JSON.stringify({ doc: task.docName, section: task.sectionLabel, org: task.org, ...saved }));
        ctx.out(`${task.org} — ${task.docName} mục ${task.sectionLabel}: ${statusText(saved, task.deadline?.due, vnDate(app.now()), formatDate)}`);
      });
    }));

  status
    .command("review")
    .description("statuses carried over to a reworded task, waiting for someone to look at them")
    .option("--json", "print JSON")
    .action(action(async (opts: { json?: boolean }) => {
      await ctx.withApp(async (app) => {
        const flagged = [...(await app.store.getTaskStatuses()).values()].filter((st) => st.needsReview);
        if (opts.json) return ctx.out(JSON.stringify(flagged));
        if (flagged.length === 0) return ctx.out("no status waits for review");
        for (const st of flagged) ctx.out(`${st.docName} mục ${st.sectionLabel} (${st.orgKey}): ${st.state}`);
      });
    }));

  status
    .command("confirm <doc> <section>")
    .description("clear the review flag of a carried-over status (the status stays as it is)")
    .option("--org <name>", "the body, when the section assigns several")
    .action(action(async (doc: string, section: string, opts: { org?: string }) => {
      await ctx.withApp(async (app) => {
        const { identityOf, taskKey } = await helpers();
        const task = await findTask(app, doc, section, opts.org);
        await app.store.confirmTaskStatus(taskKey(identityOf(task)));
        ctx.out(`${task.org} — ${task.docName} mục ${task.sectionLabel}: reviewed`);
      });
    }));

  status
    .command("show <doc> <section>")
    .description("a task's status and its history")
    .option("--org <name>", "the body, when the section assigns several")
    .option("--json", "print JSON")
    .action(action(async (doc: string, section: string, opts: { org?: string; json?: boolean }) => {
      await ctx.withApp(async (app) => {
        const { formatDate, identityOf, statusText, taskKey, vnDate } = await helpers();
        const task = await findTask(app, doc, section, opts.org);
        const key = taskKey(identityOf(task));
        const current = (await app.store.getTaskStatuses([key])).get(key);
        const history = await app.store.taskStatusHistory(key);
        if (opts.json) return ctx.out(JSON.stringify({ doc: task.docName, section: task.sectionLabel, org: task.org, status: current ?? null, history }));
        ctx.out(`${task.org} — ${task.docName} mục ${task.sectionLabel}: ${statusText(current, task.deadline?.due, vnDate(app.now()), formatDate)}` +
          (current?.needsReview ? " (wording changed: review)" : ""));
        for (const h of history) {
          ctx.out(`  ${h.at}  ${h.by}: ${h.from ?? "-"} -> ${h.to}${h.note ? ` — ${h.note}` : ""}`);
        }
      });
    }));
}

function safeUser(): string {
  try {
    return userInfo().username;
  } catch {
    return "unknown";
  }
}
