/**
 * The corpus store's relational schema, described once and turned into DDL for SQLite and for
 * PostgreSQL, so a local batch and the distributed workers write the same tables.
 *
 * Every child table is keyed by `document_id` first (the clustering and partitioning key, see
 * docs/scaling.md). Character, quotation and scene identifiers are the result's own ids as text
 * (`C0`, `Q12`, or the ids of a given cast), so rows join the stored JSON without translation.
 *
 * Migrations are derived from `since`: version N creates the tables whose `since` is N and adds the
 * columns whose `since` is N to older tables. A change that is not additive goes into `EXTRA_STEPS`.
 */

export type Dialect = 'sqlite' | 'postgres';

/**
 * `id`: the documents' surrogate key; `ref`: a reference to it; `json`: a JSON document (TEXT in
 * SQLite, JSON in PostgreSQL: stored as given, which inserts twice as fast as JSONB for a result of a
 * megabyte, and `->`/`->>` work on both); `bool`: 0/1 in SQLite, BOOLEAN in PostgreSQL (`= true` works in both).
 */
export type ColumnType = 'id' | 'ref' | 'int' | 'real' | 'text' | 'bool' | 'json';

export interface ColumnDef {
  readonly name: string;
  readonly type: ColumnType;
  readonly notNull?: boolean;
  /** Schema version that added the column. Default: the table's. */
  readonly since?: number;
  readonly doc: string;
}

export interface TableDef {
  readonly name: string;
  readonly doc: string;
  /** Schema version that added the table. */
  readonly since: number;
  readonly columns: readonly ColumnDef[];
  readonly primaryKey?: readonly string[];
  readonly unique?: readonly (readonly string[])[];
  readonly indexes?: readonly (readonly string[])[];
}

const documentRef: ColumnDef = {
  name: 'document_id',
  type: 'ref',
  notNull: true,
  doc: 'documents.id',
};

