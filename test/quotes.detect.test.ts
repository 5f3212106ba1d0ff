/**
 * Quotation detection: marks, apostrophes, nesting, interruptions, multi-paragraph quotations,
 * dash dialogue, guillemets, German marks and recovery from stray marks. Every sentence here is
 * the project's own.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { StoryDocument } from '../src/engine/document.js';
import { OffsetMap } from '../src/engine/offsets.js';
import type { Message, Quotation, SourceText } from '../src/engine/types.js';
import { normalise } from '../src/ingest/index.js';
import { findQuotations, lineBreaksOf } from '../src/stages/quotes/detect.js';
import { quotesStage } from '../src/stages/quotes/index.js';
import type { QuoteStyle } from '../src/stages/quotes/style.js';
import { segmentStage } from '../src/stages/segment/index.js';

interface Found {
  quotes: Quotation[];
  messages: Message[];
  /** The text of every span, per quotation. */
  texts: string[][];
  parents: (string | undefined)[];
}

/** Runs segment and quotes on `text` (paragraphs separated by "\n"). */
function detect(text: string, style?: QuoteStyle): Found {
  const source: SourceText = {
    name: 'test.txt',
    format: 'txt',
    encoding: 'utf-8',
    text,
    meta: {},
    structure: { chapters: [], breaks: [] },
    messages: [],
  };
  const doc = new StoryDocument(source, text, OffsetMap.identity(text.length), {
    start: 0,
    end: text.length,
  });
  const { paragraphs, sentences, tokens } = segmentStage.run(doc, {});
  doc.attach('paragraphs', paragraphs);
  doc.attach('sentences', sentences);
  doc.attach('tokens', tokens);
  if (style) {
    const d = findQuotations(text, paragraphs, { style });
    return { ...d, texts: d.quotes.map((q) => q.spans.map(([s, e]) => text.slice(s, e))) };
  }
  const { quotes } = quotesStage.run(doc, {});
  const { parents } = findQuotations(text, paragraphs);
  return {
    quotes,
    messages: doc.messages,
    texts: quotes.map((q) => q.spans.map(([s, e]) => text.slice(s, e))),
    parents,
  };
}

/** Spans of the top-level quotations only. */
function topLevel(found: Found): string[][] {
  return found.texts.filter((_, k) => found.parents[k] === undefined);
}

/** Paragraphs opening with single marks make a document use single-quote dialogue. */
const BRITISH_PREAMBLE =
  "'Good morning,' said Ned.\n'Good morning to you,' said Ivy.\n'Fine weather,' said Ned.\n";

