/**
 * FTS5 MATCH expressions from a question's words: every word, and every pair of neighbouring words as a
 * phrase, OR-ed, so that passages holding the words together rank first under BM25.
 */
export function matchExpression(terms: string[]): string {
  const clean = terms.map((t) => t.toLowerCase().replace(/"/g, "")).filter((t) => t.length > 0);
  if (clean.length === 0) return "";
  const parts = new Set<string>();
  for (let i = 0; i < clean.length; i++) {
    parts.add(quote(clean[i]!));
    if (i + 1 < clean.length) parts.add(quote(`${clean[i]} ${clean[i + 1]}`));
  }
  return [...parts].join(" OR ");
}

function quote(term: string): string {
  // FTS5 strings are double-quoted; the tokenizer splits "229-kl/tw" into its parts inside the phrase.
  return `"${term}"`;
}
