/**
 * Quotation kinds: speech, thought, reported (indirect speech in quotation marks), imagined (words
 * nobody says in the scene), written (letters, notes, signs) and mention (scare quotes, titles,
 * words used as words). Every sentence here is the project's own.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { StoryDocument } from '../src/engine/document.js';
import { OffsetMap } from '../src/engine/offsets.js';
import type { Quotation, SourceText } from '../src/engine/types.js';
import { findQuotations } from '../src/stages/quotes/detect.js';
import { segmentStage } from '../src/stages/segment/index.js';

function kinds(text: string): [string, Quotation['kind']][] {
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
  const { quotes } = findQuotations(text, segmentStage.run(doc, {}).paragraphs);
  return quotes.map((q) => [q.spans.map(([s, e]) => text.slice(s, e)).join(' | '), q.kind]);
}

describe('quotes: kinds', () => {
  const cases: [string, string, Quotation['kind']][] = [
    ['"Shut the gate," said the farmer.', 'Shut the gate,', 'speech'],
    ['It was a "foreign" novelty, the neighbours agreed.', 'foreign', 'mention'],
    ['He never once used the word "apology" in his life.', 'apology', 'mention'],
    ['She had never heard him say the word "goodbye" aloud.', 'goodbye', 'mention'],
    ['Tom said the phrase "in due course" twice an hour.', 'in due course', 'mention'],
    ['By then it was thought "common" to keep a parrot.', 'common', 'mention'],
    ['They were, as the village said, "proper gentry"; tall and slow.', 'proper gentry', 'mention'],
    ['He said "yes, of course" without looking up.', 'yes, of course', 'speech'],
    ['Tom muttered "damn it" under his breath and went on digging.', 'damn it', 'speech'],
    ['He began "but--" and then stopped.', 'but--', 'speech'],
    ['He never once said the word "sorry."', 'sorry.', 'mention'],
    ['They had supper at the "Bell and Anchor" that night.', 'Bell and Anchor', 'mention'],
    ['She liked the novel called "Evening Tides" best of all.', 'Evening Tides', 'mention'],
    // A cry after `called` is heard, not a name given.
    ['She leaned from the window and called "Robin!" twice.', 'Robin!', 'speech'],
    ['The guard called out "All change here" and walked on.', 'All change here', 'speech'],
    ['"What a strange little man," thought Ruth.', 'What a strange little man,', 'thought'],
    // Words nobody says in the scene: wanted, about to, would have or did not say; what a look meant.
    ['He felt like answering: "Not while I live."', 'Not while I live.', 'imagined'],
    ['It was on the tip of her tongue to ask: "Who sent you?"', 'Who sent you?', 'imagined'],
    ['She was not going to say, "I missed you."', 'I missed you.', 'imagined'],
    ['Nell would have exclaimed, "How lovely!" but she held her peace.', 'How lovely!', 'imagined'],
    ['He could picture the vicar adding: "And bring the children."', 'And bring the children.', 'imagined'],
    ['The old woman nodded, as much as to say, "I told you so."', 'I told you so.', 'imagined'],
    ['Her eyes said: "Not here, not now."', 'Not here, not now.', 'imagined'],
    ['He raised a brow, which she took to mean: "Go on."', 'Go on.', 'imagined'],
    // Words someone did say, however the narrator leads up to them.
    ['He could only say, "I am sorry."', 'I am sorry.', 'speech'],
    ['Lifting her eyes, she said: "Come in."', 'Come in.', 'speech'],
    ['He went so far as to say, "The bridge will fall."', 'The bridge will fall.', 'speech'],
    ['She almost screamed, "Get out!"', 'Get out!', 'speech'],
    ['"I shall never go back there," she said to herself.', 'I shall never go back there,', 'thought'],
    ['The card on the door read: "Closed until Monday."', 'Closed until Monday.', 'written'],
    [
      'He turned the slip over; it contained the words: "Meet me at the bridge."',
      'Meet me at the bridge.',
      'written',
    ],
    // The sentence goes on to say where the words are written.
    [
      'A board hung there. "Rooms to Let, Apply Within" was painted over the door.',
      'Rooms to Let, Apply Within',
      'written',
    ],
    [
      'He unfolded the paper. "Mill Fire Spreads to the Docks" was the heading.',
      'Mill Fire Spreads to the Docks',
      'written',
    ],
    ['"Come in, both of you," was the answer from the kitchen.', 'Come in, both of you,', 'speech'],
    ['He only said "Yes" and went on eating.', 'Yes', 'speech'],
    ['From the yard came a cry of "Fire! Fire!"', 'Fire! Fire!', 'speech'],
    // A title-case phrase inside a sentence names a book, paper or song.
    ['He kept a copy of "The Silent Harbour" by his bed.', 'The Silent Harbour', 'mention'],
    ['She subscribed to "Country Matters," and read little else.', 'Country Matters,', 'mention'],
    ['He hailed her "Your Grace!" from the gate.', 'Your Grace!', 'speech'],
    ['He only said "Good Night" and left.', 'Good Night', 'speech'],
    ['Then "Good Morning" said Tom, and went out.', 'Good Morning', 'speech'],
    // A mention after an ordinary word stays a mention next to speech; a broken-off piece does not.
    [
      'The notes all "regretted the short notice," without the usual plea of a "prior engagement" at all.',
      'prior engagement',
      'mention',
    ],
    ['"We always seem" she paused "to be late."', 'to be late.', 'speech'],
    // Longer words in lower case carrying on the narrator's sentence are woven into it.
    [
      'In her last letter she had asked him to "look in on poor old Martha now and then" while she was away.',
      'look in on poor old Martha now and then',
      'reported',
    ],
    [
      'She had begged him to "write to her every week" before she left.',
      'write to her every week',
      'reported',
    ],
    [
      'The parlour was hung with prints "of the better sort, from a shop in town," and smelt of camphor.',
      'of the better sort, from a shop in town,',
      'reported',
    ],
    // After a verb of speaking, or after another quotation in the paragraph, they are heard.
    [
      'Asked his trade, he had answered "the mending of clocks and watches."',
      'the mending of clocks and watches.',
      'speech',
    ],
    [
      '"Because"--she pulled off her gloves one finger at a time--"because nobody asked me to stay."',
      'because nobody asked me to stay.',
      'speech',
    ],
    // Words that might come, not words said.
    ['He stood on the point of saying to Nell: "I will stay."', 'I will stay.', 'imagined'],
    [
      'Aunt Bea was quite capable of remarking, "You love the curate, yes?" The remark would be unjust.',
      'You love the curate, yes?',
      'imagined',
    ],
    [
      'It was useless to say to him, "And would you come with us?" and hope he would finish it.',
      'And would you come with us?',
      'imagined',
    ],
    [
      'But, instead of saying, "Does that matter much?" he rebelled against it.',
      'Does that matter much?',
      'imagined',
    ],
    ['"So very early!" she was going to exclaim; but she checked herself.', 'So very early!', 'imagined'],
    ['"What we have all made of it," he felt like answering.', 'What we have all made of it,', 'imagined'],
    [
      '"Too bad the breakfast is so early," the groom could fancy Reggie saying.',
      'Too bad the breakfast is so early,',
      'imagined',
    ],
    // What a look or a smile meant, told after the words.
    [
      'Her small smile met his. "Oh, do let us stay to the end," it seemed to say.',
      'Oh, do let us stay to the end,',
      'imagined',
    ],
    // After its own full stop a capitalised pronoun or article opens the narrator's next sentence.
    [
      'Every winter he went to see "The Lamplighter." He thought it the best play in town.',
      'The Lamplighter.',
      'mention',
    ],
    // …but a capitalised pronoun and a verb of speaking or thinking is still a tag (fan fiction's
    // habit), unless the verb has an object.
    ['Tom and Mary sat in the kitchen. "What a mess!" He thought bitterly.', 'What a mess!', 'thought'],
    ['Tom and Mary sat in the kitchen. "Hi!" She said, smiling at him.', 'Hi!', 'speech'],
    ['Tom and Mary sat in the kitchen. "Is it late?" He asked her.', 'Is it late?', 'speech'],
    // A determiner or preposition right before the mark makes the verb after it the narrator's.
    ['Dora, loyal to her "young masters," denied it to the end.', 'young masters,', 'reported'],
    ['The "Dear Little Friend," as he put it, suggested a plan to her.', 'Dear Little Friend,', 'mention'],
    ['Pressed again, Margaret only stammered a "No." and looked away.', 'No.', 'speech'],
    // Titles after verbs of performing, after `entitled,`, with an apostrophe inside.
    ['At the concert Rob recited "The Miller\'s Daughter" with feeling.', "The Miller's Daughter", 'mention'],
    ['The choir sang "Over the Quiet Hills" and the hall fell still.', 'Over the Quiet Hills', 'mention'],
    [
      'She pointed to a print entitled, "Boats at Evening Light," over the stove.',
      'Boats at Evening Light,',
      'mention',
    ],
    [
      'From the top of the wall he sang out "Hurrah for the Reds!" and jumped.',
      'Hurrah for the Reds!',
      'speech',
    ],
    // Texts: a wire; words announced after `these … words` in a sentence about a letter.
    ['Then came a postcard, and at last I got a wire: "Home on Tuesday."', 'Home on Tuesday.', 'written'],
    [
      'Someone had once written him a wild letter, ending with these strange words: "The sea is changed because you crossed it."',
      'The sea is changed because you crossed it.',
      'written',
    ],
    [
      'The second letter came on Monday.\n"Dearest, dearest Nell,--I hardly know how to begin: Tom and I are engaged."',
      'Dearest, dearest Nell,--I hardly know how to begin: Tom and I are engaged.',
      'written',
    ],
    // Indirect speech in marks, opening with the clause it is told in.
    [
      'Mrs. Grey added, "that he could only stay an hour, and would call again in the spring."',
      'that he could only stay an hour, and would call again in the spring.',
      'reported',
    ],
    [
      'She heard a great many particulars; such as, "how the two brothers had met and quarrelled over the mill."',
      'how the two brothers had met and quarrelled over the mill.',
      'reported',
    ],
    // Words that never came: almost said, said without, one of what might be said.
    ['She had almost said "dull." But she smiled instead.', 'dull.', 'imagined'],
    ['He very nearly asked, "Are you still angry?" but the bell rang.', 'Are you still angry?', 'imagined'],
    ['He walked in without saying "Good evening." Nobody looked up.', 'Good evening.', 'imagined'],
    [
      'It hardly mattered whether she said, "I love the sea," or something else.',
      'I love the sea,',
      'imagined',
    ],
    ['It was all very well to say "Be patient," but the rent was due.', 'Be patient,', 'imagined'],
    ['It would have been easy to say: "Stay, then." He did not say it.', 'Stay, then.', 'imagined'],
    // A manner of speaking that tells how loud is no sign the words went unsaid.
    ['Then her aunt almost shrieked, "Not the blue vase!"', 'Not the blue vase!', 'speech'],
    // A direction on a text is written; speaking to someone is speech.
    [
      'He held out a folded paper, addressed: "To the Clerk of the Parish Council." Nobody took it.',
      'To the Clerk of the Parish Council.',
      'written',
    ],
    ['She addressed him: "You are late again."', 'You are late again.', 'speech'],
    [
      'He addressed her in these words: "Madam, the carriage is here."',
      'Madam, the carriage is here.',
      'speech',
    ],
    // A title set after the noun it names; a greeting to someone is speech.
    [
      'The first meeting of his club, "The Friends of the Canal," was held in a barn.',
      'The Friends of the Canal,',
      'mention',
    ],
    ['Tom turned to her, "Good Morning," and smiled.', 'Good Morning,', 'speech'],
    ['At last a telegram, "Home On Tuesday," came from the city.', 'Home On Tuesday,', 'written'],
    // A tag whose speaker is a text: a letter, a note, a newspaper's title in italics.
    [
      'Ned found a scrap on the table. "Do not wait for me," the note ran, "I have gone to the fair."',
      'Do not wait for me,',
      'written',
    ],
    [
      '"Late last night," said the _Gazette_, "a barn was burnt to the ground."',
      'Late last night, | a barn was burnt to the ground.',
      'written',
    ],
    ['"Come in," said the _old_ man, "and sit down."', 'Come in, | and sit down.', 'speech'],
  ];
  for (const [text, quoted, kind] of cases) {
    it(`quotes: "${quoted}" in ${JSON.stringify(text)} is ${kind}`, () => {
      const found = kinds(text).find(([t]) => t === quoted);
      assert.ok(found, `no quotation "${quoted}" in ${JSON.stringify(kinds(text))}`);
      assert.equal(found[1], kind);
    });
  }

  it('quotes: a lead-in about running, a purpose or an ending is no cue for a written text', () => {
    const cases = [
      'A boy in a cap ran lightly across the yard and the cook ran out.\n"Why, Peter, you are late again. Sit down."',
      'Nothing would shake her purpose by any argument of his.\n"You need not look so grim, Nell; I only asked."',
      'Another silence followed, and it ended thus.\n"Tom, I must go home. Can we not leave to-morrow?"',
    ];
    for (const text of cases) assert.deepEqual(kinds(text).at(-1)?.[1], 'speech', text);
    // The wording of a text still is: `the note ran:`.
    assert.deepEqual(
      kinds('He unfolded the paper, which ran:\n"Come at once. Bring the map."').at(-1)?.[1],
      'written',
    );
  });

  it('quotes: a text named as a note before the quotation is written, not a speaker noting', () => {
    assert.deepEqual(kinds('The answer came in a short note: "Cannot come. Sorry."').at(-1)?.[1], 'written');
  });

  it('quotes: a word in capitals shouted alone is speech, not a signature', () => {
    const found = kinds('"They will build an empire on it."\n"EMPIRE!"\n"Well, a small one."');
    assert.deepEqual(
      found.map(([, kind]) => kind),
      ['speech', 'speech', 'speech'],
    );
  });

  it('quotes: a letter quoted in full is written, salutation to signature', () => {
    const text = [
      'The letter came on Tuesday. She opened it and read:',
      '"Dear Ruth,',
      '"The roof is mended and the hens are laying again. Come home when you can.',
      '"Your loving brother,',
      '"TOM."',
      'She folded it away.',
      '"Good news?" asked her aunt.',
    ].join('\n');
    const found = kinds(text);
    assert.ok(found.length >= 2);
    for (const [t, kind] of found.slice(0, -1)) assert.equal(kind, 'written', t);
    assert.deepEqual(found.at(-1), ['Good news?', 'speech']);
  });

  it('quotes: a one-paragraph letter whose closing formula ends with a comma is signed in the next paragraph', () => {
    const text = [
      'The note was short.',
      '"Dear Tom,--The boat leaves at six and I shall be on it whatever the weather, so keep the lamp lit at the end of the pier for me. Yours ever,"',
      '"Nell."',
      '"She always did sign like that," said Tom.',
    ].join('\n');
    assert.deepEqual(
      kinds(text).map(([, kind]) => kind),
      ['written', 'written', 'speech'],
    );
  });

  it('quotes: speech after a mention and a clause break is speech; a list of mentions stays mentions', () => {
    assert.deepEqual(
      kinds(
        'She turned the pages of "Winter Tales," frowned at the old spelling, and sighed: "How dull it is."',
      ).map(([, kind]) => kind),
      ['mention', 'speech'],
    );
    assert.deepEqual(
      kinds('It was all "capital" and "Splendid, old fellow" with him.').map(([, kind]) => kind),
      ['mention', 'mention'],
    );
  });

  it('quotes: writing in the sentence that ended the paragraph before does not make a quotation written', () => {
    const text = [
      'The note was unkind, and it lowered them all in the eyes of the man who had written it.',
      '"Ah, well!" said the doctor, getting up. "I should never have thought it of her."',
      'She opened the envelope and read as follows.',
      '"Meet me at the bridge at nine."',
    ].join('\n');
    assert.deepEqual(
      kinds(text).map(([, kind]) => kind),
      ['speech', 'written'],
    );
  });

  it('quotes: "in the following manner" after a verb of speaking introduces speech, after "wrote" a text', () => {
    assert.deepEqual(
      kinds('The old lady began in the following manner:--"You know why I have come."').map(
        ([, kind]) => kind,
      ),
      ['speech'],
    );
    assert.deepEqual(
      kinds('The clerk wrote in the following manner:--"Received with thanks."').map(([, kind]) => kind),
      ['written'],
    );
  });

  it('quotes: a quotation paragraph indented deeper than the prose is a text set off, not speech', () => {
    const text = [
      'Marion handed the page across the table and he read it to himself.',
      '',
      '     "The lease on the mill runs out at Easter, and the owners will not',
      '     renew it for less than double. Think it over before you answer me.',
      '',
      '     "Whatever you decide, I am with you."',
      '',
      '"Well?" she said. "Shall we sell?"',
      '',
      '"Not yet," he said.',
    ].join('\n');
    assert.deepEqual(
      kinds(text).map(([, kind]) => kind),
      ['written', 'written', 'speech', 'speech'],
    );
  });

  it('quotes: when every paragraph is indented alike, an indented quotation is still speech', () => {
    const text = [
      '    Marion handed the page across the table and he read it to himself.',
      '',
      '    "Well?" she said. "Shall we sell?"',
      '',
      '    "Not yet," he said.',
      '',
      '    She went back to the window.',
    ].join('\n');
    assert.deepEqual(
      kinds(text).map(([, kind]) => kind),
      ['speech', 'speech'],
    );
  });

  it('quotes: the address and date lines above the salutation of a letter are written too', () => {
    const text = [
      'Her brother wrote again that week.',
      '"Mill Cottage,"',
      '"Thursday."',
      '"Dear Ruth,"',
      '"The roof is mended and the hens are laying again. Come home when you can."',
      '"TOM."',
      '"More news?" asked her aunt.',
    ].join('\n');
    assert.deepEqual(
      kinds(text).map(([, kind]) => kind),
      ['written', 'written', 'written', 'written', 'written', 'speech'],
    );
  });

  it('quotes: a one-paragraph letter from salutation to signature is written; "Dear me" is speech', () => {
    const text = [
      'The card was tucked behind the clock.',
      '"Dear Ruth, the hens are laying again and the roof is mended at last, so there is no excuse now. Come home when you can. Love, Tom."',
      '"My dear girl, you should have seen the whole street turn out to watch them, every last one, and ask after Mr. Peter Hale?"',
      '"Dear me, what a mess," said her aunt. "Sit down. Eat."',
    ].join('\n');
    assert.deepEqual(kinds(text), [
      [
        'Dear Ruth, the hens are laying again and the roof is mended at last, so there is no excuse now. Come home when you can. Love, Tom.',
        'written',
      ],
      [
        'My dear girl, you should have seen the whole street turn out to watch them, every last one, and ask after Mr. Peter Hale?',
        'speech',
      ],
      ['Dear me, what a mess, | Sit down. Eat.', 'speech'],
    ]);
  });

  it('quotes: "Dear Lord" is no salutation, and a speech ending on a name or an order is no signature', () => {
    const text = [
      '"Dear Lord, what a mess you have made of my kitchen, and the oven still warm with nothing baked in it at all. Honestly, Tom."',
      '"My dear boy, you cannot possibly go out in this weather without a coat, and I will hear no more about it from you. Sit."',
      '"Dear Ruth, the hens are laying and the roof is mended at last, so there is no excuse left. Come home when you can. Yours ever, Tom."',
    ].join('\n');
    assert.deepEqual(
      kinds(text).map(([, kind]) => kind),
      ['speech', 'speech', 'written'],
    );
  });

  it('quotes: third-person, past-tense words after narration, untagged, are reported speech', () => {
    const cases: [string, string][] = [
      [
        'The vicar took his leave at the gate. "He should be glad to call again on Friday, and would bring his sister if she was well."',
        'He should be glad to call again on Friday, and would bring his sister if she was well.',
      ],
      [
        'Aunt Joan was all regret. "She had quite forgotten the date, and could not think how it had happened."',
        'She had quite forgotten the date, and could not think how it had happened.',
      ],
      // Straight on from a speech verb, with no comma, the words are the narrator's report.
      [
        'Martha nodded and said "she had never liked him, and was glad he had gone."',
        'she had never liked him, and was glad he had gone.',
      ],
      // `would not do` is an infinitive after a past modal, not the present tense.
      [
        'It was darker than he had expected. "He was afraid they would not do the drive before dark, and he wished Ann had stayed."',
        'He was afraid they would not do the drive before dark, and he wished Ann had stayed.',
      ],
      // `began to move` is no verb of speaking before the words.
      [
        'Mr. Grey began to move.--"He had to be going; he had business at the mill, and had promised to call at the forge."',
        'He had to be going; he had business at the mill, and had promised to call at the forge.',
      ],
    ];
    for (const [text, quoted] of cases) assert.deepEqual(kinds(text), [[quoted, 'reported']], text);
  });

  it('quotes: first or second person, the present tense, a tag or an opening paragraph keep speech', () => {
    const cases: string[] = [
      // A speaker's own pronouns.
      'The vicar took his leave at the gate. "I should be glad to call again, and she would come too."',
      'The vicar took his leave at the gate. "You should have seen him; he was quite beside himself."',
      // `could have` after a beat: someone speaking, far more often than a report in marks.
      'Tom sighed. "She could have told him, but she did not."',
      // The present tense, spelt out or contracted.
      'Aunt Joan was all regret. "She is sorry she forgot, and she was sure it had been Tuesday."',
      'Aunt Joan was all regret. "He\'s forgotten the date; he was sure it had been Tuesday."',
      'Aunt Joan was all regret. "He knows the date, though he was sure it had been Tuesday."',
      // One past-tense verb is too little: direct speech tells the past too.
      'Aunt Joan was all regret. "Poor Harry, he was so unlucky all along."',
      // A speech tag, before or after.
      'Aunt Joan turned to him and said, "He had forgotten the date, and she had not reminded him."',
      'Aunt Joan was all regret. "He had forgotten the date, and she had not reminded him," she said.',
    ];
    for (const text of cases)
      assert.deepEqual(
        kinds(text).map(([, kind]) => kind),
        ['speech'],
        text,
      );
    // Opening its paragraph, it is a turn of the dialogue.
    const turns = kinds('"Where was Harry?"\n"He had gone to the mill, and she had gone with him."');
    assert.deepEqual(
      turns.map(([, kind]) => kind),
      ['speech', 'speech'],
    );
  });

  it('quotes: speech broken off at a comma goes on as speech, third person or not', () => {
    const found = kinds(
      '"Well," spoke Ann, "it might be wise if he waited, for she was tired and had gone to bed."',
    );
    // One quotation interrupted by its tag ("spoke" is a verb of speaking), and all of it speech.
    assert.deepEqual(
      found.map(([, kind]) => kind),
      ['speech'],
    );
  });

  it('quotes: a lead-in ending "in these words" introduces a text only in a sentence about one', () => {
    const note = kinds(
      'Her second note, which she had written on the morning after the fair, was in these words:\n\n"I cannot think why you did not come."',
    );
    assert.deepEqual(note, [['I cannot think why you did not come.', 'written']]);
    const spoken = kinds('He rose and addressed the bench in these words:\n\n"My lords, I am innocent."');
    assert.deepEqual(spoken, [['My lords, I am innocent.', 'speech']]);
  });

  it('quotes: a salutation tagged as written opens a letter, its paragraphs and its signature', () => {
    const found = kinds(
      [
        'Meg went down to the post office and came back with her letter.',
        '"Dearest Jo" [wrote Meg],',
        '"Here it is Tuesday and I am writing in the library. The wind kept me awake all night."',
        '"This morning we walked to the school together and my hands were cold as ice."',
        '"Yours ever,"',
        '"Meg"',
        'Jo read it twice over by the fire.',
        '"Well, that is news," said Jo.',
      ].join('\n\n'),
    );
    assert.deepEqual(
      found.map(([, kind]) => kind),
      ['written', 'written', 'written', 'written', 'written', 'speech'],
    );
  });

  it('quotes: words quoted before a lead-in give it no verb; the quotation after is speech', () => {
    const found = kinds(
      'Nothing could Ann learn of him. "Was he clever?"--"He was generally thought so." "Did he seem a steady young man?"--"It was hard to tell."',
    );
    assert.deepEqual(
      found.find(([t]) => t === 'Did he seem a steady young man?'),
      ['Did he seem a steady young man?', 'speech'],
    );
  });

  it('quotes: untagged words right after someone announces a reading are the text read out', () => {
    const read = kinds(
      '"Clara says none of them will come back this winter. I will read it to you--"\n"When my brother left us on Monday, he thought the business would take three days."',
    );
    assert.deepEqual(
      read.map(([, kind]) => kind),
      ['speech', 'written'],
    );
    const asked = kinds(
      '"Have you read her letter yet?"\n"When my brother left us on Monday, he was cheerful enough."',
    );
    assert.deepEqual(
      asked.map(([, kind]) => kind),
      ['speech', 'speech'],
    );
  });

  it('quotes: reading mentioned mid-sentence is no announcement; the reply after it is speech', () => {
    for (const first of [
      "I'll read it later, I promise.",
      'Let me read the paper first.',
      'I read on the train every morning.',
    ]) {
      const found = kinds(`"${first}"\n\n"You always say that."`);
      assert.deepEqual(
        found.map(([, kind]) => kind),
        ['speech', 'speech'],
        first,
      );
    }
    const announced = kinds('"Here is her letter. Let me read it to you."\n\n"Dear Tom, we are all well."');
    assert.deepEqual(
      announced.map(([, kind]) => kind),
      ['speech', 'written'],
    );
  });

  it('quotes: a salutation someone says, or a letter begun and left, opens no letter', () => {
    assert.deepEqual(kinds('"My dear," he said, "you look tired."'), [
      ['My dear, | you look tired.', 'speech'],
    ]);
    assert.deepEqual(kinds('"My dear,--I hardly know," she began.'), [
      ['My dear,--I hardly know,', 'speech'],
    ]);
    const left = kinds(
      '"Dear Mother," she wrote, and then she stopped and looked up at him.\n\n"Who is it to?"\n\n"Mother, of course."',
    );
    assert.deepEqual(
      left.map(([, kind]) => kind),
      ['written', 'speech', 'speech'],
    );
  });

  it("quotes: `her` after `said to` or before a tag's own subject is a listener, not a determiner", () => {
    assert.deepEqual(kinds('Then he said to her "Come here at once."'), [['Come here at once.', 'speech']]);
    assert.deepEqual(kinds('Tom looked up. He turned to her "Come here," he said.'), [
      ['Come here,', 'speech'],
    ]);
    assert.deepEqual(kinds('She was faithful to her "young gentlemen," denied it all.'), [
      ['young gentlemen,', 'reported'],
    ]);
  });

  it('quotes: a narration sentence of its own after the words does not make them unsaid', () => {
    for (const text of [
      '"Where were you?" She was about to answer when the door opened.',
      '"Come here." Tom could imagine nothing better than that.',
      '"Go away." Her face said nothing at all.',
      '"We won!" She felt like dancing all the way home.',
    ])
      assert.equal(kinds(text)[0]![1], 'speech', text);
  });

  it('quotes: "she was going to answer" in the next paragraph does not make the words before unsaid', () => {
    const found = kinds(
      '"Do you mind losing?"\n\nShe was going to answer, "No," when it struck her that she did mind.',
    );
    assert.deepEqual(found, [
      ['Do you mind losing?', 'speech'],
      ['No,', 'imagined'],
    ]);
  });

  it('quotes: a quotation credited on the next line after a dash is an epigraph; a dash opening narration is not', () => {
    assert.deepEqual(
      kinds('"Every road leads home at last."\n\n--MARY ANN HOLT _in a letter_\n\nThe rain began.'),
      [['Every road leads home at last.', 'written']],
    );
    assert.deepEqual(kinds('"Who is there?"\n\n--Tom opened the door.'), [['Who is there?', 'speech']]);
  });

  it('quotes: a quotation in a heading is a mention', () => {
    const found = kinds('CHAPTER IV. AT THE "GREEN MAN"\nThe inn was full.');
    assert.deepEqual(found, [['GREEN MAN', 'mention']]);
  });

  it('quotes: a nested quotation after a verb of saying is reported, not a mention', () => {
    const found = kinds('"He rang last night and said \'Not this year\', would you believe it?" asked Ruth.');
    assert.equal(found[0]![1], 'speech');
    assert.deepEqual(found[1], ['Not this year', 'reported']);
    const told = kinds('"The landlord told me, \'No dogs,\' and shut the door," said Ruth.');
    assert.deepEqual(told[1], ['No dogs,', 'reported']);
  });

  it('quotes: a nested quotation from a text (`It says, "…"`, texted … `Just, "…"`) is written', () => {
    const says = kinds(
      '"Look at the card. It says, \'Back on Monday, do not wait up for me.\'" Owen sighed.',
    );
    assert.deepEqual(says[1], ['Back on Monday, do not wait up for me.', 'written']);
    const texted = kinds(
      '"Dad texted me at noon. Just, \'Where are the car keys?\' Nothing else," said Owen.',
    );
    assert.deepEqual(texted[1], ['Where are the car keys?', 'written']);
    // A short nested fragment with no verb or text before it is still a mention.
    const named = kinds('"We drank at the \'Drover\' until late," said Owen.');
    assert.deepEqual(named[1], ['Drover', 'mention']);
  });

  it('quotes: words after "typed:" are the text typed', () => {
    const found = kinds('Ruth picked up her phone. Owen typed: "Running late, save me a seat."');
    assert.deepEqual(found, [['Running late, save me a seat.', 'written']]);
  });

  it("quotes: a denied reading (`I didn't read you all of it.`) announces nothing; the reply is talk", () => {
    const found = kinds(
      '"There is a second page. I didn\'t read you all of it."\n\n"Then go on," said Owen.\n\n"Fine."',
    );
    assert.deepEqual(
      found.map(([, k]) => k),
      ['speech', 'speech', 'speech'],
    );
    const announced = kinds(
      '"There is a second page. Shall I read you the rest?"\n\n"Owen, I know you are there."',
    );
    assert.deepEqual(announced[1], ['Owen, I know you are there.', 'written']);
  });

  it('quotes: words a thing says (`it said`) after a phone or screen is named are the text', () => {
    const found = kinds('Owen held up his phone so she could see the screen.\n\n"Back by six," it said.');
    assert.deepEqual(found, [['Back by six,', 'written']]);
    // With no text or device near, `it said` is a speaker like any other (a creature, a voice).
    const voice = kinds('The thing in the well stirred.\n\n"Come closer," it said.');
    assert.deepEqual(voice, [['Come closer,', 'speech']]);
  });
});
