import type { Command } from "commander";
import type { App } from "../../app/types.js";
import { NhiemvuError } from "../../core/errors.js";
import { DOC_KIND_LABELS } from "../../core/types.js";
import type { DocumentSummary } from "../../store/types.js";
import { action, type CliContext } from "../context.js";

export function registerDocs(program: Command, ctx: CliContext): void {
  program
    .command("docs")
    .description("list stored documents")
    .option("--json", "print JSON")
    .action(action(async (opts: { json?: boolean }) => {
      const docs = await ctx.withApp((app) => app.store.listDocuments());
      if (opts.json) return ctx.out(JSON.stringify(docs.map(({ path: _p, ...d }) => d)));
      if (docs.length === 0) return ctx.out("no documents stored yet: run `nhiemvu ingest PATH`");
      for (const d of docs) ctx.out(docLine(d));
    }));

  program
    .command("show")
    .description("show a document's card, or the text of one of its sections")
    .argument("<doc>", "file name, id or number (229-KL/TW, 229)")
    .argument("[section]", 'section label as the document writes it, e.g. "3 (ii)"')
    .action(action(async (ref: string, label: string | undefined) => {
      await ctx.withApp(async (app) => {
        const doc = await oneDocument(app, ref);
        const full = await app.store.getDocument(doc.id);
        const sections = await app.store.getSections(doc.id);
        if (!full) throw new NhiemvuError("doc_not_found", `No stored document matches "${ref}"`);
        if (label === undefined) {
          ctx.out(docLine(doc));
          for (const s of sections) {
            const text = full.text.slice(s.start, s.end).replace(/\s+/g, " ");
            ctx.out(`${"  ".repeat(s.depth + 1)}${s.label || "(mở đầu)"}  [${s.assignments} assignments]  ${text.slice(0, 90)}${text.length > 90 ? "…" : ""}`);
          }
          return;
        }
        const { findSectionByLabel } = await import("../world.js");
        const section = findSectionByLabel(sections, label);
        if (!section) {
          throw new NhiemvuError("section_not_found",
            `${doc.name} has no section "${label}". Sections: ${sections.map((s) => s.label).filter(Boolean).join(", ")}`);
        }
        ctx.out(`${doc.name} — ${section.label}`);
        ctx.out(full.text.slice(section.start, section.end));
      });
    }));

  program
    .command("remove")
    .description("delete a document and everything derived from it")
    .argument("<doc>", "file name, id or number")
    .action(action(async (ref: string) => {
      const name = await ctx.withApp(async (app) => {
        const doc = await oneDocument(app, ref);
        await app.store.removeDocument(doc.id);
        await app.store.flush();
        return doc.name;
      });
      ctx.out(`removed ${name}`);
    }));

  program
    .command("stats")
    .description("counts of documents, sections, chunks, assignments and vectors")
    .option("--json", "print JSON")
    .action(action(async (opts: { json?: boolean }) => {
      const stats = await ctx.withStore((store) => store.stats());
      ctx.out(opts.json ? JSON.stringify(stats) : Object.entries(stats).map(([k, v]) => `${k}: ${v}`).join("\n"));
    }));
}

/** Exactly one stored document for a reference, or an error that lists the candidates. */
export async function oneDocument(app: App, ref: string): Promise<DocumentSummary> {
  const docs = await app.store.findDocuments(ref);
  if (docs.length === 0) throw new NhiemvuError("doc_not_found", `No stored document matches "${ref}" (see \`nhiemvu docs\`)`);
  if (docs.length > 1) {
    throw new NhiemvuError("doc_ambiguous", `"${ref}" matches ${docs.length} documents: ${docs.map((d) => d.name).join(", ")}`);
  }
  return docs[0]!;
}

function docLine(d: DocumentSummary): string {
  const m = d.meta;
  const head = [DOC_KIND_LABELS[m.kind], m.number, m.date].filter(Boolean).join(" ");
  return `${String(d.id).padStart(4)}  ${d.name}  ${head}  ${m.title ?? ""}  (${d.sections} sections, ${d.chunks} chunks, ${d.assignments} assignments)`;
}
