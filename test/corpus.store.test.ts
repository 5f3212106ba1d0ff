import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { DOCUMENT_COLUMNS, documentRecord } from '../src/corpus/rows.js';
import { CHILD_TABLES, CORPUS_SCHEMA_VERSION, rowColumns, schemaSql, TABLES } from '../src/corpus/schema.js';
import { openSqliteStore } from '../src/corpus/sqlite.js';
import type { AnalysisResult } from '../src/engine/result.js';
import { withTempDir } from './corpus-stories.js';

/** A result as the engine may produce it while stages are still being added: parts missing or new. */
function partialResult(extra: Record<string, unknown> = {}): AnalysisResult {
  return {
    schemaVersion: '1.0.0',
    engine: { name: 'storylens', version: '0.1.0', stages: ['segment'] },
    source: { name: 'a.txt', format: 'txt', encoding: 'utf-8', length: 120 },
    meta: { title: 'The Quay' },
    characters: [
      {
        id: 'C0',
        name: 'Mara Quill',
        aliases: ['Mara', 'Miss Quill', 'Mara'],
        epithets: ['dear'],
        gender: { label: 'female', confidence: 0.9 },
        mentions: 7,
        narrator: false,
      },
      {
        id: 'C1',
        name: 'Tobias Fenn',
        aliases: [],
        epithets: [],
        gender: { label: 'male', confidence: 0.8 },
        mentions: 3,
        narrator: false,
      },
    ],
    quotes: [
      {
        id: 'Q0',
        spans: [[10, 30]],
        start: 10,
        end: 30,
        text: 'You should have  told me',
        kind: 'speech',
        mark: 'double',
        speaker: 'C0',
        addressees: ['C1', 'C1'],
        confidence: 0.7,
        method: 'explicit-tag',
      },
      {
        id: 'Q1',
        spans: [[40, 50]],
        start: 40,
        end: 50,
        text: 'Wait',
        kind: 'speech',
        mark: 'double',
        speaker: null,
        addressees: [],
        confidence: 0,
        method: 'none',
      },
    ],
    messages: [],
    ...extra,
  } as unknown as AnalysisResult;
}

