/**
 * Who a sentence assigns: "Giao X chủ trì, phối hợp với Y ...", "Đề nghị X ...", "X khẩn trương ...",
 * "Ban cũng được giao ...". Only two positions name assignees: the object of a directive verb and the
 * subject before a task verb. Bodies anywhere else ("báo cáo Bộ Chính trị", "Tham mưu Ban Bí thư",
 * "Báo cáo số 66-BC/BTCTW ... của Ban Tổ chức Trung ương") are recipients or references, never assignees.
 */
import { lowKey } from "../../core/text.js";
import { readBodyList, type Body } from "./bodies.js";
import {
  ASSIGNING_VERBS, CONNECTIVES, DIRECTIVE_VERBS, HEAD_TITLES, NOT_DIRECTIVE_BEFORE, PERSON_TITLES, PhraseSet, STRONG_TASK_VERBS, TASK_VERBS,
} from "./lexicon.js";
import type { DocView, Tok } from "./tokens.js";
import { wordsOf } from "./tokens.js";
import { beforePartner, coordinatorsAt, joinsWithoutPartner, namesPartner } from "./partners.js";

export interface Clause {
  /** Offset where the clause starts (the sentence start, or a directive inside the sentence). */
  start: number;
  bodies: Body[];
  /** "chủ trì" was said of the bodies. */
  chairs: boolean;
  coordinators: Body[];
  /**
   * The bodies only take part, their role is coordinate: "X phối hợp cung cấp số liệu ...", and "X phối hợp
   * (chặt chẽ) với Y <task>" (the project's convention, issue #12): X coordinates and Y, its partner, is named
   * in `coordinators` but gets no record, since the text gives Y no task and does not say Y leads. Not said
   * when X chairs: "X chủ trì, phối hợp với Y ..." is X lead, Y coordinate.
   */
  cooperates: boolean;
  /** Offset where the task's words start (after the subject and its "chủ trì, phối hợp với ..."). */
  taskStart: number;
  /** Offset where the clause ends (the sentence end or the next directive). */
  end: number;
  /** The sentence is "X:" or "Giao X:" or ends with a colon: it introduces items rather than being one. */
  leadIn: boolean;
  /** How the bodies were named: after "Giao/Yêu cầu/Đề nghị", as a subject, before a colon, or by "Ban cũng". */
  via: "directive" | "subject" | "colon" | "pronoun";
  /** Where a topic prefix ("Về dự án X: ...") ends: dates before it belong to the topic, not the task. */
  topicEnd?: number;
}

/** Words that open a topic prefix: "Về ...:", "Đối với ...:", "Liên quan đến ...:". */
const TOPIC_OPENERS = new PhraseSet(["về", "đối với", "liên quan đến", "riêng đối với", "riêng về"]);
/** Words a mandate adverbial ("theo chức năng, nhiệm vụ được giao") is made of. */
const MANDATE_WORDS = new Set([
  "chức", "năng", "nhiệm", "vụ", "thẩm", "quyền", "hạn", "được", "giao", "và", ",", "của", "mình", "phạm", "vi",
  "quản", "lý", "lĩnh", "vực", "ngành", "phân", "công", "trách", "theo", "quy", "định", "đã",
].map(lowKey));

/** Heads a pronoun-like subject uses for a body named before: "Ban cũng được giao ...". */
const PRONOUN_HEADS = ["ban", "bộ", "văn phòng", "ủy ban", "sở", "học viện", "cục", "viện", "cơ quan này", "đơn vị này"];
const PRONOUN_NEXT = new Set(["cũng", "được", "tiếp", "chủ", "có", "chịu", "cần", "phải", "khẩn"]);

/**
 * The clauses of the sentence text[start, end) that assign bodies. `recent` is the last subject named
 * (for "Ban cũng ..."); it is updated when this sentence names one. `item` says the sentence opens a list
 * item, where a body the registry lacks may take any task verb ("Ủy ban nhân dân tỉnh X chỉ đạo ...").
 */
