/**
 * Speakers called by a description ("said the old man", "said the butler"): appositions in the
 * narration, cast entries named by the description, and the description remembered across turns.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createEngine } from '../src/engine/engine.js';
import {
  ageNumber,
  appositionFor,
  appositionsByHead,
  appositionsIn,
  castWords,
  describedBy,
} from '../src/stages/attribution/descriptions.js';
import { rememberedSpeaker } from '../src/stages/attribution/features.js';
import { prepareConversations } from '../src/stages/attribution/index.js';
import { sourceOf } from './layers.helper.js';

const CAST = [
  { id: 0, name: 'Tom Barker', aliases: ['Tom'], gender: 'M' },
  { id: 1, name: 'Ann Hale', aliases: ['Ann'], gender: 'F' },
  { id: 2, name: 'Will Stone', aliases: ['Will'], gender: 'M' },
];

describe('attribution: appositions of a name and a description', () => {
  const doc = createEngine({ until: 'coref', characters: CAST }).process(
    sourceOf(
      'Will Stone, the old doctor, walked in. Behind him came the new clerk, Tom, with a glance at his master, Ann.\n',
    ),
  );
  const found = appositionsIn(doc);

  it('reads "NAME, the DESCRIPTION" and "the DESCRIPTION, NAME", not a phrase ending in a person noun', () => {
    assert.deepEqual(
      found.map((a) => [a.character, a.mods.join(' '), a.head]),
      [
        [2, 'old', 'doctor'],
        [0, 'new', 'clerk'],
      ],
    );
  });

  it('gives a description back to the character it was set beside, modifiers agreeing', () => {
    const at = doc.text.length;
    const byHead = appositionsByHead(found);
    assert.equal(appositionFor(byHead, { head: 'doctor', mods: [] }, at), 2);
    assert.equal(appositionFor(byHead, { head: 'doctor', mods: ['old'] }, at), 2);
    assert.equal(appositionFor(byHead, { head: 'doctor', mods: ['young'] }, at), -1);
    assert.equal(appositionFor(byHead, { head: 'clerk', mods: [] }, at), 0);
  });
});

describe('attribution: cast entries named by a description', () => {
  const words = castWords([
    ...CAST.map((c) => ({ ...c, gender: { label: 'male' as const, confidence: 1 } })),
    { id: 3, name: 'The Porter', aliases: [], gender: { label: 'male' as const, confidence: 1 } },
    { id: 4, name: 'A Tall Woman', aliases: [], gender: { label: 'female' as const, confidence: 1 } },
    { id: 5, name: 'A Woman In Grey', aliases: [], gender: { label: 'female' as const, confidence: 1 } },
  ] as never);

  it('finds "The Porter" for "said the porter", and the entry sharing the modifier for "a tall woman"', () => {
    assert.deepEqual(describedBy(words, { head: 'porter', mods: [] }), [3]);
    assert.deepEqual(describedBy(words, { head: 'woman', mods: ['tall'] }), [4]);
    assert.deepEqual(describedBy(words, { head: 'woman', mods: [] }), [4, 5]);
    assert.deepEqual(describedBy(words, { head: 'baker', mods: [] }), []);
  });

  it('makes the porter a candidate though the narration never names him', () => {
    const cast = [...CAST, { id: 3, name: 'A Porter With A Lamp', aliases: [], gender: 'M' }];
    const doc = createEngine({ until: 'coref', characters: cast }).process(
      sourceOf('Tom and Ann waited on the platform.\n\n"The train is late," said the porter.\n'),
    );
    const conv = prepareConversations(doc)[0]!;
    assert.ok(conv.candidates.includes(3));
    assert.deepEqual(conv.descriptions, ['porter']);
  });
});

describe('attribution: a description remembered across turns', () => {
  // Turns 0..5; the first decoding was confident on turns 0, 2 and 4.
  const feed = Int32Array.from([7, -1, 7, -1, 3, -1]);

  it('recalls the speaker most confident turns with the same description had', () => {
    assert.equal(rememberedSpeaker([0, 2, 4, 5], feed, 5), 7);
    assert.equal(rememberedSpeaker([2, 4, 5], feed, 5), -1);
    assert.equal(rememberedSpeaker([1, 5], feed, 5), -1);
    assert.equal(rememberedSpeaker(undefined, feed, 5), -1);
  });

  it('counts only the turns within 200 either side, both ends included', () => {
    const far = new Int32Array(800).fill(-1);
    far[0] = 1;
    far[300] = 2;
    far[700] = 2;
    far[701] = 1;
    far[702] = 1;
    assert.equal(rememberedSpeaker([0, 300, 500, 700, 701, 702], far, 500), 2);
    assert.equal(rememberedSpeaker([0, 701, 702], far, 500), -1);
  });
});

describe('attribution: the apposition a description was last given to', () => {
  const at = (start: number, character: number, mods: string[]) => ({ start, character, head: 'man', mods });
  const byHead = appositionsByHead([at(50, 2, ['old']), at(10, 1, ['old', 'tall']), at(90, 3, ['young'])]);

  it('takes the last one before the offset with all the modifiers, else the first after', () => {
    assert.equal(appositionFor(byHead, { head: 'man', mods: ['old'] }, 60), 2);
    assert.equal(appositionFor(byHead, { head: 'man', mods: ['tall'] }, 60), 1);
    assert.equal(appositionFor(byHead, { head: 'man', mods: ['young'] }, 60), 3);
    assert.equal(appositionFor(byHead, { head: 'man', mods: ['old'] }, 5), 1);
    assert.equal(appositionFor(byHead, { head: 'man', mods: ['old'] }, 50), 1);
    assert.equal(appositionFor(byHead, { head: 'woman', mods: ['old'] }, 60), -1);
  });
});

describe("attribution: what the narration says a character is (the engine's own cast)", () => {
  const doc = createEngine({ until: 'coref' }).process(
    sourceOf(
      'Nora Bell and Sam Reed waited by the gate. Martha Quinn came down the lane with a basket. She was eighty-one years old and walked without a stick.\n\n' +
        'Sam Reed was a young sailor on leave. Dr. Ivo Marsh drove past in his cart.\n',
    ),
  );
  const chars = doc.layer('characters');
  const id = (name: string) => chars.findIndex((c) => [c.name, ...c.aliases].some((n) => n.includes(name)));
  const byHead = appositionsByHead(appositionsIn(doc));
  const at = doc.text.length;

  it('gives "the old woman" to the one just said to be eighty-one, not to the other woman', () => {
    assert.ok(id('Martha Quinn') >= 0);
    assert.equal(appositionFor(byHead, { head: 'woman', mods: ['old'] }, at), id('Martha Quinn'));
    assert.equal(appositionFor(byHead, { head: 'lady', mods: ['elderly'] }, at), id('Martha Quinn'));
    assert.equal(appositionFor(byHead, { head: 'woman', mods: ['young'] }, at), -1);
  });

  it('gives "the young sailor" and "the sailor" to the one the narration says was one, "the doctor" to Dr. Marsh', () => {
    assert.equal(appositionFor(byHead, { head: 'sailor', mods: ['young'] }, at), id('Sam Reed'));
    assert.equal(appositionFor(byHead, { head: 'sailor', mods: [] }, at), id('Sam Reed'));
    assert.equal(appositionFor(byHead, { head: 'doctor', mods: [] }, at), id('Ivo Marsh'));
  });

  it('reads ages in words and figures', () => {
    assert.equal(ageNumber('seventy-three'), 73);
    assert.equal(ageNumber('eighty'), 80);
    assert.equal(ageNumber('nineteen'), 19);
    assert.equal(ageNumber('42'), 42);
    assert.ok(Number.isNaN(ageNumber('many')));
  });

  it('takes nothing from a pronoun whose character was not named just before it', () => {
    const far = createEngine({ until: 'coref' }).process(
      sourceOf(
        'Nora Bell sat by the window.\n\nA stranger leant over the table and spoke to her about the weather and the trains and the price of bread in the town, at great length, and she listened politely, for the rain had not stopped all the morning and there was nothing else at all to do in the house but listen. He was an old man with a grey beard.\n',
      ),
    );
    assert.deepEqual(
      appositionsIn(far).filter((a) => a.mods.includes('old')),
      [],
    );
  });
});
