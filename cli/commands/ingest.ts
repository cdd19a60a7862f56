import type { Command } from "commander";
import type { IngestSummary } from "../../ingest/types.js";
import { action, type CliContext } from "../context.js";

export function registerIngest(program: Command, ctx: CliContext): void {
  program
    .command("ingest")
    .description("read files and folders (recursively) into the store")
    .argument("<paths...>", "files or folders: .txt .md .docx .doc .pdf .html .xlsx .xls .csv .png .jpg .tif")
    .option("--prune", "remove stored documents under these folders whose files are gone")
    .option("--json", "print the summary as JSON")
    .action(action(async (paths: string[], opts: { prune?: boolean; json?: boolean }) => {
      const summary = await ctx.withApp((app) =>
        app.ingest(paths, { prune: opts.prune, onFile: process.stderr.isTTY && !opts.json ? progress : undefined, onPage: process.stderr.isTTY && !opts.json ? pageProgress : undefined }),
      );
      if (process.stderr.isTTY && !opts.json) process.stderr.write("\n");
      ctx.out(opts.json ? JSON.stringify(summary) : formatSummary(summary));
      if (summary.counts.failed > 0) process.exitCode = 1;
    }));

  program
    .command("reindex")
    .description("re-embed every chunk with the configured embedder (after changing EMBEDDER or its model)")
    .action(action(async () => {
      const done = await ctx.withApp(async (app) => {
        const [{ createEmbeddings, resolveEmbedderInfo }, { repairStore }] =
          await Promise.all([import("../../embeddings/create.js"), import("../../ingest/pipeline.js")]);
        await app.store.clearVectors();
        const { reembedded } = await repairStore(app);
        const info = await resolveEmbedderInfo(createEmbeddings(app.config.embeddings));
        await app.store.setEmbedderInfo(info);
        await app.store.flush();
        return { reembedded, info };
      }, { allowEmbedderMismatch: true });
      ctx.out(`re-embedded ${done.reembedded} chunks with ${done.info.name} (${done.info.dimensions} dimensions)`);
    }));
}

function progress(done: number, total: number, name: string): void {
  const width = 30;
  const filled = Math.round((done / Math.max(total, 1)) * width);
  process.stderr.write(`\r[${"#".repeat(filled)}${" ".repeat(width - filled)}] ${done}/${total} ${name.slice(0, 40).padEnd(40)}`);
}

/** OCR of a scan: one line per page, rewritten in place. */
function pageProgress(done: number, total: number, name: string): void {
  process.stderr.write(`\rOCR ${name.slice(0, 40)}: page ${done}/${total}`.padEnd(75));
}

export function formatSummary(s: IngestSummary): string {
  const lines = [
    `new ${s.counts.new}, updated ${s.counts.updated}, unchanged ${s.counts.unchanged}, failed ${s.counts.failed}` +
      (s.counts.removed ? `, removed ${s.counts.removed}` : "") +
      ` | sections ${s.sections}, chunks ${s.chunks}, assignments ${s.assignments} | ${s.seconds}s`,
  ];
  for (const f of s.files) {
    if (f.status === "failed") lines.push(`  failed  ${f.name}: ${f.error?.message} [${f.error?.code}]`);
    if (f.status === "removed") lines.push(`  removed ${f.name}`);
  }
  return lines.join("\n");
}