export function readClauses(view: DocView, start: number, end: number, recent: { body?: Body }, item = false): Clause[] {
  const toks = view.tokens(start, end);
  const ws = wordsOf(toks);
  const out: DraftClause[] = [];
  let i = skipConnectives(ws, 0);
  // "Về dự án X: Bộ Y khẩn trương ...": the topic names what, the words after its colon say who.
  let topicEnd: number | undefined;
  if (TOPIC_OPENERS.match(ws, i)) {
    const colon = ws.indexOf(":", i);
    if (colon > i && colon < toks.length - 1) {
      topicEnd = toks[colon]!.end;
      i = skipConnectives(ws, colon + 1);
      item = true;
    }
  }
  let scanFrom = i;
  const endsWithColon = toks.length > 0 && toks[toks.length - 1]!.w === ":";

  i = skipAdverbial(view, toks, i);
  scanFrom = i;
  const dir = DIRECTIVE_VERBS.match(ws, i);
  if (dir) {
    const c = afterDirective(view, toks, i, end);
    if (c) { out.push(c); scanFrom = c.taskTok; }
  } else {
    const list = readBodyList(view, toks, i);
    if (list.bodies.length) {
      let k = list.next;
      if (ws[k] === "cũng") k++;
      const d = DIRECTIVE_VERBS.match(ws, k);
      const allKnown = list.bodies.every((b) => b.orgId !== null || b.collective);
      const mandated = skipMandate(ws, k);
      if (ws[k] === ":" || (k >= toks.length && endsWithColon)) {
        out.push({ ...subjectClause(view, toks, list.bodies, k, end, true), via: "colon" });
        scanFrom = toks.length;
      } else if (d) {
        // "Bộ Chính trị, Ban Bí thư giao X ...": the bodies before are the issuer; the object is assigned.
        const c = afterDirective(view, toks, k, end);
        if (c) out.push(c);
        scanFrom = c ? c.taskTok : k + d;
      } else if (opensTask(ws, mandated, allKnown || item ? TASK_VERBS : STRONG_TASK_VERBS) || ((allKnown || item) && mandated > k)) {
        const c = subjectClause(view, toks, list.bodies, mandated, end, endsWithColon);
        out.push(c);
        scanFrom = c.taskTok;
      } else {
        scanFrom = list.next;
      }
    } else if (recent.body) {
      const p = pronoun(ws, i);
      if (p && PRONOUN_NEXT.has(ws[i + p] ?? "") && view.low.startsWith(ws.slice(i, i + p).join(" "), recent.body.start)) {
        const c = { ...subjectClause(view, toks, [{ ...recent.body }], i + p, end, endsWithColon), via: "pronoun" as const };
        out.push(c);
        scanFrom = c.taskTok;
      }
    }
  }

  // Further directives inside the sentence: "...; giao Văn phòng Trung ương Đảng tổng hợp, báo cáo ...", and
  // further subjects after a semicolon: "Sở Y tế rà soát ...; Sở Tài chính bố trí kinh phí ...".
  for (let j = Math.max(scanFrom, 1); j < toks.length; j++) {
    const d = DIRECTIVE_VERBS.match(ws, j);
    // "..., Thủ tướng Chính phủ đã yêu cầu Bộ Công an:" opens a list all the same; "nhiệm vụ đã giao" does not.
    const directive = d > 0 && !(NOT_DIRECTIVE_BEFORE.has(ws[j - 1] ?? "") && !(ws[j - 1] === "đã" && endsWithColon));
    const c = directive ? afterDirective(view, toks, j, end)
      : ws[j - 1] === ";" && !inParentheses(ws, j) && !inPartnerList(view, toks, ws, j - 1) ? subjectAfterSemicolon(view, toks, ws, j, end, endsWithColon) : undefined;
    if (!c) continue;
    const before = out[out.length - 1];
    if (!directive && before && before.taskTok >= j - 1) {
      // "Giao Văn phòng UBND tỉnh; Sở Dân tộc và Tôn giáo thực hiện ...": the semicolon parts the objects of one
      // assignment, which the bodies after it share.
      out[out.length - 1] = { ...c, start: before.start, bodies: [...before.bodies, ...c.bodies], via: before.via };
      j = c.taskTok;
      continue;
    }
    c.start = toks[j]!.start;
    const prev = out[out.length - 1];
    if (prev) prev.end = Math.min(prev.end, cutBefore(toks, j));
    out.push(c);
    j = c.taskTok;
  }
  for (const c of out) {
    const first = c.bodies.find((b) => !b.collective && !b.vague);
    if (first) recent.body = first;
  }
  if (topicEnd !== undefined && out[0]) {
    out[0].start = toks[0]!.start;
    out[0].topicEnd = topicEnd;
  }
  return out.map(({ taskTok: _t, ...c }) => c);
}

