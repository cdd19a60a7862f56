/** Admins feed documents (uploads, ingested on the spot) and remove them (/xoa with a confirmation button). */
import { rm } from "node:fs/promises";
import { join, resolve, sep } from "node:path";
import { Composer, InlineKeyboard } from "grammy";
import { escapeHtml } from "../../core/text.js";
import type { BotContext, BotDeps } from "../context.js";
import { proposeEvidence } from "./evidence.js";
import { docLabel, formatDate, shorten, ROLE_LABELS } from "../../core/display.js";
import { replyItems, withTyping } from "../send.js";
import { downloadTo, extensionOf, formatMb, ingestFailureReason, ocrProgress, sanitizeFileName, UPLOAD_EXTENSIONS, UPLOAD_FORMATS } from "../upload.js";
import { ADMIN_ONLY } from "./access.js";
import { alertSubscribers } from "./digest.js";

/** The store lock an upload's ingest holds; its lease outlasts any single-file ingest (renewed while it runs). */
export const INGEST_LOCK = "ingest";
const INGEST_LEASE_MS = 10 * 60_000;

export function adminFeature(deps: BotDeps): Composer<BotContext> {
  const c = new Composer<BotContext>();
  const { app, config } = deps;
  const uploads = join(config.store.dataDir, "uploads");

  c.on("message:document", async (ctx, next) => {
    if (ctx.chat.type !== "private") return next();
    if (!ctx.access.admin) {
      return void (await ctx.reply("Chỉ quản trị viên mới có thể gửi văn bản vào hệ thống. Bạn vẫn có thể đặt câu hỏi như bình thường."));
    }
    const doc = ctx.msg.document;
    const name = sanitizeFileName(doc.file_name ?? `tai-lieu-${doc.file_unique_id}`);
    const ext = extensionOf(name);
    if (!UPLOAD_EXTENSIONS.has(ext)) {
      return void (await ctx.reply(`Không nhận tệp “${name}”: định dạng ${ext ? `.${ext}` : "này"} chưa được hỗ trợ. Hãy gửi tệp ${UPLOAD_FORMATS}.`));
    }
    const max = config.bot.maxUploadBytes;
    if (doc.file_size !== undefined && doc.file_size > max) {
      return void (await ctx.reply(`Tệp “${name}” quá lớn (${formatMb(doc.file_size)}); giới hạn là ${formatMb(max)}. Hãy tách nhỏ hoặc nén tệp rồi gửi lại.`));
    }
    await withTyping(ctx, async () => {
      let path: string;
      try {
        const file = await ctx.getFile();
        if (!file.file_path) throw new Error("getFile returned no file_path");
        path = await downloadTo(deps.apiRoot, ctx.api.token, file.file_path, uploads, name, max);
      } catch (err) {
        ctx.log.warn({ name, err: err instanceof Error ? err.message : String(err) }, "upload download failed");
        return void (await ctx.reply(`Không tải được tệp “${name}” từ Telegram. Vui lòng gửi lại.`));
      }
      // One ingest at a time across replicas (and beside a CLI ingest). The file stays saved in uploads/:
      // sending it again, or the next folder ingest, picks it up.
      const progress = ocrProgress((text) => ctx.reply(text), (id, text) => ctx.api.editMessageText(ctx.chat.id, id, text));
      const locked = await app.store.withLock(INGEST_LOCK, () => app.ingest([path], { onPage: progress.onPage }), INGEST_LEASE_MS);
      await progress.settled();
      if (!locked.ran) {
        ctx.log.info({ name }, "upload waits: another ingest is running");
        return void (await ctx.reply(`⏳ Đang có một văn bản khác được nạp vào hệ thống. Tệp “${name}” đã được lưu; vui lòng gửi lại sau ít phút.`));
      }
      const summary = locked.value;
      const r = summary.files[0];
      ctx.log.info({ name, status: r?.status, docId: r?.docId, error: r?.error?.code }, "upload ingested");
      if (!r || r.status === "failed" || r.docId === undefined) {
        const why = r?.error ? ingestFailureReason(r.error.code, r.error.message) : "không xử lý được tệp";
        return void (await ctx.reply(`❌ Không nạp được “${name}”: ${why}.`));
      }
      await replyItems(ctx, await ingestReport(deps, r.docId, r.status), { separator: "\n" });
      // Tasks this document reports done, proposed for an admin to confirm (features/evidence.ts).
      await proposeEvidence(deps, ctx.api, ctx.chat.id, r.docId)
        .catch((err: unknown) => ctx.log.warn({ err: err instanceof Error ? err.message : String(err) }, "evidence proposals failed"));
      await alertSubscribers(deps, ctx.api, summary);
    });
  });

  c.command("xoa", async (ctx) => {
    if (!ctx.access.admin) return void (await ctx.reply(ADMIN_ONLY));
    const ref = ctx.match.trim();
    if (!ref) return void (await ctx.reply("Cú pháp: /xoa SỐ_HIỆU hoặc TÊN_TỆP, ví dụ /xoa 229-KL/TW"));
    const docs = await app.store.findDocuments(ref);
    if (docs.length === 0) return void (await ctx.reply(`Không tìm thấy văn bản “${ref}”.`));
    if (docs.length > 1) {
      const lines = docs.map((d) => `• ${escapeHtml(docLabel(d.meta, d.name))} — <code>${escapeHtml(d.name)}</code>`);
      return void (await replyItems(ctx, [`Có ${docs.length} văn bản khớp “${escapeHtml(ref)}”; hãy ghi rõ hơn (tên tệp):`, ...lines], { separator: "\n" }));
    }
    const d = docs[0]!;
    const kb = new InlineKeyboard().text("🗑 Xóa", `del:${d.id}`).text("Hủy", "delno");
    await ctx.reply(
      `Xóa văn bản <b>${escapeHtml(docLabel(d.meta, d.name))}</b> (<code>${escapeHtml(d.name)}</code>, ${d.assignments} nhiệm vụ)? ` +
        "Mọi mục và nhiệm vụ của văn bản sẽ bị xóa khỏi hệ thống.",
      { parse_mode: "HTML", reply_markup: kb },
    );
  });

  c.callbackQuery(/^del:(\d+)$/, async (ctx) => {
    if (!ctx.access.admin) return void (await ctx.answerCallbackQuery({ text: ADMIN_ONLY, show_alert: true }));
    const doc = await app.store.getDocument(Number(ctx.match[1]));
    if (!doc) return void (await ctx.answerCallbackQuery({ text: "Văn bản không còn trong hệ thống." }));
    await app.store.removeDocument(doc.id);
    // An uploaded copy would come back on the next folder ingest: remove it too.
    if (resolve(doc.path).startsWith(resolve(uploads) + sep)) await rm(doc.path, { force: true });
    ctx.log.info({ docId: doc.id, name: doc.name }, "document removed");
    const text = `🗑 Đã xóa ${docLabel(doc.meta, doc.name)} (${doc.name}).`;
    await ctx.answerCallbackQuery({ text: "Đã xóa." });
    await ctx.editMessageText(text).catch(() => ctx.reply(text));
  });

  c.callbackQuery("delno", async (ctx) => {
    await ctx.answerCallbackQuery({ text: "Đã hủy." });
    await ctx.editMessageText("Đã hủy, không xóa văn bản nào.").catch(() => undefined);
  });

  return c;
}