export const TABLES: readonly TableDef[] = [
  {
    name: 'documents',
    since: 1,
    doc: 'One row per analysed document, keyed by the SHA-256 of its bytes.',
    columns: [
      { name: 'id', type: 'id', doc: 'surrogate key' },
      {
        name: 'hash',
        type: 'text',
        notNull: true,
        doc: 'SHA-256 of the file bytes, hex (the idempotency key)',
      },
      { name: 'name', type: 'text', notNull: true, doc: 'path or name the document was read from' },
      { name: 'format', type: 'text', doc: 'txt, md, html, ao3, epub, docx' },
      { name: 'encoding', type: 'text', doc: 'encoding the bytes were decoded from' },
      { name: 'title', type: 'text', doc: 'meta.title, when the source states one' },
      { name: 'author', type: 'text', doc: 'meta.author, when the source states one' },
      { name: 'language', type: 'text', doc: 'meta.language, when the source states one' },
      { name: 'length', type: 'int', doc: 'length of the decoded source text (UTF-16 code units)' },
      { name: 'words', type: 'int', doc: 'stats.words' },
      { name: 'characters', type: 'int', doc: 'number of characters (people) found' },
      { name: 'quotations', type: 'int', doc: 'number of quotations found' },
      { name: 'scenes', type: 'int', doc: 'number of scenes found' },
      { name: 'engine_version', type: 'text', notNull: true, doc: 'storylens version that analysed it' },
      { name: 'result_schema_version', type: 'text', notNull: true, doc: 'schemaVersion of the stored JSON' },
      { name: 'analysis_ms', type: 'real', doc: 'wall time of ingestion and analysis' },
      { name: 'analysed_at', type: 'text', notNull: true, doc: 'ISO 8601 time the row was written' },
    ],
    unique: [['hash']],
  },
  {
    name: 'document_results',
    since: 1,
    doc: 'The full analysis JSON of each document (src/engine/schema.json), beside the tables mapped from it.',
    columns: [
      { ...documentRef, doc: 'documents.id (one row per document)' },
      { name: 'result', type: 'json', notNull: true, doc: 'the AnalysisResult' },
    ],
    primaryKey: ['document_id'],
  },
  {
    name: 'characters',
    since: 1,
    doc: 'The cast of each document.',
    columns: [
      documentRef,
      { name: 'character', type: 'text', notNull: true, doc: 'character id in the result (C0 …)' },
      { name: 'ordinal', type: 'int', notNull: true, doc: 'position in the result (by first mention)' },
      { name: 'name', type: 'text', notNull: true, doc: 'canonical name' },
      { name: 'gender', type: 'text', doc: 'female, male, nonbinary, unknown' },
      { name: 'gender_confidence', type: 'real', doc: '0..1' },
      { name: 'mentions', type: 'int', doc: 'mentions resolved to the character' },
      { name: 'narrator', type: 'bool', doc: 'the first-person narrator' },
    ],
    primaryKey: ['document_id', 'character'],
  },
  {
    name: 'aliases',
    since: 1,
    doc: 'Other names (alias) and terms of address (epithet) of each character.',
    columns: [
      documentRef,
      { name: 'character', type: 'text', notNull: true, doc: 'characters.character' },
      { name: 'kind', type: 'text', notNull: true, doc: 'alias or epithet' },
      { name: 'alias', type: 'text', notNull: true, doc: 'the name or term' },
    ],
    primaryKey: ['document_id', 'character', 'kind', 'alias'],
  },
  {
    name: 'quotations',
    since: 1,
    doc: 'Every quotation with its speaker.',
    columns: [
      documentRef,
      { name: 'quote', type: 'text', notNull: true, doc: 'quotation id in the result (Q0 …)' },
      { name: 'ordinal', type: 'int', notNull: true, doc: 'position in text order' },
      {
        name: 'start_offset',
        type: 'int',
        notNull: true,
        doc: 'source offset of the first quoted character',
      },
      { name: 'end_offset', type: 'int', notNull: true, doc: 'source offset one past the last' },
      { name: 'kind', type: 'text', doc: 'speech, thought, reported, imagined, written, mention' },
      { name: 'mark', type: 'text', doc: 'double, single, guillemet, german, dash, given' },
      { name: 'speaker', type: 'text', doc: 'characters.character, or NULL when unattributed' },
      { name: 'confidence', type: 'real', doc: 'attribution confidence 0..1' },
      { name: 'method', type: 'text', doc: 'the deciding attribution cue' },
      { name: 'words', type: 'int', doc: 'whitespace-separated words in the quoted text' },
      { name: 'text', type: 'text', doc: 'the quoted words (spans joined by a space)' },
    ],
    primaryKey: ['document_id', 'quote'],
    indexes: [['document_id', 'speaker']],
  },
  {
    name: 'addressees',
    since: 1,
    doc: 'Who each quotation is spoken to.',
    columns: [
      documentRef,
      { name: 'quote', type: 'text', notNull: true, doc: 'quotations.quote' },
      { name: 'addressee', type: 'text', notNull: true, doc: 'characters.character' },
    ],
    primaryKey: ['document_id', 'quote', 'addressee'],
  },
  {
    name: 'scenes',
    since: 1,
    doc: 'Scenes in text order.',
    columns: [
      documentRef,
      { name: 'scene', type: 'int', notNull: true, doc: 'scene index' },
      { name: 'start_offset', type: 'int', notNull: true, doc: 'source offset' },
      { name: 'end_offset', type: 'int', notNull: true, doc: 'source offset' },
      { name: 'chapter', type: 'int', doc: 'chapter index' },
      { name: 'boundary_kind', type: 'text', doc: 'start, chapter, break, time, place, cast' },
      { name: 'boundary_cue', type: 'text', doc: 'the words or mark that opened the scene' },
      { name: 'pov_person', type: 'text', doc: 'first, second, third, mixed (when the pov stage ran)' },
      { name: 'pov_focal', type: 'text', doc: 'characters.character of the focal character' },
    ],
    primaryKey: ['document_id', 'scene'],
  },
  {
    name: 'scene_characters',
    since: 1,
    doc: 'Characters present in each scene, most present first.',
    columns: [
      documentRef,
      { name: 'scene', type: 'int', notNull: true, doc: 'scenes.scene' },
      { name: 'character', type: 'text', notNull: true, doc: 'characters.character' },
      { name: 'rank', type: 'int', notNull: true, doc: '0 = most present' },
    ],
    primaryKey: ['document_id', 'scene', 'character'],
  },
  {
    name: 'edges',
    since: 1,
    doc: 'Character network edges: one row per edge of each network in the result (conversation, cooccurrence …).',
    columns: [
      documentRef,
      { name: 'kind', type: 'text', notNull: true, doc: 'the network: conversation, cooccurrence …' },
      { name: 'source', type: 'text', notNull: true, doc: 'characters.character (speaker, or the lower id)' },
      {
        name: 'target',
        type: 'text',
        notNull: true,
        doc: 'characters.character (addressee, or the higher id)',
      },
      { name: 'quotes', type: 'real', doc: 'quotations along the edge, when the network counts them' },
      { name: 'words', type: 'real', doc: 'words along the edge, when counted' },
      { name: 'scenes', type: 'real', doc: 'scenes shared, when counted' },
      { name: 'paragraphs', type: 'real', doc: 'paragraphs shared, when counted' },
      {
        name: 'data',
        type: 'json',
        doc: 'the other fields of the edge as an object, for fields added later (NULL when none)',
      },
    ],
    primaryKey: ['document_id', 'kind', 'source', 'target'],
  },
  {
    name: 'stats',
    since: 1,
    doc: 'Every numeric statistic of the result, one row each (nested objects flattened with dots).',
    columns: [
      documentRef,
      { name: 'name', type: 'text', notNull: true, doc: 'words, dialogueWords, … or a.b for nested figures' },
      { name: 'value', type: 'real', notNull: true, doc: 'the figure' },
    ],
    primaryKey: ['document_id', 'name'],
  },
  {
    name: 'failures',
    since: 1,
    doc: 'Documents that could not be analysed, with the reason; skipped on later runs unless retried.',
    columns: [
      { name: 'hash', type: 'text', notNull: true, doc: 'SHA-256 of the file bytes' },
      { name: 'name', type: 'text', notNull: true, doc: 'path or name' },
      { name: 'error', type: 'text', notNull: true, doc: 'one line' },
      { name: 'engine_version', type: 'text', notNull: true, doc: 'storylens version that failed on it' },
      { name: 'failed_at', type: 'text', notNull: true, doc: 'ISO 8601' },
    ],
    primaryKey: ['hash'],
  },
];