describe('quotes: double marks', () => {
  const cases: [string, string[][]][] = [
    ['"Come in," said Marta.', [['Come in,']]],
    ['\u201cCome in,\u201d said Marta.', [['Come in,']]],
    ['Marta opened the door. "Come in. The kettle is on."', [['Come in. The kettle is on.']]],
    ['"Come in," said Marta. \u201cThe kettle is on.\u201d', [['Come in,', 'The kettle is on.']]],
    ['She said nothing at all.', []],
  ];
  for (const [text, expected] of cases) {
    it(`quotes: ${JSON.stringify(text)} has the quotations ${JSON.stringify(expected)}`, () => {
      assert.deepEqual(detect(text).texts, expected);
    });
  }

  it('quotes: an interrupted quotation is one quotation with two spans', () => {
    const found = detect('"Look," she said, "I\'m here."');
    assert.equal(found.quotes.length, 1);
    assert.deepEqual(found.texts[0], ['Look,', "I'm here."]);
    assert.equal(found.quotes[0]!.mark, 'double');
    assert.equal(found.quotes[0]!.kind, 'speech');
  });

  it('quotes: two utterances divided by a sentence of narration are two quotations', () => {
    const found = detect('"I give up." Tom put the map away. "We walk home."');
    assert.deepEqual(found.texts, [['I give up.'], ['We walk home.']]);
  });

  it("quotes: a piece after a determiner or preposition is the narrator's, not speech resumed after a tag", () => {
    const found = detect(
      '"There was nothing there!" said Tom, his voice rising into a shriek at the "there."',
    );
    assert.deepEqual(found.texts, [['There was nothing there!'], ['there.']]);
    assert.deepEqual(
      found.quotes.map((q) => q.kind),
      ['speech', 'mention'],
    );
  });

  it('quotes: a tag opening with a conjunction or an "as if to say" parts two quotations', () => {
    const found = detect(
      'Tom must have said that "now the guests were come, he was not wanted;" for Ann was replying softly, "That is no reason at all."',
    );
    assert.deepEqual(found.texts, [
      ['now the guests were come, he was not wanted;'],
      ['That is no reason at all.'],
    ]);
    assert.deepEqual(
      found.quotes.map((q) => q.kind),
      ['reported', 'speech'],
    );
    const look = detect('"Perhaps," she said, and shrugged, as if to say, "Who could tell what he meant?"');
    assert.deepEqual(look.texts, [['Perhaps,'], ['Who could tell what he meant?']]);
    assert.deepEqual(
      look.quotes.map((q) => q.kind),
      ['speech', 'imagined'],
    );
    // A piece that is itself the object of a preposition or determiner takes no tag after it.
    const charged = detect(
      'He stood charged with "The Wilful Murder of Agnes Brown," and pleaded "Not Guilty."',
    );
    assert.deepEqual(charged.texts, [['The Wilful Murder of Agnes Brown,'], ['Not Guilty.']]);
    assert.equal(charged.quotes[0]!.kind, 'mention');
    // Words never said, then the words said instead, are two quotations.
    const instead = detect(
      'It was on his lips to exclaim: "My poor child!" Instead, he answered, in a calm voice: "Society here is a small world."',
    );
    assert.deepEqual(instead.texts, [['My poor child!'], ['Society here is a small world.']]);
    assert.deepEqual(
      instead.quotes.map((q) => q.kind),
      ['imagined', 'speech'],
    );
    const adding = detect('"Catch cold!" he echoed; and he felt like adding: "But I am frozen already."');
    assert.deepEqual(
      adding.quotes.map((q) => q.kind),
      ['speech', 'imagined'],
    );
    // A tag with a modal is still a tag between one speaker's words.
    const would = detect('"Now, children," she would say, "the lamps must be lit before dark."');
    assert.equal(would.quotes.length, 1);
    // Words after `almost said` in the narration never came.
    const almost = detect('"You are so," said Kate, smiling, "so " She had almost said "proud."');
    assert.deepEqual(almost.texts, [['You are so,', 'so'], ['proud.']]);
    assert.equal(almost.quotes[1]!.kind, 'imagined');
  });

  it('quotes: a quotation the narration names or calls something is not the tagged speech going on', () => {
    const named = detect(
      '"Speak up for the men," said Mr. Pike in a jolly way, for he was fond of calling himself "a plain man." He sat down.',
    );
    assert.deepEqual(named.texts, [['Speak up for the men,'], ['a plain man.']]);
    assert.equal(named.quotes[1]!.kind, 'mention');
    const called = detect(
      '"May I ask," he began, and his answers spoke for someone called "us." Nobody knew who.',
    );
    assert.deepEqual(called.texts, [['May I ask,'], ['us.']]);
    // After the tag's subject or a conjunction the words go on as speech.
    assert.equal(detect('"Go to bed," said the old man, and "Shut the door."').quotes.length, 1);
    assert.equal(detect('"Look," said he "there is the boat."').quotes.length, 1);
    assert.equal(detect('"A fine fellow," said Mr. Cole afterwards "He will do well."').quotes.length, 1);
    assert.equal(detect('"You know" he smiled broadly "that I was right."').quotes.length, 1);
  });

  it('quotes: spans leave out the marks and the spaces inside them', () => {
    const text = '" Wait for me , " she called.';
    const [[s, e]] = detect(text).quotes[0]!.spans as [[number, number]];
    assert.equal(text.slice(s, e), 'Wait for me ,');
  });

  it('quotes: ids run Q0, Q1 … in text order with paragraph indices', () => {
    const found = detect('"One," said Ann.\nBen nodded.\n"Two," said Ben.');
    assert.deepEqual(
      found.quotes.map((q) => [q.id, q.paragraph, q.paragraphEnd]),
      [
        ['Q0', 0, 0],
        ['Q1', 2, 2],
      ],
    );
  });

  it('quotes: a bracketed stage direction inside speech is left out of its spans', () => {
    const found = detect('"Well, (smiling at the boy,) I hope you are hungry."');
    assert.deepEqual(found.texts, [['Well,', 'I hope you are hungry.']]);
    // How or when the words were said: `(rather slowly)`, `(as soon as she came in)`.
    assert.deepEqual(detect('"Yes--(rather slowly)--I think I do."').texts, [['Yes--', '--I think I do.']]);
    assert.deepEqual(detect('"So kind of you!--(as soon as she was in the hall)--No rain at all."').texts, [
      ['So kind of you!--', '--No rain at all.'],
    ]);
    // The speaker's own aside stays: `(most kindly!)`, `(comparatively speaking)`, `(quite frankly)`,
    // `(as soon as I can)`.
    assert.deepEqual(detect('"I think (quite frankly) that you are wrong."').texts, [
      ['I think (quite frankly) that you are wrong.'],
    ]);
    assert.deepEqual(detect('"It was (most certainly) a mistake."').texts, [
      ['It was (most certainly) a mistake.'],
    ]);
    assert.deepEqual(detect('"I will come (as soon as I can) to see you."').texts, [
      ['I will come (as soon as I can) to see you.'],
    ]);
    assert.deepEqual(detect('"She means (most kindly!) to warn me."').texts, [
      ['She means (most kindly!) to warn me.'],
    ]);
  });

  it('quotes: the paragraph before does not keep an interrupted quotation in pieces', () => {
    // A heading ending `A` or a line ending `the` is no determiner of the quotation after it.
    for (const before of ['Part A', 'Notes on the'])
      assert.deepEqual(detect(`${before}\n\n"Come in," she said, "and sit down."`).texts, [
        ['Come in,', 'and sit down.'],
      ]);
  });

  it("quotes: an audience's noise in brackets (`(loud cheers)`) is left out of the speech", () => {
    const found = detect(
      '"We have waited long enough (loud and prolonged cheering) and we shall wait no more."',
    );
    assert.deepEqual(found.texts, [['We have waited long enough', 'and we shall wait no more.']]);
    const aside = detect('"My aunt (the kind one) sent the cheers of the whole village."');
    assert.deepEqual(aside.texts, [['My aunt (the kind one) sent the cheers of the whole village.']]);
  });

  it('quotes: punctuation left between cut-out parts is no span of its own', () => {
    const found = detect('"We shall stand firm to the last (cheers)."');
    assert.deepEqual(found.texts, [['We shall stand firm to the last']]);
    const nested = detect(
      "\"Then she put her head round the door: 'Is he here yet?'--'No, not yet, ma'am,' I told her, and she went off again.\"",
    );
    assert.deepEqual(nested.texts[0], [
      'Then she put her head round the door:',
      'I told her, and she went off again.',
    ]);
  });
});

