/**
 * The words of answers, in Vietnamese or English. Quotes are never produced here: only the framing
 * around them (who, how many, which role, which deadline).
 */
import { intToRoman } from "../core/text.js";
import type { Role } from "../core/types.js";
import type { StoredAssignment } from "../store/types.js";
import { docLabel, formatDate, roleName, shorten, taskPlace } from "../core/display.js";
import type { Language } from "./types.js";
import type { Understanding } from "./understand.js";

function periodWords(u: Understanding): string {
  if (!u.period) return "";
  if (u.language === "en") {
    // "before 30 November 2026" is a deadline, not a span to be "in" (its label is "≤2026-11-30").
    if (u.period.kind === "range" && u.period.end && !u.period.start) return ` due by ${formatDate(u.period.end)}`;
    return ` in ${u.period.label ?? u.period.text}`;
  }
  const label = u.period.label ?? "";
  // Shown in the document's own style whatever way it was typed ("quy 2/2026" -> "quý II/2026").
  const q = /^Q([1-4])\/(\d{4})$/.exec(label);
  if (q) return ` trong quý ${intToRoman(Number(q[1]))}/${q[2]}`;
  const m = /^(\d{2})\/(\d{4})$/.exec(label);
  if (m) return ` trong tháng ${Number(m[1])}/${m[2]}`;
  if (/^\d{4}$/.test(label)) return ` trong năm ${label}`;
  const text = u.period.text.replace(/^(trong|in)\s+/i, "");
  return /^(trước|đến|từ|chậm nhất)\b/i.test(text) ? ` ${text}` : ` trong ${text}`;
}


function subject(u: Understanding): string {
  const names = [...new Set(u.orgs.map((m) => m.org.name))];
  if (names.length > 0) return names.join(", ");
  return u.language === "en" ? "The documents" : "Các văn bản";
}

export function describeNothing(u: Understanding, pastEnd: boolean): string {
  if (pastEnd) return u.language === "en" ? "No more results." : "Không còn kết quả nào nữa.";
  if (u.kind === "assigned" && u.orgs.length > 0) {
    return u.language === "en"
      ? `No task assigned to ${subject(u)}${periodWords(u)} was found in the stored documents.`
      : `Không tìm thấy nhiệm vụ nào giao cho ${subject(u)}${periodWords(u)} trong các văn bản đã nạp.`;
  }
  return u.language === "en"
    ? "The stored documents do not answer this question."
    : "Không tìm thấy nội dung trả lời câu hỏi này trong các văn bản đã nạp.";
}

export function deadlineWords(t: StoredAssignment, lang: Language): string {
  if (!t.deadline) return "";
  const due = t.deadline.due ? ` (${formatDate(t.deadline.due)})` : "";
  // In English the document's own words are quoted, the date is the answer's.
  if (lang === "en") return t.deadline.due ? ` — due ${formatDate(t.deadline.due)} (“${t.deadline.text}”)` : ` — due: “${t.deadline.text}”`;
  return ` — hạn: ${t.deadline.text}${due}`;
}

export function describeAssigned(
  u: Understanding,
  groups: Array<{ role: Role; tasks: StoredAssignment[] }>,
  total: number,
  offset: number,
): string {
  const lang = u.language;
  const head = u.orgs.length > 0
    ? lang === "en" ? `${subject(u)} has ${total} task(s)${periodWords(u)}:` : `${subject(u)} có ${total} nhiệm vụ${periodWords(u)}:`
    : lang === "en" ? `${total} task(s)${periodWords(u)}:` : `Có ${total} nhiệm vụ${periodWords(u)}:`;
  const lines = [head];
  let n = offset;
  for (const g of groups) {
    lines.push(`${roleName(g.role, lang)} (${g.tasks.length}):`);
    for (const t of g.tasks) {
      n++;
      const who = u.orgs.length === 0 ? `${t.org}: ` : "";
      lines.push(`${n}. ${who}${shorten(t.task, 220)}${deadlineWords(t, lang)} [${docLabel(t.docMeta, t.docName, lang)}, ${taskPlace(t, lang)}]`);
    }
  }
  return lines.join("\n");
}

/** A listing without an organisation: each task once, with every body and its role. */
export function describeDue(u: Understanding, entries: StoredAssignment[][], total: number, offset: number): string {
  const lang = u.language;
  const lines = [lang === "en" ? `${total} task(s)${periodWords(u)}:` : `Có ${total} nhiệm vụ${periodWords(u)}:`];
  entries.forEach((records, i) => {
    const t = records[0]!;
    const bodies = records.map((r) => `${r.org} (${roleName(r.role, lang).toLowerCase()})`).join(", ");
    lines.push(`${offset + i + 1}. ${bodies}: ${shorten(t.task, 220)}${deadlineWords(t, lang)} [${docLabel(t.docMeta, t.docName, lang)}, ${taskPlace(t, lang)}]`);
  });
  return lines.join("\n");
}

