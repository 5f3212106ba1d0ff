/**
 * Acceptance stories, read the way users run storylens (`analyze FILE`): an AO3 one-shot with
 * nicknames and a visitor who leaves, a first-person present-tense story in dash dialogue with a
 * phone call, a dinner for four with a shared surname, a Markdown fan fiction in British single
 * marks whose detective is her surname at work and her first name at home, and a plain-text quarrel
 * between two men tagged "he said" turn about, with a time skip after a blank line, a couple in
 * British single marks who read a letter aloud and trade text messages, and a plain-text
 * one-shot with author's notes, text messages and thoughts in italics. The stories are the project's own
 * (test/fixtures/acceptance/); each assertion is a result a reader checked by hand.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { createEngine } from '../src/engine/engine.js';
import type { AnalysisResult } from '../src/engine/result.js';
import { ingestFile } from '../src/ingest/index.js';

const DIR = fileURLToPath(new URL('../../test/fixtures/acceptance/', import.meta.url));

async function analyse(file: string): Promise<AnalysisResult> {
  return createEngine().analyze(await ingestFile(join(DIR, file)));
}

function named(r: AnalysisResult, name: string) {
  return r.characters.find((c) => c.name === name || c.aliases.includes(name));
}

function speakerOf(r: AnalysisResult, text: string): string | undefined {
  const q = r.quotes.find((x) => x.text.startsWith(text));
  assert.ok(q, `no quotation "${text}"`);
  return r.characters.find((c) => c.id === q.speaker)?.name;
}

describe('acceptance: an AO3 one-shot with nicknames', async () => {
  const r = await analyse('frost-on-the-windows.html');

  it('acceptance: the three people, each once, with the nicknames the others call them', () => {
    assert.deepEqual(r.characters.map((c) => c.name).sort(), ['Callum', 'Hazel', 'Theodora']);
    assert.ok(named(r, 'Callum')?.aliases.includes('Cal'));
    assert.ok(named(r, 'Theodora')?.aliases.includes('Teddy'));
    assert.equal(named(r, 'Theodora')?.gender.label, 'female');
    assert.equal(named(r, 'Callum')?.gender.label, 'male');
    assert.ok(named(r, 'Callum')?.epithets.includes('sweetheart'));
  });

  it('acceptance: the work tags and the "~~~" scene break', () => {
    assert.deepEqual(r.meta.relationships, ['Callum Reyes/Theodora Vance']);
    assert.equal(r.scenes.length, 2);
    assert.equal(r.scenes[1]!.boundary.cue, '~~~');
    assert.equal(speakerOf(r, 'Mm.'), 'Theodora');
  });
});

describe('acceptance: first person, present tense, dash dialogue', async () => {
  const r = await analyse('four-in-the-morning.txt');

  it('acceptance: a name with any speech verb after a comma is a tag; "He said so" after a full stop is speech', () => {
    const notBad = r.quotes.filter((q) => q.text === 'Not bad,');
    assert.equal(notBad.length, 2);
    assert.equal(speakerOf(r, 'He says so. He said so yesterday too.'), 'Dolores');
    assert.ok(r.quotes.some((q) => q.text === 'Yes, chef,'));
  });

  it('acceptance: the narrator is the name only others say, and "Mamá" is a woman', () => {
    assert.equal(r.characters.find((c) => c.narrator)?.name, 'Ines');
    assert.equal(named(r, 'Mamá')?.gender.label, 'female');
  });
});

describe('acceptance: a dinner for four', async () => {
  const r = await analyse('seven-oclock.txt');

  it('acceptance: the son is a man from the "he" after his name, and his opening line is his', () => {
    assert.equal(named(r, 'Chidi')?.gender.label, 'male');
    assert.equal(speakerOf(r, 'Seven means seven'), 'Chidi');
    assert.ok(named(r, 'Mr. Okafor') !== named(r, 'Mrs. Okafor'));
  });
});

describe('acceptance: a Markdown fan fiction in single marks', async () => {
  const r = await analyse('the-long-shift.md');

  it("acceptance: an opening mark glued to an elision (''Tis) opens the quotation; no stray mark", () => {
    assert.equal(speakerOf(r, "'Tis always trying"), 'Mrs. Jones');
    assert.deepEqual(
      r.messages.filter((m) => m.code === 'quotes/stray'),
      [],
    );
    assert.ok(r.quotes.some((q) => q.text.startsWith("The Joneses' shop again.")));
  });

  it('acceptance: the surname at work and the first name at home are one woman; two chapters', () => {
    const harrow = named(r, 'Harrow');
    assert.ok(harrow && harrow === named(r, 'Miriam'));
    assert.equal(harrow.gender.label, 'female');
    assert.deepEqual(
      r.chapters.map((c) => c.title),
      ['Chapter 1', 'Chapter 2'],
    );
    assert.equal(r.meta.title, 'The Long Shift');
    // The title, the author's note and the heading open chapter 1's one scene; no second one under it.
    assert.equal(r.scenes.length, 2);
    assert.equal(speakerOf(r, "Don't you dare"), harrow.name);
  });

  it('acceptance: thoughts in italics are hers, said to no one', () => {
    const thoughts = r.quotes.filter((q) => q.kind === 'thought');
    assert.deepEqual(
      thoughts.map((q) => q.text),
      ['I should go home', 'I should go home and sleep for a week.', 'I am done in'],
    );
    for (const q of thoughts) {
      assert.equal(q.mark, 'italic');
      assert.equal(r.characters.find((c) => c.id === q.speaker)?.name, named(r, 'Miriam')?.name);
      assert.deepEqual(q.addressees, []);
    }
  });

  it('acceptance: a name answering "Who found it?" is no vocative, so the absent woman is not addressed', () => {
    const q = r.quotes.find((x) => x.text.startsWith('Mrs. Jones. She rang'));
    const listeners = (q?.addressees ?? []).map((id) => r.characters.find((c) => c.id === id)?.name);
    assert.deepEqual(listeners, ['Harrow']);
    assert.equal(speakerOf(r, 'Mrs. Jones. She rang'), 'Okoro');
  });
});

describe('acceptance: a plain-text quarrel between two men', async () => {
  const r = await analyse('the-fence.txt');

  it('acceptance: "he said" turn about goes to the two men in turn; the time skip opens a scene', () => {
    assert.deepEqual(r.characters.map((c) => c.name).sort(), ['Gus', 'Nora', 'Walter']);
    assert.equal(speakerOf(r, 'It was never on your side'), 'Gus');
    assert.equal(speakerOf(r, 'Evidently you do'), 'Walter');
    assert.equal(speakerOf(r, 'Your gate is held with baler twine'), 'Gus');
    assert.equal(speakerOf(r, 'The creek changed'), 'Walter');
    assert.equal(r.scenes.length, 2);
    assert.equal(r.scenes[1]!.boundary.cue, 'Two days later');
  });
});

describe('acceptance: a letter, texts and a quarrel over trifle, in single marks', async () => {
  const r = await analyse('the-letter-from-porthleven.txt');
  const kindOf = (text: string) => {
    const q = r.quotes.find((x) => x.text.startsWith(text));
    assert.ok(q, `no quotation "${text}"`);
    return q.kind;
  };

  it('acceptance: the letter read aloud and the texts on screen are written; the talk round them is speech', () => {
    assert.equal(kindOf('Listen to this'), 'speech');
    assert.equal(kindOf('Dear Priya, the weather here'), 'written');
    assert.equal(kindOf('P.S. Tell that young man'), 'written');
    assert.equal(kindOf('Heard Gran is coming'), 'written');
    assert.equal(kindOf('Got a letter from Gran'), 'written');
    assert.equal(kindOf('Anything but trifle'), 'written');
    assert.equal(kindOf('Go on.'), 'speech');
    assert.equal(speakerOf(r, 'Go on.'), 'Marcus');
  });

  it('acceptance: a text quoted inside speech is written, and a single mark glued to a double one opens', () => {
    assert.equal(kindOf('I have something to tell you both'), 'written');
    assert.equal(kindOf('Have you heard from Gran?'), 'written');
    assert.equal(kindOf("She's fine, love."), 'written');
    assert.deepEqual(
      r.messages.filter((m) => m.code === 'quotes/stray'),
      [],
    );
  });

  it('acceptance: what Gran said, quoted by Marcus, is reported; film titles and the pub are mentions', () => {
    const never = r.quotes.filter((q) => q.text === 'never again');
    assert.deepEqual(
      never.map((q) => q.kind),
      ['reported', 'reported'],
    );
    assert.equal(kindOf('Brief Encounter'), 'mention');
    assert.equal(kindOf('The Italian Job'), 'mention');
    const pub = r.quotes.filter((q) => q.text === 'Crown and Anchor');
    assert.deepEqual(
      pub.map((q) => q.kind),
      ['mention', 'mention'],
    );
  });

  it('acceptance: "Dear me" and "My dear" are spoken; "could/should have" after a beat is speech; words held back are imagined', () => {
    assert.equal(kindOf('Dear me'), 'speech');
    assert.equal(speakerOf(r, 'Dear me'), 'Marcus');
    assert.equal(kindOf('My dear, it'), 'speech');
    assert.equal(speakerOf(r, 'My dear, it'), 'Marcus');
    assert.equal(kindOf('I could have made porridge'), 'speech');
    assert.equal(kindOf('We should have bought'), 'speech');
    assert.equal(speakerOf(r, 'We should have bought'), 'Marcus');
    assert.equal(kindOf('The cat can go'), 'imagined');
    assert.equal(kindOf('I\u2019m only saying'.replace('\u2019', "'")), 'speech');
  });
});

describe("acceptance: a plain-text one-shot with author's notes and texts in italics", async () => {
  const r = await analyse('the-lighthouse-bet.txt');

  it("acceptance: the author's notes at the top and bottom are not story; the title line is a heading", () => {
    assert.ok(
      (r.stats?.words ?? 0) < 1200 && !r.paragraphs.some((p) => p.start === 0),
      `${r.stats?.words} words`,
    );
    assert.equal(r.paragraphs[0]!.kind, 'heading');
    assert.equal(r.scenes.length, 4);
    assert.deepEqual(
      r.scenes.slice(1).map((s) => s.boundary.cue),
      ['~~~', 'xXx', '~~~'],
    );
  });

  it('acceptance: the four named people, with their speech', () => {
    for (const name of ['Rosalind', 'Ezra', 'Priya', 'Teddy']) assert.ok(named(r, name), name);
    assert.ok(named(r, 'Teddy')?.aliases.includes('Theodora Quill'));
    assert.equal(speakerOf(r, 'Morning!'), 'Ezra');
    assert.equal(speakerOf(r, 'Hi! So'), 'Priya');
    assert.equal(speakerOf(r, 'Fine. What do you want, babe?'), 'Rosalind');
    assert.equal(speakerOf(r, 'Of course you counted'), 'Rosalind');
    assert.equal(speakerOf(r, 'That, is my grandmother.'), 'Ezra');
    assert.equal(speakerOf(r, "It's a bet,"), 'Rosalind');
    // Introductions: "I'm Rosalind." and "Everyone calls me Teddy." name their speaker.
    assert.equal(speakerOf(r, "I, um. Yes. Hi. I'm Rosalind."), 'Rosalind');
    assert.equal(speakerOf(r, 'Teddy, Everyone calls me Teddy.'), 'Teddy');
    // "The old woman nodded": the one the narration said was seventy-three.
    assert.equal(speakerOf(r, 'Ah.'), 'Teddy');
  });

  it('acceptance: "Gran" is Teddy, and "Roz" and "Rozzie", said only in speech, are Rosalind', () => {
    assert.equal(r.characters.length, 4, r.characters.map((c) => c.name).join(', '));
    assert.equal(named(r, 'Gran'), named(r, 'Teddy'));
    assert.equal(named(r, 'Roz'), named(r, 'Rosalind'));
    assert.equal(named(r, 'Rozzie'), named(r, 'Rosalind'));
    assert.equal(named(r, 'Teddy')?.gender.label, 'female');
  });

  it('acceptance: "love" said by Ezra as he takes Rosalind\'s hand is hers, not Priya\'s; "babe" goes both ways', () => {
    const epithets = (name: string) => named(r, name)?.epithets ?? [];
    assert.ok(epithets('Rosalind').includes('love'), `Rosalind: ${epithets('Rosalind')}`);
    assert.ok(epithets('Rosalind').includes('dear'), `Rosalind: ${epithets('Rosalind')}`);
    assert.ok(epithets('Ezra').includes('babe'), `Ezra: ${epithets('Ezra')}`);
    assert.deepEqual(epithets('Priya'), []);
  });

  it('acceptance: thoughts in italics, one word or "decided", and text messages in italics are written', () => {
    const kind = (t: string) => r.quotes.find((q) => q.text.startsWith(t))?.kind;
    assert.equal(kind('Traitor,'), 'thought');
    assert.equal(kind('Probably not,'), 'thought');
    assert.equal(kind("He's doing the eyes,"), 'thought');
    for (const t of [
      'did he ask you yet,',
      "he's asking right now,",
      "I'm going to kill you.",
      'pay up,',
      'I HATE YOU,',
      'worth every cent tho.',
    ])
      assert.equal(kind(t), 'written', t);
  });
});