describe('quotes: single marks and apostrophes', () => {
  const cases: [string, string][] = [
    ["'I don't think 'tis wise,' said Tom.", "I don't think 'tis wise,"],
    ["'We met the Joneses' dog on the lane,' said Tom.", "We met the Joneses' dog on the lane,"],
    ["'Play some rock 'n' roll for us,' said Tom.", "Play some rock 'n' roll for us,"],
    ["'I was goin' home when it rained,' said Tom.", "I was goin' home when it rained,"],
    ["'Back in '99 we had snow,' said Tom.", "Back in '99 we had snow,"],
    ["'The boys' coats are wet,' said Tom.", "The boys' coats are wet,"],
    // The opening mark directly before an elided word: both marks have no word before them.
    ["''Twas a cold night for it,' said Tom.", "'Twas a cold night for it,"],
    ["''em that can, will,' said Tom.", "'em that can, will,"],
  ];
  for (const [line, expected] of cases) {
    it(`quotes: an apostrophe inside single-quoted dialogue does not close it: ${JSON.stringify(line)}`, () => {
      const found = detect(BRITISH_PREAMBLE + line);
      assert.deepEqual(found.texts.at(-1), [expected]);
      assert.equal(found.quotes.at(-1)!.mark, 'single');
      // Read as an apostrophe, the mark is no stray quotation mark to warn about.
      assert.deepEqual(
        found.messages.filter((m) => m.code === 'quotes/stray'),
        [],
      );
    });
  }

  it('quotes: two single-quoted lines and no double mark anywhere are single-quoted dialogue', () => {
    const found = detect("'Drink that,' said Tom.\n'Thank you,' said Ivy.");
    assert.deepEqual(found.texts, [['Drink that,'], ['Thank you,']]);
    assert.ok(found.quotes.every((q) => q.mark === 'single'));
    // With a double mark in the text, two single-mark lines are still too few to decide on.
    const mixed = detect("'Drink that,' said Tom.\n'Thank you,' said Ivy of the \"tea\".");
    assert.deepEqual(mixed.texts, [['tea']]);
  });

  it('quotes: a short story whose single marks open no paragraph is still single-quoted', () => {
    // One paragraph of narration with the dialogue inside it, and one bottle labelled in doubles.
    const text =
      'Nell stopped at the gate and heard the gardener mutter to himself, \u2018Late again, and the frost coming.\u2019 She laughed. \u2018Not so late,\u2019 she called, \u2018and I brought the seed.\u2019 He only said, \u2018Put it in the shed.\u2019 On the shelf stood a jar marked "lime" and nothing else.';
    const found = detect(text);
    const pieces = found.quotes.flatMap((q, k) => (q.mark === 'single' ? found.texts[k]! : []));
    assert.deepEqual(pieces, [
      'Late again, and the frost coming.',
      'Not so late,',
      'and I brought the seed.',
      'Put it in the shed.',
    ]);
  });

  it('quotes: apostrophes in narration open nothing in a single-quote document', () => {
    const found = detect(
      `${BRITISH_PREAMBLE}It was the Joneses' cat, and 'tis said it ran off with Tom's hat.`,
    );
    assert.equal(found.quotes.length, 3);
  });

  it('quotes: double marks nest inside single-quote dialogue', () => {
    const found = detect(
      `${BRITISH_PREAMBLE}'He wrote "come at once and bring the lamp" on the door,' said Ivy.`,
    );
    assert.deepEqual(topLevel(found).at(-1), ['He wrote', 'on the door,']);
    const nested = found.quotes.at(-1)!;
    assert.equal(nested.mark, 'double');
    assert.deepEqual(found.texts.at(-1), ['come at once and bring the lamp']);
  });

  it('quotes: apostrophes in double-quoted speech are not nested quotations', () => {
    const found = detect("\"I can't find the Smiths' key, and 'tis late,\" she said.");
    assert.deepEqual(found.texts, [["I can't find the Smiths' key, and 'tis late,"]]);
  });
});

