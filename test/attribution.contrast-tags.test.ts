/**
 * Tags whose subject is "the other", "the latter", "the former" or an unnamed voice, on short texts
 * written for these tests.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createEngine } from '../src/engine/engine.js';
import type { GivenCharacter } from '../src/engine/stage.js';
import { buildCueIndex, namedNear } from '../src/stages/attribution/cues.js';
import { isAnswered } from '../src/stages/attribution/features.js';
import { buildTurns } from '../src/stages/attribution/units.js';
import { sourceOf } from './layers.helper.js';

const CAST: GivenCharacter[] = [
  { id: 0, name: 'Tom Barker', aliases: ['Tom'], gender: 'M' },
  { id: 1, name: 'Ann Hale', aliases: ['Ann'], gender: 'F' },
  { id: 2, name: 'Mary Stone', aliases: ['Mary'], gender: 'F' },
];

function turnsOf(text: string) {
  const engine = createEngine({ until: 'coref', characters: CAST });
  const doc = engine.process(sourceOf(text));
  return { doc, turns: buildTurns(doc, buildCueIndex(doc)) };
}

/** The referent of the last turn's first cue, with its character's and owner's names. */
function lastReferent(text: string) {
  const { doc, turns } = turnsOf(text);
  const names = doc.layer('characters').map((c) => c.name);
  const r = turns.at(-1)!.cues[0]?.referent;
  if (!r) return undefined;
  return { ...r, name: names[r.character] ?? '-', ownerName: names[r.owner] ?? '-' };
}

describe('attribution: "the other", "the latter", "the former"', () => {
  it('"replied the other" is no cue (turn-taking decides)', () => {
    const { turns } = turnsOf(
      'Ann met Tom at the gate.\n\n"Is it far?" asked Tom.\n\n"Not very," replied the other.\n',
    );
    assert.equal(turns.at(-1)!.cues.length, 0);
  });

  it('"cried the latter" is the last character named, "said the former" the one before', () => {
    const latter = lastReferent('Mary came in with Ann behind her.\n\n"Oh, look!" cried the latter.\n');
    assert.equal(latter?.name, 'Ann Hale');
    assert.equal(latter?.descriptive, true);
    const former = lastReferent('Mary came in with Ann behind her.\n\n"Oh, look!" said the former.\n');
    assert.equal(former?.name, 'Mary Stone');
  });

  it('"the other man" is no contrast: the noun decides', () => {
    const r = lastReferent('Tom and Ann waited.\n\n"Go on," said the other man.\n');
    assert.equal(r?.via, 'nominal');
    assert.equal(r?.gender, 'male');
    assert.equal(r?.owner, -1);
  });
});

describe('attribution: unnamed voices', () => {
  it('"said a voice" and "an angry voice cried" are tags of an unnamed speaker', () => {
    for (const text of [
      'Tom sat alone in the dark.\n\n"Who is there?" said a voice behind him.\n',
      'Tom sat alone in the dark.\n\n"Get out!" an angry voice cried.\n',
    ]) {
      const r = lastReferent(text);
      assert.ok(r, text);
      assert.equal(r.via, 'nominal');
      assert.equal(r.character, -1);
      assert.equal(r.gender, 'unknown');
    }
  });

  it('"said in a low voice" is the manner of a tag, not its speaker', () => {
    const r = lastReferent('Tom sat by Ann.\n\n"Hush," Ann said in a low voice.\n');
    assert.equal(r?.name, 'Ann Hale');
  });

  it('"the voice of Mary" is Mary speaking', () => {
    const r = lastReferent('Tom sat alone.\n\n"Come in," called the voice of Mary from the hall.\n');
    assert.equal(r?.name, 'Mary Stone');
  });

  it('namedNear finds the names after a voice in its paragraph, and those before a tag', () => {
    const text = '"Who is there?" said a voice; and turning, Tom saw Mary at the door.\n\nAnn slept.\n';
    const { doc } = turnsOf(text);
    const tokens = doc.layer('tokens');
    let voice = 0;
    while (tokens.lower[voice] !== 'voice') voice++;
    const names = doc.layer('characters').map((c) => c.name);
    assert.deepEqual(
      namedNear(doc, voice, 1, 2).map((c) => names[c]),
      ['Tom Barker', 'Mary Stone'],
    );
    assert.deepEqual(
      namedNear(doc, tokens.count - 1, -1, 2).map((c) => names[c]),
      ['Ann Hale', 'Mary Stone'],
    );
  });
});

describe('attribution: answers named as such', () => {
  it('"was the answer" and "came the laconic reply" after a quotation mark it as an answer', () => {
    for (const text of [
      'Tom looked up.\n\n"Where is Ann?"\n\n"Gone home," was the answer.\n',
      'Tom looked up.\n\n"Where is Ann?"\n\n"Gone home," came the laconic reply.\n',
    ]) {
      const { doc, turns } = turnsOf(text);
      assert.equal(isAnswered(doc, turns.at(-1)!), true, text);
      assert.equal(isAnswered(doc, turns[0]!), false, text);
    }
  });

  it('"was the answer to it all" must follow the quotation, not stand later in the paragraph', () => {
    const { doc, turns } = turnsOf(
      'Tom looked up.\n\n"Gone home," said Ann. Nobody knew what was the answer.\n',
    );
    assert.equal(isAnswered(doc, turns.at(-1)!), false);
  });
});
