/**
 * Turn-taking evidence added for scenes where a third voice comes in: a new voice the narration has
 * just named or made its subject, a name called alone, and a beat between two quotations of one paragraph. The
 * texts are written for these tests, with a given cast.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createEngine } from '../src/engine/engine.js';
import { prepareConversations } from '../src/stages/attribution/index.js';
import { sourceOf } from './layers.helper.js';

const CAST = [
  { id: 0, name: 'Tom Barker', aliases: ['Tom'], gender: 'M' },
  { id: 1, name: 'Ann Hale', aliases: ['Ann'], gender: 'F' },
  { id: 2, name: 'Will Stone', aliases: ['Will'], gender: 'M' },
];

function conversationOf(text: string) {
  const doc = createEngine({ until: 'coref', characters: CAST }).process(sourceOf(text));
  return { doc, conv: prepareConversations(doc)[0]! };
}

/** Per turn, the names of the candidates whose bit is set in a per-turn bit set. */
function namesIn(text: string, pick: (conv: ReturnType<typeof conversationOf>['conv']) => Uint32Array) {
  const { doc, conv } = conversationOf(text);
  const characters = doc.layer('characters');
  const bits = pick(conv);
  return conv.turns.map((_, i) =>
    conv.candidates.filter((_c, k) => ((bits[i]! >>> k) & 1) === 1).map((c) => characters[c]!.name),
  );
}

describe('attribution: a voice the narration has just brought in', () => {
  const text =
    '"Is the kettle on?" said Tom.\n\n"Not yet," said Ann.\n\n"Then put it on."\n\n' +
    'The door banged, and Will came in from the yard, stamping his boots.\n\n"Anyone for a walk?"\n\n' +
    '"In this weather?"\n';

  it('marks the candidates named in the narration since the previous turn, not the others', () => {
    const introduced = namesIn(text, (conv) => conv.introduced);
    assert.deepEqual(introduced[3], ['Will Stone']);
    assert.deepEqual(introduced[2], []);
    assert.deepEqual(introduced[4], []);
  });

  it('counts a name in the narration of the turn’s own paragraph', () => {
    const own =
      '"Well?" said Tom.\n\n"Well what?" said Ann.\n\nWill looked up from his book. "Nothing," he said.\n';
    const introduced = namesIn(own, (conv) => conv.introduced);
    assert.deepEqual(introduced[2], ['Will Stone']);
    assert.ok(!introduced[1]!.includes('Will Stone'));
  });
});

describe('attribution: a beat between two quotations of one paragraph', () => {
  it('cues the speaker of both by the sentence between them', () => {
    const text =
      '"We went to the coast," said Ann.\n\n"To the coast!" Tom sat up. "Which town?"\n\n"Whitby."\n';
    const { doc, conv } = conversationOf(text);
    const cue = conv.turns[1]!.cues[0];
    assert.ok(cue, 'no cue');
    assert.equal(cue.kind, 'beat');
    assert.equal(cue.where, 'mid');
    assert.equal(doc.layer('characters')[cue.referent.character]!.name, 'Tom Barker');
  });

  it('leaves a tag between the quotations a tag', () => {
    const text = '"We went to the coast," said Ann.\n\n"To the coast!" said Tom. "Which town?"\n';
    const cue = conversationOf(text).conv.turns[1]!.cues[0]!;
    assert.equal(cue.kind, 'tag');
  });
});

describe('attribution: a name standing alone as a sentence of the speech', () => {
  function vocativesOf(text: string): string[][] {
    const { doc, conv } = conversationOf(text);
    const characters = doc.layer('characters');
    return conv.turns.map((t) => t.vocatives.map((c) => characters[c]!.name));
  }

  it('calls that one, as the name opening the speech would', () => {
    const text = '"Good evening," said Will.\n\n"So. Ann. Tom tells us you paint."\n\n"A little."\n';
    assert.deepEqual(vocativesOf(text)[1], ['Ann Hale']);
  });

  it('not when the name is asked about, nor when it ends the speech', () => {
    const asked =
      '"Good evening," said Will.\n\n"Your brother is home at last. Tom? I thought he was away."\n';
    assert.deepEqual(vocativesOf(asked)[1], []);
    const ends = '"Who was at the door?" said Will.\n\n"Nobody. Tom."\n';
    assert.deepEqual(vocativesOf(ends)[1], []);
  });
});