describe('quotes: nesting', () => {
  it('quotes: a quotation nested in speech is cut out of it and kept as its own quotation', () => {
    const found = detect('"He told me, \'Go home and stay there,\' and then he left," said Ann.');
    assert.deepEqual(topLevel(found), [['He told me,', 'and then he left,']]);
    assert.equal(found.quotes.length, 2);
    assert.deepEqual(found.texts[1], ['Go home and stay there,']);
    assert.equal(found.quotes[1]!.mark, 'single');
    assert.equal(found.parents[1], found.quotes[0]!.id);
  });

  it('quotes: a quotation nested at the very end of speech stays inside it, and is still its own quotation', () => {
    const found = detect(
      '"So I went straight up to him and said, \'You will not do that again.\'" Ann laughed.',
    );
    assert.deepEqual(topLevel(found), [
      ["So I went straight up to him and said, 'You will not do that again.'"],
    ]);
    assert.deepEqual(found.texts[1], ['You will not do that again.']);
    assert.equal(found.parents[1], found.quotes[0]!.id);
  });

  it('quotes: a nested quotation that is the whole of the speech is not folded into it', () => {
    const found = detect('"\'Never again,\' was all he wrote." Ann put the card down.');
    assert.ok(found.texts.some((t) => t.join(' ') === 'Never again,'));
  });

  it('quotes: a word or two quoted inside speech stays part of it', () => {
    const found = detect('"Do you remember the word \u2018rent\u2019?" asked Ann.');
    assert.deepEqual(topLevel(found), [['Do you remember the word \u2018rent\u2019?']]);
    assert.equal(found.quotes[1]!.kind, 'mention');
  });

  it('quotes: a word or two with a speech tag of its own is a retold turn, cut out of the speech', () => {
    const found = detect(
      '"And then the boy came in. \u2018Oh!\u2019 said he, \u2018I can mend that for you.\u2019 So kind," said Ann.',
    );
    assert.deepEqual(topLevel(found), [['And then the boy came in.', 'said he,', 'So kind,']]);
    assert.ok(found.texts.some((t) => t.join(' ') === 'Oh!'));
  });

  it('quotes: words only imagined inside speech stay part of it', () => {
    const found = detect(
      '"When they tease me I can only say, \u2018Wait until you are married yourselves,\u2019 and laugh," said Ann.',
    );
    assert.deepEqual(topLevel(found), [
      ['When they tease me I can only say, \u2018Wait until you are married yourselves,\u2019 and laugh,'],
    ]);
    // Words someone did say are cut out.
    const said = detect(
      '"When they teased me I said, \u2018Wait until you are married yourselves,\u2019 and laughed," said Ann.',
    );
    assert.deepEqual(topLevel(said), [['When they teased me I said,', 'and laughed,']]);
  });

  it('quotes: a title quoted inside speech stays part of it', () => {
    const found = detect(
      '"On Friday I mean to recite \u2018The Wreck of the Silver Gull\u2019 for the whole school," said Ann.',
    );
    assert.deepEqual(topLevel(found), [
      ['On Friday I mean to recite \u2018The Wreck of the Silver Gull\u2019 for the whole school,'],
    ]);
  });

  it('quotes: a straight-quoted lower-case word inside speech is left alone, as dialect apostrophes are', () => {
    const found = detect('"Do you remember the word \'rent\'?" asked Ann.');
    assert.deepEqual(found.texts, [["Do you remember the word 'rent'?"]]);
  });
});