describe('corpus: schema and rows', () => {
  it('corpus rows: a result without scenes, network or stats maps to its cast and quotations only', () => {
    const r = documentRecord(partialResult(), { hash: 'h1', name: 'a.txt' });
    assert.equal(r.rows.characters.length, 2);
    assert.equal(r.rows.quotations.length, 2);
    assert.deepEqual(r.rows.scenes, []);
    assert.deepEqual(r.rows.edges, []);
    assert.deepEqual(r.rows.stats, []);
    assert.equal(r.document.words, null);
    assert.equal(r.document.title, 'The Quay');
    assert.deepEqual(JSON.parse(r.json), JSON.parse(JSON.stringify(partialResult())));
  });

  it('corpus rows: repeated aliases and addressees are stored once, epithets apart from aliases', () => {
    const r = documentRecord(partialResult(), { hash: 'h1', name: 'a.txt' });
    const cols = rowColumns('aliases');
    const aliases = r.rows.aliases.map((row) => `${row[cols.indexOf('kind')]}:${row[cols.indexOf('alias')]}`);
    assert.deepEqual(aliases, ['alias:Mara', 'alias:Miss Quill', 'epithet:dear']);
    assert.equal(r.rows.addressees.length, 1);
  });

  it('corpus rows: a quotation counts its words across runs of spaces, an unattributed one has no speaker', () => {
    const r = documentRecord(partialResult(), { hash: 'h1', name: 'a.txt' });
    const cols = rowColumns('quotations');
    assert.equal(r.rows.quotations[0]![cols.indexOf('words')], 5);
    assert.equal(r.rows.quotations[1]![cols.indexOf('speaker')], null);
  });

  it('corpus rows: network edges given by character index are stored by character id, per network', () => {
    const network = {
      conversation: [{ from: 0, to: 1, quotes: 4, words: 31 }],
      cooccurrence: [{ from: 'C0', to: 'C1', scenes: 2, paragraphs: 5, weight: 0.5 }],
      density: 0.4,
    };
    const r = documentRecord(partialResult({ network }), { hash: 'h1', name: 'a.txt' });
    const cols = rowColumns('edges');
    const view = r.rows.edges.map((row) => Object.fromEntries(cols.map((c, i) => [c, row[i]])));
    assert.equal(view.length, 2);
    assert.deepEqual(
      view.map((e) => [e.kind, e.source, e.target, e.quotes, e.scenes]),
      [
        ['conversation', 'C0', 'C1', 4, null],
        ['cooccurrence', 'C0', 'C1', null, 2],
      ],
    );
    assert.equal(view[0]!.data, null, 'nothing beyond the columns');
    assert.deepEqual(JSON.parse(String(view[1]!.data)), { weight: 0.5 });
  });

  it('corpus rows: scenes keep their cast in order and a focal character from pov', () => {
    const scenes = [
      {
        start: 0,
        end: 60,
        chapter: 0,
        boundary: { kind: 'start', cue: '' },
        characters: ['C1', 'C0'],
        pov: null,
      },
      {
        start: 60,
        end: 120,
        chapter: 0,
        boundary: { kind: 'break', cue: '* * *' },
        characters: [0],
        pov: { person: 'third', focal: 'C0' },
      },
      { start: 'broken' },
    ];
    const r = documentRecord(partialResult({ scenes }), { hash: 'h1', name: 'a.txt' });
    assert.equal(r.rows.scenes.length, 2);
    assert.equal(r.document.scenes, 2);
    const sc = rowColumns('scene_characters');
    assert.deepEqual(
      r.rows.scene_characters.map((row) => [
        row[sc.indexOf('scene')],
        row[sc.indexOf('character')],
        row[sc.indexOf('rank')],
      ]),
      [
        [0, 'C1', 0],
        [0, 'C0', 1],
        [1, 'C0', 0],
      ],
    );
    const cols = rowColumns('scenes');
    assert.equal(r.rows.scenes[1]![cols.indexOf('pov_focal')], 'C0');
  });

  it('corpus rows: nested statistics are flattened with dots, lists are left to the JSON', () => {
    const stats = {
      words: 900,
      dialogueWords: 300,
      sentenceLengths: { mean: 12.5, p90: 20 },
      arc: [0.1, 0.2],
    };
    const r = documentRecord(partialResult({ stats }), { hash: 'h1', name: 'a.txt' });
    assert.deepEqual(
      r.rows.stats.map(([name, value]) => `${name}=${value}`),
      ['words=900', 'dialogueWords=300', 'sentenceLengths.mean=12.5', 'sentenceLengths.p90=20'],
    );
    assert.equal(r.document.words, 900);
  });

  it('corpus rows: every row has one value per column of its table', () => {
    const r = documentRecord(
      partialResult({
        stats: { words: 1 },
        network: { conversation: [{ from: 'C0', to: 'C1', quotes: 1 }] },
        scenes: [{ start: 0, end: 1, chapter: 0, boundary: { kind: 'start', cue: '' }, characters: ['C0'] }],
      }),
      { hash: 'h1', name: 'a.txt' },
    );
    for (const t of CHILD_TABLES) {
      assert.ok(r.rows[t].length > 0, `${t} has rows`);
      for (const row of r.rows[t]) assert.equal(row.length, rowColumns(t).length, t);
    }
    for (const c of DOCUMENT_COLUMNS) {
      if (c !== 'analysed_at') assert.ok(c in r.document, `documents.${c}`);
    }
  });

  it('corpus: a new SQLite file is migrated to the current schema version with every table', async () => {
    await withTempDir(async (dir) => {
      const path = join(dir, 'c.sqlite');
      const store = openSqliteStore(path);
      await store.close();
      const db = new Database(path, { readonly: true });
      const versions = db.prepare('SELECT version FROM storylens_schema ORDER BY version').all() as {
        version: number;
      }[];
      assert.deepEqual(
        versions.map((v) => v.version),
        Array.from({ length: CORPUS_SCHEMA_VERSION }, (_, i) => i + 1),
      );
      for (const t of TABLES) {
        const columns = (db.prepare(`PRAGMA table_info(${t.name})`).all() as { name: string }[]).map(
          (c) => c.name,
        );
        assert.deepEqual(
          columns,
          t.columns.map((c) => c.name),
          t.name,
        );
      }
      db.close();
    });
  });

  it('corpus: storing a document twice stores it once, and reopening the file keeps it', async () => {
    await withTempDir(async (dir) => {
      const path = join(dir, 'c.sqlite');
      const record = documentRecord(partialResult({ stats: { words: 12 } }), { hash: 'abc', name: 'a.txt' });
      let store = openSqliteStore(path);
      assert.equal(await store.put(record), 'stored');
      assert.equal(await store.put(record), 'duplicate');
      await store.close();
      store = openSqliteStore(path);
      assert.equal(await store.state('abc'), 'stored');
      assert.deepEqual(await store.counts(), { documents: 1, failures: 0 });
      await store.close();
      const db = new Database(path, { readonly: true });
      assert.equal((db.prepare('SELECT COUNT(*) AS n FROM quotations').get() as { n: number }).n, 2);
      db.close();
    });
  });

  it('corpus: a failure is recorded once, and storing the document later clears it', async () => {
    await withTempDir(async (dir) => {
      const store = openSqliteStore(join(dir, 'c.sqlite'));
      await store.putFailure({ hash: 'abc', name: 'a.txt', error: 'first' });
      await store.putFailure({ hash: 'abc', name: 'a.txt', error: 'second' });
      assert.equal(await store.state('abc'), 'failed');
      assert.deepEqual(await store.counts(), { documents: 0, failures: 1 });
      await store.put(documentRecord(partialResult(), { hash: 'abc', name: 'a.txt' }));
      assert.equal(await store.state('abc'), 'stored');
      assert.deepEqual(await store.counts(), { documents: 1, failures: 0 });
      await store.close();
    });
  });

  it('corpus: a file written by a newer storylens is refused with one line', async () => {
    await withTempDir(async (dir) => {
      const path = join(dir, 'c.sqlite');
      await openSqliteStore(path).close();
      const db = new Database(path);
      db.prepare('INSERT INTO storylens_schema (version, applied_at) VALUES (?, ?)').run(
        CORPUS_SCHEMA_VERSION + 1,
        'x',
      );
      db.close();
      assert.throws(
        () => openSqliteStore(path),
        (e: Error & { exitCode?: number }) =>
          /newer than this storylens/.test(e.message) && !e.message.includes('\n') && e.exitCode === 3,
      );
    });
  });

  it('corpus: the PostgreSQL schema declares the same tables and columns as the SQLite one', () => {
    const tablesIn = (sql: string): string[] =>
      [...sql.matchAll(/CREATE TABLE IF NOT EXISTS (\w+) \(([^;]*?)\n\)/g)].map(
        (m) =>
          `${m[1]}(${m[2]!
            .split(',\n')
            .map((l) => l.trim().split(' ')[0])
            .join(',')})`,
      );
    assert.deepEqual(tablesIn(schemaSql('postgres')), tablesIn(schemaSql('sqlite')));
    assert.equal(tablesIn(schemaSql('sqlite')).length, TABLES.length);
    assert.match(schemaSql('postgres'), /result JSON NOT NULL/);
  });
});
