/**
 * The shared corpus store for distributed workers: PostgreSQL with the same tables as the SQLite
 * file (corpus/schema.ts). Each document is one transaction; `ON CONFLICT (hash) DO NOTHING` makes
 * a second worker that analysed the same document (a job picked up again after a stall) store
 * nothing, so a document is stored exactly once whatever the queue does.
 */
import pg from 'pg';
import { UserError } from '../engine/errors.js';
import { VERSION } from '../engine/version.js';
import { DOCUMENT_COLUMNS, type DocumentRecord, documentValues, type SqlValue } from './rows.js';
import {
  CHILD_TABLES,
  CORPUS_SCHEMA_VERSION,
  type ColumnType,
  type Layout,
  migrationStatements,
  rowColumns,
  table,
  VERSION_TABLE_SQL,
} from './schema.js';
import { type CorpusStore, type FailureRecord, type HashState, redactUrl } from './store.js';

// Any constant will do: it only has to be the same for every storylens process on the database.
const MIGRATION_LOCK = 74_683_019;

const ARRAY_TYPE: Record<ColumnType, string> = {
  id: 'bigint[]',
  ref: 'bigint[]',
  int: 'bigint[]',
  real: 'float8[]',
  text: 'text[]',
  bool: 'boolean[]',
  json: 'json[]',
};

/**
 * PostgreSQL text cannot hold U+0000, which SQLite stores: it becomes U+FFFD in the table columns
 * (the ingest step refuses binary files, so a NUL in a story is rare). The JSON keeps it escaped.
 */
function pgText(v: SqlValue): SqlValue {
  return typeof v === 'string' && v.includes('\u0000') ? v.replaceAll('\u0000', '\ufffd') : v;
}

/** Partitions of an existing database (0 when unpartitioned or new): later tables follow them. */
async function existingPartitions(client: pg.PoolClient): Promise<number> {
  const { rows } = await client.query<{ n: string }>(
    "SELECT COUNT(*) AS n FROM pg_inherits WHERE inhparent = to_regclass('document_results')",
  );
  return Number(rows[0]?.n ?? 0);
}

export async function migratePostgres(client: pg.PoolClient, layout: Readonly<Layout> = {}): Promise<number> {
  await client.query('BEGIN');
  try {
    // Several workers start at once: one migrates, the others wait here and then find nothing to do.
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await client.query(VERSION_TABLE_SQL);
    const { rows } = await client.query<{ v: number | null }>(
      'SELECT MAX(version) AS v FROM storylens_schema',
    );
    const current = rows[0]?.v ?? 0;
    if (current > CORPUS_SCHEMA_VERSION) {
      throw new UserError(
        `the corpus database has schema version ${current}, newer than this storylens writes (${CORPUS_SCHEMA_VERSION}): upgrade storylens`,
        3,
      );
    }
    const partitions = current > 0 ? await existingPartitions(client) : (layout.partitions ?? 0);
    for (let v = current + 1; v <= CORPUS_SCHEMA_VERSION; v++) {
      for (const sql of migrationStatements(v, 'postgres', { partitions })) await client.query(sql);
      await client.query('INSERT INTO storylens_schema (version, applied_at) VALUES ($1, $2)', [
        v,
        new Date().toISOString(),
      ]);
    }
    await client.query('COMMIT');
    return CORPUS_SCHEMA_VERSION;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  }
}

/** `INSERT … SELECT $1, * FROM unnest($2::text[], …)`: one statement per table, any number of rows. */
function childInsertSql(name: (typeof CHILD_TABLES)[number]): string {
  const columns = rowColumns(name);
  const types = columns.map((c) => table(name).columns.find((d) => d.name === c)!.type);
  const arrays = types.map((t, i) => `$${i + 2}::${ARRAY_TYPE[t]}`);
  return `INSERT INTO ${name} (document_id, ${columns.join(', ')}) SELECT $1, * FROM unnest(${arrays.join(', ')})`;
}