/** Tables whose rows are mapped from one result (everything keyed by document_id). */
export type ChildTable =
  | 'characters'
  | 'aliases'
  | 'quotations'
  | 'addressees'
  | 'scenes'
  | 'scene_characters'
  | 'edges'
  | 'stats';

export const CHILD_TABLES: readonly ChildTable[] = [
  'characters',
  'aliases',
  'quotations',
  'addressees',
  'scenes',
  'scene_characters',
  'edges',
  'stats',
];

/** Hand-written statements for changes that are not additive, by version and dialect. */
const EXTRA_STEPS: Readonly<Record<number, Readonly<Record<Dialect, readonly string[]>>>> = {};

/** The newest corpus schema version this build writes (stored in `storylens_schema`). */
export const CORPUS_SCHEMA_VERSION: number = Math.max(
  ...TABLES.flatMap((t) => [t.since, ...t.columns.map((c) => c.since ?? t.since)]),
  ...Object.keys(EXTRA_STEPS).map(Number),
);

export function table(name: string): TableDef {
  const found = TABLES.find((t) => t.name === name);
  if (!found) throw new Error(`no table ${name}`);
  return found;
}

/** Column names of a child table after `document_id`: the order of the rows in `DocumentRows`. */
export function rowColumns(name: ChildTable): string[] {
  return table(name)
    .columns.filter((c) => c.name !== 'document_id')
    .map((c) => c.name);
}

