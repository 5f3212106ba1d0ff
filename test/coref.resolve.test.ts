/**
 * The coref stage (src/stages/coref/index.ts) on short invented passages, with the cast given so
 * that only pronoun resolution is under test.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createEngine } from '../src/engine/engine.js';
import type { GivenCharacter } from '../src/engine/stage.js';
import { sourceOf } from './layers.helper.js';

/** Each third-person pronoun of the text with the name of the character it was resolved to. */
function resolve(text: string, cast: [name: string, gender: string, aliases?: string[]][]): string[] {
  const given: GivenCharacter[] = cast.map(([name, gender, aliases], i) => ({
    id: i,
    name,
    aliases: aliases ?? [],
    gender,
  }));
  const doc = createEngine({ characters: given }).process(sourceOf(text));
  const characters = doc.layer('characters');
  return doc
    .layer('pronouns')
    .filter((m) => !/^(i|me|my|myself)$/i.test(text.slice(m.start, m.end)))
    .map((m) => `${text.slice(m.start, m.end)}=${m.character < 0 ? '?' : characters[m.character]!.name}`);
}

describe('coref: pronoun resolution', () => {
  it('prefers a character known to be of the pronoun’s gender over a busier one of unknown gender', () => {
    const out = resolve(
      'Tom nodded once. Quorn laughed at Tom and Quorn sang and Quorn danced and Quorn wept. He sat down.',
      [
        ['Tom', 'M'],
        ['Quorn', 'U'],
      ],
    );
    assert.deepEqual(out, ['He=Tom']);
  });

  it('never resolves a third-person pronoun to the first-person narrator', () => {
    const out = resolve(
      'Bill came in at noon. I looked at him for a long while, and I said nothing, and I sat down by the fire. He poured the coffee.',
      [
        ['Jack', 'M', ['_narr']],
        ['Bill', 'M'],
      ],
    );
    assert.deepEqual(out, ['him=Bill', 'He=Bill']);
  });

  it('takes a rank in lower case ("the general") for the one given character who holds it, but not an adjective', () => {
    const out = resolve(
      'Hal Tanner came in with a letter. The general opinion was that he looked tired. Hal read it twice and frowned. Then the general stood up, and he paced the room.',
      [
        ['General Oakes', 'M'],
        ['Hal Tanner', 'M'],
      ],
    );
    assert.deepEqual(out, ['he=Hal Tanner', 'he=General Oakes']);
  });

  it('binds a reflexive to the subject of its clause', () => {
    const out = resolve(
      'Mary sang, Mary laughed, Mary danced, and Mary wept. Anne saw herself in the glass.',
      [
        ['Mary', 'F'],
        ['Anne', 'F'],
      ],
    );
    assert.deepEqual(out, ['herself=Anne']);
  });

  it('takes the subject of a clause after ", and" as a subject', () => {
    const out = resolve('The bell rang for Tom, and Sam stood up. He went to the door.', [
      ['Tom', 'M'],
      ['Sam', 'M'],
    ]);
    assert.deepEqual(out, ['He=Sam']);
  });

  it('does not take a name after a preposition for the subject', () => {
    const out = resolve('With Mary Anne fell in love at once. She smiled.', [
      ['Mary', 'F'],
      ['Anne', 'F'],
    ]);
    assert.deepEqual(out, ['She=Anne']);
  });

  it('lets the previous paragraph fade faster than the previous sentence', () => {
    const out = resolve('Tom walked and Tom talked.\n\nThe door opened for Sam. He sat down.', [
      ['Tom', 'M'],
      ['Sam', 'M'],
    ]);
    assert.deepEqual(out, ['He=Sam']);
  });

  it('does not take the person named in a quotation for the speaker of its tag', () => {
    const out = resolve('Sam sat down. Tom stood by the gate.\n\n\u201cCome in, Tom,\u201d he said.', [
      ['Tom', 'M'],
      ['Sam', 'M'],
    ]);
    assert.deepEqual(out, ['he=Sam']);
  });

  it('does not age the people of the narration over a long speech that names someone else', () => {
    const out = resolve(
      'Ann came in.\n\n"I have been to the town. It was cold. The roads were bad. The horses are tired. The inn was full. We waited an hour. We saw Jane at the market."\n\nShe took off her gloves.',
      [
        ['Ann', 'F'],
        ['Jane', 'F'],
      ],
    );
    assert.deepEqual(out, ['She=Ann', 'her=Ann']);
  });

  it('takes the person called by name in a speech as present, over one only talked about', () => {
    const out = resolve(
      'Ann hid her face.\n\n"Nobody has been kind to me. Nobody ever is. But Jane herself--"\n\nShe broke off.\n\n"Ann," said Tom gravely, "this is unworthy of you. You know it is. You should be ashamed of it. Jane has done nothing."\n\nSuddenly she took her face from her hands.',
      [
        ['Ann', 'F'],
        ['Jane', 'F'],
        ['Tom', 'M'],
      ],
    );
    assert.deepEqual(out, ['her=Ann', 'She=Ann', 'she=Ann', 'her=Ann', 'her=Ann']);
  });

  it('does not take the person called by name in a quotation for the speaker of its tag, however salient', () => {
    const out = resolve(
      'Tom and Bill sat by the fire. Tom had said nothing for an hour. Tom stared at the coals.\n\n"I must go now, Tom!" he cried.',
      [
        ['Tom', 'M'],
        ['Bill', 'M'],
      ],
    );
    assert.deepEqual(out, ['he=Bill']);
  });

  it('weighs the agent of a passive ("overtaken by Tom") as a subject', () => {
    const out = resolve(
      'Bill had left her at the gate. Bill was far away now. She was overtaken by Tom on the lane.\n\n"I am afraid I interrupt you," said he.',
      [
        ['Ann', 'F'],
        ['Bill', 'M'],
        ['Tom', 'M'],
      ],
    );
    assert.deepEqual(out.slice(-1), ['he=Tom']);
  });

  it('still finds the only candidate twenty sentences back', () => {
    const out = resolve(`Tom went out. ${'The rain fell. '.repeat(20)}He came home.`, [['Tom', 'M']]);
    assert.deepEqual(out, ['He=Tom']);
  });

  it('weighs the subject of a clause opened by "since" or "when" below the subject of the main clause', () => {
    const out = resolve(
      'Mrs. Grey sat by the window all morning. The wedding had been her dream since Ann was a child. She wrote out the lists.',
      [
        ['Mrs. Grey', 'F'],
        ['Ann', 'F'],
      ],
    );
    assert.deepEqual(out, ['her=Mrs. Grey', 'She=Mrs. Grey']);
  });

  it('still takes that subject when it is the only one of the gender', () => {
    const out = resolve('Tom waited at the gate. It was dark when Ann came out. She carried a lamp.', [
      ['Tom', 'M'],
      ['Ann', 'F'],
    ]);
    assert.deepEqual(out, ['She=Ann']);
  });
});

