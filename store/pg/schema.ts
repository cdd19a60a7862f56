/**
 * The PostgreSQL schema as ordered migrations, recorded one row per version in `schema_migrations`.
 * All pending migrations run in one transaction under a transaction-level advisory lock, so replicas
 * starting together migrate once (the others wait, then find nothing to do). Append new migrations;
 * never edit one that has shipped.
 *
 * Full text: the store splits text into the tokens FTS5 would see (core/text.ts `tokens`, see fts.ts);
 * `raw_tsv` holds them as written (lower-cased), `folded_tsv` is PostgreSQL's own folding of the same
 * tokens, the `nhiemvu_folded` configuration (simple + unaccent, which also maps đ to d). Since schema 4,
 * `raw_pairs_tsv` and `folded_pairs_tsv` hold each pair of neighbouring tokens as one term ("trợ_cấp",
 * store/lexical.ts), built in TypeScript for both forms.
 */
import { StoreError } from "../../core/errors.js";
import type { DocumentMeta } from "../../core/types.js";
import { orgFolded } from "../keys.js";
import { chunkHead } from "../lexical.js";
import { chunkFts, foldedTsvectorSql, pairsTsvectors } from "./fts.js";
import type { SqlClient, SqlQueryable } from "./sql.js";

/** A migration: SQL, or a function for one that computes rows in TypeScript; all run in one transaction. */
type Migration = string | ((tx: SqlQueryable) => Promise<void>);

/** Rows refilled per statement in migrations 4, 5 and 6. */
const REFILL_BATCH = 1000;

/** The vocabulary trigger's function over the rows (col, term, n) that `rows` selects from `changed`. */
function vocabCountFunction(rows: string): string {
  return `
  CREATE OR REPLACE FUNCTION nhiemvu_vocab_count() RETURNS trigger LANGUAGE plpgsql AS $fn$
  DECLARE
    delta INTEGER := CASE WHEN TG_OP = 'DELETE' THEN -1 ELSE 1 END;
  BEGIN
    INSERT INTO chunk_vocab (col, term, df)
    SELECT t.col, t.term, delta * sum(t.n) FROM (${rows}) t
    GROUP BY t.col, t.term
    ORDER BY t.col, t.term
    ON CONFLICT (col, term) DO UPDATE SET df = chunk_vocab.df + excluded.df;
    RETURN NULL;
  END
  $fn$`;
}

/** The vocabulary trigger's function of migration 4 (migration 1's, with the pair columns counted too). */
const VOCAB_COUNT_V4 = vocabCountFunction(`
      SELECT 'r' AS col, unnest(tsvector_to_array(raw_tsv)) AS term, 1 AS n FROM changed
      UNION ALL SELECT 'f', unnest(tsvector_to_array(folded_tsv)), 1 FROM changed
      UNION ALL SELECT 'p', unnest(tsvector_to_array(raw_pairs_tsv)), 1 FROM changed
      UNION ALL SELECT 'q', unnest(tsvector_to_array(folded_pairs_tsv)), 1 FROM changed
      UNION ALL SELECT '#', '', 1 FROM changed
      UNION ALL SELECT '#', 'tokens', n_tokens FROM changed`);

/**
 * The vocabulary trigger's function since migration 5: 'r', 'f', 'p', 'q' count the chunks holding a
 * term in their text (weight D; termFrequencies, as FTS5's fts5vocab counts the text's columns); 'R',
 * 'F', 'P', 'Q' in their text or head (BM25's idf, as FTS5 counts the rows a phrase matches in the
 * columns searched, and the candidates' rarity); '#' the chunks and their length (ChunkFts length).
 */
const VOCAB_COUNT_V5 = vocabCountFunction(vocabRows("changed"));

