import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { type AnalysisResult, validateAnalysis } from '../src/index.js';
import { analyseCase, comparable, formatGolden, goldenCases } from './golden.helper.js';

const cases = goldenCases();

describe('golden fixtures (regenerate with npm run fixtures:update)', () => {
  it('golden: there are cases for plain text, Markdown, AO3 HTML and the sample story', () => {
    assert.deepEqual(
      cases.map((c) => c.name),
      ['ao3', 'markdown', 'sample-story', 'tags-and-turns'],
    );
  });

  for (const c of cases) {
    it(`golden: ${c.name}: expected.json satisfies the schema, and a fresh analysis equals it`, async () => {
      const expected = JSON.parse(readFileSync(c.expected, 'utf8')) as AnalysisResult;
      assert.deepEqual(validateAnalysis(expected), [], `${c.name}/expected.json is not schema-valid`);
      const actual = await analyseCase(c);
      assert.deepEqual(validateAnalysis(actual), []);
      assert.deepEqual(comparable(actual), comparable(expected));
    });
  }

  it('golden: the comparison leaves out engine.version and nothing else', async () => {
    const result = await analyseCase(cases.find((c) => c.name === 'tags-and-turns')!);
    const released = { ...result, engine: { ...result.engine, version: '9.9.9' } };
    assert.deepEqual(comparable(released), comparable(result));
    const moved = {
      ...result,
      quotes: result.quotes.map((q, i) => (i === 0 ? { ...q, end: q.end + 1 } : q)),
    };
    assert.notDeepEqual(comparable(moved), comparable(result));
  });

  it('golden: the fixture format keeps spans and id lists on one line and round-trips', () => {
    const value = {
      spans: [
        [1, 2],
        [3, 4],
      ],
      ids: ['C0', 'C1'],
      arc: [0.1, -0.2],
      nested: { empty: [] },
    };
    const text = formatGolden(value);
    assert.deepEqual(JSON.parse(text), value);
    assert.ok(text.includes('"spans": [[1, 2], [3, 4]]'));
    assert.ok(text.includes('"ids": ["C0", "C1"]'));
  });
});