/**
 * A clause of its own after ";" whose subject the registry knows (or a plural) and whose verb is a task verb:
 * "...; Bộ Khoa học và Công nghệ hướng dẫn các Tập đoàn nêu trên thực hiện".
 */
function subjectAfterSemicolon(
  view: DocView, toks: readonly Tok[], ws: readonly string[], j: number, end: number, endsWithColon: boolean,
): DraftClause | undefined {
  const list = readBodyList(view, toks, j);
  if (!list.bodies.length || list.bodies.some((b) => b.vague || (b.orgId === null && !b.collective))) return undefined;
  const k = skipMandate(ws, list.next);
  return opensTask(ws, k, TASK_VERBS) ? subjectClause(view, toks, list.bodies, k, end, endsWithColon) : undefined;
}

/**
 * The ";" at token `semi` parts the partners of a "phối hợp (với)" before it, no verb of their own between: "Chủ trì
 * phối hợp với Ban Thường trực Ủy ban MTTQ tỉnh và các tổ chức đoàn thể ...; Ủy ban nhân dân cấp xã tuyên
 * truyền, vận động ..." names one more partner, not a subject of its own. Words in quotation marks, and a verb
 * written with a capital ("Ban Chỉ đạo"), are part of a name.
 */
function inPartnerList(view: DocView, toks: readonly Tok[], ws: readonly string[], semi: number): boolean {
  let p = -1;
  for (let k = semi - 2; k >= 0 && p < 0; k--) if (ws[k] === "phối" && ws[k + 1] === "hợp") p = ws[k + 2] === "với" ? k + 3 : k + 2;
  if (p < 0) return false;
  let quoted = false;
  for (let k = p; k < semi; k++) {
    if (ws[k] === "“" || ws[k] === "”" || ws[k] === "\"") quoted = ws[k] === "“" ? true : ws[k] === "”" ? false : !quoted;
    else if (!quoted && (ws[k] === ";" || ws[k] === "." || (opensTask(ws, k, TASK_VERBS) && !view.isUpper(toks[k]!.start)))) return false;
  }
  return true;
}

/** Token j stands inside parentheses opened before it: "(các đảng bộ ... tháng 8/2025; các đảng bộ ... tháng 10/2025)" specifies, it assigns nothing new. */
function inParentheses(ws: readonly string[], j: number): boolean {
  let depth = 0;
  for (let k = 0; k < j; k++) depth += ws[k] === "(" ? 1 : ws[k] === ")" ? -1 : 0;
  return depth > 0;
}

/** Words that open a leading adverbial: "Để xác định vị trí dự án, X ...", "Với vai trò là chủ đầu tư, X ...". */
const ADVERBIAL_OPENERS = new PhraseSet(["để", "với vai trò", "nhằm", "sau khi"]);
/**
 * A basis before the subject: "Căn cứ nội dung Kế hoạch và tình hình thực tiễn, các sở, ngành ... có trách nhiệm
 * ...". Its own commas may part the bodies that wrote the basis ("Căn cứ Quyết định ... của UBND tỉnh, Thông tư
 * ... của Bộ Tài chính, ..."), so the subject is taken only where a task verb follows it.
 */
const BASIS_OPENERS = new PhraseSet(["căn cứ", "trên cơ sở"]);

