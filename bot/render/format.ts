/** Small formatting rules shared by the renderers: dates, document labels, section labels, roles. */
import { DOC_KIND_LABELS, type DocumentMeta, type Role } from "../../core/types.js";

export const ROLE_LABELS: Record<Role, string> = { lead: "Chủ trì", coordinate: "Phối hợp", execute: "Thực hiện" };

/** "2026-06-30" -> "30/6/2026", as Vietnamese documents write dates. */
export function formatDate(iso: string | undefined): string {
  if (!iso) return "";
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return iso;
  return `${Number(m[3])}/${Number(m[2])}/${m[1]}`;
}

/** "Kết luận 229-KL/TW", or the file name when the document has no kind/number. Plain text (escape it). */
export function docLabel(meta: Partial<DocumentMeta> | undefined, fallback: string): string {
  if (!meta?.kind) return fallback;
  const kind = DOC_KIND_LABELS[meta.kind];
  if (meta.number) return `${kind} ${meta.number}`;
  return meta.kind === "news" || meta.kind === "other" ? `${kind} ${fallback}` : kind;
}

/** "3 (ii)" -> "mục 3 (ii)"; "¶5" -> "đoạn 5". Plain text. */
export function sectionPhrase(label: string | undefined): string {
  if (!label) return "";
  const l = label.trim();
  if (l.startsWith("¶")) return `đoạn ${l.slice(1)}`;
  if (/^(mục|phần|điều|đoạn|khoản|chương)\b/i.test(l)) return l;
  return `mục ${l}`;
}

/** Shortens display text (titles, headings) at a word boundary; never used on quotes. */
export function shorten(text: string, max: number): string {
  const t = text.replace(/\s+/g, " ").trim();
  if (t.length <= max) return t;
  const cut = t.slice(0, max);
  const sp = cut.lastIndexOf(" ");
  return `${(sp > max * 0.6 ? cut.slice(0, sp) : cut).trimEnd()}…`;
}

/** Today's ISO date in Vietnam (UTC+7, no DST) for a given instant. */
export function vnDate(now: Date): string {
  return new Date(now.getTime() + 7 * 3600_000).toISOString().slice(0, 10);
}

/** ISO date plus n days (n may be negative). */
export function addDays(iso: string, n: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}
