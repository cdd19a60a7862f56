/**
 * Tasks from running text and lists. A list item without a subject of its own belongs to the addressee
 * of its lead-in ("Giao Ban Tổ chức Trung ương: (i) ..."); a sentence without a subject continues the
 * task of the sentence before it in the same item or paragraph; anything else names nobody.
 */
import { BULLET, LETTER } from "../../core/list-marks.js";
import { sentenceSpans, type Span } from "../../core/sentences.js";
import type { DocumentMeta, Role } from "../../core/types.js";
import { readBodyList, type Body } from "./bodies.js";
import { openingSubject, readClauses, type Clause } from "./clauses.js";
import { coordinatorsIn, opensWithPartner } from "./partners.js";
import { chosenDeadline, deadlineClauses, findDeadlines, type FoundDeadline } from "./deadlines.js";
import { wordsOf } from "./tokens.js";
import { BODY_HEADS, PhraseSet } from "./lexicon.js";
import { buildOutline, ownSpan, type OutlineNode } from "./outline.js";
import type { RawTask } from "./raw.js";
import type { DocView } from "./tokens.js";

/** Who items under a lead-in belong to, and the lead-in's deadline for items that give none. */
interface Addressee {
  bodies: Body[]; chairs: boolean; cooperates?: boolean; deadline?: FoundDeadline;
  /** Under "Quan điểm", "Mục đích", "Nguyên tắc": sentences say why and how, and assign nothing. */
  silent?: boolean;
}

interface Group {
  bodies: Body[];
  chairs: boolean;
  /** The bodies only take part ("X phối hợp cung cấp ..."): their role is coordinate. */
  cooperates?: boolean;
  coordinators: Body[];
  start: number;
  taskStart: number;
  end: number;
  /** Coordinators are read from the whole group (list items) rather than from the subject's clause. */
  scanCoordinators: boolean;
  /** Dates before this offset belong to a topic prefix ("Về ... năm 2025:"), not to the task. */
  deadlineFrom?: number;
  /** The deadline of the lead-in above, for a task that gives none. */
  fallback?: FoundDeadline;
}

export const MAX_QUOTE = 1500;
/** Words of a bare call to execute: a task made only of these names no work. */
const GENERIC_WORDS = new Set(["nghiêm", "túc", "triển", "khai", "thực", "hiện", "quan", "tâm", "biết", "tổ", "chức", "khẩn",
  "trương", "chỉ", "đạo", "phối", "hợp", "và", "kịp", "thời", "đầy", "đủ", "có", "hiệu", "quả", "chủ", "động", "tích", "cực"]);
/** A part of an owner's duties it chairs: "a) Chủ trì, phối hợp với ...", "Chủ trì:". */
const CHAIRS_PART = /^(?:\*\*)?chủ trì(?=$|[\s,:*])/u;
/** Words that frame the items a lead-in announces: "thực hiện một số nhiệm vụ, trong đó có:", "các nội dung sau đây:". */
const FRAME_WORDS = new Set(["một", "số", "các", "những", "nhiệm", "vụ", "nội", "dung", "công", "việc", "sau", "đây", "như", "gồm",
  "bao", "cụ", "thể", "trong", "đó", "có", "là"]);
/** A colon and the first step's label run in after it, ending a task's words: "...: Bước 1." */
const RUN_IN_STEP = /:[\s*]*bước\s+1[.:]?[\s*]*$/iu;
/** "Phòng ... thuộc Sở Tư pháp có chức năng tham mưu ...": a sentence saying what a unit is for, not a task. */
const FUNCTION = /\bcó chức năng\b/u;
/**
 * "a) Hiện nay tổng khối lượng hoàn thành của Dự án khoảng 61% ...", "Trong thời gian qua, ...": where things
 * stand, the background to the demand after it, not a task of the owner above.
 */
const STATUS = new RegExp(
  String.raw`^(?:${LETTER}\)\s*|${BULLET}\s*)?(?:hiện nay|hiện tại|đến nay|tính đến|trong thời gian qua|thời gian qua|thời gian vừa qua)(?![\p{L}])`, "u");