/** The token after a leading adverbial when a body follows its comma; otherwise `i`. */
function skipAdverbial(view: DocView, toks: readonly Tok[], i: number): number {
  const ws = wordsOf(toks);
  if (BASIS_OPENERS.match(ws, i)) {
    for (let c = ws.indexOf(",", i); c > 0 && c - i <= 60; c = ws.indexOf(",", c + 1)) {
      // A task verb after an earlier comma ends the basis: later commas are inside the predicate ("..., chủ trì
      // tổng hợp, ... phối hợp với các sở, ban, ngành, ..."). (The basis may have verbs of its own: "Thông tư ...
      // của Bộ trưởng, Chủ nhiệm Văn phòng Chính phủ hướng dẫn ...".)
      if (ws.slice(i + 2, c).some((w, n) => w === "," && opensTask(ws, i + 3 + n, TASK_VERBS))) break;
      // "... của Bộ trưởng, Chủ nhiệm Văn phòng Chính phủ hướng dẫn ...", "đề xuất của các sở, ban, ngành, địa
      // phương, chủ trì ...": a comma inside the list of the basis's authors.
      const author = ws.lastIndexOf("của", c);
      if (author >= i && (author + 1 + HEAD_TITLES.match(ws, author + 1) === c || readBodyList(view, toks, author + 1).next > c)) continue;
      const list = readBodyList(view, toks, c + 1);
      if (list.bodies.some((b) => !b.vague) && opensTask(ws, skipMandate(ws, list.next), TASK_VERBS)) return c + 1;
    }
    return i;
  }
  if (!ADVERBIAL_OPENERS.match(ws, i)) return i;
  const comma = ws.indexOf(",", i);
  if (comma < 0 || comma - i > 40) return i;
  const list = readBodyList(view, toks, comma + 1);
  return list.bodies.some((b) => !b.vague) ? comma + 1 : i;
}

function skipConnectives(ws: readonly string[], i: number): number {
  for (let k = CONNECTIVES.match(ws, i); k; k = CONNECTIVES.match(ws, i)) {
    i += k;
    if (ws[i] === ",") i++;
  }
  return i;
}

/** A task verb at token k, or "tổ chức" before one ("tổ chức theo dõi, cập nhật ...": organise the doing). */
function opensTask(ws: readonly string[], k: number, verbs: PhraseSet): boolean {
  return verbs.match(ws, k) > 0 || (ws[k] === "tổ" && ws[k + 1] === "chức" && verbs.match(ws, k + 2) > 0);
}

/**
 * The token after a mandate adverbial that stands between a subject and its verb ("Bộ Nội vụ theo chức
 * năng, nhiệm vụ được giao khẩn trương ..."), or `k` itself when there is none. Closed by a comma, the
 * mandate alone says the subject is told to act, whatever verb follows ("các Tập đoàn: ... theo chức năng,
 * nhiệm vụ và thẩm quyền, trao đổi, phối hợp chặt chẽ với Tỉnh ...").
 */
function skipMandate(ws: readonly string[], k: number): number {
  const opens = (ws[k] === "theo" && ["chức", "nhiệm", "thẩm", "phạm", "lĩnh"].includes(ws[k + 1] ?? ""))
    || (ws[k] === "trong" && ws[k + 1] === "phạm" && ws[k + 2] === "vi");
  if (!opens) return k;
  let j = k + 1;
  while (j < ws.length && j - k < 16 && MANDATE_WORDS.has(ws[j]!)) {
    if (j > k + 2 && (TASK_VERBS.match(ws, j) || (ws[j] === "phối" && ws[j + 1] === "hợp"))) break;
    j++;
  }
  while (ws[j] === ",") j++;
  const closed = ws[j - 1] === ",";
  return TASK_VERBS.match(ws, j) || (closed && /^\p{L}/u.test(ws[j] ?? "")) ? j : k;
}

type DraftClause = Clause & { taskTok: number };

/** The clause of the directive verb at token `verb` ("Giao", "Đề nghị", ...): its object is assigned. */
function afterDirective(view: DocView, toks: readonly Tok[], verb: number, end: number): DraftClause | undefined {
  const ws = wordsOf(toks);
  const i = verb + DIRECTIVE_VERBS.match(ws, verb);
  // A leader is assigned ("Giao Phó Thủ tướng ... chỉ đạo"), not asked ("Đề nghị Thủ tướng xem xét").
  const list = readBodyList(view, toks, i, true, ASSIGNING_VERBS.match(ws, verb) === i - verb);
  const bodies = list.bodies.filter((b) => !b.vague);
  if (!bodies.length) return undefined;
  const lead = ws[list.next] === ":" || (list.next >= toks.length - 1 && ws[toks.length - 1] === ":");
  return { ...subjectClause(view, toks, bodies, list.next, end, lead), via: "directive" };
}

