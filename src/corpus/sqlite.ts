/**
 * The embedded corpus store: one SQLite file through better-sqlite3 (synchronous, so the batch's
 * main thread writes each finished document in one short transaction between worker messages).
 * WAL journal: readers (a research query, `sqlite3 corpus.sqlite`) never block the batch.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { UserError } from '../engine/errors.js';
import { VERSION } from '../engine/version.js';
import { DOCUMENT_COLUMNS, type DocumentRecord, documentValues, type SqlValue } from './rows.js';
import {
  CHILD_TABLES,
  CORPUS_SCHEMA_VERSION,
  migrationStatements,
  rowColumns,
  VERSION_TABLE_SQL,
} from './schema.js';
import type { CorpusStore, FailureRecord, HashState } from './store.js';

type Db = Database.Database;

/** Brings the file to the current corpus schema; refuses a file written by a newer storylens. */
export function migrateSqlite(db: Db): number {
  const migrate = db.transaction(() => {
    db.exec(VERSION_TABLE_SQL);
    const row = db.prepare('SELECT MAX(version) AS v FROM storylens_schema').get() as { v: number | null };
    const current = row.v ?? 0;
    if (current > CORPUS_SCHEMA_VERSION) {
      throw new UserError(
        `the corpus database has schema version ${current}, newer than this storylens writes (${CORPUS_SCHEMA_VERSION}): upgrade storylens`,
        3,
      );
    }
    for (let v = current + 1; v <= CORPUS_SCHEMA_VERSION; v++) {
      for (const sql of migrationStatements(v, 'sqlite')) db.exec(sql);
      db.prepare('INSERT INTO storylens_schema (version, applied_at) VALUES (?, ?)').run(
        v,
        new Date().toISOString(),
      );
    }
    return CORPUS_SCHEMA_VERSION;
  });
  return migrate.immediate();
}

function sqliteValue(v: SqlValue): string | number | null {
  return typeof v === 'boolean' ? (v ? 1 : 0) : v;
}

export function openSqliteStore(path: string): CorpusStore {
  let db: Db;
  try {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    db = new Database(path);
    db.pragma('journal_mode = WAL');
  } catch (error) {
    throw new UserError(`cannot open the corpus database "${path}": ${(error as Error).message}`, 3);
  }
  // NORMAL in WAL mode: a power cut may lose the last commits but never corrupts the file; the
  // batch then redoes those documents, since their hashes are absent.
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 10000');
  migrateSqlite(db);

  const stateOf = db.prepare<[string, string], { s: string }>(
    "SELECT 'stored' AS s FROM documents WHERE hash = ? UNION ALL SELECT 'failed' FROM failures WHERE hash = ?",
  );
  const insertDocument = db.prepare(
    `INSERT INTO documents (${DOCUMENT_COLUMNS.join(', ')}) VALUES (${DOCUMENT_COLUMNS.map(() => '?').join(', ')})
     ON CONFLICT (hash) DO NOTHING`,
  );
  const insertResult = db.prepare('INSERT INTO document_results (document_id, result) VALUES (?, ?)');
  const insertChild = Object.fromEntries(
    CHILD_TABLES.map((t) => {
      const cols = rowColumns(t);
      return [
        t,
        db.prepare(
          `INSERT INTO ${t} (document_id, ${cols.join(', ')}) VALUES (?${', ?'.repeat(cols.length)})`,
        ),
      ];
    }),
  );
  const clearFailure = db.prepare('DELETE FROM failures WHERE hash = ?');
  const upsertFailure = db.prepare(
    `INSERT INTO failures (hash, name, error, engine_version, failed_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (hash) DO UPDATE SET name = excluded.name, error = excluded.error,
       engine_version = excluded.engine_version, failed_at = excluded.failed_at`,
  );

  const put = db.transaction((record: DocumentRecord): 'stored' | 'duplicate' => {
    const d = record.document;
    const info = insertDocument.run(...documentValues(d, new Date().toISOString()).map(sqliteValue));
    if (info.changes === 0) return 'duplicate';
    const id = info.lastInsertRowid;
    insertResult.run(id, record.json);
    for (const t of CHILD_TABLES) {
      const statement = insertChild[t]!;
      for (const row of record.rows[t]) statement.run(id, ...row.map(sqliteValue));
    }
    clearFailure.run(d.hash);
    return 'stored';
  });

  return {
    description: `sqlite:${path}`,
    state: async (hash): Promise<HashState> => {
      const rows = stateOf.all(hash, hash);
      if (rows.some((r) => r.s === 'stored')) return 'stored';
      return rows.length > 0 ? 'failed' : undefined;
    },
    put: async (record) => put.immediate(record),
    putFailure: async (f: FailureRecord) => {
      upsertFailure.run(f.hash, f.name, f.error, VERSION, new Date().toISOString());
    },
    counts: async () => {
      const documents = (db.prepare('SELECT COUNT(*) AS n FROM documents').get() as { n: number }).n;
      const failures = (db.prepare('SELECT COUNT(*) AS n FROM failures').get() as { n: number }).n;
      return { documents, failures };
    },
    close: async () => {
      if (db.open) db.close();
    },
  };
}
