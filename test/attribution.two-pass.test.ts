/**
 * The second decoding (refineWithFirstPass in src/stages/attribution/index.ts): features rescored
 * from the first decoding's confident attributions, on a short text written for the test.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createEngine } from '../src/engine/engine.js';
import type { GivenCharacter } from '../src/engine/stage.js';
import { EMISSION_FEATURES, NE, threeVoices } from '../src/stages/attribution/features.js';
import { prepareConversations, refineWithFirstPass } from '../src/stages/attribution/index.js';
import { barredSpeakers, densify, heldTurns, shippedModel } from '../src/stages/attribution/model.js';
import { sourceOf } from './layers.helper.js';

const CAST: GivenCharacter[] = [
  { id: 0, name: 'Tom Barker', aliases: ['Tom'], gender: 'M' },
  { id: 1, name: 'Ann Hale', aliases: ['Ann'], gender: 'F' },
  { id: 2, name: 'Will Stone', aliases: ['Will'], gender: 'M' },
];

const TEXT = [
  'Tom and Ann sat by the fire while Will slept in the next room.',
  '"It will rain tonight," said Tom.',
  '"It will not," said Ann.',
  '"Then we shall walk to the mill," said Tom.',
  '"We shall see."',
  '',
].join('\n\n');

describe('attribution: the second decoding', () => {
  it('marks who spoke another turn of the conversation in the first decoding, and nobody else', () => {
    const doc = createEngine({ until: 'coref', characters: CAST }).process(sourceOf(TEXT));
    const convs = prepareConversations(doc);
    const conv = convs[0]!;
    const f = EMISSION_FEATURES.indexOf('first-pass-participant');
    const C = conv.candidates.length;
    const marked = (i: number): number[] =>
      conv.candidates.filter((_, k) => conv.emission[(i * C + k) * NE + f] === 1);
    const last = conv.turns.length - 1;
    assert.deepEqual(marked(last), [], 'the first decoding has not run yet');
    refineWithFirstPass(
      convs,
      densify(shippedModel().weights),
      convs.map(heldTurns),
      convs.map(barredSpeakers),
    );
    // Tom (0) and Ann (1) are named by the tags, so confident; Will (2) never speaks.
    assert.deepEqual([...marked(last)].sort(), [0, 1]);
    assert.ok(!marked(last).includes(2));
  });
});

describe('attribution: talk among three coming back to the first voice', () => {
  it('threeVoices: the first of three turns whose speakers all differ, else -1', () => {
    const picked = Int32Array.from([0, 1, 2, 0, 0, 1, -1, 2]);
    assert.equal(threeVoices(picked, 0), 0, 'Tom, Ann, Will');
    assert.equal(threeVoices(picked, 1), 1, 'Ann, Will, Tom');
    assert.equal(threeVoices(picked, 2), -1, 'Will, Tom, Tom: two voices');
    assert.equal(threeVoices(picked, 5), -1, 'a turn with no speaker');
  });

  it('marks the first of three different voices in the turn after them, and the one three turns later in the turn before them', () => {
    const text = [
      'Tom, Ann and Will stood at the gate.',
      '"The dog is out again," said Ann.',
      '"Is the gate shut?" asked Tom.',
      '"I shut it," said Ann.',
      '"Then he jumped the wall," said Will.',
      '"He cannot jump so high," said Tom.',
      '',
    ].join('\n\n');
    const doc = createEngine({ until: 'coref', characters: CAST }).process(sourceOf(text));
    const convs = prepareConversations(doc);
    const conv = convs[0]!;
    assert.equal(conv.turns.length, 5);
    const C = conv.candidates.length;
    const marked = (feature: string, i: number): number[] => {
      const f = EMISSION_FEATURES.indexOf(feature as (typeof EMISSION_FEATURES)[number]);
      return conv.candidates.filter((_, k) => conv.emission[(i * C + k) * NE + f] === 1);
    };
    assert.deepEqual(marked('first-pass-returns', 4), [], 'the first decoding has not run yet');
    refineWithFirstPass(
      convs,
      densify(shippedModel().weights),
      convs.map(heldTurns),
      convs.map(barredSpeakers),
    );
    // The tags make the first decoding Ann, Tom, Ann, Will, Tom.
    // Turns 1-3 (Tom, Ann, Will) differ: Tom in turn 4. Turns 0-2 (Ann, Tom, Ann) do not.
    assert.deepEqual(
      [0, 1, 2, 3, 4].map((i) => marked('first-pass-returns', i)),
      [[], [], [], [], [0]],
    );
    // Turns 1-3 (Tom, Ann, Will) differ: Will in turn 0; turns 2-4 (Ann, Will, Tom): Tom in turn 1.
    assert.deepEqual(
      [0, 1, 2, 3, 4].map((i) => marked('first-pass-returns-ahead', i)),
      [[2], [0], [], [], []],
    );
  });
});
