/**
 * Full text in PostgreSQL the way FTS5 sees it. The store splits text in TypeScript (`tokens`: runs of
 * letters and digits, as unicode61 splits), so the server's parser ("229-kl/tw" would be one "file"
 * token) never changes what a phrase is. The "raw" column is those tokens as written; the "folded" one
 * is PostgreSQL's `nhiemvu_folded` configuration (unaccent) over the same tokens, which agrees with
 * core/text.ts `fold` (what callers fold their terms with) on every token of the corpora we hold but
 * footnote superscripts, which it drops (tests/store/pg-search.test.ts checks the agreement).
 */
import { StoreError } from "../../core/errors.js";
import { fold, nfc, tokens } from "../../core/text.js";
import type { LexicalColumn } from "../types.js";

/** tsvector positions stop at 16383 (PostgreSQL clamps larger ones). */
const MAX_POSITION = 16383;

/** The tokens of a chunk's text for one column. */
export function columnTokens(column: LexicalColumn, text: string): string[] {
  return tokens(column === "folded" ? fold(text) : nfc(text).toLowerCase());
}

/** A tsvector literal ("'lexeme':1,4 'other':2") of the tokens in order; positions keep phrases. */
export function tsvectorLiteral(toks: string[]): string {
  const positions = new Map<string, number[]>();
  toks.forEach((t, i) => {
    const list = positions.get(t);
    const pos = Math.min(i + 1, MAX_POSITION);
    if (list) list.push(pos);
    else positions.set(t, [pos]);
  });
  return [...positions].map(([t, p]) => `'${t}':${p.join(",")}`).join(" ");
}

/**
 * The tsquery literal for an FTS5 MATCH expression: "phrases" and barewords, AND (or nothing between
 * them), OR, NOT and parentheses, with FTS5's precedence (NOT, then AND, then OR). A phrase becomes its
 * tokens joined by <-> (adjacent, in order). Returns undefined when nothing could match (no token left).
 * Throws StoreError "bad_query" for what FTS5 would refuse, and for the FTS5 syntax callers never write
 * (column filters, NEAR, prefix `*`, `^`, `+`).
 */
export function tsqueryFromMatch(column: LexicalColumn, match: string): string | undefined {
  const parser = new MatchParser(column, match);
  const q = parser.parse();
  return q ?? undefined;
}

type Lexeme = { kind: "phrase"; text: string } | { kind: "op"; op: "AND" | "OR" | "NOT" } | { kind: "(" | ")" };

/** A tsquery, or null for "matches nothing" (a phrase without tokens). */
type Node = string | null;

class MatchParser {
  private readonly lexemes: Lexeme[];
  private at = 0;

  constructor(private readonly column: LexicalColumn, private readonly match: string) {
    this.lexemes = lex(match);
  }

  parse(): Node {
    const node = this.or();
    if (this.at < this.lexemes.length) this.fail();
    return node;
  }

  private or(): Node {
    const parts = [this.and()];
    while (this.peekOp("OR")) {
      this.at++;
      parts.push(this.and());
    }
    const kept = parts.filter((p): p is string => p !== null);
    if (kept.length === 0) return null;
    return kept.length === 1 ? kept[0]! : `(${kept.join(" | ")})`;
  }

  private and(): Node {
    const parts = [this.not()];
    for (;;) {
      if (this.peekOp("AND")) this.at++;
      else if (!this.startsOperand()) break;
      parts.push(this.not());
    }
    if (parts.some((p) => p === null)) return null;
    return parts.length === 1 ? parts[0]! : `(${parts.join(" & ")})`;
  }

  private not(): Node {
    let left = this.primary();
    while (this.peekOp("NOT")) {
      this.at++;
      const right = this.primary();
      if (left !== null && right !== null) left = `(${left} & !${right})`;
    }
    return left;
  }

  private primary(): Node {
    const l = this.lexemes[this.at++];
    if (!l) return this.fail();
    if (l.kind === "(") {
      const inner = this.or();
      if (this.lexemes[this.at++]?.kind !== ")") this.fail();
      return inner;
    }
    if (l.kind !== "phrase") return this.fail();
    const toks = columnTokens(this.column, l.text);
    if (toks.length === 0) return null;
    const q = toks.map((t) => `'${t}'`).join(" <-> ");
    return toks.length > 1 ? `(${q})` : q;
  }

  private startsOperand(): boolean {
    const l = this.lexemes[this.at];
    return l !== undefined && (l.kind === "phrase" || l.kind === "(");
  }

  private peekOp(op: "AND" | "OR" | "NOT"): boolean {
    const l = this.lexemes[this.at];
    return l?.kind === "op" && l.op === op;
  }

  private fail(): never {
    throw new StoreError("bad_query", `The search expression could not be read: ${this.match}`);
  }
}

/** FTS5's lexical rules: "strings" ("" inside is a quote), ( ), and barewords (letters, digits, _, non-ASCII). */
function lex(match: string): Lexeme[] {
  const out: Lexeme[] = [];
  const bad = () => new StoreError("bad_query", `The search expression could not be read: ${match}`);
  for (let i = 0; i < match.length; ) {
    const ch = match[i]!;
    if (/\s/.test(ch)) {
      i++;
    } else if (ch === "(" || ch === ")") {
      out.push({ kind: ch });
      i++;
    } else if (ch === '"') {
      let text = "";
      for (i++; ; i++) {
        if (i >= match.length) throw bad();
        if (match[i] === '"') {
          if (match[i + 1] !== '"') break;
          i++;
        }
        text += match[i];
      }
      i++;
      out.push({ kind: "phrase", text });
    } else {
      const m = /^[^\s"()]+/.exec(match.slice(i))![0];
      i += m.length;
      if (m === "AND" || m === "OR" || m === "NOT") out.push({ kind: "op", op: m });
      else if (m === "NEAR" || !/^[\p{L}\p{N}_\u{80}-\u{10FFFF}]+$/u.test(m)) throw bad();
      else out.push({ kind: "phrase", text: m });
    }
  }
  return out;
}

/** The distinct phrases of a MATCH expression, each as its tokens and its tsquery (for BM25 terms). */
export function matchPhrases(column: LexicalColumn, match: string): Array<{ tokens: string[]; query: string }> {
  const out = new Map<string, string[]>();
  for (const l of lex(match)) {
    if (l.kind !== "phrase") continue;
    const toks = columnTokens(column, l.text);
    if (toks.length > 0) out.set(toks.map((t) => `'${t}'`).join(" <-> "), toks);
  }
  return [...out].map(([query, tokens]) => ({ tokens, query }));
}