/** What was found in a freshly ingested document: kind, number, sections, and tasks per organisation. */
async function ingestReport(deps: BotDeps, docId: number, status: string): Promise<string[]> {
  const { store } = deps.app;
  const doc = await store.getDocument(docId);
  if (!doc) return ["Đã nạp tệp nhưng không đọc lại được văn bản."];
  const verb = status === "new" ? "✅ Đã nạp" : status === "updated" ? "♻️ Đã cập nhật" : "ℹ️ Văn bản đã có, không thay đổi:";
  const lines = [`${verb} <b>${escapeHtml(docLabel(doc.meta, doc.name))}</b> (<code>${escapeHtml(doc.name)}</code>)`];
  if (doc.meta.date) lines.push(`Ngày: ${formatDate(doc.meta.date)}`);
  if (doc.meta.title) lines.push(`Trích yếu: ${escapeHtml(shorten(doc.meta.title, 300))}`);
  lines.push(`${doc.sections} mục · ${doc.assignments} nhiệm vụ được giao`);
  const tasks = await store.findAssignments({ docIds: [docId] });
  const byOrg = new Map<string, Map<string, number>>();
  for (const t of tasks) {
    const roles = byOrg.get(t.org) ?? new Map<string, number>();
    roles.set(ROLE_LABELS[t.role], (roles.get(ROLE_LABELS[t.role]) ?? 0) + 1);
    byOrg.set(t.org, roles);
  }
  if (byOrg.size > 0) {
    lines.push("<b>Nhiệm vụ theo cơ quan:</b>");
    const rows = [...byOrg].map(([org, roles]) => ({ org, roles, n: [...roles.values()].reduce((a, b) => a + b, 0) }));
    rows.sort((a, b) => b.n - a.n || a.org.localeCompare(b.org, "vi"));
    for (const row of rows) {
      const detail = [...row.roles].map(([role, n]) => `${role.toLowerCase()} ${n}`).join(", ");
      lines.push(`• ${escapeHtml(row.org)}: ${row.n} (${detail})`);
    }
  } else {
    lines.push("Không tìm thấy nhiệm vụ được giao cho cơ quan nào trong văn bản này.");
  }
  return lines;
}
