/**
 * The SQLite schema as an ordered list of migrations. `PRAGMA user_version` records how many have run;
 * each one runs in its own transaction, so a run killed mid-migration leaves the previous version intact.
 * Append new migrations; never edit one that has shipped.
 */
import type { Database } from "better-sqlite3";
import { StoreError } from "../../core/errors.js";
import type { DocumentMeta } from "../../core/types.js";
import { orgFolded } from "../keys.js";
import { chunkHead } from "../lexical.js";
import { ftsColumns, textColumns } from "./documents.js";

/** A migration: SQL, or a function for one that computes rows in JS. Both run inside its transaction. */
type Migration = string | ((db: Database) => void);

/** Rows re-indexed per read in migrations 5, 7 and 8 (a bound on memory at the scale corpus's 75k chunks). */
const REFILL_BATCH = 2000;

/**
 * Rebuilds the contentless full-text table with `columns` (it cannot be altered) and refills it from the
 * stored chunks, REFILL_BATCH at a time: `read` selects the rows after an id, `values` gives a row's
 * columns. The delete trigger names the table and still applies.
 */
function rebuildFts<Row extends { id: number }>(db: Database, columns: readonly string[], read: string, values: (r: Row) => string[]): void {
  db.exec(`DROP TABLE chunks_fts;
    CREATE VIRTUAL TABLE chunks_fts USING fts5(
      ${columns.join(", ")}, content='', contentless_delete=1, tokenize="unicode61 remove_diacritics 0 tokenchars '_'"
    );`);
  const select = db.prepare(read);
  const insert = db.prepare(`INSERT INTO chunks_fts (rowid, ${columns.join(", ")}) VALUES (?, ${columns.map(() => "?").join(", ")})`);
  for (let after = 0; ;) {
    const rows = select.all(after, REFILL_BATCH) as Row[];
    if (rows.length === 0) break;
    for (const r of rows) insert.run(r.id, ...values(r));
    after = rows[rows.length - 1]!.id;
  }
  db.exec("INSERT INTO chunks_fts(chunks_fts) VALUES ('optimize')");
}