describe('coref: runner-up and margin', () => {
  /** The runner-up's name and the margin of each third-person pronoun. */
  function margins(text: string, cast: [string, string][]): [string, string, number][] {
    const given: GivenCharacter[] = cast.map(([name, gender], i) => ({ id: i, name, aliases: [], gender }));
    const doc = createEngine({ characters: given }).process(sourceOf(text));
    const characters = doc.layer('characters');
    return doc
      .layer('pronouns')
      .map((m) => [
        text.slice(m.start, m.end),
        m.runnerUp === undefined || m.runnerUp < 0 ? '-' : characters[m.runnerUp]!.name,
        m.margin ?? Number.NaN,
      ]);
  }

  it('gives the next most salient character of the gender, and the ratio of their salience', () => {
    // Tom is the subject (100), Will comes after a preposition (50): "He" is Tom by a margin of 2.
    assert.deepEqual(
      margins('Tom sat down with Will. He smiled.', [
        ['Tom', 'M'],
        ['Will', 'M'],
      ]),
      [['He', 'Will', 2]],
    );
  });

  it('gives no runner-up and an infinite margin when no one else of the gender is salient', () => {
    assert.deepEqual(
      margins('Tom sat down with Ann. He smiled.', [
        ['Tom', 'M'],
        ['Ann', 'F'],
      ]),
      [['He', '-', Number.POSITIVE_INFINITY]],
    );
  });
});