/** An item that states a rate or an amount ("Mức 1.500.000 đồng/người/buổi áp dụng đối với ..."), not a task. */
const RATE = /^mức\s+(?:chi\s+|hỗ trợ\s+|thu\s+)?[\d.,]+\s*(?:đồng|%|triệu|nghìn)/u;
const ISSUING = /^ban hành (quyết định|kế hoạch|chỉ thị|nghị quyết|quy chế|quy định|công văn|thông báo)\b/u;

/** The tasks of the document's prose and lists, skipping the spans in `skip` (tables, item fields). */
export function readProse(view: DocView, meta: DocumentMeta, skip: readonly Span[], nodes: OutlineNode[] = buildOutline(view.text)): RawTask[] {
  const given = new Map<number, Addressee | undefined>();
  const recent: { body?: Body } = {};
  const out: RawTask[] = [];
  for (let n = 0; n < nodes.length; n++) {
    const node = nodes[n]!;
    // The root and an attached document's opening (its title, its preamble) are running text.
    const top = node.parent === null || node.type === "part";
    // A lead line in running text ("Bốn điểm khác biệt chính giữa 4G và 5G là:") opens a list of its own: the
    // addressee of an earlier lead-in paragraph ("Chính phủ yêu cầu Bộ X ... như sau:") owned that one's items.
    const parent = top ? undefined : nodes[node.parent!]!;
    const inherited = !parent || (node.type === "lead" && (parent.parent === null || parent.type === "part")) ? undefined : given.get(node.parent!);
    const own = ownSpan(nodes, n);
    const hasChildren = node.children.length > 0;
    // Paragraphs of running text (a preamble, or a whole news article) stand alone.
    const units = top ? paragraphs(view.text, own.start, own.end) : [own];
    let addressee = inherited;
    // The lead-in is the last paragraph before the items, short headings between them aside ("... thực hiện
    // một số nhiệm vụ sau:" / "Tăng cường giám sát dịch bệnh tại cửa khẩu" / "- Tham mưu ...").
    let leadAt = units.length - 1;
    while (leadAt > 0 && isTopicLine(view.text.slice(units[leadAt]!.start, units[leadAt]!.end)) && /:\s*$/.test(view.text.slice(units[leadAt - 1]!.start, units[leadAt - 1]!.end))) leadAt--;
    units.forEach((unit, u) => {
      const leadIn = hasChildren && u === leadAt;
      // A preamble's own subject is the issuer ("Ủy ban nhân dân tỉnh ban hành Kế hoạch ... như sau:"):
      // only an addressee it names ("Giao X:", "yêu cầu X ... như sau:", "X:") passes to the items.
      const firstChild = node.children[0] !== undefined ? nodes[node.children[0]]! : undefined;
      // Items that run on in the lead-in's paragraph ("..., cụ thể: (i) ...; (ii) ...") end where it ends.
      const inlineEnd = leadIn && firstChild && view.text[firstChild.start - 1] !== "\n"
        ? paragraphEnd(view.text, firstChild.start, node.end) : undefined;
      const r = readUnit(view, unit, inherited, leadIn, recent, skip, top, meta, inlineEnd);
      if (r.addressee && !inherited?.silent) addressee = r.addressee;
      if (!addressee?.silent) for (const g of r.groups) out.push(...toTasks(view, meta, g));
    });
    given.set(n, addressee);
  }
  return out;
}

