/**
 * The second decoding (refineWithFirstPass in src/stages/attribution/index.ts): features rescored
 * from the first decoding's confident attributions, on a short text written for the test.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createEngine } from '../src/engine/engine.js';
import type { GivenCharacter } from '../src/engine/stage.js';
import { EMISSION_FEATURES, NE } from '../src/stages/attribution/features.js';
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
