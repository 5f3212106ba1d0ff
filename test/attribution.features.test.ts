/**
 * Emission features of the attribution model that look across the turns of a conversation, on
 * short texts written for these tests with a given cast.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createEngine } from '../src/engine/engine.js';
import { EMISSION_FEATURES, NE } from '../src/stages/attribution/features.js';
import { prepareConversations } from '../src/stages/attribution/index.js';
import { sourceOf } from './layers.helper.js';

const CAST = [
  { id: 0, name: 'Tom Barker', aliases: ['Tom'], gender: 'M' },
  { id: 1, name: 'Ann Hale', aliases: ['Ann'], gender: 'F' },
  { id: 2, name: 'Will Stone', aliases: ['Will'], gender: 'M' },
];

/** For each turn of the first conversation, the characters carrying the feature. */
function carriersByTurn(text: string, feature: string): string[][] {
  const doc = createEngine({ until: 'coref', characters: CAST }).process(sourceOf(text));
  const characters = doc.layer('characters');
  const f = EMISSION_FEATURES.indexOf(feature as (typeof EMISSION_FEATURES)[number]);
  assert.ok(f >= 0, `no feature ${feature}`);
  const conv = prepareConversations(doc)[0]!;
  const C = conv.candidates.length;
  const out: string[][] = [];
  for (let i = 0; i < conv.turns.length; i++) {
    const names: string[] = [];
    for (let k = 0; k < C; k++)
      if (conv.emission[(i * C + k) * NE + f]) names.push(characters[conv.candidates[k]!]!.name);
    out.push(names);
  }
  return out;
}

describe('attribution: addressed a few turns away', () => {
  const text =
    '"Come in, Ann," said Tom. "Sit by the fire."\n\n"Thank you," she said.\n\n' +
    '"Will you have tea?"\n\n"Yes, please."\n\n"Is it cold out?"\n';

  it('marks the turns an odd number of turns (3 to 7) from one that addresses the candidate', () => {
    // Ann is named in turn 0: she answers in turn 1 (addressed-by-previous-turn) and, in an exchange
    // of two, speaks again at turns 3, 5, ...
    assert.deepEqual(carriersByTurn(text, 'addressed-odd-turns-away'), [[], [], [], ['Ann Hale'], []]);
  });

  it('marks the turns an even number of turns (2 to 8) away separately', () => {
    assert.deepEqual(carriersByTurn(text, 'addressed-even-turns-away'), [
      [],
      [],
      ['Ann Hale'],
      [],
      ['Ann Hale'],
    ]);
  });
});