function sqlType(type: ColumnType, dialect: Dialect): string {
  if (dialect === 'sqlite') {
    return {
      id: 'INTEGER PRIMARY KEY',
      ref: 'INTEGER',
      int: 'INTEGER',
      real: 'REAL',
      text: 'TEXT',
      bool: 'INTEGER',
      json: 'TEXT',
    }[type];
  }
  return {
    id: 'BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY',
    ref: 'BIGINT',
    int: 'BIGINT',
    real: 'DOUBLE PRECISION',
    text: 'TEXT',
    bool: 'BOOLEAN',
    json: 'JSON',
  }[type];
}

function columnSql(column: ColumnDef, dialect: Dialect): string {
  let sql = `${column.name} ${sqlType(column.type, dialect)}`;
  if (column.notNull) sql += ' NOT NULL';
  if (column.type === 'ref') sql += ' REFERENCES documents(id) ON DELETE CASCADE';
  return sql;
}

/**
 * How PostgreSQL lays the per-document tables out: `partitions` > 0 hash-partitions every table
 * keyed by `document_id` into that many partitions (docs/scaling.md). `documents` itself stays one
 * table: its unique `hash` could not be enforced across partitions of another key.
 */
export interface Layout {
  /** Hash partitions per child table (PostgreSQL only). Default: 0, unpartitioned. */
  partitions?: number;
}

export function isPartitioned(t: TableDef): boolean {
  return t.primaryKey?.[0] === 'document_id';
}

export function partitionName(table: string, index: number): string {
  return `${table}_p${String(index).padStart(3, '0')}`;
}

function createTable(t: TableDef, version: number, dialect: Dialect, layout: Readonly<Layout>): string[] {
  const columns = t.columns.filter((c) => (c.since ?? t.since) <= version).map((c) => columnSql(c, dialect));
  if (t.primaryKey) columns.push(`PRIMARY KEY (${t.primaryKey.join(', ')})`);
  for (const u of t.unique ?? []) columns.push(`UNIQUE (${u.join(', ')})`);
  const partitions = dialect === 'postgres' && isPartitioned(t) ? (layout.partitions ?? 0) : 0;
  const suffix = partitions > 0 ? ' PARTITION BY HASH (document_id)' : '';
  return [
    `CREATE TABLE IF NOT EXISTS ${t.name} (\n  ${columns.join(',\n  ')}\n)${suffix}`,
    ...Array.from(
      { length: partitions },
      (_, i) =>
        `CREATE TABLE IF NOT EXISTS ${partitionName(t.name, i)} PARTITION OF ${t.name} FOR VALUES WITH (MODULUS ${partitions}, REMAINDER ${i})`,
    ),
    ...(t.indexes ?? []).map(
      (cols) => `CREATE INDEX IF NOT EXISTS ${t.name}_${cols.join('_')} ON ${t.name} (${cols.join(', ')})`,
    ),
  ];
}

/** The statements that take a database from version `version - 1` to `version`. */
export function migrationStatements(
  version: number,
  dialect: Dialect,
  layout: Readonly<Layout> = {},
): string[] {
  const statements: string[] = [];
  for (const t of TABLES) {
    if (t.since === version) statements.push(...createTable(t, version, dialect, layout));
    else if (t.since < version) {
      for (const c of t.columns) {
        if (c.since === version) statements.push(`ALTER TABLE ${t.name} ADD COLUMN ${columnSql(c, dialect)}`);
      }
    }
  }
  statements.push(...(EXTRA_STEPS[version]?.[dialect] ?? []));
  return statements;
}

/** The bookkeeping table: one row per applied version (the same in both dialects). */
export const VERSION_TABLE_SQL =
  'CREATE TABLE IF NOT EXISTS storylens_schema (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)';

/** The whole schema at the current version, for the docs and `storylens batch --print-schema`. */
export function schemaSql(dialect: Dialect, layout: Readonly<Layout> = {}): string {
  const out = [VERSION_TABLE_SQL];
  for (let v = 1; v <= CORPUS_SCHEMA_VERSION; v++) out.push(...migrationStatements(v, dialect, layout));
  return out.map((s) => s + ';').join('\n');
}