describe('quotes: multi-paragraph quotations', () => {
  it('quotes: a quotation without a closing mark continues when the next paragraph opens with a mark', () => {
    const text = '"It began in the spring, when the river rose.\n"By June the mill was gone."\nNobody spoke.';
    const found = detect(text);
    assert.equal(found.quotes.length, 1);
    assert.deepEqual(found.texts[0], [
      'It began in the spring, when the river rose.',
      'By June the mill was gone.',
    ]);
    assert.equal(found.quotes[0]!.paragraph, 0);
    assert.equal(found.quotes[0]!.paragraphEnd, 1);
    assert.equal(found.messages.length, 0);
  });

  it('quotes: a stanza set out line by line is one recited quotation, closed on its last line', () => {
    const text = [
      'The old ferryman sang as he rowed:',
      '"Slow goes the river, slow goes the tide,',
      '    Down to the harbour where the gulls ride;',
      'Slow goes the ferry, and slow go I,',
      '    Home to the cottage when the sun is high."',
      '"Do you know another?" asked Ruth.',
    ].join('\n');
    const found = detect(text);
    assert.deepEqual(found.texts, [
      [
        'Slow goes the river, slow goes the tide,',
        'Down to the harbour where the gulls ride;',
        'Slow goes the ferry, and slow go I,',
        'Home to the cottage when the sun is high.',
      ],
      ['Do you know another?'],
    ]);
    assert.equal(found.quotes[0]!.kind, 'written');
    assert.equal(found.quotes[0]!.paragraphEnd, 4);
    assert.equal(found.quotes[1]!.kind, 'speech');
    assert.equal(found.messages.length, 0);
  });

  it('quotes: a verse begun after a speech tag makes the whole quotation recited', () => {
    const text = [
      '"Cold is the morning," the boy began, "and grey is the sky,',
      'And far is the road to the town."',
    ].join('\n');
    const found = detect(text);
    assert.equal(found.quotes.length, 1);
    assert.equal(found.quotes[0]!.kind, 'written');
  });

  it('quotes: a stanza kept in one paragraph, its lines opening with capitals, is recited', () => {
    // As in a hard-wrapped text file: ingest joins each paragraph's lines, and the quotations of
    // one whose lines read as verse (capitals, an indented line) are recited, not said.
    const kindsOf = (raw: string): Quotation['kind'][] => {
      const source: SourceText = {
        name: 'test.txt',
        format: 'txt',
        encoding: 'utf-8',
        text: raw,
        meta: {},
        structure: { chapters: [], breaks: [] },
        messages: [],
      };
      const n = normalise(source);
      const doc = new StoryDocument(source, n.text, n.map, n.body);
      const { paragraphs } = segmentStage.run(doc, {});
      return findQuotations(doc.text, paragraphs, { lineBreakAt: lineBreaksOf(doc) }).quotes.map(
        (q) => q.kind,
      );
    };
    const lead =
      'Jenny sat down on the low stool by the\nwindow, folded her hands in her lap, and\nbegan to say her piece for the teacher:--\n\n';
    const after = '\n\n"That is not said right," said the teacher,\nand she shook her head at the girl.';
    const verse =
      '"You are late," the farmer cried,\n    "And the hay is wet with dew;\nAnd yet you stand here at the gate--\n    Pray, what is wrong with you?"';
    assert.deepEqual(kindsOf(lead + verse + after), ['written', 'speech']);
    // Wrapped prose fills its lines and opens most of them in lower case: speech.
    const prose =
      '"If I am stupid, take me back to the shops. I will even live in\nTown if you like. I will live anywhere except the coast, or\nWales, or the fens. I am quite sure there is no other place\nThat would suit me half so well."';
    assert.deepEqual(kindsOf(lead + prose + after), ['speech', 'speech']);
  });

  it('quotes: an unclosed short line followed by lower-case prose lines is no stanza', () => {
    const text = ['"Who was that at the door?', 'she asked, but nobody answered her."', 'Tom shrugged.'].join(
      '\n',
    );
    const found = detect(text);
    assert.equal(found.quotes[0]!.kind, 'speech');
    assert.deepEqual(found.texts[0], ['Who was that at the door?']);
  });
});