const MIGRATIONS: readonly Migration[] = [
  // 1: documents and what ingest derives from them, plus the bot's tables.
  `
  CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);

  CREATE TABLE documents (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    name TEXT NOT NULL,
    path TEXT NOT NULL UNIQUE,
    hash TEXT NOT NULL,
    format TEXT NOT NULL,
    text TEXT NOT NULL,
    meta TEXT NOT NULL,
    kind TEXT NOT NULL,
    number TEXT,
    date TEXT,
    title TEXT,
    period_start TEXT,
    period_end TEXT,
    -- lookup keys for findDocuments (folded, punctuation-free)
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
    doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    parent INTEGER,
    depth INTEGER NOT NULL,
    marker TEXT NOT NULL,
    label TEXT NOT NULL,
    heading TEXT NOT NULL,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    PRIMARY KEY (doc_id, idx)
  ) WITHOUT ROWID;

  -- AUTOINCREMENT: chunk ids are hnswlib labels and must never be reused.
  CREATE TABLE chunks (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    section INTEGER NOT NULL,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    text TEXT NOT NULL,
    context TEXT NOT NULL
  );
  CREATE INDEX chunks_doc ON chunks(doc_id);

  -- Both columns keep diacritics for the tokenizer: we fold ourselves because unicode61 does not fold đ.
  CREATE VIRTUAL TABLE chunks_fts USING fts5(
    raw, folded, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 0'
  );
  -- Cascaded deletes fire this trigger too, so the index never outlives its chunk.
  CREATE TRIGGER chunks_fts_delete AFTER DELETE ON chunks BEGIN
    DELETE FROM chunks_fts WHERE rowid = old.id;
  END;

  CREATE TABLE assignments (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
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
    due TEXT,
    range_start TEXT,
    range_end TEXT,
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
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL,
    label TEXT,
    granted_by INTEGER,
    granted_at TEXT NOT NULL
  );

  CREATE TABLE feedback (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id INTEGER NOT NULL,
    chat_id INTEGER NOT NULL,
    question TEXT NOT NULL,
    answer TEXT NOT NULL,
    vote INTEGER NOT NULL,
    created_at TEXT NOT NULL
  );

  CREATE TABLE subscriptions (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    chat_id INTEGER NOT NULL,
    org_ids TEXT NOT NULL,
    cadence TEXT NOT NULL,
    time TEXT NOT NULL,
    weekday INTEGER,
    lookahead_days INTEGER NOT NULL,
    send_empty INTEGER NOT NULL,
    paused INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL
  );
  CREATE INDEX subscriptions_chat ON subscriptions(chat_id);

  CREATE TABLE deliveries (
    subscription_id INTEGER NOT NULL REFERENCES subscriptions(id) ON DELETE CASCADE,
    slot TEXT NOT NULL,
    status TEXT NOT NULL,
    claimed_at TEXT NOT NULL,
    finished_at TEXT,
    UNIQUE (subscription_id, slot)
  );
  `,
  // 2: what several bot processes sharing the store coordinate through (store/sqlite/coordination.ts,
  // store/sql/coordination.ts). Times are epoch milliseconds.
  `
  CREATE TABLE locks (name TEXT PRIMARY KEY, owner TEXT NOT NULL, expires_at INTEGER NOT NULL);

  CREATE TABLE handled_updates (update_id INTEGER PRIMARY KEY, handled_at INTEGER NOT NULL);
  CREATE INDEX handled_updates_at ON handled_updates(handled_at);

  CREATE TABLE answers (
    key TEXT PRIMARY KEY,
    question TEXT NOT NULL,
    answer TEXT NOT NULL,
    page_offset INTEGER NOT NULL,
    lim INTEGER NOT NULL,
    tasks INTEGER NOT NULL,
    created_at INTEGER NOT NULL
  );
  CREATE INDEX answers_created ON answers(created_at);

  CREATE TABLE votes (key TEXT NOT NULL, user_id INTEGER NOT NULL, PRIMARY KEY (key, user_id)) WITHOUT ROWID;

  CREATE TABLE noted (
    scope TEXT NOT NULL,
    id INTEGER NOT NULL,
    label TEXT,
    noted_at INTEGER NOT NULL,
    PRIMARY KEY (scope, id)
  ) WITHOUT ROWID;
  `,
  // 3: task statuses keyed by the task's stable identity (core/status.ts), their history and the bodies'
  // reporters (store/sql/statuses.ts, store/sqlite/status.ts). No foreign key to assignments: replacing a document keeps them.
  `
  CREATE TABLE task_statuses (
    key TEXT PRIMARY KEY,
    doc_name TEXT NOT NULL,
    section_label TEXT NOT NULL,
    org_key TEXT NOT NULL,
    state TEXT NOT NULL,
    done_on TEXT,
    note TEXT,
    evidence TEXT,
    needs_review INTEGER NOT NULL DEFAULT 0,
    updated_by TEXT NOT NULL,
    updated_at TEXT NOT NULL
  );
  CREATE INDEX task_statuses_doc ON task_statuses(doc_name);

  CREATE TABLE task_status_history (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    key TEXT NOT NULL,
    from_state TEXT,
    to_state TEXT NOT NULL,
    by_who TEXT NOT NULL,
    at TEXT NOT NULL,
    note TEXT,
    evidence TEXT,
    done_on TEXT
  );
  CREATE INDEX task_status_history_key ON task_status_history(key);

  CREATE TABLE reporters (
    org_key TEXT NOT NULL,
    user_id INTEGER NOT NULL,
    granted_by INTEGER,
    granted_at TEXT NOT NULL,
    PRIMARY KEY (org_key, user_id)
  ) WITHOUT ROWID;
  `,
  // 4: a PDF's page map (DocumentDraft.pages, a JSON array of page start offsets), so that citations
  // name the page of their quote. NULL for documents without pages and those stored before.
  `
  ALTER TABLE documents ADD COLUMN pages TEXT;
  `,
  // 5: neighbouring-syllable pairs as single terms ("trợ_cấp") in their own columns, so a pair is one
  // doclist read instead of a phrase's two (store/lexical.ts); rebuilt and refilled from the stored chunk text.
  (db) => rebuildFts(db, ["raw", "folded", "raw_pairs", "folded_pairs"], "SELECT id, text FROM chunks WHERE id > ? ORDER BY id LIMIT ?",
    (r: { id: number; text: string }) => textColumns(r.text)),
  // 6: for counting: `stats` counts sections through this index, a few dozen pages, instead of the table
  // itself, hundreds (426 documents: 0.4 ms instead of 9-25 at a process's first read of them).
  `
  CREATE INDEX sections_doc ON sections(doc_id);
  `,
  // 7: a chunk's head (store/lexical.ts chunkHead: its document's number, issuer and title, its heading
  // path) in four columns of its own, weighed apart by BM25; rebuilt and refilled like 5.
  (db) => rebuildFts(db, ["raw", "folded", "raw_pairs", "folded_pairs", "head_raw", "head_folded", "head_raw_pairs", "head_folded_pairs"],
    `SELECT c.id, c.text, c.context, d.meta FROM chunks c JOIN documents d ON d.id = c.doc_id WHERE c.id > ? ORDER BY c.id LIMIT ?`,
    (r: { id: number; text: string; context: string; meta: string }) => ftsColumns(r.text, chunkHead(JSON.parse(r.meta) as DocumentMeta, r.context))),
  // 8: a body's name key spells abbreviations out (store/keys.ts orgFolded): recomputed from the stored names.
  (db) => refillOrgKeys(db),
];

/** Recomputes every assignment's `org_folded` from its stored names (store/keys.ts orgFolded), REFILL_BATCH at a time. */
function refillOrgKeys(db: Database): void {
  const select = db.prepare("SELECT id, org, org_text FROM assignments WHERE id > ? ORDER BY id LIMIT ?");
  const update = db.prepare("UPDATE assignments SET org_folded = ? WHERE id = ?");
  for (let after = 0; ;) {
    const rows = select.all(after, REFILL_BATCH) as Array<{ id: number; org: string; org_text: string }>;
    if (rows.length === 0) break;
    for (const r of rows) update.run(orgFolded(r.org, r.org_text), r.id);
    after = rows[rows.length - 1]!.id;
  }
}

/** The schema version this code writes. */
export const SCHEMA_VERSION = MIGRATIONS.length;

/** Brings the database to SCHEMA_VERSION; refuses a database written by newer code. */
export function migrate(db: Database): void {
  const current = db.pragma("user_version", { simple: true }) as number;
  if (current > SCHEMA_VERSION) {
    throw new StoreError(
      "schema_too_new",
      `The store was written by a newer version (schema ${current}, this one knows ${SCHEMA_VERSION}). Upgrade nhiemvu.`,
    );
  }
  if (current === SCHEMA_VERSION) return;
  // BEGIN IMMEDIATE and a second look at the version: another process may be migrating the same file.
  for (let v = current; v < SCHEMA_VERSION; v++) {
    db.transaction(() => {
      const now = db.pragma("user_version", { simple: true }) as number;
      if (now !== v) return;
      const m = MIGRATIONS[v]!;
      if (typeof m === "string") db.exec(m);
      else m(db);
      db.pragma(`user_version = ${v + 1}`);
    }).immediate();
  }
}
