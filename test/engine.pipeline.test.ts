import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { StoryDocument } from '../src/engine/document.js';
import { OffsetMap } from '../src/engine/offsets.js';
import { checkPipeline } from '../src/engine/pipeline.js';
import {
  createEngine,
  defaultStages,
  PipelineError,
  type Quotation,
  type Stage,
  UsageError,
  validateAnalysis,
} from '../src/index.js';
import { sourceOf } from './layers.helper.js';

const STORY = [
  'The Ferry',
  '',
  '“We should go back,” said Rosa Kemp, watching the water.',
  '',
  'Abel Tarrant shook his head. “Not yet.”',
  '',
  '“Then when?” she asked him.',
].join('\n');

/** A stage that provides nothing and needs what it is told to. */
function stage(name: string, requires: string[], provides: string[]): Stage {
  return { name, requires, provides, run: () => ({}) } as unknown as Stage;
}

describe('engine: pipeline checks', () => {
  it('pipeline: a stage whose requirement no earlier stage provides is refused when the engine is built', () => {
    const stages = defaultStages().filter((s) => s.name !== 'segment');
    assert.throws(
      () => createEngine({ stages }),
      (e: unknown) =>
        e instanceof PipelineError && /stage "quotes" requires layer "paragraphs"/.test(e.message),
    );
  });

  it('pipeline: requirements are checked in order, so a provider after its consumer does not count', () => {
    const [segment, quotes, ...rest] = defaultStages();
    assert.throws(() => checkPipeline([quotes!, segment!, ...rest]), PipelineError);
  });

  it('pipeline: two stages providing the same layer are refused, naming both', () => {
    assert.throws(
      () => checkPipeline([stage('a', [], ['quotes']), stage('b', [], ['quotes'])]),
      /layer "quotes" is provided by both "a" and "b"/,
    );
  });

  it('pipeline: the same stage name twice is refused', () => {
    assert.throws(
      () => checkPipeline([stage('a', [], ['quotes']), stage('a', [], ['mentions'])]),
      /stage "a" appears twice/,
    );
  });

  it('pipeline: an unknown --until stage is a usage error that lists the stage names', () => {
    assert.throws(
      () => createEngine({ until: 'quotations' }),
      (e: unknown) =>
        e instanceof UsageError &&
        e.exitCode === 2 &&
        /unknown stage "quotations".*segment, quotes/.test(e.message),
    );
  });

  it('pipeline: a stage that does not return a layer it declared is a pipeline error, not a silent gap', () => {
    const broken = { ...defaultStages()[1]!, run: () => ({}) } as unknown as Stage;
    const engine = createEngine({ stages: [defaultStages()[0]!, broken], until: 'quotes' });
    assert.throws(() => engine.analyze(sourceOf(STORY)), /stage "quotes" did not return layer "quotes"/);
  });
});

