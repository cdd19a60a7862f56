import { describe, expect, it } from "vitest";
import { renderAnswer, renderCitation } from "../../present/answer.js";
import { splitHtml, splitMessages, stripHtml } from "../../present/split.js";
import { renderTaskList } from "../../present/tasks.js";
import { cannedAnswer, cannedCitation, makeTask, NASTY, seedState } from "./fakes.js";

/** Every tag opened in a message is closed in it, in order. */
function balanced(html: string): boolean {
  const stack: string[] = [];
  for (const m of html.matchAll(/<(\/?)([a-z]+)[^>]*>/g)) {
    if (!m[1]) stack.push(m[2]!);
    else if (stack.pop() !== m[2]) return false;
  }
  return stack.length === 0;
}

/** No entity is cut in half ("&am" at the end, "p;" at the start). */
function entitiesIntact(html: string): boolean {
  return !/&[#\w]*$/.test(html) && [...html.matchAll(/&/g)].every((m) => /^&(amp|lt|gt|quot|#\d+);/.test(html.slice(m.index)));
}

describe("splitMessages", () => {
  it("packs items into messages no longer than the limit, breaking only between items", () => {
    const items = Array.from({ length: 40 }, (_, i) => `<b>Mục ${i}</b> ${"chữ ".repeat(20)}`);
    const parts = splitMessages(items, 500);
    expect(parts.length).toBeGreaterThan(1);
    for (const p of parts) expect(p.length).toBeLessThanOrEqual(500);
    // Nothing is lost or reordered: joining the parts gives back every item.
    expect(parts.join("\n\n")).toBe(items.join("\n\n"));
  });

  it("cuts an item longer than the limit at words, keeping tags balanced and entities whole", () => {
    const quote = Array.from({ length: 400 }, (_, i) => `từ${i} &lt;x&gt; &amp;`).join(" ");
    const item = `📄 <b>Kết luận</b>\n<blockquote>${quote}</blockquote>`;
    const parts = splitMessages([item], 1000);
    expect(parts.length).toBeGreaterThan(5);
    for (const p of parts) {
      expect(p.length).toBeLessThanOrEqual(1000);
      expect(balanced(p)).toBe(true);
      expect(entitiesIntact(p)).toBe(true);
    }
    // The text survives the cuts (modulo the whitespace at each cut).
    expect(stripHtml(parts.join(" ")).replace(/\s+/g, " ")).toBe(stripHtml(item).replace(/\s+/g, " "));
  });

  it("cuts a single enormous word without exceeding the limit", () => {
    const parts = splitHtml(`<i>${"x".repeat(5000)}</i>`, 1000);
    for (const p of parts) expect(p.length).toBeLessThanOrEqual(1000);
    expect(parts.every(balanced)).toBe(true);
    expect(parts.map(stripHtml).join("")).toBe("x".repeat(5000));
  });

  it("uses the Telegram limit by default", () => {
    const parts = splitMessages(Array.from({ length: 100 }, () => "a".repeat(300)));
    expect(parts.every((p) => p.length <= 4096)).toBe(true);
    expect(parts.length).toBe(Math.ceil(100 / 13));
  });
});

describe("rendering escapes every piece of document text", () => {
  it("answer text and quotes with <, >, & and Markdown come out escaped", () => {
    const items = renderAnswer(cannedAnswer("câu <hỏi> & gì", seedState()));
    const html = items.join("\n");
    expect(html).not.toContain("<script>");
    expect(html).toContain("&lt;script&gt;");
    expect(html).toContain("a&lt;b &amp;&amp; c&gt;d");
    expect(html).toContain("*đậm* _nghiêng_"); // Markdown stays literal in HTML mode
    expect(stripHtml(html)).toContain(NASTY);
    expect(balanced(html)).toBe(true);
  });

  it("a citation shows kind, number, date, section and the verbatim quote in a blockquote", () => {
    const html = renderCitation(cannedCitation());
    expect(html).toMatch(/^📄 <b>Kết luận 229-KL\/TW<\/b>, ngày 8\/1\/2026 — .* — <i>mục 1<\/i>\n<blockquote>/);
    expect(stripHtml(html.split("<blockquote>")[1]!)).toBe(`Giao Ban Tổ chức Trung ương ${NASTY}`);
  });

  it("renderTaskList marks overdue tasks and names the source", () => {
    const [late, soon] = renderTaskList([makeTask(1, "Bộ <Nội> vụ", "2026-04-01"), makeTask(2, "Ban A&B", "2026-04-20")], { today: "2026-04-15" });
    expect(late).toContain("<b>Bộ &lt;Nội&gt; vụ</b>");
    expect(late).toContain("quá hạn");
    expect(soon).not.toContain("quá hạn");
    expect(soon).toContain("Ban A&amp;B");
    expect(soon).toContain("Kết luận 229-KL/TW, mục 1");
    expect(soon).toContain("(20/4/2026)");
  });
});

describe("splitHtml with attributes", () => {
  it("keeps <blockquote expandable> whole and reopens it in the next part", () => {
    const html = `<blockquote expandable>${"chữ ".repeat(600)}</blockquote>`;
    const parts = splitHtml(html, 500);
    expect(parts.length).toBeGreaterThan(3);
    for (const p of parts) {
      expect(p.startsWith("<blockquote expandable>")).toBe(true);
      expect(p.endsWith("</blockquote>")).toBe(true);
      expect(p.length).toBeLessThanOrEqual(500);
    }
  });
});
