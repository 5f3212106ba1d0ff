/**
 * Where analysed documents go: an SQLite file for one machine, PostgreSQL for many. Both apply the
 * same migrations (corpus/schema.ts) and both are idempotent on the content hash: storing a document
 * whose hash is already present stores nothing and says so.
 */
import type { DocumentRecord } from './rows.js';

/** What the store knows about a content hash. */
export type HashState = 'stored' | 'failed' | undefined;

export interface FailureRecord {
  hash: string;
  name: string;
  error: string;
}

export interface CorpusStore {
  /** `sqlite:<path>` or the PostgreSQL URL without its password. */
  readonly description: string;
  state(hash: string): Promise<HashState>;
  /** Stores the document and its rows in one transaction; `duplicate` when the hash was there already. */
  put(record: DocumentRecord): Promise<'stored' | 'duplicate'>;
  /** Records (or updates) a failure; the document stays absent. */
  putFailure(failure: FailureRecord): Promise<void>;
  /** Documents and failures stored so far. */
  counts(): Promise<{ documents: number; failures: number }>;
  close(): Promise<void>;
}

export function isPostgresUrl(target: string): boolean {
  return /^postgres(ql)?:\/\//i.test(target);
}

export interface StoreOptions {
  /** PostgreSQL only, when its tables are created: hash partitions per child table. Default: 0. */
  partitions?: number;
  /** PostgreSQL only: connections. Default: 4. */
  poolSize?: number;
}

/** Opens (creating and migrating as needed) the store a `--db` argument names. */
export async function openStore(target: string, options: Readonly<StoreOptions> = {}): Promise<CorpusStore> {
  if (isPostgresUrl(target)) {
    const { openPostgresStore } = await import('./postgres.js');
    return openPostgresStore(target, options);
  }
  const { openSqliteStore } = await import('./sqlite.js');
  return openSqliteStore(target);
}

export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return url;
  }
}