describe('engine: running a prefix or a swapped stage', () => {
  it('pipeline: --until quotes runs segment and quotes only, and the result is still schema-valid', () => {
    const engine = createEngine({ until: 'quotes' });
    assert.deepEqual(engine.stages, ['segment', 'quotes']);
    const result = engine.analyze(sourceOf(STORY));
    assert.deepEqual(validateAnalysis(result), []);
    assert.deepEqual(result.engine.stages, ['segment', 'quotes']);
    assert.equal(result.quotes.length, 3);
    assert.deepEqual(result.characters, []);
    assert.deepEqual(result.scenes, []);
    // No attribution ran: every quotation abstains.
    for (const q of result.quotes) {
      assert.equal(q.speaker, null);
      assert.equal(q.method, 'none');
    }
    assert.equal(result.stats, undefined);
  });

  it('pipeline: a swapped quotes stage is used in place of the default one, and later stages read its layer', () => {
    const mine: Stage<'quotes'> = {
      name: 'quotes',
      requires: ['paragraphs'],
      provides: ['quotes'],
      run(doc) {
        // Every paragraph that opens with a curly quote is one quotation of the whole paragraph.
        const quotes: Quotation[] = [];
        doc.layer('paragraphs').forEach((p, i) => {
          if (doc.text[p.start] !== '“') return;
          quotes.push({
            id: `mine-${i}`,
            spans: [[p.start + 1, p.end]],
            kind: 'speech',
            mark: 'double',
            paragraph: i,
            paragraphEnd: i,
          });
        });
        return { quotes };
      },
    };
    const stages = defaultStages().map((s) => (s.name === 'quotes' ? (mine as Stage) : s));
    const result = createEngine({ stages }).analyze(sourceOf(STORY));
    assert.deepEqual(validateAnalysis(result), []);
    assert.deepEqual(
      result.quotes.map((q) => q.id),
      ['mine-1', 'mine-3'],
    );
    assert.equal(result.quotes[0]!.text, STORY.slice(STORY.indexOf('“') + 1, STORY.indexOf('water.') + 6));
    // Attribution ran on the swapped layer.
    assert.ok(result.quotes.some((q) => q.speaker !== null));
  });

  it('pipeline: a stage message is reported in messages with its span mapped to the source', () => {
    const crlf = STORY.replaceAll('\n', '\r\n');
    const noter: Stage<'pronouns'> = {
      name: 'noter',
      requires: ['paragraphs'],
      provides: ['pronouns'],
      run(doc) {
        const last = doc.layer('paragraphs').at(-1)!;
        doc.message({
          code: 'test/last-paragraph',
          severity: 'info',
          reason: 'The last paragraph.',
          span: [last.start, last.end],
          stage: 'noter',
        });
        return { pronouns: [] };
      },
    };
    const result = createEngine({ stages: [defaultStages()[0]!, noter as Stage] }).analyze(sourceOf(crlf));
    assert.deepEqual(validateAnalysis(result), []);
    const message = result.messages.find((m) => m.code === 'test/last-paragraph');
    assert.deepEqual(message?.span, [crlf.lastIndexOf('“Then'), crlf.length]);
  });
});

describe('engine: configure, then freeze', () => {
  it('engine: createEngine returns a frozen engine whose stage list cannot be changed', () => {
    const engine = createEngine();
    assert.ok(Object.isFrozen(engine));
    assert.ok(Object.isFrozen(engine.stages));
    assert.throws(() => {
      (engine as unknown as { stages: string[] }).stages = [];
    }, TypeError);
    assert.throws(() => {
      (engine.stages as string[]).push('extra');
    }, TypeError);
  });

  it('engine: changing the options or the stage array after createEngine does not change the engine', () => {
    const stages = defaultStages();
    const options = { stages, until: 'quotes' };
    const engine = createEngine(options);
    stages.length = 1;
    options.until = 'segment';
    assert.deepEqual(engine.stages, ['segment', 'quotes']);
    assert.equal(engine.analyze(sourceOf(STORY)).quotes.length, 3);
  });

  it('engine: one engine analyses several documents independently, with the same result each time', () => {
    const engine = createEngine();
    const first = engine.analyze(sourceOf(STORY));
    const other = engine.analyze(sourceOf('Nobody spoke at all that night.'));
    const again = engine.analyze(sourceOf(STORY));
    assert.equal(other.quotes.length, 0);
    assert.deepEqual(again, first);
  });

  it('engine: every default stage declares what it needs and adds, and the engine runs them in order', () => {
    for (const s of defaultStages()) {
      assert.ok(Array.isArray(s.requires) && Array.isArray(s.provides), s.name);
      assert.ok(s.provides.length > 0, `${s.name} provides something`);
    }
    assert.deepEqual(
      createEngine().stages,
      defaultStages().map((s) => s.name),
    );
  });
});

describe('engine: attached layers', () => {
  it('attach: an array layer keeps its elements in order, including one built with holes then filled', () => {
    const source = sourceOf('One. Two.');
    const doc = new StoryDocument(source, source.text, OffsetMap.identity(source.text.length), {
      start: 0,
      end: source.text.length,
    });
    const spans = new Array<{ start: number; end: number }>(2);
    spans[1] = { start: 5, end: 9 };
    spans[0] = { start: 0, end: 4 };
    doc.attach('chapters', []);
    doc.attach('scenes', spans as never);
    assert.deepEqual(doc.layer('chapters'), []);
    assert.equal(doc.layer('scenes').length, 2);
    assert.equal(doc.layer('scenes')[0], spans[0]);
    assert.equal(doc.layer('scenes')[1], spans[1]);
    assert.throws(() => doc.attach('scenes', []), /already attached/);
  });
});
