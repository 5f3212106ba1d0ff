/**
 * Narration subjects and the pronoun-tag features built on them, on short texts written for these
 * tests with a given cast.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createEngine } from '../src/engine/engine.js';
import { EMISSION_FEATURES, NE } from '../src/stages/attribution/features.js';
import { prepareConversations } from '../src/stages/attribution/index.js';
import { buildNarrationMentions } from '../src/stages/attribution/salience.js';
import { sourceOf } from './layers.helper.js';

const CAST = [
  { id: 0, name: 'Tom Barker', aliases: ['Tom'], gender: 'M' },
  { id: 1, name: 'Ann Hale', aliases: ['Ann'], gender: 'F' },
  { id: 2, name: 'Will Stone', aliases: ['Will'], gender: 'M' },
];

function docOf(text: string) {
  return createEngine({ until: 'coref', characters: CAST }).process(sourceOf(text));
}

/** Names of the characters in subject position in the narration, in text order. */
function subjects(text: string): string[] {
  const doc = docOf(text);
  const nm = buildNarrationMentions(doc);
  const characters = doc.layer('characters');
  const out: string[] = [];
  for (let i = 0; i < nm.start.length; i++) if (nm.subject[i]) out.push(characters[nm.character[i]!]!.name);
  return out;
}

/** Characters carrying a feature on the given turn (by index over all turns). */
function carriers(text: string, feature: string, turn: number): string[] {
  const doc = docOf(text);
  const characters = doc.layer('characters');
  const f = EMISSION_FEATURES.indexOf(feature as (typeof EMISSION_FEATURES)[number]);
  let seen = 0;
  for (const conv of prepareConversations(doc)) {
    const C = conv.candidates.length;
    for (let i = 0; i < conv.turns.length; i++, seen++) {
      if (seen !== turn) continue;
      const out: string[] = [];
      for (let k = 0; k < C; k++)
        if (conv.emission[(i * C + k) * NE + f]) out.push(characters[conv.candidates[k]!]!.name);
      return out;
    }
  }
  return [];
}

describe('attribution: narration subjects', () => {
  it('a name before its verb is a subject; after a preposition or a verb it is not', () => {
    assert.deepEqual(subjects('Tom laughed at Will. Ann looked at him.\n'), ['Tom Barker', 'Ann Hale']);
  });

  it('the inverted subject of a speech verb is a subject', () => {
    assert.deepEqual(subjects('Tom sat down.\n\n"Well," said Will.\n'), ['Tom Barker', 'Will Stone']);
  });

  it('"he said" after a narration sentence points at that sentence\'s subject', () => {
    const text =
      'Tom and Will sat by the fire with Ann.\n\n"It is late," said Tom.\n\nWill laughed at Tom. "Not yet," he said.\n';
    assert.deepEqual(carriers(text, 'pronoun-cue-subject-last-sentence', 1), ['Will Stone']);
    assert.deepEqual(carriers(text, 'pronoun-cue-subject-paragraph-first', 1), ['Will Stone']);
    assert.deepEqual(carriers(text, 'pronoun-cue-last-named-subject-of-gender', 1), ['Will Stone']);
  });

  it('the most salient named character of the gender: subjects outweigh other mentions', () => {
    const text =
      'Tom and Will sat by the fire with Ann.\n\n"It is late," said Ann.\n\nTom looked at Will. "Not yet," he said.\n';
    assert.deepEqual(carriers(text, 'pronoun-cue-salient-named-of-gender', 1), ['Tom Barker']);
  });

  it('a subject of the other gender is not a candidate for "he"', () => {
    const text = 'Tom and Will sat by the fire with Ann.\n\nAnn laughed at Will. "Not yet," he said.\n';
    assert.deepEqual(carriers(text, 'pronoun-cue-subject-last-sentence', 0), []);
  });
});

describe('attribution: descriptive tags and lead-ins', () => {
  const CAST2 = [
    { id: 0, name: 'Colonel Hart', aliases: ['Hart'], gender: 'M' },
    { id: 1, name: 'Ann Hale', aliases: ['Ann'], gender: 'F' },
    { id: 2, name: 'Will Stone', aliases: ['Will'], gender: 'M' },
  ];
  function carriers2(text: string, feature: string): string[] {
    const doc = createEngine({ until: 'coref', characters: CAST2 }).process(sourceOf(text));
    const characters = doc.layer('characters');
    const f = EMISSION_FEATURES.indexOf(feature as (typeof EMISSION_FEATURES)[number]);
    const conv = prepareConversations(doc)[0]!;
    const C = conv.candidates.length;
    const out: string[] = [];
    for (let k = 0; k < C; k++)
      if (conv.emission[k * NE + f]) out.push(characters[conv.candidates[k]!]!.name);
    return out;
  }

  it('a nominal tag whose noun is a word of a name points at that character', () => {
    const doc = createEngine({
      until: 'coref',
      characters: [{ id: 0, name: 'Sailor Hart', aliases: [], gender: 'M' }, ...CAST2.slice(1)],
    });
    const text = 'Hart, Will and Ann sat by the fire.\n\n"We march at dawn," said the sailor.\n';
    const conv = prepareConversations(doc.process(sourceOf(text)))[0]!;
    const f = EMISSION_FEATURES.indexOf('tag-nominal-in-name');
    const carriers = conv.candidates.filter((_, k) => conv.emission[k * NE + f]);
    assert.deepEqual(carriers, [0]);
  });

  it('a rank in lower case ("said the colonel") names the one character who holds it', () => {
    const text = 'Hart, Will and Ann sat by the fire.\n\n"We march at dawn," said the colonel.\n';
    assert.deepEqual(carriers2(text, 'tag-descriptor-name'), ['Colonel Hart']);
  });

  it('a named lead-in just before the quotation is a close lead-in; one far back is not', () => {
    const near = 'Hart, Will and Ann sat by the fire.\n\nAfter a while Ann said: "We march at dawn."\n';
    assert.deepEqual(carriers2(near, 'tag-name-pre-close'), ['Ann Hale']);
    const far =
      'Hart, Will and Ann sat by the fire.\n\nAnn said that the fire was dying and that the wood was wet through and through, and then at last, turning to the door: "We march at dawn."\n';
    assert.deepEqual(carriers2(far, 'tag-name-pre-close'), []);
  });
});