/** The vocabulary rows (col, term, n) of the chunks in `from`, as VOCAB_COUNT_V5 counts them. */
function vocabRows(from: string): string {
  const columns = [["r", "raw_tsv"], ["f", "folded_tsv"], ["p", "raw_pairs_tsv"], ["q", "folded_pairs_tsv"]];
  return [
    ...columns.map(([col, tsv]) => `SELECT '${col}' AS col, unnest(tsvector_to_array(ts_filter(${tsv}, '{d}'))) AS term, 1 AS n FROM ${from}`),
    ...columns.map(([col, tsv]) => `SELECT '${col!.toUpperCase()}', unnest(tsvector_to_array(${tsv})), 1 FROM ${from}`),
    `SELECT '#', '', 1 FROM ${from}`,
    `SELECT '#', 'tokens', n_tokens FROM ${from}`,
  ].join("\n      UNION ALL ");
}

/** Key of the migration lock (the one-argument bigint lock space; `withLock` uses the two-int one). */
const MIGRATION_LOCK = "hashtext('nhiemvu:migrate')";

const MIGRATIONS: readonly Migration[] = [
  // 1: documents and what ingest derives from them, the bot's tables, array-path chunk vectors.
  `
  CREATE EXTENSION IF NOT EXISTS unaccent;
  CREATE TEXT SEARCH CONFIGURATION nhiemvu_folded (COPY = simple);
  ALTER TEXT SEARCH CONFIGURATION nhiemvu_folded
    ALTER MAPPING FOR asciiword, word, numword, asciihword, hword, numhword, hword_part, hword_asciipart, hword_numpart
    WITH unaccent, simple;

  CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);

  CREATE TABLE documents (
    id BIGSERIAL PRIMARY KEY,
    name TEXT NOT NULL,
    path TEXT NOT NULL UNIQUE,
    hash TEXT NOT NULL,
    format TEXT NOT NULL,
    text TEXT NOT NULL,
    meta TEXT NOT NULL,
    kind TEXT NOT NULL,
    number TEXT,
    date TEXT COLLATE "C",
    title TEXT,
    period_start TEXT COLLATE "C",
    period_end TEXT COLLATE "C",
    name_key TEXT NOT NULL,
    stem_key TEXT NOT NULL,
    number_key TEXT,
    number_lead TEXT,
    ingested_at TEXT NOT NULL
  );
  CREATE INDEX documents_kind ON documents(kind);
  CREATE INDEX documents_name_key ON documents(name_key);
  CREATE INDEX documents_stem_key ON documents(stem_key);
  CREATE INDEX documents_number_key ON documents(number_key);
  CREATE INDEX documents_number_lead ON documents(number_lead);

  CREATE TABLE sections (
    doc_id BIGINT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    parent INTEGER,
    depth INTEGER NOT NULL,
    marker TEXT NOT NULL,
    label TEXT NOT NULL,
    heading TEXT NOT NULL,
    start_at INTEGER NOT NULL,
    end_at INTEGER NOT NULL,
    PRIMARY KEY (doc_id, idx)
  );

  -- BIGSERIAL never hands out an id twice: chunk ids are vector labels.
  CREATE TABLE chunks (
    id BIGSERIAL PRIMARY KEY,
    doc_id BIGINT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    section INTEGER NOT NULL,
    start_at INTEGER NOT NULL,
    end_at INTEGER NOT NULL,
    text TEXT NOT NULL,
    context TEXT NOT NULL,
    n_tokens INTEGER NOT NULL,
    raw_tsv TSVECTOR NOT NULL,
    folded_tsv TSVECTOR NOT NULL
  );
  CREATE INDEX chunks_doc ON chunks(doc_id);
  CREATE INDEX chunks_raw_tsv ON chunks USING GIN (raw_tsv);
  CREATE INDEX chunks_folded_tsv ON chunks USING GIN (folded_tsv);

  -- Per column, how many chunks hold each term (FTS5's fts5vocab "col" counts, for IDF), kept by
  -- triggers; in column '#', term '' counts the chunks and term 'tokens' their tokens. Counting through the GIN index instead reads
  -- every matching tsvector, which for a common word is most of the table.
  CREATE TABLE chunk_vocab (
    col CHAR(1) NOT NULL,
    term TEXT NOT NULL,
    df BIGINT NOT NULL,
    PRIMARY KEY (col, term)
  );
  CREATE FUNCTION nhiemvu_vocab_count() RETURNS trigger LANGUAGE plpgsql AS $fn$
  DECLARE
    delta INTEGER := CASE WHEN TG_OP = 'DELETE' THEN -1 ELSE 1 END;
  BEGIN
    INSERT INTO chunk_vocab (col, term, df)
    SELECT t.col, t.term, delta * sum(t.n) FROM (
      SELECT 'r' AS col, unnest(tsvector_to_array(raw_tsv)) AS term, 1 AS n FROM changed
      UNION ALL SELECT 'f', unnest(tsvector_to_array(folded_tsv)), 1 FROM changed
      UNION ALL SELECT '#', '', 1 FROM changed
      UNION ALL SELECT '#', 'tokens', n_tokens FROM changed) t
    GROUP BY t.col, t.term
    ORDER BY t.col, t.term
    ON CONFLICT (col, term) DO UPDATE SET df = chunk_vocab.df + excluded.df;
    RETURN NULL;
  END
  $fn$;
  CREATE TRIGGER chunks_vocab_inserted AFTER INSERT ON chunks
    REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION nhiemvu_vocab_count();
  CREATE TRIGGER chunks_vocab_deleted AFTER DELETE ON chunks
    REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION nhiemvu_vocab_count();

  CREATE TABLE assignments (
    id BIGSERIAL PRIMARY KEY,
    doc_id BIGINT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    org_id TEXT,
    org TEXT NOT NULL,
    org_text TEXT NOT NULL,
    org_folded TEXT NOT NULL,
    role TEXT NOT NULL,
    coordinators TEXT NOT NULL,
    task TEXT NOT NULL,
    deadline TEXT,
    deadline_text TEXT,
    deadline_kind TEXT,
    due TEXT COLLATE "C",
    range_start TEXT COLLATE "C",
    range_end TEXT COLLATE "C",
    period TEXT,
    section INTEGER NOT NULL,
    quote_start INTEGER NOT NULL,
    quote_end INTEGER NOT NULL,
    quote TEXT NOT NULL
  );
  CREATE INDEX assignments_doc ON assignments(doc_id, section, quote_start);
  CREATE INDEX assignments_org ON assignments(org_id);
  CREATE INDEX assignments_due ON assignments(due);
  CREATE INDEX assignments_range ON assignments(range_end, range_start);

  CREATE TABLE access (
    id BIGINT PRIMARY KEY,
    kind TEXT NOT NULL,
    label TEXT,
    granted_by BIGINT,
    granted_at TEXT COLLATE "C" NOT NULL
  );

  CREATE TABLE feedback (
    id BIGSERIAL PRIMARY KEY,
    user_id BIGINT NOT NULL,
    chat_id BIGINT NOT NULL,
    question TEXT NOT NULL,
    answer TEXT NOT NULL,
    vote INTEGER NOT NULL,
    created_at TEXT NOT NULL
  );

  CREATE TABLE subscriptions (
    id BIGSERIAL PRIMARY KEY,
    chat_id BIGINT NOT NULL,
    org_ids TEXT NOT NULL,
    cadence TEXT NOT NULL,
    time TEXT NOT NULL,
    weekday INTEGER,
    lookahead_days INTEGER NOT NULL,
    send_empty BOOLEAN NOT NULL,
    paused BOOLEAN NOT NULL DEFAULT false,
    created_at TEXT NOT NULL
  );
  CREATE INDEX subscriptions_chat ON subscriptions(chat_id);

  CREATE TABLE deliveries (
    subscription_id BIGINT NOT NULL REFERENCES subscriptions(id) ON DELETE CASCADE,
    slot TEXT COLLATE "C" NOT NULL,
    status TEXT NOT NULL,
    claimed_at TEXT NOT NULL,
    finished_at TEXT,
    UNIQUE (subscription_id, slot)
  );

  -- Coordination and bot memory (coordination.ts, ../sql/coordination.ts); times are epoch milliseconds.
  CREATE TABLE handled_updates (update_id BIGINT PRIMARY KEY, handled_at BIGINT NOT NULL);
  CREATE INDEX handled_updates_at ON handled_updates(handled_at);

  CREATE TABLE answers (
    key TEXT PRIMARY KEY,
    question TEXT NOT NULL,
    answer TEXT NOT NULL,
    page_offset INTEGER NOT NULL,
    lim INTEGER NOT NULL,
    tasks BOOLEAN NOT NULL,
    created_at BIGINT NOT NULL
  );
  CREATE INDEX answers_created ON answers(created_at);

  CREATE TABLE votes (key TEXT NOT NULL, user_id BIGINT NOT NULL, PRIMARY KEY (key, user_id));

  CREATE TABLE noted (
    scope TEXT NOT NULL,
    id BIGINT NOT NULL,
    label TEXT,
    noted_at BIGINT NOT NULL,
    PRIMARY KEY (scope, id)
  );

  -- The array path of chunk vectors (vectors-array.ts). Every change is announced on nhiemvu_vectors
  -- as id spans, so each process's in-memory index follows; cascaded deletes fire the triggers too.
  CREATE TABLE chunk_vectors (
    chunk_id BIGINT PRIMARY KEY REFERENCES chunks(id) ON DELETE CASCADE,
    embedding REAL[] NOT NULL
  );
  CREATE FUNCTION nhiemvu_vectors_notify() RETURNS trigger LANGUAGE plpgsql AS $fn$
  DECLARE
    spans JSONB;
    payload TEXT;
  BEGIN
    SELECT jsonb_agg(jsonb_build_array(lo, hi) ORDER BY lo) INTO spans FROM (
      SELECT min(chunk_id) AS lo, max(chunk_id) AS hi
      FROM (SELECT chunk_id, chunk_id - row_number() OVER (ORDER BY chunk_id) AS run FROM changed) r
      GROUP BY run) s;
    IF spans IS NULL THEN RETURN NULL; END IF;
    payload := jsonb_build_object(CASE WHEN TG_OP = 'DELETE' THEN 'removed' ELSE 'added' END, spans)::text;
    -- NOTIFY payloads stop at 8000 bytes; past that, listeners reload the whole table.
    IF octet_length(payload) > 7900 THEN payload := '{"reload":true}'; END IF;
    PERFORM pg_notify('nhiemvu_vectors', payload);
    RETURN NULL;
  END
  $fn$;
  CREATE TRIGGER chunk_vectors_inserted AFTER INSERT ON chunk_vectors
    REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION nhiemvu_vectors_notify();
  CREATE TRIGGER chunk_vectors_updated AFTER UPDATE ON chunk_vectors
    REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION nhiemvu_vectors_notify();
  CREATE TRIGGER chunk_vectors_deleted AFTER DELETE ON chunk_vectors
    REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION nhiemvu_vectors_notify();
  `,
  // 2: task statuses keyed by the task's stable identity (core/status.ts), their history and the bodies'
  // reporters (store/sql/statuses.ts, store/pg/status.ts). No foreign key to assignments: replacing a document keeps them.
  `
  CREATE TABLE task_statuses (
    key TEXT PRIMARY KEY,
    doc_name TEXT NOT NULL,
    section_label TEXT NOT NULL,
    org_key TEXT NOT NULL,
    state TEXT NOT NULL,
    done_on TEXT COLLATE "C",
    note TEXT,
    evidence TEXT,
    needs_review INTEGER NOT NULL DEFAULT 0,
    updated_by TEXT NOT NULL,
    updated_at TEXT COLLATE "C" NOT NULL
  );
  CREATE INDEX task_statuses_doc ON task_statuses(doc_name);

  CREATE TABLE task_status_history (
    id BIGSERIAL PRIMARY KEY,
    key TEXT NOT NULL,
    from_state TEXT,
    to_state TEXT NOT NULL,
    by_who TEXT NOT NULL,
    at TEXT COLLATE "C" NOT NULL,
    note TEXT,
    evidence TEXT,
    done_on TEXT COLLATE "C"
  );
  CREATE INDEX task_status_history_key ON task_status_history(key);

  CREATE TABLE reporters (
    org_key TEXT NOT NULL,
    user_id BIGINT NOT NULL,
    granted_by BIGINT,
    granted_at TEXT NOT NULL,
    PRIMARY KEY (org_key, user_id)
  );
  `,
  // 3: a PDF's page map (DocumentDraft.pages, a JSON array of page start offsets), so that citations
  // name the page of their quote. NULL for documents without pages and those stored before.
  `
  ALTER TABLE documents ADD COLUMN pages TEXT;
  `,
  // 4: neighbouring-token pairs as single terms, raw and folded (columns 'p' and 'q' of chunk_vocab), so
  // a pair is one GIN lookup instead of a phrase; refilled from the stored chunk text.
  async (tx) => {
    await tx.query(`ALTER TABLE chunks ADD COLUMN raw_pairs_tsv TSVECTOR NOT NULL DEFAULT '',
      ADD COLUMN folded_pairs_tsv TSVECTOR NOT NULL DEFAULT ''`);
    for (let after = 0; ;) {
      const rows = (await tx.query<{ id: number; text: string }>(
        "SELECT id, text FROM chunks WHERE id > $1 ORDER BY id LIMIT $2", [after, REFILL_BATCH])).rows;
      if (rows.length === 0) break;
      const pairs = rows.map((r) => pairsTsvectors(r.text));
      await tx.query(`UPDATE chunks c SET raw_pairs_tsv = v.r::tsvector, folded_pairs_tsv = v.f::tsvector
        FROM unnest($1::bigint[], $2::text[], $3::text[]) AS v(id, r, f) WHERE c.id = v.id`,
      [rows.map((r) => r.id), pairs.map((p) => p.raw), pairs.map((p) => p.folded)]);
      after = Number(rows[rows.length - 1]!.id);
    }
    await tx.query(`INSERT INTO chunk_vocab (col, term, df)
      SELECT t.col, t.term, count(*) FROM (
        SELECT 'p' AS col, unnest(tsvector_to_array(raw_pairs_tsv)) AS term FROM chunks
        UNION ALL SELECT 'q', unnest(tsvector_to_array(folded_pairs_tsv)) FROM chunks) t
      GROUP BY t.col, t.term`);
    await tx.query(VOCAB_COUNT_V4);
    await tx.query("CREATE INDEX chunks_raw_pairs_tsv ON chunks USING GIN (raw_pairs_tsv)");
    await tx.query("CREATE INDEX chunks_folded_pairs_tsv ON chunks USING GIN (folded_pairs_tsv)");
  },
  // 5: a chunk's head (store/lexical.ts chunkHead: its document's number, issuer and title, its heading
  // path) in every tsvector, weighted A, which BM25 weighs apart (search.ts); n_tokens becomes the row's
  // length as FTS5 counts it; the vocabulary counts text and text-or-head apart (VOCAB_COUNT_V5).
  // Refilled from the stored chunks and their documents' metadata, then counted afresh.
  async (tx) => {
    for (let after = 0; ;) {
      const rows = (await tx.query<{ id: number; text: string; context: string; meta: string }>(
        `SELECT c.id, c.text, c.context, d.meta FROM chunks c JOIN documents d ON d.id = c.doc_id
          WHERE c.id > $1 ORDER BY c.id LIMIT $2`, [after, REFILL_BATCH])).rows;
      if (rows.length === 0) break;
      const fts = rows.map((r) => chunkFts(r.text, chunkHead(JSON.parse(r.meta) as DocumentMeta, r.context)));
      await tx.query(`UPDATE chunks c SET n_tokens = v.n, raw_tsv = v.r::tsvector, folded_tsv = ${foldedTsvectorSql("ARRAY[v.fh, v.ft]")},
          raw_pairs_tsv = v.p::tsvector, folded_pairs_tsv = v.q::tsvector
        FROM unnest($1::bigint[], $2::int[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[]) AS v(id, n, r, fh, ft, p, q)
        WHERE c.id = v.id`,
      [rows.map((r) => r.id), fts.map((f) => f.length), fts.map((f) => f.raw), fts.map((f) => f.folded[0]), fts.map((f) => f.folded[1]),
        fts.map((f) => f.rawPairs), fts.map((f) => f.foldedPairs)]);
      after = Number(rows[rows.length - 1]!.id);
    }
    await tx.query("DELETE FROM chunk_vocab");
    await tx.query(`INSERT INTO chunk_vocab (col, term, df) SELECT t.col, t.term, sum(t.n) FROM (${vocabRows("chunks")}) t GROUP BY t.col, t.term`);
    await tx.query(VOCAB_COUNT_V5);
  },
  // 6: a body's name key spells abbreviations out (store/keys.ts orgFolded): recomputed from the stored names.
  async (tx) => {
    for (let after = 0; ;) {
      const rows = (await tx.query<{ id: number; org: string; org_text: string }>(
        "SELECT id, org, org_text FROM assignments WHERE id > $1 ORDER BY id LIMIT $2", [after, REFILL_BATCH])).rows;
      if (rows.length === 0) break;
      await tx.query(`UPDATE assignments a SET org_folded = v.k FROM unnest($1::bigint[], $2::text[]) AS v(id, k) WHERE a.id = v.id`,
        [rows.map((r) => r.id), rows.map((r) => orgFolded(r.org, r.org_text))]);
      after = Number(rows[rows.length - 1]!.id);
    }
  },
];

