/**
 * The partners a task names: "phối hợp (chặt chẽ) với Y", "phối hợp Y", and a subject that only takes part
 * ("X phối hợp cung cấp số liệu ...").
 */
import { readBodyList, type Body } from "./bodies.js";
import { BODY_HEADS, COLLECTIVE_OPENERS, PhraseSet } from "./lexicon.js";
import type { DocView, Tok } from "./tokens.js";
import { wordsOf } from "./tokens.js";

/** The token after "phối hợp (chặt chẽ)" at token k, or undefined when none stands there. */
function afterCooperate(ws: readonly string[], k: number): number | undefined {
  if (!(ws[k] === "phối" && ws[k + 1] === "hợp")) return undefined;
  return ws[k + 2] === "chặt" && ws[k + 3] === "chẽ" ? k + 4 : k + 2;
}

/**
 * "phối hợp (chặt chẽ) với ..." or "phối hợp <a body's head> ..." at token k: a partner is named, though the
 * body list may not read it ("phối hợp với lực lượng Kiểm lâm", "Phối hợp cơ quan báo chí ...").
 */
export function namesPartner(ws: readonly string[], k: number): boolean {
  const j = afterCooperate(ws, k);
  if (j === undefined) return false;
  const h = COLLECTIVE_OPENERS.match(ws, j);
  return ws[j] === "với" || BODY_HEADS.match(ws, j + h) > 0;
}

/** "phối hợp (chặt chẽ) [với|cùng] Y, Z": the coordinating bodies and the token after them. */
export function coordinatorsAt(view: DocView, toks: readonly Tok[], k: number): { bodies: Body[]; next: number } | undefined {
  const ws = wordsOf(toks);
  let j = afterCooperate(ws, k);
  if (j === undefined) return undefined;
  // "phối hợp Ban Quản lý Khu kinh tế ...": the partner may follow with no "với".
  if (ws[j] === "với" || ws[j] === "cùng") j++;
  let list = readBodyList(view, toks, j);
  // "phối hợp với các đơn vị: Văn phòng UBND tỉnh, ...": a collective noun and a colon announce the partners.
  if (list.bodies.length === 1 && list.bodies[0]!.collective && ws[list.next] === ":") {
    const named = readBodyList(view, toks, list.next + 1);
    if (named.bodies.length) list = named;
  }
  if (!list.bodies.length) return undefined;
  return { bodies: list.bodies, next: list.next };
}

/**
 * "phối hợp (chặt chẽ) <task>" at token k, naming no partner ("phối hợp với Y" names one, read by
 * coordinatorsAt). "Các đơn vị được giao phối hợp có trách nhiệm trả lời ..." describes the bodies; the duty
 * after it is their own.
 */
export function joinsWithoutPartner(view: DocView, toks: readonly Tok[], k: number): boolean {
  const ws = wordsOf(toks);
  let j = afterCooperate(ws, k);
  if (j === undefined) return false;
  if (ws[j] === ",") j++;
  // A capitalised word there names a partner the body list could not read ("phối hợp Ban Quản lý Khu ...").
  return toks[j] !== undefined && /\p{L}/u.test(ws[j]!) && !OWN_DUTY.match(ws, j) && !view.isUpper(toks[j]!.start);
}

/** Words that may stand before "phối hợp với Y" at the head of a duty: "Chủ động phối hợp với ...". */
const BEFORE_PARTNER = new PhraseSet(["chủ động", "tích cực", "tiếp tục", "thường xuyên", "tăng cường", "có trách nhiệm", "chịu trách nhiệm"]);

/** The length of an adverb standing before "phối hợp" at token k ("chủ động phối hợp với ..."), else 0. */
export function beforePartner(ws: readonly string[], k: number): number {
  const n = BEFORE_PARTNER.match(ws, k);
  return n && afterCooperate(ws, k + n) !== undefined ? n : 0;
}