describe('quotes: unbalanced marks', () => {
  it('quotes: an unclosed mark is reported and the next paragraph is read afresh', () => {
    const text = 'He shouted "stop and then fell silent.\nLater she said, "I saw it all." Then she left.';
    const found = detect(text);
    assert.ok(found.messages.some((m) => m.code === 'quotes/unclosed' && m.stage === 'quotes'));
    assert.deepEqual(found.texts.at(-1), ['I saw it all.']);
    assert.equal(found.quotes.at(-1)!.paragraph, 1);
  });

  it('quotes: one stray mark does not flip the quotations after it', () => {
    const text = 'The shelf was 12" wide and we filled it.\n"Hello," she said.\n"Hello yourself," said Tom.';
    const found = detect(text);
    assert.deepEqual(found.texts.slice(-2), [['Hello,'], ['Hello yourself,']]);
  });

  it('quotes: a quotation left open inside a paragraph ends where the next one opens', () => {
    const text = 'He waved. "Come back here, she called after him. "Now."';
    const found = detect(text);
    assert.deepEqual(found.texts, [['Come back here, she called after him.'], ['Now.']]);
    assert.ok(found.messages.some((m) => m.code === 'quotes/unclosed'));
  });
});

describe('quotes: other conventions', () => {
  it('quotes: em-dash dialogue runs from the dash to the tag and resumes after it', () => {
    const text = [
      '\u2014Where are you going? \u2014asked Marta\u2014. It is late.',
      '\u2014To the harbour.',
      '\u2014Take the lamp, then.',
      'She watched him go.',
    ].join('\n');
    const found = detect(text);
    assert.deepEqual(found.texts, [
      ['Where are you going?', 'It is late.'],
      ['To the harbour.'],
      ['Take the lamp, then.'],
    ]);
    assert.ok(found.quotes.every((q) => q.mark === 'dash'));
  });

  it('quotes: a tag with no dashes round it ends the dash speech, which goes on after its sentence', () => {
    const text = [
      '\u2014Back to the boat! he said sharply.',
      '\u2014Thanks, old friend, cried Marta warmly. That will do for tonight.',
      '\u2014I went to the shop, and he went home after.',
      'The lamp was out by nine.',
    ].join('\n');
    const found = detect(text);
    assert.deepEqual(found.texts, [
      ['Back to the boat!'],
      ['Thanks, old friend,', 'That will do for tonight.'],
      // "he went" is narration's verb, not a tag: the speech runs on.
      ['I went to the shop, and he went home after.'],
    ]);
  });

  it('quotes: in dash speech, a name with any speech verb after a comma is a tag; "He said" after a full stop is speech', () => {
    const text = [
      '\u2014 Not too sweet, Marguerite agrees, wiping her hands.',
      '\u2014 Right away, we both say.',
      '\u2014 Listen, Pavel, go home and sleep.',
      '\u2014 She says so. She said so last week as well.',
      'The kettle was already cold.',
    ].join('\n');
    const found = detect(text);
    assert.deepEqual(found.texts, [
      ['Not too sweet,'],
      ['Right away,'],
      // "go" is an order to Pavel, not a tag.
      ['Listen, Pavel, go home and sleep.'],
      ['She says so. She said so last week as well.'],
    ]);
  });

  it('quotes: in dash speech, a name and a verb with more words after it go on with the speech', () => {
    const text = [
      '\u2014 Who minds the boy at night?',
      '\u2014 At night, Ines reads to him until he sleeps.',
      '\u2014 Fine, Ines agrees quietly.',
      '\u2014 And in the morning?',
      'The kettle was already cold.',
    ].join('\n');
    const found = detect(text);
    assert.deepEqual(found.texts, [
      ['Who minds the boy at night?'],
      ['At night, Ines reads to him until he sleeps.'],
      ['Fine,'],
      ['And in the morning?'],
    ]);
  });

  it('quotes: guillemets «…» are the marks of a French-style text', () => {
    const text = [
      '\u00abBonjour,\u00bb said Anne, \u00abje suis l\u00e0.\u00bb',
      '\u00ab Entre donc \u00bb, r\u00e9pondit Paul.',
      '\u00abMerci.\u00bb',
    ].join('\n');
    const found = detect(text);
    assert.deepEqual(found.texts, [['Bonjour,', 'je suis l\u00e0.'], ['Entre donc'], ['Merci.']]);
    assert.ok(found.quotes.every((q) => q.mark === 'guillemet'));
  });

  it('quotes: German „…“ marks open low and close high', () => {
    const text = [
      '\u201eKomm herein\u201c, sagte Anna.',
      '\u201eIch bleibe lieber drau\u00dfen\u201c, antwortete Paul.',
      '\u201eWie du willst.\u201c',
    ].join('\n');
    const found = detect(text);
    assert.deepEqual(found.texts, [['Komm herein'], ['Ich bleibe lieber drau\u00dfen'], ['Wie du willst.']]);
    assert.ok(found.quotes.every((q) => q.mark === 'german'));
  });

  it('quotes: where single marks were lost to spaces, double spaces mark the nested quotation', () => {
    const style: QuoteStyle = { primary: 'double', reversedGuillemets: false, lostSingleMarks: true };
    const text = '"Then he said,  Go home and wait for me,  and walked off."';
    const found = detect(text, style);
    assert.deepEqual(found.texts, [['Then he said,', 'and walked off.'], ['Go home and wait for me,']]);
  });

  it('quotes: where only the opening single marks were lost, a run of spaces before a closing mark opens the nested quotation', () => {
    // The apostrophes and closing marks survived (`don't`, `me,'`); each opening mark became spaces.
    const text =
      '"I don\'t know what came over her. She looked up and said,    Go home and wait for me, Tom,\' and then she shut the door in my face."';
    const found = detect(text);
    assert.deepEqual(found.texts, [
      ["I don't know what came over her. She looked up and said,", 'and then she shut the door in my face.'],
      ['Go home and wait for me, Tom,'],
    ]);
    // Spaces with no closing mark after them are only spaces.
    const plain = detect('"It was late   too late, I fear   and so we went home."');
    assert.deepEqual(plain.texts, [['It was late   too late, I fear   and so we went home.']]);
  });
});

