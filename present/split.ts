/**
 * Splitting rendered HTML into Telegram messages (4,096 characters each). Answers are built as a list of
 * items (a paragraph, a task, a citation); messages break between items, never inside a tag or an entity.
 */

/** Telegram's limit on one message's text. */
export const MESSAGE_LIMIT = 4096;

/**
 * Packs rendered items into as few messages as fit `limit`, joined by a blank line. An item that alone is
 * longer than the limit is cut at word boundaries with its open tags closed and reopened (see splitHtml).
 * Lengths count the HTML source, which is never shorter than the text Telegram counts, so parts always fit.
 */
export function splitMessages(items: string[], limit = MESSAGE_LIMIT, separator = "\n\n"): string[] {
  const out: string[] = [];
  let cur = "";
  for (const item of items) {
    if (item.trim() === "") continue;
    const pieces = item.length > limit ? splitHtml(item, limit) : [item];
    for (const piece of pieces) {
      if (cur === "") cur = piece;
      else if (cur.length + separator.length + piece.length <= limit) cur += separator + piece;
      else {
        out.push(cur);
        cur = piece;
      }
    }
  }
  if (cur !== "") out.push(cur);
  return out;
}

interface OpenTag {
  name: string;
  open: string;
}

/**
 * Cuts one HTML string into parts of at most `limit` characters, at whitespace where possible. Tags still
 * open at a cut are closed at the end of the part and reopened at the start of the next, so each part is
 * well-formed on its own.
 */
export function splitHtml(html: string, limit = MESSAGE_LIMIT): string[] {
  if (html.length <= limit) return [html];
  const parts: string[] = [];
  let stack: OpenTag[] = [];
  let cur = "";
  let hasText = false;
  const closers = (s: OpenTag[]) => s.map((t) => `</${t.name}>`).reverse().join("");
  for (const unit of units(html, Math.max(16, Math.floor(limit / 4)))) {
    const blank = /^\s+$/.test(unit);
    const after = applyTags(stack, unit);
    if (hasText && cur.length + unit.length + closers(after).length > limit) {
      parts.push(cur + closers(stack));
      cur = stack.map((t) => t.open).join("");
      hasText = false;
      if (blank) continue;
    }
    cur += unit;
    stack = after;
    if (!blank && unit.replace(/<[^>]*>/g, "") !== "") hasText = true;
  }
  if (hasText || parts.length === 0) parts.push(cur + closers(stack));
  return parts;
}

/** The open-tag stack after a piece of HTML. */
function applyTags(stack: OpenTag[], piece: string): OpenTag[] {
  if (!piece.includes("<")) return stack;
  const next = [...stack];
  for (const m of piece.matchAll(/<(\/?)([a-zA-Z-]+)[^>]*>/g)) {
    const name = m[2]!.toLowerCase();
    if (!m[1]) next.push({ name, open: m[0] });
    else {
      const idx = next.map((t) => t.name).lastIndexOf(name);
      if (idx >= 0) next.splice(idx, 1);
    }
  }
  return next;
}

/**
 * The pieces a cut may fall between: whitespace runs, and the runs of words, entities and tags between
 * them. A run longer than `maxUnit` is broken into its tokens (a very long word into slices), so that any
 * limit can be met without cutting a tag or an entity.
 */
function units(html: string, maxUnit: number): string[] {
  const runs: string[] = [];
  let run = "";
  // Tags are single tokens even when they hold a space (<blockquote expandable>).
  for (const t of html.match(/<[^>]*>|\s+|[^\s<]+|</g) ?? []) {
    if (/^\s/.test(t)) {
      if (run) runs.push(run);
      runs.push(t);
      run = "";
    } else run += t;
  }
  if (run) runs.push(run);
  const out: string[] = [];
  for (const run of runs) {
    if (run.length <= maxUnit) {
      out.push(run);
      continue;
    }
    for (const t of run.match(/<[^>]*>|&[#\w]+;|[^<&]+|[<&]/g) ?? []) {
      if (t.length > maxUnit && !t.startsWith("<")) for (let i = 0; i < t.length; i += maxUnit) out.push(t.slice(i, i + maxUnit));
      else out.push(t);
    }
  }
  return out;
}

/** The plain text of rendered HTML: tags dropped, the entities escapeHtml writes decoded. */
export function stripHtml(html: string): string {
  return html
    .replace(/<[^>]*>/g, "")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&");
}