/**
 * A duty with no subject of its own (an item under a body's heading) that opens with "phối hợp (chặt chẽ)
 * với Y": the body above coordinates and Y is its partner (clauses.ts, `cooperates`); "Phối hợp hướng dẫn
 * ..." names no partner and is read as a subject's "X phối hợp hướng dẫn ..." is (joinsWithoutPartner). A
 * short label before a colon ("Tăng cường phối hợp kiểm tra, xử lý vi phạm: chủ động phối hợp với ...") and
 * the basis the duty rests on ("Căn cứ chức năng, nhiệm vụ được giao, phối hợp với ...") are read past.
 */
export function opensWithPartner(view: DocView, start: number, end: number): boolean {
  const toks = view.tokens(start, Math.min(end, start + 400));
  const ws = wordsOf(toks);
  const at = (k: number) => {
    while (ws[k] !== undefined && !/\p{L}/u.test(ws[k]!)) k++;
    k += beforePartner(ws, k);
    return coordinatorsAt(view, toks, k) !== undefined || namesPartner(ws, k) || joinsWithoutPartner(view, toks, k);
  };
  if (at(0)) return true;
  const colon = ws.indexOf(":");
  if (colon > 0 && colon <= 15 && !readBodyList(view, toks, 0).bodies.length && at(colon + 1)) return true;
  // "Căn cứ chức năng, nhiệm vụ được giao, phối hợp với Bộ Xây dựng ...": the basis the duty rests on, then the duty.
  if (!BASIS.match(ws, 0)) return false;
  const comma = ws.findIndex((w, k) => k <= 15 && w === "," && !chairsBefore(ws, k + 1) && afterCooperate(ws, k + 1 + beforePartner(ws, k + 1)) !== undefined);
  return comma > 0 && at(comma + 1);
}

/** Words that open the basis of a duty, before its comma: "Căn cứ ...", "Theo chức năng, nhiệm vụ, ...". */
const BASIS = new PhraseSet(["căn cứ", "theo chức năng", "trên cơ sở"]);

/** Words after "phối hợp" that start a duty of the subject's own, or name a partner. */
const OWN_DUTY = new PhraseSet(["với", "cùng", "có trách nhiệm", "chịu trách nhiệm", "phải", "cần"]);

/** A body's name ends right before token k (within the few tokens before it). */
function afterOtherBody(view: DocView, toks: readonly Tok[], k: number): boolean {
  for (let i = Math.max(0, k - 8); i < k; i++) {
    const m = view.mention(toks[i]!.start);
    if (m && m.index + m.length === toks[k - 1]!.end) return true;
    // A body the registry lacks ("Ủy ban nhân dân tỉnh") read as a name that ends right there.
    if (view.isUpper(toks[i]!.start) && readBodyList(view, toks, i).next === k) return true;
  }
  return false;
}

/**
 * The bodies named after "phối hợp (với)" in text[start, end): coordinators where the item's body chairs
 * ("Chủ trì, phối hợp với Y ..."), else partners of the body's own cooperation ("Chỉ đạo ...; phối hợp với Y
 * ..."), named in its record and given none, by the "phối hợp với" convention (clauses.ts).
 */
export function coordinatorsIn(view: DocView, start: number, end: number): { chaired: Body[]; partners: Body[] } {
  const toks = view.tokens(start, end);
  const ws = wordsOf(toks);
  const out = { chaired: [] as Body[], partners: [] as Body[] };
  for (let k = 0; k < toks.length; k++) {
    const co = coordinatorsAt(view, toks, k);
    if (!co) continue;
    // "tham mưu Ủy ban nhân dân tỉnh phối hợp Bộ Y tế ...": the partner is another body's, not the item's.
    if (!afterOtherBody(view, toks, k)) (chairsBefore(ws, k) ? out.chaired : out.partners).push(...co.bodies);
    k = co.next - 1;
  }
  return out;
}

/** "chủ trì" stands right before token k: "chủ trì, phối hợp", "chủ trì và phối hợp", "chủ trì phối hợp". */
function chairsBefore(ws: readonly string[], k: number): boolean {
  let j = k - 1;
  while (j >= 0 && (ws[j] === "," || ws[j] === "và")) j--;
  return ws[j] === "trì" && ws[j - 1] === "chủ";
}
