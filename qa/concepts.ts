/**
 * How much of an English question a passage holds. An English question is read as concepts, each with
 * Vietnamese alternatives ("training" = "tập huấn" | "đào tạo" | "bồi dưỡng", qa/glossary.ts); a passage
 * holds a concept when it holds any one alternative, so each concept is judged by its best alternative
 * in that passage. English word order says nothing about Vietnamese order, so a phrase counts fully when
 * its syllables stand together, and neighbouring concepts are not expected side by side.
 */
import { foldedWords } from "../core/abbreviations.js";
import { fold, tokens } from "../core/text.js";

/** One alternative's weighted presence in a passage. */
interface Held {
  held: number;
  total: number;
  whole: boolean;
}

/** A passage's words: in order, or as the question words it holds and their neighbouring pairs ("a b"). */
export type PassageWords = string[] | { words: Set<string>; pairs: Set<string> };

/**
 * Weighted share of the concepts a passage (its folded words `own`, its heading and title words
 * `context`) holds, and the share of the many-syllable concepts it holds as whole phrases. A concept the
 * passage lacks counts with its first (usual) phrase.
 */
export function conceptMatch(
  concepts: string[][][],
  weights: Map<string, number>,
  own: PassageWords,
  context: ReadonlySet<string>,
): { coverage: number; adjacency: number } {
  const joined = phraseTest(own);
  let held = 0;
  let total = 0;
  let phrases = 0;
  let whole = 0;
  for (const alternatives of concepts) {
    let best: Held | undefined;
    for (const alt of alternatives) {
      const h = holds(alt, weights, joined, context);
      if (!best || ratio(h) > ratio(best) || (ratio(h) === ratio(best) && h.held > best.held)) best = h;
    }
    if (!best || best.held === 0) best = holds(alternatives[0] ?? [], weights, joined, context);
    held += best.held;
    total += best.total;
    if (alternatives.some((a) => a.length > 1)) {
      phrases++;
      if (best.whole) whole++;
    }
  }
  return { coverage: total > 0 ? held / total : 0, adjacency: phrases > 0 ? whole / phrases : 0 };
}

/** Whether a passage holds a phrase: side by side in order, or (from pairs) each syllable next to the following one. */
function phraseTest(own: PassageWords): (alt: string[]) => boolean {
  if (Array.isArray(own)) {
    const joined = ` ${own.join(" ")} `;
    return (alt) => joined.includes(` ${alt.join(" ")} `);
  }
  return (alt) => (alt.length === 1 ? own.words.has(alt[0]!) : alt.every((s, i) => i === 0 || own.pairs.has(`${alt[i - 1]} ${s}`)));
}

function holds(alt: string[], weights: Map<string, number>, joined: (alt: string[]) => boolean, context: ReadonlySet<string>): Held {
  let total = 0;
  for (const s of alt) total += weights.get(s) ?? 0;
  if (alt.length > 0 && joined(alt)) return { held: total, total, whole: true };
  // A phrase's syllables found apart do not say it ("đường sắt" and "cao" are not "đường sắt tốc độ
  // cao"); one found whole in the heading path or title counts half.
  const inContext = alt.length > 0 && alt.every((s) => context.has(s));
  return { held: inContext ? total / 2 : 0, total, whole: false };
}

function ratio(h: Held): number {
  return h.total > 0 ? h.held / h.total : 0;
}

/** Unweighted share of the concepts a text (one sentence, one task's quote) holds whole, by any alternative. */
export function conceptShare(concepts: string[][][], text: string): number {
  if (concepts.length === 0) return 0;
  const joined = ` ${foldedWords(text).join(" ")} `;
  return concepts.filter((alts) => alts.some((a) => a.length > 0 && joined.includes(` ${a.join(" ")} `))).length / concepts.length;
}