describe('attribution: the tag of a dash-dialogue line is not narration between turns', () => {
  it('a tag that is a sentence of its own after the speech is no narration subject for the next turn', () => {
    const text =
      'The kitchen was cold.\n\n— Is Will coming in today? Tom asks.\n\n— He says so.\n\nAnn shrugs and turns back to the oven.\n\n— Then he is late.\n';
    const { doc, conv } = conversationOf(text);
    const characters = doc.layer('characters');
    const subjects = Array.from(conv.narrationSubject, (c) => (c >= 0 ? characters[c]!.name : '-'));
    assert.equal(conv.turns.length, 3);
    assert.equal(conv.turns[0]!.cues[0]?.kind, 'tag');
    assert.deepEqual(subjects, ['-', '-', 'Ann Hale']);
  });
});

describe('conversations end at a time skip', () => {
  const before = ['"Is the boat ready?" asked Tom.', '', '"Not yet," said Ann.', ''];
  const after = ['"You came back," said Will.', '', '"I did."'];
  const lengths = (middle: string): number[] => {
    const doc = createEngine({ until: 'coref', characters: CAST }).process(
      sourceOf([...before, middle, '', ...after].join('\n')),
    );
    return prepareConversations(doc).map((conv) => conv.turns.length);
  };

  it('splits the turns at a paragraph opening with a strong time skip', () => {
    assert.deepEqual(lengths('The next morning the harbour was empty and the gulls had gone quiet.'), [2, 2]);
    assert.deepEqual(lengths('Three weeks later the harbour was empty.'), [2, 2]);
  });

  it('keeps one conversation over a short narration paragraph without one', () => {
    assert.deepEqual(lengths('The harbour was empty and the gulls had gone quiet.'), [4]);
    assert.deepEqual(lengths('Ten minutes later the harbour was empty.'), [4]);
  });
});

describe('attribution: someone introducing themself', () => {
  const speakers = (text: string): string[] => {
    const r = createEngine({ characters: CAST }).analyze(sourceOf(text));
    return r.quotes.map((q) => r.characters.find((c) => c.id === q.speaker)?.name ?? '?');
  };

  it('gives "I\'m Ann." and "My name is Will." to the one they name, against turn-taking', () => {
    const text =
      '"Who are you?" said Tom.\n\n"Nobody much."\n\n"Hi. I\'m Ann. I live next door."\n\n' +
      'Tom nodded at the boy by the gate.\n\n"And him?"\n\n"Sorry. My name is Will."\n';
    const got = speakers(text);
    assert.equal(got[2], 'Ann Hale');
    assert.equal(got[4], 'Will Stone');
  });

  it('takes no possessive ("I\'m Ann\'s brother") and no denial ("I\'m not Will") for an introduction', () => {
    const text =
      '"Who are you?" said Ann.\n\n"I\'m Ann\'s brother, of course," said Tom.\n\n"And you?"\n\n"I\'m not Will, if that is what you think."\n';
    const got = speakers(text);
    assert.equal(got[1], 'Tom Barker');
    assert.notEqual(got[3], 'Will Stone');
  });
});

describe('attribution: a part of someone as the subject of a beat', () => {
  it('"His thumb ran over her knuckles." before the words is a beat for him', () => {
    const text =
      '"Are you coming?" said Tom.\n\n"No," said Ann.\n\n' +
      'Will reached across and took her hand. His thumb ran over her knuckles. "You should, though."\n';
    const { conv } = conversationOf(text);
    const cue = conv.turns[2]!.cues[0];
    assert.equal(cue?.kind, 'beat');
    assert.equal(cue?.referent.via, 'pronoun');
    assert.equal(cue?.referent.gender, 'male');
  });

  it('"Her voice shook." is a beat for her; "His book fell." is none', () => {
    const shook = conversationOf('"Well?" said Tom.\n\nAnn looked away. Her voice shook. "I cannot."\n');
    assert.equal(shook.conv.turns[1]!.cues[0]?.referent.gender, 'female');
    const book = conversationOf('"Well?" said Tom.\n\n"Yes," said Ann.\n\nHis book fell. "Oh no."\n');
    assert.notEqual(book.conv.turns[2]!.cues[0]?.referent.via, 'pronoun');
  });
});