describe('quotes: thoughts in italics', () => {
  it('quotes: *…*, she thought and She wondered, _…_ are thoughts; the italic sentence after goes on with one', () => {
    const found = detect(
      [
        '*The kettle is still warm*, Lena thought. *Somebody was here.* She set down her bag.',
        'Outside the rain went on. She wondered, _Where did they go?_',
      ].join('\n'),
    );
    const italics = found.quotes.filter((q) => q.mark === 'italic');
    assert.deepEqual(
      italics.map((q) => found.texts[found.quotes.indexOf(q)]![0]),
      ['The kettle is still warm', 'Somebody was here.', 'Where did they go?'],
    );
    assert.ok(italics.every((q) => q.kind === 'thought'));
  });

  it('quotes: stressed words in italics are no thoughts, even beside "think"', () => {
    const found = detect(
      [
        'I do *not* think the bus will come, Lena thought.',
        'It was _very_ cold, she thought, and nobody came. I *Think* so.',
        '*Tuesday* was market day, he thought.',
      ].join('\n'),
    );
    assert.deepEqual(
      found.quotes.filter((q) => q.mark === 'italic'),
      [],
    );
  });
  it('quotes: text messages in italics with a texting verb are written, lower case and all; the next italics go on with them', () => {
    const found = detect(
      [
        '*where are you,* Dario had texted.',
        '*on the bus,* she typed back. *ten minutes.*',
        'It was *so* late, she texted.',
      ].join('\n'),
    );
    const italics = found.quotes.filter((q) => q.mark === 'italic');
    assert.deepEqual(
      italics.map((q) => [found.texts[found.quotes.indexOf(q)]![0], q.kind]),
      [
        ['where are you,', 'written'],
        ['on the bus,', 'written'],
        ['ten minutes.', 'written'],
      ],
    );
  });

  it('quotes: a stressed word inside a sentence with a texting verb after it is no text message', () => {
    const found = detect(
      [
        'The note was marked *urgent*, so she sent it by courier.',
        'It comes in *blue*, and three types of green.',
        'He had *always*, he wrote, loved the sea.',
        '*Fine*. She sent the file anyway.',
      ].join('\n'),
    );
    assert.deepEqual(
      found.quotes.filter((q) => q.mark === 'italic').map((q) => found.texts[found.quotes.indexOf(q)]![0]),
      [],
    );
  });

  it('quotes: one italic word is a thought when its thinking verb follows at once; "decided" thinks too', () => {
    const found = detect(
      ['*Coward,* he thought.', '*Maybe tomorrow,* Lena decided.', '*Coward* was his word for it.'].join(
        '\n',
      ),
    );
    const italics = found.quotes.filter((q) => q.mark === 'italic');
    assert.deepEqual(
      italics.map((q) => [found.texts[found.quotes.indexOf(q)]![0], q.kind]),
      [
        ['Coward,', 'thought'],
        ['Maybe tomorrow,', 'thought'],
      ],
    );
  });

  it("quotes: italics inside the sentence of a thought's tag are no second thought", () => {
    const found = detect('*I must call her*, Lena thought, and picked up *The Evening Post* once more.\n');
    assert.deepEqual(
      found.quotes.filter((q) => q.mark === 'italic').map((q) => found.texts[found.quotes.indexOf(q)]![0]),
      ['I must call her'],
    );
  });
});