/** The schema version this code writes. */
export const SCHEMA_VERSION = MIGRATIONS.length;

/** Brings the database to SCHEMA_VERSION (once, whoever else is starting); refuses a newer database. */
export async function migrate(client: SqlClient): Promise<void> {
  await client.transaction(async (tx) => {
    await tx.query(`SELECT pg_advisory_xact_lock(${MIGRATION_LOCK})`);
    await tx.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version INTEGER PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())`);
    const current = await currentVersion(tx);
    if (current > SCHEMA_VERSION) {
      throw new StoreError(
        "schema_too_new",
        `The store was written by a newer version (schema ${current}, this one knows ${SCHEMA_VERSION}). Upgrade nhiemvu.`,
      );
    }
    for (let v = current; v < SCHEMA_VERSION; v++) {
      const m = MIGRATIONS[v]!;
      if (typeof m === "string") for (const statement of statements(m)) await tx.query(statement);
      else await m(tx);
      await tx.query("INSERT INTO schema_migrations (version) VALUES ($1)", [v + 1]);
    }
  });
}

async function currentVersion(q: SqlQueryable): Promise<number> {
  const r = await q.query<{ v: number | null }>("SELECT max(version) AS v FROM schema_migrations");
  return Number(r.rows[0]?.v ?? 0);
}

/** A migration's statements, one per query (PGlite's extended protocol takes one at a time); a `;`
 *  inside a $fn$ ... $fn$ function body does not end a statement. */
export function statements(sql: string): string[] {
  const out: string[] = [];
  let current = "";
  let inBody = false;
  // Comments go first: they may hold a ";" (the migrations have no "--" inside a string literal).
  for (const part of sql.replace(/--[^\n]*/g, "").split(/(\$fn\$)/)) {
    if (part === "$fn$") {
      inBody = !inBody;
      current += part;
    } else if (inBody) {
      current += part;
    } else {
      const pieces = part.split(";");
      current += pieces[0];
      for (const p of pieces.slice(1)) {
        out.push(current);
        current = p;
      }
    }
  }
  out.push(current);
  return out.map((s) => s.trim()).filter((s) => s.length > 0);
}
