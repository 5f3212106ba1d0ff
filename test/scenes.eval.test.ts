/**
 * The scenes evaluation: its matching rule, the integrity of the gold labels, and a run over the
 * project's own stories (the novel excerpts need ../shared/data and are covered by `npm run eval`).
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { evalScenes, matchBoundaries } from '../src/eval/scenes.js';
import { ingestFile, normalise } from '../src/ingest/index.js';

/** The repository root: the nearest folder above this file with a package.json. */
function repositoryRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
}

const ROOT = repositoryRoot();
const GOLD = join(ROOT, 'test/fixtures/scenes/gold');
const DATA = join(ROOT, '../shared/data');

interface Gold {
  source: string;
  person: string;
  range?: [number, number];
  cast?: { name: string; aliases: string[] }[];
  boundaries: { offset: number; kind: string }[];
  pov: { offset: number; focal: string }[];
}

const golds = readdirSync(GOLD)
  .filter((f) => f.endsWith('.json'))
  .map((f) => ({ name: f.slice(0, -5), gold: JSON.parse(readFileSync(join(GOLD, f), 'utf8')) as Gold }));
const isData = (g: Gold): boolean => /^(?:pdnc|litbank)\//.test(g.source);
const pathOf = (g: Gold): string => (isData(g) ? join(DATA, g.source) : join(ROOT, g.source));

describe('scenes eval: matching', () => {
  it('scenes eval: boundaries match within one paragraph, one to one, exact matches first', () => {
    const { goldToPred, predToGold } = matchBoundaries([10, 11, 30, 50], [11, 12, 31, 48]);
    assert.deepEqual([...goldToPred], [-1, 0, 2, -1]);
    assert.deepEqual([...predToGold], [1, -1, 2, -1]);
  });

  it('scenes eval: a prediction two paragraphs away is a miss and a false alarm', () => {
    const { goldToPred, predToGold } = matchBoundaries([20], [22]);
    assert.deepEqual([...goldToPred], [-1]);
    assert.deepEqual([...predToGold], [-1]);
  });
});

describe('scenes eval: gold set', () => {
  it('scenes eval: the gold set has at least 12 texts and 80 boundaries, explicit and implicit', () => {
    assert.ok(golds.length >= 12, `${golds.length} texts`);
    const all = golds.flatMap((g) => g.gold.boundaries);
    assert.ok(all.length >= 80, `${all.length} boundaries`);
    const implicit = all.filter((b) => !['chapter', 'break'].includes(b.kind)).length;
    assert.ok(implicit >= 30, `${implicit} implicit boundaries`);
    assert.ok(golds.filter((g) => isData(g.gold)).length >= 6);
  });

  for (const { name, gold } of golds) {
    const path = pathOf(gold);
    it(`scenes eval: ${name} labels paragraph starts with known kinds`, {
      skip: !existsSync(path) && `no ${path}`,
    }, async () => {
      const src = await ingestFile(path);
      const text = normalise(src);
      const starts = new Set<number>();
      const re = /[^\n]+/g;
      for (let m = re.exec(text.text); m; m = re.exec(text.text)) {
        const lead = m[0].length - m[0].trimStart().length;
        starts.add(text.map.toSource(m.index + lead));
      }
      for (const b of gold.boundaries) {
        assert.ok(['chapter', 'break', 'time', 'place', 'cast'].includes(b.kind), `${name}: kind ${b.kind}`);
        assert.ok(starts.has(b.offset), `${name}: boundary ${b.offset} is not a paragraph start`);
        if (gold.range)
          assert.ok(
            b.offset > gold.range[0] && b.offset < gold.range[1],
            `${name}: ${b.offset} out of range`,
          );
      }
      const offsets = gold.boundaries.map((b) => b.offset);
      assert.deepEqual(
        offsets,
        [...offsets].sort((a, b) => a - b),
        `${name}: boundaries in text order`,
      );
      assert.ok(['first', 'third', 'second'].includes(gold.person));
      if (gold.cast) {
        const names = new Set(gold.cast.flatMap((c) => [c.name, ...c.aliases]));
        for (const p of gold.pov)
          assert.ok(names.has(p.focal), `${name}: focal ${p.focal} is not in the cast`);
      }
    });
  }
});

describe('scenes eval: the project stories', () => {
  it('scenes eval: every explicit boundary of the project stories is found, and POV is scored', async () => {
    const texts = golds.filter((g) => !isData(g.gold)).map((g) => g.name);
    const report = await evalScenes({ data: DATA, texts });
    assert.equal(report.texts.length, texts.length);
    assert.equal(report.explicit.recall, 1);
    assert.equal(report.explicit.precision, 1);
    assert.ok(report.pov.total >= 40);
    assert.equal(report.person.correct, report.person.total);
  });

  it('scenes eval: texts whose data is absent are skipped, not failed', async () => {
    const report = await evalScenes({ data: join(ROOT, 'no-such-data-folder'), texts: ['emma-07-09'] });
    assert.deepEqual(report.skipped, ['emma-07-09']);
    assert.equal(report.texts.length, 0);
  });
});