/** The clause for `bodies` whose predicate starts at token `k`: reads "chủ trì", "phối hợp với Y". */
function subjectClause(
  view: DocView, toks: readonly Tok[], bodies: Body[], k: number, end: number, leadIn: boolean,
): DraftClause {
  const ws = wordsOf(toks);
  let chairs = false;
  let cooperates = false;
  let coordinators: Body[] = [];
  /** Where "phối hợp với Y" starts when the bodies cooperate: their task reads from there. */
  let partnerAt: number | undefined;
  for (let guard = 0; guard < 6; guard++) {
    if (ws[k] === "cũng" || ws[k] === "," || ws[k] === ":") { k++; continue; }
    const mandate = skipMandate(ws, k);
    if (mandate > k) { k = mandate; continue; }
    if (ws[k] === "được" && ws[k + 1] === "giao") { k += 2; continue; }
    if (ws[k] === "chủ" && ws[k + 1] === "trì") { chairs = true; k += 2; continue; }
    // "X có trách nhiệm chủ trì, phối hợp với Y", "X là cơ quan đầu mối, chủ trì, phối hợp với Y": X chairs as
    // after "Giao X chủ trì", and Y coordinates.
    const duty = chairs ? 0 : BEFORE_CHAIR.match(ws, k);
    if (duty) {
      let j = k + duty;
      while (ws[j] === ",") j++;
      if (ws[j] === "chủ" && ws[j + 1] === "trì") { k = j; continue; }
    }
    const adverb = chairs || coordinators.length ? 0 : beforePartner(ws, k);
    const co = coordinatorsAt(view, toks, k + adverb);
    if (co) {
      if (!chairs && !coordinators.length) { cooperates = true; partnerAt = k; }
      coordinators = co.bodies;
      k = co.next;
      continue;
    }
    // "X có trách nhiệm phối hợp với lực lượng Kiểm lâm ...": a partner the body list cannot read is still one.
    if (!coordinators.length && !chairs && namesPartner(ws, k + adverb)) { cooperates = true; partnerAt = k; break; }
    if (!coordinators.length) cooperates = !chairs && joinsWithoutPartner(view, toks, k);
    break;
  }
  const taskStart = toks[partnerAt ?? k]?.start ?? end;
  return { start: toks[0]?.start ?? end, bodies, chairs, cooperates, coordinators, taskStart, end, leadIn, taskTok: k, via: "subject" };
}

/** What a subject may say of itself before "chủ trì": its duty or its standing ("là cơ quan đầu mối"). */
const BEFORE_CHAIR = new PhraseSet(["có trách nhiệm", "chịu trách nhiệm", "là cơ quan đầu mối", "là đầu mối", "là cơ quan thường trực"]);

function pronoun(ws: readonly string[], i: number): number {
  for (const h of PRONOUN_HEADS) {
    const parts = h.split(" ");
    if (parts.every((p, n) => ws[i + n] === p)) return parts.length;
  }
  return 0;
}

/** Where the previous clause ends when a directive starts at token j: before a ";" or "," that precedes it. */
function cutBefore(toks: readonly Tok[], j: number): number {
  const prev = toks[j - 1];
  if (prev && (prev.w === ";" || prev.w === ",")) return prev.start;
  return toks[j]!.start;
}

/**
 * The bodies a sentence opens with as its own subject (a person counts as a subject the registry cannot
 * name). A sentence whose subject is another body never continues the addressee of a lead-in above it.
 */
export function openingSubject(view: DocView, start: number, end: number): { person: boolean; bodies: Body[] } {
  const toks = view.tokens(start, Math.min(end, start + 400));
  const ws = wordsOf(toks);
  const i = skipConnectives(ws, 0);
  if (PERSON_TITLES.match(ws, i)) return { person: true, bodies: [] };
  // "Yêu cầu Nhà đầu tư (...) rà soát": a named object of its own; "Yêu cầu và đôn đốc ..." names none.
  const dir = DIRECTIVE_VERBS.match(ws, i);
  if (dir && toks[i + dir] && view.isUpper(toks[i + dir]!.start)) return { person: true, bodies: [] };
  return { person: false, bodies: readBodyList(view, toks, i).bodies };
}