export interface PostgresOptions extends Layout {
  /** Connections. Default: 4. */
  poolSize?: number;
}

export async function openPostgresStore(
  url: string,
  options: Readonly<PostgresOptions> = {},
): Promise<CorpusStore> {
  const description = redactUrl(url);
  const pool = new pg.Pool({ connectionString: url, max: options.poolSize ?? 4 });
  // An idle client's connection error (server restart) must not crash the worker: the next query
  // fails instead, and the queue retries the job.
  pool.on('error', () => {});
  let client: pg.PoolClient;
  try {
    client = await pool.connect();
  } catch (error) {
    await pool.end().catch(() => {});
    throw new UserError(`cannot connect to PostgreSQL at ${description}: ${(error as Error).message}`, 3);
  }
  try {
    await migratePostgres(client, options.partitions !== undefined ? { partitions: options.partitions } : {});
  } finally {
    client.release();
  }

  const insertDocument = `INSERT INTO documents (${DOCUMENT_COLUMNS.join(', ')})
    VALUES (${DOCUMENT_COLUMNS.map((_, i) => `$${i + 1}`).join(', ')})
    ON CONFLICT (hash) DO NOTHING RETURNING id`;
  const insertChild = Object.fromEntries(CHILD_TABLES.map((t) => [t, childInsertSql(t)]));

  return {
    description,
    async state(hash): Promise<HashState> {
      const { rows } = await pool.query<{ s: string }>(
        "SELECT 'stored' AS s FROM documents WHERE hash = $1 UNION ALL SELECT 'failed' FROM failures WHERE hash = $1",
        [hash],
      );
      if (rows.some((r) => r.s === 'stored')) return 'stored';
      return rows.length > 0 ? 'failed' : undefined;
    },
    async put(record: DocumentRecord) {
      const c = await pool.connect();
      try {
        await c.query('BEGIN');
        const values = documentValues(record.document, new Date().toISOString()).map(pgText);
        const inserted = await c.query<{ id: string }>(insertDocument, values);
        const id = inserted.rows[0]?.id;
        if (id === undefined) {
          await c.query('ROLLBACK');
          return 'duplicate';
        }
        await c.query('INSERT INTO document_results (document_id, result) VALUES ($1, $2::json)', [
          id,
          record.json,
        ]);
        for (const t of CHILD_TABLES) {
          const rows = record.rows[t];
          if (rows.length === 0) continue;
          const width = rowColumns(t).length;
          const columns: SqlValue[][] = Array.from({ length: width }, () => new Array<SqlValue>(rows.length));
          rows.forEach((row, r) => {
            for (let i = 0; i < width; i++) columns[i]![r] = pgText(row[i] ?? null);
          });
          await c.query(insertChild[t]!, [id, ...columns]);
        }
        await c.query('DELETE FROM failures WHERE hash = $1', [record.document.hash]);
        await c.query('COMMIT');
        return 'stored';
      } catch (error) {
        await c.query('ROLLBACK').catch(() => {});
        throw error;
      } finally {
        c.release();
      }
    },
    async putFailure(f: FailureRecord) {
      await pool.query(
        `INSERT INTO failures (hash, name, error, engine_version, failed_at) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (hash) DO UPDATE SET name = excluded.name, error = excluded.error,
           engine_version = excluded.engine_version, failed_at = excluded.failed_at`,
        [f.hash, pgText(f.name), pgText(f.error), VERSION, new Date().toISOString()],
      );
    },
    async counts() {
      const { rows } = await pool.query<{ d: string; f: string }>(
        'SELECT (SELECT COUNT(*) FROM documents) AS d, (SELECT COUNT(*) FROM failures) AS f',
      );
      return { documents: Number(rows[0]?.d ?? 0), failures: Number(rows[0]?.f ?? 0) };
    },
    async close() {
      await pool.end();
    },
  };
}