describe('attribution: tag verbs that carry on or answer', () => {
  it('"went on" marks a turn that carries on, "replied" one that answers, "said" neither', () => {
    const text =
      'Tom and Ann sat by the fire.\n\n"It will rain," said Tom.\n\n"And the roof leaks," he went on.\n\n"Then mend it," Ann replied.\n';
    const conv = prepareConversations(docOf(text))[0]!;
    assert.deepEqual([...conv.verbTurn], [0, 1, 2]);
  });
});

describe('attribution: pronoun-tagged turns', () => {
  it('marks the turns whose tag is a gendered pronoun, not named or untagged ones', () => {
    const text =
      'Tom and Ann sat by the fire.\n\n"It will rain," said Tom.\n\n"It will not," she said.\n\n"We shall see."\n';
    const conv = prepareConversations(docOf(text))[0]!;
    assert.deepEqual([...conv.pronounCued], [0, 1, 0]);
  });
});

describe('attribution: the same speaker tagged twice running', () => {
  it('is its own feature, not the penalty for having just spoken', () => {
    const text =
      'Tom and Ann sat by the fire.\n\n"It will rain," said Tom.\n\n"It always rains here," said Tom.\n';
    assert.deepEqual(carriers(text, 'tagged-again-after-1', 1), ['Tom Barker']);
    assert.deepEqual(carriers(text, 'spoke-tagged-1-back', 1), []);
  });
});

describe('attribution: a speech that goes on in the next paragraph', () => {
  it('marks the turn after a paragraph whose speech has no closing mark', () => {
    const text =
      'Tom and Ann sat by the fire.\n\n"It will rain all week," said Tom. "The roof will leak and the river will rise.\n\n"And then we shall all go to the inn."\n\n"Nonsense," said Ann.\n';
    // Quotations given one per paragraph, as an annotated corpus splits such a speech.
    const span = (from: string, to: string): [number, number] => {
      const s = text.indexOf(from);
      return [s, text.indexOf(to, s) + to.length];
    };
    const quotes = [
      { id: 'a', spans: [span('"It will', 'week,"'), span('"The roof', 'rise.')] },
      { id: 'b', spans: [span('"And then', 'inn."')] },
      { id: 'c', spans: [span('"Nonsense', ',"')] },
    ];
    const doc = createEngine({ until: 'coref', characters: CAST, quotes }).process(sourceOf(text));
    const conv = prepareConversations(doc)[0]!;
    assert.deepEqual([...conv.continued], [0, 1, 0]);
  });

  it('does not mark turns of dialogue set off by dashes, which has no closing marks at all', () => {
    const text =
      'Tom and Ann sat by the fire.\n\n\u2014 It will rain all week.\n\n\u2014 It will not.\n\n\u2014 We shall see.\n';
    const span = (from: string, to: string): [number, number] => {
      const s = text.indexOf(from);
      return [s, text.indexOf(to, s) + to.length];
    };
    // Given quotations (as an annotated corpus gives them), the marks not said.
    const quotes = [
      { id: 'a', spans: [span('It will rain', 'week.')] },
      { id: 'b', spans: [span('It will not', 'not.')] },
      { id: 'c', spans: [span('We shall', 'see.')] },
    ];
    const doc = createEngine({ until: 'coref', characters: CAST, quotes }).process(sourceOf(text));
    assert.deepEqual([...prepareConversations(doc)[0]!.continued], [0, 0, 0]);
  });
});

describe('attribution: third-person tags in a first-person story', () => {
  it('"he said" and "said the man" clash with the narrator, whatever his gender', () => {
    // The narrator is detected from the first-person narration; the cast given is his.
    const cast = [
      { id: 0, name: 'Pip Carver', aliases: ['Pip', '_narr'], gender: 'M' },
      { id: 1, name: 'Joe Gargery', aliases: ['Joe'], gender: 'M' },
    ];
    const text =
      'I walked home by the marsh with Joe. I was cold and I said nothing.\n\n"Keep up," he said.\n\n"Who goes there?" said the man at the gate.\n';
    const doc = createEngine({ until: 'coref', characters: cast }).process(sourceOf(text));
    const characters = doc.layer('characters');
    const narrator = characters.findIndex((c) => c.narrator);
    assert.ok(narrator >= 0, 'the narrator is found');
    const conv = prepareConversations(doc)[0]!;
    const C = conv.candidates.length;
    const k = conv.candidates.indexOf(narrator);
    const on = (turn: number, feature: string): boolean =>
      conv.emission[
        (turn * C + k) * NE + EMISSION_FEATURES.indexOf(feature as (typeof EMISSION_FEATURES)[number])
      ] === 1;
    assert.ok(on(0, 'tag-pronoun-clash') && !on(0, 'tag-pronoun-agree'));
    assert.ok(on(1, 'tag-nominal-clash') && !on(1, 'tag-nominal-agree'));
  });
});