function readUnit(
  view: DocView, unit: Span, inherited: Addressee | undefined, leadIn: boolean, recent: { body?: Body }, skip: readonly Span[],
  preamble: boolean, meta: DocumentMeta, inlineEnd?: number,
): { groups: Group[]; addressee?: Addressee } {
  const groups: Group[] = [];
  let current: Group | undefined;
  let addressee: Addressee | undefined;
  let topic: Span | undefined;
  const fallback = inherited?.deadline;
  // "2.5. Sở Y tế" on a line of its own, then its paragraphs: the line names who the sentences after it are for.
  let owner = inherited;
  const sentences = joinedSentences(view.text, unit).filter((s) => !inside(skip, s.start));
  sentences.forEach((s, idx) => {
    const clauses = readClauses(view, s.start, s.end, recent, (!preamble && idx === 0) || topic !== undefined)
      // The issuer's own formula before the articles ("Ủy ban nhân dân thành phố ban hành Quyết định ...") assigns nothing.
      .filter((c) => !(preamble && c.via === "subject" && ISSUING.test(view.low.slice(c.taskStart, c.taskStart + 40))));
    const last = idx === sentences.length - 1;
    const endsWithColon = view.text[s.end - 1] === ":";
    // "Về việc X:" on a line of its own names the topic of the assignment that follows.
    if (topic && clauses[0]) {
      clauses[0].start = topic.start;
      clauses[0].topicEnd = topic.end;
    }
    topic = !clauses.length && endsWithColon && isTopic(view, s) ? s : undefined;
    if (leadIn && last && !preamble) {
      const part = nonTaskPart(view, s);
      if (part) { addressee = { bodies: [], chairs: false, silent: part === "silent" }; return; }
    }
    // "b) Phối hợp với các sở, ngành:" over items of the owner above: the owner coordinates in each of them;
    // "a) Chủ trì, phối hợp với các sở, ngành ..." over them: the owner chairs each, a plural one as well.
    if (leadIn && last && !preamble && !clauses.length && inherited?.bodies.length) {
      if (CHAIRS_PART.test(view.low.slice(s.start, s.start + 20))) {
        addressee = { ...inherited, chairs: true, cooperates: false };
        return;
      }
      if (opensWithPartner(view, s.start, unit.end)) {
        addressee = { ...inherited, cooperates: true };
        return;
      }
    }
    if (leadIn && last && (endsWithColon || clauses.some((c) => c.leadIn))) {
      const c = clauses[clauses.length - 1];
      // The lead-in's own deadline, or one closing its last inline item ("...; báo cáo ... trong tháng 11");
      // a deadline inside an earlier item is that item's alone.
      const dated = (from: number, to: number) => findDeadlines(view.text, from, to, meta).find((f) => f.deadline.due);
      const own = dated(s.start, s.end) ?? (inlineEnd ? dated(lastInlineMarker(view.text, s.end, inlineEnd), inlineEnd) : undefined);
      const real = c && !(preamble && c.via !== "directive" && c.via !== "colon") ? c : c && isTaskLeadIn(view, c) ? c : undefined;
      if (real) addressee = { bodies: real.bodies, chairs: real.chairs, cooperates: real.cooperates, deadline: own ?? fallback };
      else if (!c) addressee = headingOwner(view, s, fallback) ?? inherited;
      // A lead-in that says what to do ("Bộ X chủ trì ... khẩn trương làm rõ ..., cụ thể:") is a task itself;
      // items that follow on the same line are part of its quote.
      if (real && hasTaskWords(view, real)) {
        for (const g of clauses.map(fromClause)) groups.push({ ...g, fallback, end: inlineEnd ?? g.end });
      }
      return;
    }
    if (leadIn && last && !preamble) {
      // A heading over items names who owns them: "3. Sở Y tế", "2. Ban Quản lý ... có trách nhiệm", "2. Các
      // Sở, ngành chủ trì ... thuộc Chương trình". It is not a task itself; a part of a plan that states
      // purposes or principles ("1. Quan điểm", "(1) Mục đích") owns no tasks at all.
      const named = clauses[0]?.bodies ?? headingBodies(view, s);
      const unpunctuated = !/[.;!?]["”)]?$/.test(view.text.slice(s.start, s.end));
      if (named?.length && unpunctuated) {
        const c = clauses[0];
        addressee = { bodies: named, chairs: c?.chairs ?? false, cooperates: c?.cooperates, deadline: fallback };
        return;
      }
      // A heading that names an owner the rules cannot read ("3. Cơ quan chủ trì giải quyết thủ tục đầu tư")
      // still ends the owner above: its items are nobody's rather than another body's.
      if (!clauses.length && unpunctuated && view.isUpper(s.start) && BODY_HEADS.match(wordsOf(view.tokens(s.start, s.end)), 0)) {
        addressee = { bodies: [], chairs: false };
        return;
      }
    }
    if (clauses.length) {
      for (const c of clauses) groups.push((current = { ...fromClause(c), fallback }));
      if (leadIn && last && !preamble) addressee = { bodies: current!.bodies, chairs: current!.chairs, cooperates: current!.cooperates, deadline: fallback };
    } else if (current) {
      current.end = s.end;
    } else if (idx === 0 && !preamble && view.text[s.end] === "\n" && !isListEntry(view.text, s) && headingBodies(view, s)?.length) {
      owner = { bodies: headingBodies(view, s)!, chairs: false, deadline: fallback };
    } else if (owner && owner.bodies.length && !leadIn && !isHeading(view.text, unit)
      && !FUNCTION.test(view.low.slice(s.start, Math.min(s.end, s.start + 160))) && !RATE.test(view.low.slice(s.start, s.start + 40))
      && !STATUS.test(view.low.slice(s.start, s.start + 40))) {
      const bodies = ownersOf(view, s, owner.bodies);
      if (!bodies) return;
      // "b) Phối hợp với Ủy ban nhân dân cấp xã ...": the owner coordinates, whatever it does in other items.
      const cooperates = owner.cooperates || opensWithPartner(view, s.start, unit.end);
      groups.push((current = {
        bodies, chairs: owner.chairs, cooperates, coordinators: [], start: s.start, taskStart: s.start,
        end: s.end, scanCoordinators: true, fallback,
      }));
    }
  });
  return { groups, addressee };
}

/** Where the last inline item marker ("(ii)", "(3)", "b)") between `from` and `to` starts, else `from`. */
function lastInlineMarker(text: string, from: number, to: number): number {
  let last = from;
  for (const m of text.slice(from, to).matchAll(/(?:^|[\s;:.])\(?(?:[ivx]{1,5}|\d{1,2}|[a-zđ])\)\s/gu)) last = from + m.index;
  return last;
}

const sameBody = (a: Body, b: Body) => (a.orgId !== null ? a.orgId === b.orgId : a.org.toLowerCase() === b.org.toLowerCase());

/**
 * Which of the owners above an item it belongs to, read from the subject it opens with (one reading): none when
 * it opens with a subject of its own ("Bộ Quốc phòng phát huy ...", a person); those it names when it names some
 * of several ("Giao Sở Tài chính, Sở Nông nghiệp và Môi trường chủ trì ..., cụ thể:" / "- Sở Tài chính đối với
 * thủ tục số 03;"); else every owner.
 */
function ownersOf(view: DocView, s: Span, owners: Body[]): Body[] | undefined {
  const subject = openingSubject(view, s.start, s.end);
  if (subject.person || subject.bodies.some((b) => !owners.some((a) => sameBody(a, b)))) return undefined;
  const mine = owners.filter((a) => subject.bodies.some((b) => sameBody(a, b)));
  return mine.length > 0 ? mine : owners;
}

/**
 * A bullet line that ends as an entry of a list ("- Bộ trưởng các Bộ: Tài chính, Y tế." among a Công điện's
 * recipients, "- Sở Y tế;"): not a heading, so the paragraphs after it are not its body's ("5. Sở Tài chính."
 * over its paragraph is one).
 */
function isListEntry(text: string, s: Span): boolean {
  const lineStart = text.lastIndexOf("\n", s.start - 1) + 1;
  return /^[ \t]*[-–+•][ \t]*$/u.test(text.slice(lineStart, s.start)) && /[.;]["”)]?$/u.test(text.slice(s.start, s.end));
}

/** A heading line ending in a colon that names only a body ("1. Sở Nội vụ (Cơ quan thường trực ...):") owns the items under it. */
function headingOwner(view: DocView, s: Span, deadline: FoundDeadline | undefined): Addressee | undefined {
  const bodies = view.text[s.end] === "\n" || s.end === view.text.length ? headingBodies(view, s) : undefined;
  return bodies?.length ? { bodies, chairs: false, deadline } : undefined;
}

/** The bodies a heading consists of, and nothing else: "Sở Khoa học và Công nghệ", "Ủy ban nhân dân xã, phường:". */
function headingBodies(view: DocView, s: Span): Body[] | undefined {
  const toks = view.tokens(s.start, s.end);
  while (toks.length && /^[:.*]$/.test(toks[toks.length - 1]!.w)) toks.pop();
  // "1. Sở Nội vụ (Cơ quan thường trực Ban Vì sự tiến bộ phụ nữ ...):": what the body is, in parentheses after its name.
  if (toks[toks.length - 1]?.w === ")") {
    const open = toks.map((t) => t.w).lastIndexOf("(");
    if (open > 0) toks.length = open;
  }
  // "Điều 14. Trách nhiệm của Sở Khoa học và Công nghệ": a regulation's article owns its duties the same way.
  const list = readBodyList(view, toks, DUTIES_OF.match(wordsOf(toks), 0));
  // A title the list reads past ("Giám đốc Sở ...") is the body's own head: still a heading.
  return list.bodies.length && list.next >= toks.length ? list.bodies.filter((b) => !b.vague) : undefined;
}

/** A heading's words before the body whose duties it lists. */
const DUTIES_OF = new PhraseSet([
  "trách nhiệm của", "nhiệm vụ của", "trách nhiệm và quyền hạn của", "nhiệm vụ và quyền hạn của", "nhiệm vụ , quyền hạn của",
  "nhiệm vụ , quyền hạn và trách nhiệm của", "quyền hạn và trách nhiệm của", "quyền và trách nhiệm của",
]);

/**
 * Parts of a plan that say why and how, not who does what. Under "Quan điểm", "Mục đích", "Nguyên tắc",
 * "Mục tiêu" nothing is assigned; under "Yêu cầu", "Phạm vi", "Đối tượng" nobody above owns the items,
 * though an item may still name its own addressee ("yêu cầu các sở ... phải ...").
 */
const SILENT_PART = /^(quan điểm|mục đích|mục tiêu|nguyên tắc|sự cần thiết|tình hình|kết quả đạt được)(?=$|[\s,:])/u;
/**
 * A body's make-up ("2. Thành phần Hội đồng Thi đua - Khen thưởng tỉnh gồm:"): its items are members, not
 * tasks. Only as a lead-in that says "gồm": "Thành phần tham gia:" in a form annexed to an article ends a
 * unit whose first paragraph still assigns.
 */
const MAKEUP_PART = /^thành phần\s.*\bgồm(?: có)?$/u;
const OPEN_PART = /^(yêu cầu|phạm vi|đối tượng|căn cứ)(?=$|[\s,:])/u;

/**
 * A regulation's article on who decides ("Điều 5. Thẩm quyền quyết định xác lập quyền sở hữu ...", "Thẩm
 * quyền phê duyệt phương án ..."): its clauses ("Sở Tài chính quyết định ...") state powers, not tasks.
 */
const COMPETENCE_PART = /^(?:điều\s+\d+\s*\.?\s*)?thẩm quyền\s+(?:quyết định|phê duyệt|cho phép)(?=$|[\s,:])/u;

/**
 * A part on a body's powers or rights alone ("4. Quyền hạn:", "Điều 12. Quyền của Giám đốc Quỹ", "Quyền lợi"):
 * its items say what the body may do ("Được tham gia các phiên họp ...", "Ký kết hợp đồng ..."), not what it
 * is given to do. A part that also names duties ("Nhiệm vụ và quyền hạn", "Quyền và nghĩa vụ của ...") is
 * read as before.
 */
const POWERS_PART = /^(?:điều\s+\d+\s*\.?\s*)?(?:quyền hạn|quyền lợi|quyền)(?:\s+của\s+[^,;:]+)?$/u;
/** A lead-in that announces such a list: "Quy định ... quy định Ban Chỉ đạo có quyền hạn:", "... có các quyền sau:". */
const POWERS_LEAD = /\bcó (?:các |những )?quyền(?: hạn)?(?: (?:sau|như sau|sau đây))?$/u;

function nonTaskPart(view: DocView, s: Span): "silent" | "open" | undefined {
  const t = view.low.slice(s.start, s.end).replace(/\*/g, "").trim().replace(/[:.]$/, "");
  if (COMPETENCE_PART.test(t) || POWERS_PART.test(t) || POWERS_LEAD.test(t) || MAKEUP_PART.test(t)) return "silent";
  if (t.split(/\s+/).length > 12 || readBodyList(view, view.tokens(s.start, s.end), 1).bodies.length) return undefined;
  return SILENT_PART.test(t) ? "silent" : OPEN_PART.test(t) ? "open" : undefined;
}

/** A sentence that only names a topic: "Về việc xây dựng hệ thống dữ liệu ...:". */
function isTopic(view: DocView, s: Span): boolean {
  return /^(về|đối với|liên quan đến|riêng)\s/u.test(view.low.slice(s.start, s.start + 20));
}

/**
 * A root-level lead-in whose subject is an assignee, not the issuer ("Ủy ban nhân dân tỉnh X triển khai ...
 * và ban hành Kế hoạch như sau:"): it chairs or is told to act, and says what to do.
 */
function isTaskLeadIn(view: DocView, c: Clause): boolean {
  if (c.via !== "subject" || !hasTaskWords(view, c)) return false;
  return c.chairs || /^(khẩn trương|có trách nhiệm|chịu trách nhiệm|được giao|cần|phải)\s/u.test(view.low.slice(c.taskStart, c.taskStart + 24));
}

/**
 * The lead-in's predicate says what to do, not only "thực hiện các nhiệm vụ như sau" or "tập trung lãnh
 * đạo, chỉ đạo:": ten syllables or more.
 */
function hasTaskWords(view: DocView, c: Clause): boolean {
  // "Ủy ban nhân dân các xã: Gia Thuận, Tân Điền, ..." spells names, not work.
  const named = view.tokens(c.taskStart, c.end).filter((t) => /\p{L}/u.test(t.w) && t.w !== "và");
  if (named.length && named.every((t) => view.isUpper(t.start))) return false;
  // "... thực hiện một số nhiệm vụ trọng tâm như sau:" frames the items; the items are the tasks.
  if (/\bsau(\s+đây)?\s*:?\s*$/u.test(view.low.slice(c.taskStart, c.end))) return false;
  const words = wordsOf(view.tokens(c.taskStart, c.end)).filter((w) => /\p{L}/u.test(w));
  while (words.length && FRAME_WORDS.has(words[words.length - 1]!)) words.pop();
  return words.length >= 10;
}

/** A heading, not a task: short and unpunctuated ("Bảo đảm an sinh xã hội"), or in capitals. */
function isHeading(text: string, unit: Span): boolean {
  const t = text.slice(unit.start, unit.end).trim();
  if (t === t.toUpperCase() && /\p{L}/u.test(t)) return true;
  return t.split(/\s+/).length <= 12 && !/[.;:!?]$/.test(t);
}

function fromClause(c: Clause): Group {
  return {
    bodies: c.bodies, chairs: c.chairs, cooperates: c.cooperates, coordinators: c.coordinators, start: c.start, taskStart: c.taskStart,
    end: c.end, scanCoordinators: false, deadlineFrom: c.topicEnd,
  };
}

function paragraphEnd(text: string, from: number, limit: number): number {
  const nl = text.indexOf("\n", from);
  return nl < 0 || nl > limit ? limit : nl;
}

function toTasks(view: DocView, meta: DocumentMeta, g: Group): RawTask[] {
  const quote = trimSpan(view.text, g.start, g.end);
  if (quote.end - quote.start > MAX_QUOTE) quote.end = cutAt(view.text, quote.start, quote.end);
  const task = trimSpan(view.text, Math.max(g.taskStart, quote.start), quote.end);
  // "... giao cho các bộ, ngành thực hiện." names bodies but no work: a task needs words of its own.
  const taskWords = wordsOf(view.tokens(task.start, task.end)).filter((w) => /\p{L}/u.test(w));
  // "Đề nghị bộ, ngành, địa phương quan tâm thực hiện./." asks for execution and names no work of its own;
  // "... yêu cầu Bộ trưởng, Chủ tịch UBND cấp tỉnh thực hiện một số nhiệm vụ, trong đó có:" only announces the
  // work that follows.
  // (The first step's label may run into it: "UBND cấp xã thực hiện các công việc sau: Bước 1.")
  const announces = (/:\s*$/.test(view.text.slice(task.start, paragraphEnd(view.text, task.start, view.text.length)))
    || RUN_IN_STEP.test(view.text.slice(task.start, task.end)))
    && taskWords.every((w) => GENERIC_WORDS.has(w) || FRAME_WORDS.has(w) || w === "bước");
  if (task.end - task.start < 3 || taskWords.length < 3 || taskWords.every((w) => GENERIC_WORDS.has(w)) || announces) return [];
  const scanned = g.scanCoordinators ? coordinatorsIn(view, quote.start, quote.end) : undefined;
  const named = scanned ? [...scanned.chaired, ...scanned.partners] : g.coordinators;
  // Bodies that only take part have partners, not coordinators: named in their records, given none (clauses.ts).
  const coordinators = g.cooperates ? [] : scanned ? scanned.chaired : named;
  const role = (b: Body): Role => (g.cooperates ? "coordinate" : g.chairs || !b.collective ? "lead" : "execute");
  const ids = new Set<string>();
  const bodies: RawTask["bodies"] = [];
  for (const b of g.bodies) if (!b.vague && once(ids, b)) bodies.push({ body: b, role: role(b) });
  for (const b of coordinators) if (!b.vague && once(ids, b)) bodies.push({ body: b, role: "coordinate" });
  const partners = (g.cooperates ? named : scanned?.partners ?? []).filter((b) => !b.vague && once(ids, b));
  // Coordinators alone are kept only when the sentence says so of its subject ("X phối hợp cung cấp ...").
  if (!g.cooperates && !bodies.some((b) => b.role !== "coordinate")) return [];
  const found = findDeadlines(view.text, Math.max(quote.start, g.deadlineFrom ?? 0), quote.end, meta);
  const base = { bodies, ...(partners.length ? { partners } : {}), taskStart: task.start, taskEnd: task.end, quoteStart: quote.start, quoteEnd: quote.end };
  const clauses = deadlineClauses(view.text, found, quote.start, quote.end);
  if (clauses) return clauses.map((c) => ({ ...base, quoteStart: c.start, quoteEnd: c.end, deadline: c.deadline }));
  const deadline = chosenDeadline(found) ?? g.fallback;
  return [{ ...base, deadline }];
}

function once(seen: Set<string>, b: Body): boolean {
  const key = b.orgId ?? b.org.toLowerCase();
  if (seen.has(key)) return false;
  seen.add(key);
  return true;
}

/** Sentences of a span, a sentence continuing over a line break when the next line starts in lower case. */
function joinedSentences(text: string, span: Span): Span[] {
  const out: Span[] = [];
  for (const s of sentenceSpans(text, span.start, span.end)) {
    const prev = out[out.length - 1];
    const first = text[s.start] ?? "";
    const prevEnd = prev ? text[prev.end - 1] ?? "" : "";
    if (prev && first === first.toLowerCase() && first !== first.toUpperCase() && !/[.!?:]/.test(prevEnd)) prev.end = s.end;
    else out.push({ ...s });
  }
  return out;
}

/**
 * A line in sentence case that ends in no punctuation: a topic over the items that follow it. A news report's
 * topic lines run past isHeading's twelve words ("Tăng cường giám sát dịch bệnh tại cửa khẩu, không để dịch
 * bệnh xâm nhập ..."). A line in capitals or opening with a numeral ("I- MỤC TIÊU, YÊU CẦU") heads a part of
 * the document, not a lead-in's items.
 */
function isTopicLine(line: string): boolean {
  const t = line.trim();
  return t.length > 0 && t.length <= 160 && !/[.:;,!?]$/.test(t) && t !== t.toUpperCase() && !/^[\dIVXL]+\s*[-.)]/u.test(t);
}

/** The non-empty lines of text[start, end), as spans. */
export function paragraphs(text: string, start: number, end: number): Span[] {
  const out: Span[] = [];
  let a = start;
  for (let i = start; i <= end; i++) {
    if (i === end || text[i] === "\n") {
      if (i > a && text.slice(a, i).trim()) out.push({ start: a, end: i });
      a = i + 1;
    }
  }
  return out;
}

/** True when offset falls in one of the spans (sorted by start, not overlapping). */
function inside(spans: readonly Span[], offset: number): boolean {
  let lo = 0, hi = spans.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = spans[mid]!;
    if (offset < s.start) hi = mid - 1;
    else if (offset >= s.end) lo = mid + 1;
    else return true;
  }
  return false;
}

export function trimSpan(text: string, start: number, end: number): Span {
  while (start < end && /[\s,;:]/.test(text[start]!)) start++;
  while (end > start && /[\s,;:]/.test(text[end - 1]!)) end--;
  return { start, end };
}

/** The end of the last sentence that fits in MAX_QUOTE characters from start (or a word boundary). */
function cutAt(text: string, start: number, end: number): number {
  const limit = start + MAX_QUOTE;
  let best = -1;
  for (const s of sentenceSpans(text, start, end)) if (s.end <= limit) best = s.end;
  if (best > start) return best;
  const space = text.lastIndexOf(" ", limit);
  return space > start ? space : limit;
}
