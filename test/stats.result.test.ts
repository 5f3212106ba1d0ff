/** The story-level parts of the output JSON: ids instead of indices, source offsets, the schema. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildResult } from '../src/engine/result.js';
import { validateAnalysis } from '../src/engine/validate.js';
import { emotionStage } from '../src/stages/emotion/index.js';
import { networkStage } from '../src/stages/network/index.js';
import { statsStage } from '../src/stages/stats/index.js';
import { storyDoc } from './layers.helper.js';

const TEXT = [
  '“What a glorious morning,” said Lark to Finch.',
  '“It is freezing and I am miserable,” Finch answered.',
  'Lark laughed at him.',
].join('\n\n');

function analysed() {
  const doc = storyDoc(TEXT, {
    cast: [['Lark'], ['Finch'], ['Robin']],
    said: [
      [0, [1]],
      [1, [0]],
    ],
  });
  doc.attach('emotion', emotionStage.run(doc, {}).emotion);
  doc.attach('network', networkStage.run(doc, {}).network);
  doc.attach('stats', statsStage.run(doc, {}).stats);
  return buildResult(doc, ['segment', 'quotes', 'emotion', 'network', 'stats']);
}

describe('result: emotion, network and stats', () => {
  it('result: a result with emotion, network and stats satisfies the schema', () => {
    assert.deepEqual(validateAnalysis(analysed()), []);
  });

  it('result: characters are named by id in emotion, network and stats', () => {
    const result = analysed();
    assert.deepEqual(
      result.network!.conversation.map((e) => [e.from, e.to]),
      [
        ['C0', 'C1'],
        ['C1', 'C0'],
      ],
    );
    assert.deepEqual(
      result.emotion!.characters.map((c) => c.character),
      ['C0', 'C1', 'C2'],
    );
    assert.ok(result.emotion!.pairs.every((p) => typeof p.from === 'string'));
    assert.deepEqual(result.stats!.speech.map((s) => s.character).sort(), ['C0', 'C1']);
  });

  it('result: sentence valences come with the sentence offsets and the arc has 101 points', () => {
    const result = analysed();
    const [start, end, valence] = result.emotion!.sentences[0]!;
    assert.equal(TEXT.slice(start, end), '“What a glorious morning,” said Lark to Finch.');
    assert.ok(valence > 0);
    assert.equal(result.emotion!.arc.length, 101);
  });

  it('result: a character who neither speaks nor is mentioned has null valences, not 0', () => {
    const result = analysed();
    const finch = result.emotion!.characters.find((c) => c.character === 'C1')!;
    assert.ok(finch.speech! < 0);
    assert.equal(finch.sentences, 2);
    const robin = result.emotion!.characters.find((c) => c.character === 'C2')!;
    assert.deepEqual([robin.speech, robin.narration, robin.quotes, robin.sentences], [null, null, 0, 0]);
  });

  it('result: a schema violation in a story-level field is reported', () => {
    const result = analysed();
    (result.emotion as { shape: string }).shape = 'zigzag';
    assert.notDeepEqual(validateAnalysis(result), []);
  });
});
