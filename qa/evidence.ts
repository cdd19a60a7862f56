/**
 * What a passage must hold, besides the question's words, to answer it: the body the question names,
 * and the period it names. A near passage that lacks either ("Bộ Công Thương ... năm 2024" answered
 * with a 2025 task, "Sở Y tế Gia Lai" with another province's) is not an answer.
 */
import { documentProvinces, issuerProvince, recordIds, type OrgMention, type OrgRegistry, type PlaceMention } from "../core/orgs.js";
import { findPeriods } from "../core/periods.js";
import { nameKey } from "../core/text.js";
import type { DocumentMeta, Period } from "../core/types.js";
import type { StoredAssignment, StoredChunk } from "../store/types.js";

/**
 * The passage (with its heading path and its document's title) names one of the bodies; a provincial
 * department may be named unplaced ("Sở Y tế") in its own province's documents (core/orgs.ts recordIds).
 * A passage also names a body when it holds a task the extractor gave that body (`tasks`: the stored
 * assignments of its document): an item under a lead-in that names the body ("Bộ Công Thương chủ trì ...:
 * (i) ... (iv) ... báo cáo Thủ tướng") does not repeat the name.
 */
export function namesBody(chunk: StoredChunk, orgs: readonly OrgMention[], registry?: OrgRegistry, tasks: readonly StoredAssignment[] = [], unknown?: string): boolean {
  if (orgs.length === 0 && unknown === undefined) return true;
  const text = nameKey(`${chunk.docMeta.title ?? ""} ${chunk.context} ${chunk.text}`);
  // A body the registry lacks ("Vụ Tiền lương") is named by its words as the question writes them.
  // Its head and first words are enough: the text may go on with its place or its parent ("Vụ Tiền lương, Bộ Nội vụ").
  if (orgs.length === 0) return text.includes(nameKey(unknown!).split(" ").slice(0, 3).join(" "));
  const province = registry && orgs.some((m) => m.org.unplaced) ? issuerProvince(registry, chunk.docMeta.issuer) : undefined;
  const bodies = orgs.flatMap((m) => [m.org, ...recordIds(m.org, province).slice(1).flatMap((id) => registry?.get(id) ?? [])]);
  const ids = new Set(orgs.flatMap((m) => recordIds(m.org, province)));
  // "UBND tỉnh Gia Lai giao Sở Tài chính ...": the department asked about is Gia Lai's; another province's
  // document that writes "Sở Tài chính" means its own (a province merged into the one asked is that one).
  const about = registry && orgs.some((m) => m.org.province) ? documentProvinces(registry, chunk.docMeta) : [];
  const elsewhere = (m: OrgMention) => registry !== undefined && m.org.province !== undefined && about.length > 0
    && ![m.org, ...registry.derivedPredecessors(m.org)].some((o) => o.province !== undefined && about.includes(o.province));
  return orgs.some((m) => nameKey(m.text).length > 0 && !elsewhere(m) && text.includes(nameKey(m.text)))
    || bodies.some((o) => [o.name, ...o.aliases, ...o.abbreviations].map(nameKey).some((n) => n.length > 0 && text.includes(n)))
    || tasks.some((t) => t.docId === chunk.docId && t.quoteStart < chunk.end && t.quoteEnd > chunk.start && ids.has(t.orgId ?? ""));
}

/**
 * A passage of another province's document does not answer for the province a question names as a place
 * ("Tổng kim ngạch xuất khẩu của tỉnh Phú Thọ" from Đắk Lắk's report) unless it names that province itself
 * (in its text, heading path or document title). A document's province is its issuer's, or for a national
 * office's text the one its title names; a document of no province (national, or of unknown issuer) is not
 * refused. `text` is what the passage or task holds (with a passage's heading path).
 */
export function namesPlace(doc: { meta: DocumentMeta; text: string }, places: readonly PlaceMention[], registry?: OrgRegistry): boolean {
  if (places.length === 0 || !registry) return true;
  const about = documentProvinces(registry, doc.meta);
  if (about.length === 0 || places.some((p) => about.includes(p.id))) return true;
  const text = nameKey(`${doc.meta.title ?? ""} ${doc.text}`);
  return places.some((p) => p.names.map(nameKey).some((n) => n.length > 0 && text.includes(n)));
}

const YEAR_RE = /(?<!\d)(?:19|20)\d\d(?!\d)/g;

/**
 * The passage speaks of a year of the period: written in it, in its heading path or its document's
 * title, or the year its document was issued or covers. One that gives no year at all is not refused.
 */
export function inPeriod(chunk: StoredChunk, period: Period | undefined): boolean {
  if (!period || period.kind !== "range" || !period.start || !period.end) return true;
  const from = Number(period.start.slice(0, 4));
  const to = Number(period.end.slice(0, 4));
  const written = [...`${chunk.docMeta.title ?? ""} ${chunk.context} ${chunk.text}`.matchAll(YEAR_RE)].map((m) => Number(m[0]));
  const meta = [chunk.docMeta.date, chunk.docMeta.period?.start, chunk.docMeta.period?.end]
    .filter((d): d is string => !!d).map((d) => Number(d.slice(0, 4)));
  const years = [...written, ...meta];
  return years.length === 0 || years.some((y) => y >= from && y <= to);
}

/**
 * The passage itself, in its text or heading path, states a time in the period. An assignment question the
 * table has no answer for ("Bộ Công Thương phải báo cáo gì trong quý I/2027?") asks for a task due then: a
 * passage of a 2026-2030 plan that gives no date in that quarter does not answer it, though its document
 * covers the year (inPeriod).
 */
export function statesPeriod(chunk: StoredChunk, period: Period | undefined): boolean {
  if (!period || period.kind !== "range" || !period.end) return true;
  const { start, end } = period;
  return findPeriods(`${chunk.context}\n${chunk.text}`).some(({ period: p }) =>
    p.kind === "range" && p.end !== undefined && p.end >= (start ?? "") && (p.start ?? p.end) <= end);
}
