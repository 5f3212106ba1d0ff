/**
 * Emission features of the attribution model that look across the turns of a conversation, on
 * short texts written for these tests with a given cast.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createEngine } from '../src/engine/engine.js';
import type { Quotation } from '../src/engine/types.js';
import { EMISSION_FEATURES, mergeSorted, NE } from '../src/stages/attribution/features.js';
import { prepareConversations } from '../src/stages/attribution/index.js';
import { barredSpeakers, chainOf, densify, heldTurns } from '../src/stages/attribution/model.js';
import { inNestedQuotation } from '../src/stages/attribution/units.js';
import { sourceOf } from './layers.helper.js';

const CAST = [
  { id: 0, name: 'Tom Barker', aliases: ['Tom'], gender: 'M' },
  { id: 1, name: 'Ann Hale', aliases: ['Ann'], gender: 'F' },
  { id: 2, name: 'Will Stone', aliases: ['Will'], gender: 'M' },
];

/** The first conversation of a text with the test cast. */
function firstConversation(text: string): ReturnType<typeof prepareConversations>[number] {
  return prepareConversations(createEngine({ until: 'coref', characters: CAST }).process(sourceOf(text)))[0]!;
}

/** For each turn of the first conversation, the characters carrying the feature. */
function carriersByTurn(text: string, feature: string, cast = CAST): string[][] {
  const doc = createEngine({ until: 'coref', characters: cast }).process(sourceOf(text));
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

describe('attribution: names inside a quotation the speaker repeats', () => {
  // Tom repeats what Ann once said to him: "Tom" there is inside the nested quotation, so it is
  // neither his addressee nor a name that counts against his speaking. "Will", named in the
  // speaker's own words, is.
  const text =
    '"Good evening," said Ann.\n\n' +
    '"You said to me last week, \'Good evening, Tom,\' and Will laughed at it," he answered.\n\n' +
    '"I may have."\n';

  it('does not take a vocative in the nested quotation for one of the speaker', () => {
    assert.deepEqual(carriersByTurn(text, 'vocative'), [[], [], []]);
  });

  it("still counts a name in the speaker's own words", () => {
    assert.deepEqual(carriersByTurn(text, 'named-in-quote'), [[], ['Will Stone'], []]);
  });
});

describe('attribution: where a nested quotation is', () => {
  const quote = (text: string, open: string): Quotation => {
    const s = text.indexOf(open) + 1;
    return {
      id: 'Q0',
      spans: [[s, text.length - 1]],
      kind: 'speech',
      mark: 'given',
      paragraph: 0,
      paragraphEnd: 0,
    };
  };
  const at = (text: string, name: string): [number, number] => {
    const s = text.lastIndexOf(name);
    return [s, s + name.length];
  };

  it('inside single marks in double-quoted speech', () => {
    const t = '"He wrote \'come home, Tom\' and left."';
    assert.equal(inNestedQuotation(t, quote(t, '"'), ...at(t, 'Tom')), true);
  });

  it('inside double marks in single-quoted speech', () => {
    const t = '\u2018He wrote \u201ccome home, Tom\u201d and left.\u2019';
    assert.equal(inNestedQuotation(t, quote(t, '\u2018'), ...at(t, 'Tom')), true);
  });

  it('not after an apostrophe inside or at the end of a word', () => {
    const t = '"Don\'t you know nothin\' about Tom, then?"';
    assert.equal(inNestedQuotation(t, quote(t, '"'), ...at(t, 'Tom')), false);
  });

  it('not after a nested quotation that has closed', () => {
    const t = '"He wrote \'come home\' to Tom."';
    assert.equal(inNestedQuotation(t, quote(t, '"'), ...at(t, 'Tom')), false);
  });
});

describe('attribution: turns held to the speaker their tag settles', () => {
  const withVicar = [...CAST, { id: 3, name: 'The Vicar', aliases: ['the vicar'], gender: 'M' }];
  const held = (text: string, cast = withVicar): string[] => {
    const doc = createEngine({ until: 'coref', characters: cast }).process(sourceOf(text));
    const conv = prepareConversations(doc)[0]!;
    const characters = doc.layer('characters');
    return Array.from(heldTurns(conv), (k) => (k >= 0 ? characters[conv.candidates[k]!]!.name : '-'));
  };

  it('holds a named tag, not a description or two tags that disagree', () => {
    const text =
      '"Come in," said Tom.\n\n"Sit down," said the vicar.\n\n' +
      '"Here?" said Ann. "No, there," said Will.\n';
    assert.deepEqual(held(text), ['Tom Barker', '-', '-']);
  });

  it("a lead-in naming someone else does not overrule the tag between the quotation's parts", () => {
    const text =
      '"Come in," said Tom.\n\nHere Ann met him, and the two went on--"the lane is dark," said Will, "so hold the lamp."\n';
    assert.deepEqual(held(text), ['Tom Barker', 'Will Stone']);
  });

  it('holds "she said" when one woman is among the candidates, not when there are two', () => {
    const text = '"Come in," said Tom to Ann.\n\n"Thank you," she said.\n';
    assert.deepEqual(held(text), ['Tom Barker', 'Ann Hale']);
    const two = [...withVicar, { id: 4, name: 'Mary Stone', aliases: ['Mary'], gender: 'F' }];
    assert.deepEqual(held('Mary sat by the fire.\n\n' + text, two), ['Tom Barker', '-']);
  });
});

describe('attribution: whom a tag speaks to does not speak the turn', () => {
  it('"said he to Tom" bars Tom from the turn, and no one else', () => {
    const doc = createEngine({ until: 'coref', characters: CAST }).process(
      sourceOf('Tom sat by the door when Will came in.\n\n"Sit down," said he to Tom.\n'),
    );
    const conv = prepareConversations(doc)[0]!;
    const characters = doc.layer('characters');
    const barred = barredSpeakers(conv);
    const names = conv.candidates.filter((_, k) => barred[k] === 1).map((c) => characters[c]!.name);
    assert.deepEqual(names, ['Tom Barker']);
  });
});

describe('attribution: candidates of a conversation', () => {
  it("the book's most frequent speakers stay candidates where the narration around does not name them", () => {
    const exchanges: string[] = [];
    for (let i = 0; i < 6; i++) exchanges.push(`"Is it late?" asked Tom.\n\n"Not yet," said Ann.`);
    const walk = 'The road ran on between the hedges, and the fields lay quiet under the rain. '.repeat(45);
    const text = `${exchanges.join('\n\n')}\n\n${walk}\n\n"Who is there?" cried Will.\n\n"Only me."\n`;
    const doc = createEngine({ until: 'coref', characters: CAST }).process(sourceOf(text));
    const characters = doc.layer('characters');
    const convs = prepareConversations(doc);
    const last = convs[convs.length - 1]!;
    const names = last.candidates.map((c) => characters[c]!.name);
    assert.ok(convs.length >= 2, 'the walk parts the conversations');
    assert.ok(names.includes('Tom Barker'), `candidates: ${names.join(', ')}`);
  });
});

describe('attribution: turn-taking after a turn that names whom it speaks to', () => {
  it('scores alternation and a new voice apart after a vocative, and only there', () => {
    // Turn 2 speaks to Will by name: whoever spoke turn 0 no longer simply takes the floor back.
    const text =
      '"Is the gate shut?" asked Tom.\n\n"I shut it," said Ann.\n\n' +
      '"Did you see the dog, Will?"\n\n"Not since noon."\n\n"Then he is out."\n';
    const conv = firstConversation(text);
    assert.equal(conv.turns.length, 5);
    const w = densify({
      emission: {},
      transition: { 'alternate-after-address': -1, 'new-voice-after-address': 0.5 },
    });
    const chain = chainOf(conv, w);
    const alternate = [1, 2, 3, 4].map((i) => chain.alternate(i));
    const fresh = [1, 2, 3, 4].map((i) => chain.fresh(i));
    assert.deepEqual(alternate, [0, 0, -1, 0]);
    assert.deepEqual(fresh, [0, 0, 0.5, 0]);
  });
});

describe('attribution: a question put to someone by name', () => {
  it('marks the one asked in the next turn, not the one merely addressed', () => {
    const text = '"Is it late, Ann?" asked Tom.\n\n"Not yet."\n\n"Then sit down, Will."\n\n"I will."\n';
    assert.deepEqual(carriersByTurn(text, 'addressed-by-previous-question'), [[], ['Ann Hale'], [], []]);
    assert.deepEqual(carriersByTurn(text, 'addressed-by-previous-turn'), [
      [],
      ['Ann Hale'],
      [],
      ['Will Stone'],
    ]);
  });
});

describe('attribution: a name in the answer to a question', () => {
  it('marks the one the next turn names when this turn asks, not after a statement', () => {
    const text = '"The road is long," said Tom.\n\n"Not so long, Will."\n\n"Is it late?"\n\n"Yes, Ann."\n';
    assert.deepEqual(carriersByTurn(text, 'addressed-by-next-turn-after-question'), [
      [],
      [],
      ['Ann Hale'],
      [],
    ]);
    assert.deepEqual(carriersByTurn(text, 'addressed-by-next-turn'), [['Will Stone'], [], ['Ann Hale'], []]);
  });
});

describe('attribution: a speaker named by kinship', () => {
  it('"said her father" read as the "Mr." of her surname: tag-kin-name for him, tag-kin-other for the rest', () => {
    const family = [
      { id: 0, name: 'Mr. Quill', aliases: [], gender: 'M' },
      { id: 1, name: 'Rose Quill', aliases: ['Rose'], gender: 'F' },
      { id: 2, name: 'Ned Fenn', aliases: ['Ned'], gender: 'M' },
    ];
    const text = 'Rose and Ned stood at the window.\n\n"Rain again," said her father.\n';
    assert.deepEqual(carriersByTurn(text, 'tag-kin-name', family), [['Mr. Quill']]);
    assert.deepEqual(carriersByTurn(text, 'tag-kin-other', family)[0]!.sort(), ['Ned Fenn', 'Rose Quill']);
  });

  it('"said her father" read as the "Mr." of her surname: the daughter carries tag-possessor', () => {
    const family = [
      { id: 0, name: 'Mr. Quill', aliases: [], gender: 'M' },
      { id: 1, name: 'Rose Quill', aliases: ['Rose'], gender: 'F' },
      { id: 2, name: 'Ned Fenn', aliases: ['Ned'], gender: 'M' },
    ];
    const text = 'Rose and Ned stood at the window.\n\n"Rain again," said her father.\n';
    assert.deepEqual(carriersByTurn(text, 'tag-possessor', family), [['Rose Quill']]);
  });

  it('"said her mother" with "her" read as the titled woman herself: she carries tag-kin-titled', () => {
    const cast = [
      { id: 0, name: 'Mrs. Lark', aliases: [], gender: 'F' },
      { id: 1, name: 'Tom Barker', aliases: ['Tom'], gender: 'M' },
    ];
    const text = 'Mrs. Lark set the table.\n\n"Sit down," said her mother.\n';
    assert.deepEqual(carriersByTurn(text, 'tag-kin-titled', cast), [['Mrs. Lark']]);
    assert.deepEqual(carriersByTurn(text, 'tag-possessor', cast), [[]]);
  });

  it('"said her mother": the mother of a sister there carries tag-kin-of-candidate, another "Mrs." not', () => {
    const cast = [
      { id: 0, name: 'Mrs. Quill', aliases: [], gender: 'F' },
      { id: 1, name: 'Jane', aliases: ['Miss Quill'], gender: 'F' },
      { id: 2, name: 'Lizzy', aliases: [], gender: 'F' },
      { id: 3, name: 'Mrs. Fenn', aliases: [], gender: 'F' },
    ];
    const text = 'Jane and Lizzy sat with Mrs. Fenn and Mrs. Quill.\n\n"It is late," said her mother.\n';
    assert.deepEqual(carriersByTurn(text, 'tag-kin-of-candidate', cast), [['Mrs. Quill']]);
  });

  it('"said her mother" of a daughter named without a surname: the titled woman carries tag-kin-titled', () => {
    const cast = [
      { id: 0, name: 'Mrs. Lark', aliases: [], gender: 'F' },
      { id: 1, name: 'Nora', aliases: [], gender: 'F' },
      { id: 2, name: 'Jill', aliases: [], gender: 'F' },
    ];
    const text =
      'Mrs. Lark set the table. Nora came in late with Jill, and sat down.\n\n"You are late again," said her mother.\n';
    assert.deepEqual(carriersByTurn(text, 'tag-kin-titled', cast), [['Mrs. Lark']]);
  });
});

describe('attribution: a parent called by a term of address', () => {
  const cast = [
    { id: 0, name: 'Mr. Pell', aliases: [], gender: 'M' },
    { id: 1, name: 'Mrs. Pell', aliases: [], gender: 'F' },
    { id: 2, name: 'Daisy', aliases: [], gender: 'F' },
    { id: 3, name: 'Hugh Carter', aliases: ['Hugh'], gender: 'M' },
  ];
  const text =
    'Mr. Pell, Mrs. Pell, Daisy and Hugh sat down to supper.\n\n"Is the pie hot, mamma?" asked Daisy.\n\n' +
    '"Very hot."\n\n"Then I shall wait."\n\n"Do, my dear."\n';

  it('marks the titled woman in the turn after "mamma", and in the turn before it', () => {
    assert.deepEqual(carriersByTurn(text, 'previous-turn-calls-parent', cast), [[], ['Mrs. Pell'], [], []]);
    assert.deepEqual(carriersByTurn(text, 'next-turn-calls-parent', cast), [[], [], [], []]);
    const again = '"Supper is ready," said Mr. Pell.\n\n"Thank you, papa."\n\n"Sit down, then."\n';
    assert.deepEqual(carriersByTurn(again, 'next-turn-calls-parent', cast), [['Mr. Pell'], [], []]);
    assert.deepEqual(carriersByTurn(again, 'previous-turn-calls-parent', cast), [[], [], ['Mr. Pell']]);
  });

  it('"Thank you, papa": the titled father is not the caller, a child of his surname likely is', () => {
    const family = [
      { id: 0, name: 'Mr. Pell', aliases: [], gender: 'M' },
      { id: 1, name: 'Daisy Pell', aliases: ['Daisy'], gender: 'F' },
      { id: 2, name: 'Hugh Carter', aliases: ['Hugh'], gender: 'M' },
    ];
    const again = 'Mr. Pell, Daisy and Hugh sat down.\n\n"Supper is ready."\n\n"Thank you, papa."\n';
    assert.deepEqual(carriersByTurn(again, 'calls-parent-titled', family), [[], ['Mr. Pell']]);
    assert.deepEqual(carriersByTurn(again, 'calls-parent-child', family), [[], ['Daisy Pell']]);
    // Without a parent of that title in the cast, nobody is marked as the child.
    const orphan = family.filter((c) => c.id !== 0);
    assert.deepEqual(carriersByTurn(again, 'calls-parent-child', orphan), [[], []]);
  });

  it('does not read a parent named in the sentence as a term of address', () => {
    const plain = '"Is the pie hot?" asked Daisy. "My mamma made it."\n\n"Very hot."\n';
    assert.deepEqual(carriersByTurn(plain, 'previous-turn-calls-parent', cast), [[], []]);
  });
});

describe('attribution: narration going on after a turn parts it from the next', () => {
  const separated = (text: string): number[] => {
    return [...firstConversation(text).separated];
  };

  it('a further sentence of narration after the tag in the same paragraph separates the turns', () => {
    const text =
      '"Is it far?" asked Tom.\n\n"Not very," Ann said. She looked out at the rain for a long while.\n\n' +
      '"Shall we walk, then?" she asked.\n';
    assert.deepEqual(separated(text), [0, 0, 1]);
  });

  it('not a tag alone, nor a quotation followed by a sentence that is only its tag', () => {
    const text = '"Is it far?" asked Tom.\n\n"Not very," Ann said slowly.\n\n"Oh!" Tom said.\n\n"Well?"\n';
    assert.deepEqual(separated(text), [0, 0, 0, 0]);
  });
});

describe('attribution: a silent reply between two turns', () => {
  const turnFlags = (text: string): number[] => {
    const conv = firstConversation(text);
    return [...conv.silentReply];
  };

  it('flags the turn after a narration paragraph where the listener keeps silent or makes no answer', () => {
    const text =
      '"You were out late," said Tom.\n\nAnn was silent.\n\n"I waited up for you."\n\n' +
      'She made no answer.\n\n"Well?"\n\nWill bowed to them both.\n\n"Good night."\n';
    assert.deepEqual(turnFlags(text), [0, 1, 1, 1]);
  });

  it('not after a nod, a smile or a look, nor after a reply in words', () => {
    const text =
      '"You were out late," said Tom.\n\nAnn nodded.\n\n"I waited up for you."\n\n' +
      'She smiled and looked at the clock.\n\n"Well?"\n\nWill answered that it was late.\n\n"Good night."\n';
    assert.deepEqual(turnFlags(text), [0, 0, 0, 0]);
  });

  it('adds its weight to the same speaker going on, and only after such a paragraph', () => {
    const text = '"You were out late," said Tom.\n\nAnn was silent.\n\n"I waited up."\n\n"Did you?"\n';
    const conv = firstConversation(text);
    const chain = chainOf(conv, densify({ emission: {}, transition: { 'same-after-silent-reply': 2 } }));
    assert.deepEqual(
      [1, 2].map((i) => chain.same(i)),
      [2, 0],
    );
  });
});

describe('attribution: a reply reported in the narration between two turns', () => {
  const turnFlags = (text: string): number[] => {
    const conv = firstConversation(text);
    return [...conv.reportedReply];
  };

  it("flags an untagged turn after a short paragraph giving the listener's words in indirect form", () => {
    const text =
      '"You were out late," said Tom.\n\nAnn replied that the gate had stuck.\n\n"Gates do not stick."\n\n' +
      'She assured him very gravely that this one did.\n\n"Well?"\n\nAnn asked whether he had eaten.\n\n' +
      '"Not yet."\n\nWill answered in the affirmative.\n\n"Good."\n';
    assert.deepEqual(turnFlags(text), [0, 1, 1, 1, 1]);
  });

  it('not after a noun spelled like a reporting verb', () => {
    const text =
      '"You were out late," said Tom.\n\nAnn was in a state where nothing could be said.\n\n"Well?"\n\n' +
      'There was a hint that the gate had stuck.\n\n"I waited up."\n';
    assert.deepEqual(turnFlags(text), [0, 0, 0]);
  });

  it('not after speech left unsaid, an action, or before a tagged turn', () => {
    const text =
      '"You were out late," said Tom.\n\nAnn was too tired to say what had happened.\n\n"Well?"\n\n' +
      'Ann looked at the clock.\n\n"I waited up."\n\nAnn replied that the gate had stuck.\n\n"It did," said Will.\n';
    assert.deepEqual(turnFlags(text), [0, 0, 0, 0]);
  });

  it('adds its weight to the same speaker going on, and only after such a paragraph', () => {
    const text = '"You were out late," said Tom.\n\nAnn replied that it was early.\n\n"Is it?"\n\n"Yes."\n';
    const conv = firstConversation(text);
    const chain = chainOf(conv, densify({ emission: {}, transition: { 'same-after-reported-speech': 2 } }));
    assert.deepEqual(
      [1, 2].map((i) => chain.same(i)),
      [2, 0],
    );
  });
});

describe('attribution: how a turn opens', () => {
  it('reads a reply opener (1) and a going-on opener (2), past dashes and quotation marks', () => {
    const text =
      '"You were out late," said Tom.\n\n"Yes, the gate stuck."\n\nAnn looked at him.\n\n' +
      '"And the dog got out."\n\n"--Why, so it did."\n\n"I fed him."\n';
    const conv = firstConversation(text);
    assert.deepEqual([...conv.opener], [0, 1, 2, 1, 0]);
    const chain = chainOf(
      conv,
      densify({
        emission: {},
        transition: { 'same-when-reply-opener': -1, 'same-when-going-on-opener': 0.5 },
      }),
    );
    assert.deepEqual(
      [1, 2, 3, 4].map((i) => chain.same(i)),
      [-1, 0.5, -1, 0],
    );
  });
});

describe('attribution: the one who answers without words', () => {
  it('marks the subject of the silent reply in the narration just before, not a mere mention', () => {
    const text =
      '"You were out late, Ann," said Tom.\n\nAnn was silent.\n\n"I waited up for you."\n\n' +
      'Will looked at Ann.\n\n"It is past midnight."\n';
    assert.deepEqual(carriersByTurn(text, 'subject-of-silent-reply'), [[], ['Ann Hale'], []]);
  });

  it("marks the one who keeps silent, not the paragraph's first subject", () => {
    const text =
      '"You were out late, Ann," said Tom.\n\nTom waited. Ann was silent.\n\n"I waited up for you."\n';
    assert.deepEqual(carriersByTurn(text, 'subject-of-silent-reply'), [[], ['Ann Hale']]);
  });
});

describe('attribution: a speaker called by a description', () => {
  it('"said her companion": the one "her" stands for carries tag-possessor', () => {
    const text = 'Ann walked with Tom along the cliff path.\n\n"The wind is rising," said her companion.\n';
    assert.deepEqual(carriersByTurn(text, 'tag-possessor'), [['Ann Hale']]);
  });

  it('"murmured the lawyer" after "Will Stone, the lawyer,": Will carries tag-nominal-apposed', () => {
    const text =
      'Will Stone, the lawyer, came in with Tom and sat down by the fire.\n\n' +
      '"We shall read the will tomorrow," murmured the lawyer.\n';
    assert.deepEqual(carriersByTurn(text, 'tag-nominal-apposed'), [['Will Stone']]);
  });

  it('"said the old man" goes by the description with the same modifier, not any man', () => {
    const cast = [...CAST, { id: 3, name: 'Jack Moss', aliases: ['Jack'], gender: 'M' }];
    const text =
      'Tom, a tall young man, stood at the gate. Jack Moss, a very old man, sat on the bench.\n\n' +
      '"The gate is stiff," said the old man.\n\n"Then I shall oil it," said the man.\n';
    assert.deepEqual(carriersByTurn(text, 'tag-nominal-apposed', cast), [['Jack Moss'], []]);
  });

  it('"said the old man" after "old Mr. Pike", "said the young man" after "young Ned": by the word before the name', () => {
    const cast = [
      { id: 0, name: 'Mr. Pike', aliases: ['Arthur Pike'], gender: 'M' },
      { id: 1, name: 'Ned Pike', aliases: ['Ned'], gender: 'M' },
      { id: 2, name: 'Ann Hale', aliases: ['Ann'], gender: 'F' },
    ];
    const text =
      'Old Mr. Pike sat by the stove, and young Ned stood at the door with Ann.\n\n' +
      '"It is cold," said the old man.\n\n"Then shut the door," said the young man.\n\n"Not I," said the man.\n';
    assert.deepEqual(carriersByTurn(text, 'tag-nominal-apposed', cast), [['Mr. Pike'], ['Ned Pike'], []]);
  });

  it('"said the old lady" after "old Mrs. Bray"; "the old man" is not she', () => {
    const cast = [
      { id: 0, name: 'Mrs. Bray', aliases: [], gender: 'F' },
      { id: 1, name: 'Tom Barker', aliases: ['Tom'], gender: 'M' },
    ];
    const text =
      'Tom went in to old Mrs. Bray.\n\n"You are late," said the old lady.\n\n"I am sorry," said the old man.\n';
    assert.deepEqual(carriersByTurn(text, 'tag-nominal-apposed', cast), [['Mrs. Bray'], []]);
  });
});

describe('attribution: a pronoun tag with nobody brought in since the turn before', () => {
  const text =
    '"We should go," said Tom.\n\n"Not yet," said Ann.\n\nThere was a pause.\n\n"Why not?" he asked.\n\n' +
    'The old keeper came up the path.\n\n"What is this?" he cried.\n\n"Nothing," he said.\n\n' +
    'He was silent.\n\n"Well?" she asked.\n\nHer eyes slowly filled with tears.\n\n"Go," she said.\n';

  it('flags the pronoun tags after narration with no name and no noun subject', () => {
    // "The old keeper came up" and "Her eyes slowly filled" have a noun subject (a description may
    // bring someone in); "There was a pause.", nothing at all, and "He was silent." do not.
    const conv = firstConversation(text);
    assert.deepEqual([...conv.pronounCued], [0, 0, 1, 1, 1, 1, 1]);
    assert.deepEqual([...conv.pronounUnintroduced], [0, 0, 1, 0, 1, 1, 0]);
  });

  it('not after narration that brings in a person as an object ("They saw an old man")', () => {
    const conv = firstConversation(
      '"We should go," said Tom.\n\n"Not yet," said Ann.\n\nThey saw an old man at the gate.\n\n"Good evening," he said.\n',
    );
    assert.deepEqual([...conv.pronounUnintroduced], [0, 0, 0]);
  });

  it('not after a name in the narration between', () => {
    const conv = firstConversation(
      '"We should go," said Tom.\n\n"Not yet," said Ann.\n\nWill smiled.\n\n"Why?" he asked.\n',
    );
    assert.deepEqual([...conv.pronounUnintroduced], [0, 0, 0]);
  });

  it('weighs a new voice at those turns only', () => {
    const conv = firstConversation(text);
    const chain = chainOf(
      conv,
      densify({ emission: {}, transition: { 'new-voice-when-pronoun-unintroduced': -2 } }),
    );
    assert.deepEqual(
      [1, 2, 3, 4, 5, 6].map((i) => chain.fresh(i)),
      [0, -2, 0, -2, -2, 0],
    );
  });
});

describe('attribution: a short speech taking up the words of the one before', () => {
  it('flags a short reply that picks up a word from the end of the previous speech', () => {
    const text =
      '"I left the lantern by the mill," said Tom.\n\n"The lantern?"\n\n"The red one. It was burning."\n\n' +
      '"Burning all night?"\n\n"I think so."\n';
    assert.deepEqual([...firstConversation(text).echo], [0, 1, 0, 1, 0]);
  });

  it('not for a long speech, nor for words shared only in small function words', () => {
    const text =
      '"I left the lantern by the mill," said Tom.\n\n' +
      '"You left the lantern there, and the dog ran off, and the gate stood open all the night through, as ever."\n\n' +
      '"I did not know that it was so."\n\n"So it was."\n';
    assert.deepEqual([...firstConversation(text).echo], [0, 0, 0, 0]);
  });

  it('adds its weight to the same speaker going on, and only on such a turn', () => {
    const text = '"I left the lantern by the mill," said Tom.\n\n"The lantern?"\n\n"Yes."\n';
    const chain = chainOf(
      firstConversation(text),
      densify({ emission: {}, transition: { 'same-when-echo': -2 } }),
    );
    assert.deepEqual(
      [1, 2].map((i) => chain.same(i)),
      [-2, 0],
    );
  });
});

describe('attribution: the subject of the narration between two turns', () => {
  /** Per turn of the first conversation, the name of the narration subject before it, or ''. */
  function subjects(text: string): string[] {
    const doc = createEngine({ until: 'coref', characters: CAST }).process(sourceOf(text));
    const characters = doc.layer('characters');
    const conv = prepareConversations(doc)[0]!;
    return [...conv.narrationSubject].map((c) => (c >= 0 ? characters[c]!.name : ''));
  }

  it('reads a named subject, the owner of a subject, and none in a run of speech', () => {
    const text =
      '"We must leave before dark," said Tom.\n\nAnn walked slowly to the window.\n\n"I will not go."\n\n' +
      'Tom\'s face grew red.\n\n"You will do as I say."\n\n"Never."\n';
    assert.deepEqual(subjects(text), ['', 'Ann Hale', 'Tom Barker', '']);
  });

  it("leaves out the turns' own tags and reads the last sentence only", () => {
    const text =
      '"Where is the key?" asked Will.\n\nThere was a long pause. Tom looked at the door.\n\n' +
      '"I lost it," he said.\n\n"You lost it?" said Will.\n\nTom looked at the door. There was a long pause.\n\n' +
      '"I did."\n';
    assert.deepEqual(subjects(text), ['', 'Tom Barker', '', '']);
  });

  it('not a name governed by a verb or a preposition ("looked at Ann\'s face")', () => {
    const text = '"Where is the key?" asked Will.\n\nTom looked at Ann\'s hands. \n\n"Here," she said.\n';
    assert.deepEqual(subjects(text), ['', 'Tom Barker']);
  });

  it('not the owner of a person ("Ann\'s mother came in"), nor a when-clause\'s subject', () => {
    const text =
      '"Where is the key?" asked Tom.\n\nAnn\'s mother came into the room.\n\n"Here it is."\n\n' +
      '"Thank you," said Tom.\n\nWhen Tom had gone to the door, Ann turned to the window.\n\n"Go, then."\n';
    assert.deepEqual(subjects(text), ['', '', '', 'Ann Hale']);
  });

  it('marks the subject as a candidate speaker of the next turn (narration-subject)', () => {
    const text =
      '"We must leave before dark," said Tom.\n\nAnn walked slowly to the window.\n\n"I will not go."\n\n' +
      '"You will."\n';
    assert.deepEqual(carriersByTurn(text, 'narration-subject'), [[], ['Ann Hale'], []]);
  });

  it('weighs the previous voice going on apart when the subject is that speaker or another', () => {
    const text =
      '"We must leave before dark," said Tom.\n\nAnn walked slowly to the window.\n\n"I will not go."\n\n' +
      '"Come, come."\n';
    const conv = firstConversation(text);
    const chain = chainOf(
      conv,
      densify({
        emission: {},
        transition: { 'same-when-subject-other': -1, 'same-when-subject-previous': 2 },
      }),
    );
    const ann = conv.candidates.indexOf(1);
    const tom = conv.candidates.indexOf(0);
    // Turn 1: Ann is the subject. Tom going on: -1 (another's subject); Ann going on: +2.
    assert.equal(chain.same(1) + (chain.stay?.(1, tom) ?? 0), -1);
    assert.equal(chain.same(1) + (chain.stay?.(1, ann) ?? 0), 2);
    // Turn 2: no narration between, neither applies.
    assert.equal(chain.same(2) + (chain.stay?.(2, ann) ?? 0), 0);
  });
});

describe('attribution: the kind of verb the narration subject governs', () => {
  it('reads acting, watching and other verbs (after an auxiliary, the verb it carries)', () => {
    const text =
      '"We must leave before dark," said Tom.\n\nAnn turned to him.\n\n"I will not go."\n\n' +
      'Tom looked at her thoughtfully.\n\n"Then stay."\n\nAnn was silent.\n\n"Well?"\n\n' +
      'Tom was smiling now.\n\n"Go, then."\n\nAnn nodded.\n\n"I shall."\n';
    assert.deepEqual([...firstConversation(text).subjectVerb], [0, 1, 2, 0, 1, 2]);
  });

  it('marks the subject who acts or watches before an untagged turn, not before a tagged one', () => {
    const text =
      '"We must leave before dark," said Tom.\n\nAnn turned to the window.\n\n"I will not go."\n\n' +
      'Tom stared at the fire.\n\n"Nor I."\n\nAnn rose from her chair.\n\n"Then we stay," said Tom.\n';
    assert.deepEqual(carriersByTurn(text, 'narration-subject-acting-uncued'), [[], ['Ann Hale'], [], []]);
    assert.deepEqual(carriersByTurn(text, 'narration-subject-watching-uncued'), [[], [], ['Tom Barker'], []]);
  });

  it("adds the verb's weight to another's subject going on, untagged only", () => {
    const text =
      '"We must leave before dark," said Tom.\n\nAnn turned to the window.\n\n"I will not go."\n\n' +
      '"Come, come."\n\nAnn rose from her chair.\n\n"Then we stay," said Tom.\n';
    const conv = firstConversation(text);
    const chain = chainOf(
      conv,
      densify({
        emission: {},
        transition: { 'same-when-subject-other-acting-uncued': -1.5, 'same-when-subject-previous': 2 },
      }),
    );
    const ann = conv.candidates.indexOf(1);
    const tom = conv.candidates.indexOf(0);
    // Turn 1: Tom going on after Ann turned: -1.5; Ann going on: only the subject's own weight.
    assert.equal(chain.same(1) + (chain.stay?.(1, tom) ?? 0), -1.5);
    assert.equal(chain.same(1) + (chain.stay?.(1, ann) ?? 0), 2);
    // Turn 3 is tagged: the verb's weight does not apply.
    assert.equal(chain.same(3) + (chain.stay?.(3, ann) ?? 0), 2);
    assert.equal(chain.same(3) + (chain.stay?.(3, tom) ?? 0), 0);
  });
});

describe('attribution: a first-person narrator in the dialogue', () => {
  // The narrator is detected from the first-person narration; the cast given is theirs.
  const cast = [
    { id: 0, name: 'Pip Carver', aliases: ['Pip', '_narr'], gender: 'M' },
    { id: 1, name: 'Joe Gargery', aliases: ['Joe'], gender: 'M' },
    { id: 2, name: 'Ann Hale', aliases: ['Ann'], gender: 'F' },
  ];

  it('marks the narrator on an untagged turn after a turn tagged with someone else', () => {
    const text =
      'I met Joe and Ann at the gate.\n\n"You are late," Joe said.\n\n"The road was wet."\n\n' +
      '"Never mind," I said.\n\n"Shall we go in?"\n';
    // Turn 1 follows Joe's tag; turn 3 follows the narrator's own "I said"; turns 0 and 2 are tagged.
    assert.deepEqual(carriersByTurn(text, 'narrator-uncued-after-other-tag', cast), [
      [],
      ['Pip Carver'],
      [],
      [],
    ]);
  });

  it('counts "I" in the narration as a mention of the narrator', () => {
    const text =
      'Joe came in from the yard.\n\n"It is cold," Joe said.\n\nI put more wood on the fire.\n\n"Better?"\n';
    // The narration just before turn 1 says "I": the narrator is mentioned there, as Joe is by name
    // before turn 0.
    const byTurn = carriersByTurn(text, 'mention-1-2-back', cast);
    assert.ok(byTurn[1]!.includes('Pip Carver'), JSON.stringify(byTurn));
  });
});

describe('attribution: merging sorted paragraph lists', () => {
  it('keeps the union sorted, each paragraph once', () => {
    const merged = mergeSorted(Int32Array.from([1, 4, 9]), Int32Array.from([0, 4, 5, 12]));
    assert.deepEqual([...merged], [0, 1, 4, 5, 9, 12]);
    assert.deepEqual([...mergeSorted(new Int32Array(0), Int32Array.from([3]))], [3]);
  });
});

describe('attribution: a beat before the quotation in its own paragraph', () => {
  const cast = [...CAST, { id: 3, name: 'Mary Lowe', aliases: ['Mary'], gender: 'F' }];
  const text =
    'Ann sat by the window. Mary turned the kettle on the stove.\n\n' +
    '"I did not write enough," she whispered.\n\n' +
    '"No," said Ann, "and nor did he."\n\n' +
    'Ann got up, buttoned her coat and lifted the umbrella off the floor. "Eat that pie while it is hot, love."\n';

  it('marks the turn whose first cue is such a beat, and no other', () => {
    const conv = prepareConversations(
      createEngine({ until: 'coref', characters: cast }).process(sourceOf(text)),
    )[0]!;
    assert.deepEqual(Array.from(conv.preBeat), [0, 0, 1]);
  });

  it("weighs the one who just spoke going on, as the beat's subject, by its own weight", () => {
    const doc = createEngine({ until: 'coref', characters: cast }).process(sourceOf(text));
    const conv = prepareConversations(doc)[0]!;
    const ann = conv.candidates.indexOf(doc.layer('characters').findIndex((c) => c.name === 'Ann Hale'));
    const chain = chainOf(
      conv,
      densify({ emission: {}, transition: { 'same-when-subject-previous-pre-beat': 1 } }),
    );
    assert.equal(chain.stay?.(2, ann), 1);
    assert.equal(chain.stay?.(1, ann) ?? 0, 0);
  });
});

describe('attribution: how sure coref was of a tag pronoun', () => {
  it('marks the pick as unsure, and the runner-up, when two men were of near salience', () => {
    const text = 'Will came in. Will sat down. Tom smiled.\n\n"It is late," he said.\n';
    assert.deepEqual(carriersByTurn(text, 'tag-pronoun-coref'), [['Tom Barker']]);
    assert.deepEqual(carriersByTurn(text, 'tag-pronoun-coref-unsure'), [['Tom Barker']]);
    assert.deepEqual(carriersByTurn(text, 'tag-pronoun-coref-runner-up'), [['Will Stone']]);
    assert.deepEqual(carriersByTurn(text, 'tag-pronoun-coref-alone'), [[]]);
  });

  it('marks the runner-up but not an unsure pick when the pick is twice as salient', () => {
    const text = 'Tom sat down with Will.\n\n"It is late," he said.\n';
    assert.deepEqual(carriersByTurn(text, 'tag-pronoun-coref-unsure'), [[]]);
    assert.deepEqual(carriersByTurn(text, 'tag-pronoun-coref-runner-up'), [['Will Stone']]);
  });

  it('marks the pick as alone when no other man was salient', () => {
    const text = 'Tom sat down with Ann.\n\n"It is late," he said.\n';
    assert.deepEqual(carriersByTurn(text, 'tag-pronoun-coref-alone'), [['Tom Barker']]);
    assert.deepEqual(carriersByTurn(text, 'tag-pronoun-coref-runner-up'), [[]]);
  });
});
