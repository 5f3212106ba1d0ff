/**
 * Speech tags and lead-ins the attribution stage finds around quotations, on short texts written for
 * these tests with a given cast.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createEngine } from '../src/engine/engine.js';
import type { GivenCharacter } from '../src/engine/stage.js';
import { buildCueIndex, namedNear } from '../src/stages/attribution/cues.js';
import { buildTurns } from '../src/stages/attribution/units.js';
import { sourceOf } from './layers.helper.js';

const CAST: GivenCharacter[] = [
  { id: 0, name: 'Tom Barker', aliases: ['Tom'], gender: 'M' },
  { id: 1, name: 'Ann Hale', aliases: ['Ann'], gender: 'F' },
  { id: 2, name: 'Mary Stone', aliases: ['Mary'], gender: 'F' },
  { id: 3, name: 'The Vicar', aliases: ['the vicar'], gender: 'M' },
];

function turnsOf(text: string, cast: GivenCharacter[] = CAST) {
  const engine = createEngine({ until: 'coref', characters: cast });
  const doc = engine.process(sourceOf(text));
  return { doc, turns: buildTurns(doc, buildCueIndex(doc)) };
}

/** For each turn, in order: the name of the character its first cue points at, or '-'. */
function cuedSpeakers(text: string, cast: GivenCharacter[] = CAST): string[] {
  const { doc, turns } = turnsOf(text, cast);
  const characters = doc.layer('characters');
  return turns.map((turn) => {
    const c = turn.cues[0]?.referent.character ?? -1;
    return c >= 0 ? characters[c]!.name : '-';
  });
}

describe('attribution: cues', () => {
  it('a verb outside the tag lexicon right after the quotation, then a name, is an inverted tag', () => {
    const text = 'Tom and Ann sat by the fire.\n\n"Not again!" exploded Tom. "Never again!"\n';
    assert.deepEqual(cuedSpeakers(text), ['Tom Barker']);
  });

  it("a lead-in closing the previous paragraph counts after that paragraph's own quotation", () => {
    const text =
      'Tom and Ann sat by the fire.\n\n"It will rain," said Tom, and Ann, after looking at the sky for a while, said:\n\n"I think it will not."\n';
    assert.deepEqual(cuedSpeakers(text), ['Tom Barker', 'Ann Hale']);
  });

  it('a lead-in whose final colon was lost still introduces the next paragraph', () => {
    const text = 'Tom and Ann sat by the fire. After a long silence Ann said quietly\n\n"I am tired."\n';
    assert.deepEqual(cuedSpeakers(text), ['Ann Hale']);
  });

  it('the antecedent of "who" before a speech verb is the speaker', () => {
    const text =
      'The dance was over before Ann felt her arm taken by Mary, who in great spirits exclaimed, "At last I have found you."\n';
    assert.deepEqual(cuedSpeakers(text), ['Mary Stone']);
  });

  it('a tag naming the speaker outranks a pronoun tag earlier in the same turn', () => {
    const text = 'Tom and Ann sat by the fire.\n\n"Yes," she said. "It is late," said Ann.\n';
    assert.deepEqual(cuedSpeakers(text), ['Ann Hale']);
  });

  it('a lower-case name ("the vicar") is a descriptive reference carrying its gender', () => {
    const { turns } = turnsOf('Tom waited at the door.\n\n"Come in," said the vicar.\n');
    const referent = turns[0]!.cues[0]!.referent;
    assert.equal(referent.character, 3);
    assert.equal(referent.descriptive, true);
    assert.equal(referent.gender, 'male');
    const named = turnsOf('Tom waited at the door.\n\n"Come in," said Tom.\n').turns[0]!.cues[0]!.referent;
    assert.equal(named.descriptive, false);
  });
});

describe('attribution: names that are and are not descriptions', () => {
  const cast = [
    { id: 0, name: 'Piet van Tassel', aliases: ['van Tassel'], gender: 'M' },
    { id: 1, name: 'The Clergyman', aliases: ['the clergyman'], gender: 'M' },
  ];
  const descriptive = (text: string): boolean | undefined => {
    const doc = createEngine({ until: 'coref', characters: cast }).process(sourceOf(text));
    return buildTurns(doc, buildCueIndex(doc))[0]?.cues[0]?.referent.descriptive;
  };

  it('a lower-case cast name is a description; a name opening with a particle is a name', () => {
    assert.equal(descriptive('"We shall see," said the clergyman.\n'), true);
    assert.notEqual(descriptive('"We shall see," said van Tassel.\n'), true);
  });
});

describe('attribution: turns within one paragraph', () => {
  it('a beat naming someone other than the tagged speaker starts a new turn', () => {
    const text =
      'Tom and Ann sat by the fire.\n\nAnn shook her head. "It will not." "It will rain," said Tom.\n';
    assert.deepEqual(cuedSpeakers(text), ['Ann Hale', 'Tom Barker']);
  });

  it('a beat naming the tagged speaker again stays in the same turn', () => {
    const text =
      'Tom and Ann sat by the fire.\n\nTom shook his head. "It will not." "It will rain," said Tom.\n';
    assert.deepEqual(cuedSpeakers(text), ['Tom Barker']);
  });
});

describe('attribution: a named tag and a pronoun tag in one paragraph', () => {
  it('a pronoun of the other gender than the named speaker starts a new turn', () => {
    const text =
      'Tom and Ann sat by the fire.\n\n"It will rain," said Tom. Ann looked at the sky a while. "It will not," she said.\n';
    const { turns } = turnsOf(text);
    assert.equal(turns.length, 2);
    assert.equal(turns[1]!.cues[0]!.referent.via, 'pronoun');
  });

  it('a pronoun of the named speaker’s gender stays in the same turn', () => {
    const text =
      'Tom and Ann sat by the fire.\n\n"It will rain," said Tom. He looked at the sky a while. "It will pour," he said.\n';
    assert.equal(turnsOf(text).turns.length, 1);
  });
});

describe('attribution: more tag shapes', () => {
  it('a title after "the" ("the Secretary") is a name, not a description', () => {
    const cast = [
      { id: 0, name: 'The Secretary', aliases: ['the Secretary'], gender: 'M' },
      { id: 1, name: 'Ann Hale', aliases: ['Ann'], gender: 'F' },
    ];
    const doc = createEngine({ until: 'coref', characters: cast }).process(
      sourceOf('Ann waited at the door.\n\n"Come in," said the Secretary.\n'),
    );
    const referent = buildTurns(doc, buildCueIndex(doc))[0]!.cues[0]!.referent;
    assert.equal(referent.character, 0);
    assert.notEqual(referent.descriptive, true);
  });

  it('an auxiliary may stand between the subject and the verb ("Tom was saying")', () => {
    const text = 'Tom and Ann sat by the fire.\n\n"Try the jam," Tom was saying. "It is good."\n';
    assert.deepEqual(cuedSpeakers(text), ['Tom Barker']);
  });

  it('an inverted tag with a name may go on with a preposition ("boomed Tom from the door")', () => {
    const text = 'Tom and Ann sat by the fire.\n\n"Shake hands!" boomed Tom from across the room.\n';
    assert.deepEqual(cuedSpeakers(text), ['Tom Barker']);
  });

  it('"was her reply" is a pronoun tag of her gender', () => {
    const { turns } = turnsOf('Tom and Ann sat by the fire.\n\n"Not today," was her cordial reply.\n');
    const referent = turns[0]!.cues[0]!.referent;
    assert.equal(referent.via, 'pronoun');
    assert.equal(referent.gender, 'female');
  });
});

describe('attribution: the subject of a lead-in', () => {
  it('is the nearest subject before the speech verb, not the first word of the sentence', () => {
    const { turns } = turnsOf(
      'Tom and Ann met at the gate.\n\nShe was sure that he lifted his cap and said quite coolly, "Good morning."\n',
    );
    const referent = turns[0]!.cues[0]!.referent;
    assert.equal(referent.via, 'pronoun');
    assert.equal(referent.gender, 'male');
  });
});

describe('attribution: the main clause a lead-in continues', () => {
  it('"Tom, who had been asleep, opened his eyes and said:" is Tom\'s, not a name in the relative clause', () => {
    const text =
      'When Ann had gone upstairs, Tom, who had been asleep while Mary talked, opened his eyes and said:\n\n"Let her go."\n';
    assert.deepEqual(cuedSpeakers(text), ['Tom Barker']);
  });

  it('a participle and a "where" clause between subject and verb are skipped', () => {
    const text =
      'Mary, going to the window, where Ann was standing, said gently:\n\n"Shall I stay with you?"\n';
    assert.deepEqual(cuedSpeakers(text), ['Mary Stone']);
  });

  it('a clause coordinated after a comma brings its own subject', () => {
    const text = 'Ann, however, made no answer, and Mary, who was bolder, plunged on:\n\n"People talk."\n';
    assert.deepEqual(cuedSpeakers(text), ['Mary Stone']);
  });

  it("a verb inside a subordinate clause keeps that clause's subject", () => {
    const text = 'Tom laughed so heartily that Ann could not help saying,\n\n"You were wicked."\n';
    assert.deepEqual(cuedSpeakers(text), ['Ann Hale']);
  });

  it('"Mr. Allen, who, on hearing the news, said," reaches the antecedent over the parenthesis', () => {
    const text =
      'At the top of the stairs she was met by Tom, who, on hearing the reason of their speedy return, said, "I am glad."\n';
    assert.deepEqual(cuedSpeakers(text), ['Tom Barker']);
  });

  it('"Ann at once explained … by saying:" and a past tense tagged as a noun find their subject', () => {
    const text =
      'Tom did not greet her, and Ann at once explained the strange fact of her being there by saying: "Mary sent me."\n';
    assert.deepEqual(cuedSpeakers(text), ['Ann Hale']);
  });
});

describe('attribution: lead-ins of thought and with a dash', () => {
  it('"Ann thought to herself," leads into her thought', () => {
    const text = 'Tom was talking. While listening, Ann thought to herself, "He will never stop."\n';
    assert.deepEqual(cuedSpeakers(text), ['Ann Hale']);
  });

  it('"made only this cautious reply:--" leads in like a colon', () => {
    const text = 'Ann smiled. Mary listened, and looked, and made only this cautious reply:--"Very well."\n';
    assert.deepEqual(cuedSpeakers(text), ['Mary Stone']);
  });
});

describe('attribution: speech announced by a noun or heard', () => {
  it('"Tom\'s remark was, soon afterwards--" and "Ann\'s last word had been:" name their owners', () => {
    assert.deepEqual(
      cuedSpeakers('Ann nodded; but Tom\'s remark was, soon afterwards--\n\n"The navy is rough."\n'),
      ['Tom Barker'],
    );
    assert.deepEqual(cuedSpeakers('When Tom sailed, Ann\'s last word had been:\n\n"Write to me."\n'), [
      'Ann Hale',
    ]);
    assert.deepEqual(cuedSpeakers('Tom sighed. Mary\'s declaration was, "I hate the sea."\n'), [
      'Mary Stone',
    ]);
  });

  it('"hearing Tom cry:" makes the one heard the speaker', () => {
    const text = 'Ann was lost in thought, until she was startled by hearing Tom cry: "Come and rest!"\n';
    assert.deepEqual(cuedSpeakers(text), ['Tom Barker']);
  });

  it('"Tom went on." leads into the next quotation', () => {
    const text = 'Ann fidgeted. Tom went on.\n\n"Do you understand me now?"\n';
    assert.deepEqual(cuedSpeakers(text), ['Tom Barker']);
  });

  it('words "from" someone after the quotation are theirs', () => {
    const text = 'Ann had only a short "Good morning!" from Tom, and nothing more.\n';
    assert.deepEqual(cuedSpeakers(text), ['Tom Barker']);
  });
});

describe('attribution: "said I" with no first-person narrator', () => {
  it('is a speaker retelling a talk inside a long speech, not a cue of the narration', () => {
    const text = "Ann came in and sat down.\n\n\"Tom was here. 'My dear,' said I, 'you will catch cold.'\"\n";
    const first = text.indexOf('Tom was');
    const second = text.indexOf('you will');
    const quotes = [
      { id: 'Q1', spans: [[first, text.indexOf("'My")] as [number, number]] },
      { id: 'Q2', spans: [[second, text.indexOf('cold.') + 5] as [number, number]] },
    ];
    const doc = createEngine({ until: 'coref', characters: CAST, quotes }).process(sourceOf(text));
    const turns = buildTurns(doc, buildCueIndex(doc));
    assert.ok(turns.length > 0);
    for (const turn of turns) for (const cue of turn.cues) assert.notEqual(cue.referent.via, 'narrator');
  });
});

describe('attribution: phrasal verbs of speech', () => {
  it('"went on up the lane" is a walk, not speech', () => {
    const text = 'Here Mary met her, and the two girls went on up the lane--"maples are kind," said Ann.\n';
    assert.deepEqual(cuedSpeakers(text), ['Ann Hale']);
  });

  it('"put in." at the end of a sentence is a tag, though wink reads "in." as an abbreviation', () => {
    const text = 'Tom and Ann sat down.\n\n"We revived the dances," Ann put in.\n\n"What dances?"\n';
    assert.deepEqual(cuedSpeakers(text), ['Ann Hale', '-']);
  });
});

describe('attribution: what a reviewer found the new rules must not do', () => {
  it('"broke off" and "cut him short" are still tags', () => {
    const { turns } = turnsOf('Tom came in.\n\n"But what?" Ann broke off.\n\n"Hush!" she cut him short.\n');
    assert.deepEqual(
      turns.map((t) => t.cues[0]?.kind),
      ['tag', 'tag'],
    );
  });

  it('a list of verbs after "as" stays in its clause: "Tom watched as Ann rose, smiled, and said,"', () => {
    assert.deepEqual(cuedSpeakers('Tom watched as Ann rose, smiled, and said, "Yes."\n'), ['Ann Hale']);
  });

  it('"…, and added:" after a "that" clause goes back to the main clause', () => {
    const text = 'Tom told her of Mary\'s joy on hearing that Ann had come, and added: "She is well."\n';
    assert.deepEqual(cuedSpeakers(text), ['Tom Barker']);
  });

  it('"heard his answer" is no verb of speaking, and a bare "had" no "had been"', () => {
    assert.deepEqual(cuedSpeakers('Ann heard his answer with a smile, "Yes."\n'), ['Ann Hale']);
    const { turns } = turnsOf('Ann thought of Tom\'s last word, the only one she had, "Farewell."\n');
    assert.notEqual(turns[0]!.cues[0]?.kind, 'tag');
  });

  it('a first-person story whose cast names no narrator keeps its "said I" tags', () => {
    const lines = [];
    for (let i = 0; i < 6; i++) lines.push(`"Come in," said I.\n\n"Thank you," said Tom.\n`);
    const { turns } = turnsOf(`I sat by the fire.\n\n${lines.join('\n')}`);
    assert.ok(turns.some((t) => t.cues[0]?.referent.via === 'narrator'));
  });
});

describe('attribution: people named by their trade', () => {
  it('"said the valet" is a descriptive tag whose word a cast name can hold', () => {
    const cast: GivenCharacter[] = [...CAST, { id: 4, name: 'His Valet', aliases: [], gender: 'M' }];
    const { turns, doc } = turnsOf('Tom stood by the bed.\n\n"Your clothes, sir," said the valet.\n', cast);
    const r = turns[0]!.cues[0]!.referent;
    assert.equal(r.via, 'nominal');
    assert.equal(doc.layer('tokens').lower[r.token], 'valet');
  });
});

describe('attribution: the addressee gender of a tag', () => {
  it('a pronoun object of the tag ("he told her") gives the addressee gender', () => {
    const { turns } = turnsOf('Tom and Ann met at the gate.\n\n"Go home," he told her.\n');
    assert.equal(turns[0]!.addresseeGender, 'female');
  });
});

describe('attribution: the one a tag speaks to', () => {
  it('"said he to Tom": the pronoun never stands for Tom, the object of the same tag', () => {
    const { turns } = turnsOf('Tom sat by the door when the vicar came in.\n\n"Sit down," said he to Tom.\n');
    const cue = turns[0]!.cues[0]!;
    assert.equal(cue.object?.character, 0);
    assert.notEqual(cue.referent.corefGuess, 0);
  });
});

describe('attribution: the one a participle after the tag acts on', () => {
  it('"he said, shaking Tom": Tom is not the speaker, and not taken for the addressee either', () => {
    const { turns } = turnsOf(
      'The vicar woke before dawn. Tom slept on.\n\n"Get up," he said, shaking Tom.\n',
    );
    const cue = turns[0]!.cues[0]!;
    assert.equal(cue.actedOn, 0);
    assert.notEqual(cue.referent.corefGuess, 0);
    assert.deepEqual(turns[0]!.tagObjects, []);
  });

  it('"she said quietly, turning to Mary" and "said Ann, looking at Tom" mark the one acted on', () => {
    const one = turnsOf('Ann and Mary sat in the kitchen.\n\n"Enough," she said quietly, turning to Mary.\n');
    assert.equal(one.turns[0]!.cues[0]!.actedOn, 2);
    const two = turnsOf('Ann and Tom sat in the kitchen.\n\n"Enough," said Ann, looking at Tom.\n');
    assert.equal(two.turns[0]!.cues[0]!.actedOn, 0);
    const none = turnsOf('Ann and Tom sat in the kitchen.\n\n"Enough," said Ann, shaking her head.\n');
    assert.equal(none.turns[0]!.cues[0]!.actedOn, -1);
  });

  it('a detected cast: "he said, shaking Pavel" after Oskar woke is Oskar\'s', () => {
    const text = [
      'Pavel and Oskar slept in the cabin of the boat.',
      'The storm came at midnight. Oskar woke to the hull knocking against the pier.',
      '\u201cUp,\u201d he said, shaking Pavel. \u201cThe rope has gone.\u201d',
      '\u201cFive more minutes.\u201d',
    ].join('\n\n');
    const result = createEngine().analyze(sourceOf(text));
    const name = (id: unknown) => result.characters.find((c) => c.id === id)?.name;
    // (The tagged paragraph is one quotation in two parts.)
    assert.deepEqual(
      result.quotes.map((q) => name(q.speaker)),
      ['Oskar', 'Pavel'],
    );
  });
});

describe('attribution: a short sentence that says its subject speaks', () => {
  it('"Ann interposed." closing the paragraph before leads into the next quotation', () => {
    const text = 'Tom and Ann sat by the fire. Ann interposed.\n\n"We had better go."\n';
    assert.deepEqual(cuedSpeakers(text), ['Ann Hale']);
  });

  it('the last clause counts: "Tom sat down, and Mary began again."', () => {
    const text = 'Tom sat down, and Mary began again.\n\n"I have no regard for him."\n';
    assert.deepEqual(cuedSpeakers(text), ['Mary Stone']);
  });

  it('"Here Ann spoke--" introduces the next paragraph', () => {
    const text = 'Tom sat by the fire.\n\nHere Ann spoke--\n\n"The navy is brave."\n';
    assert.deepEqual(cuedSpeakers(text), ['Ann Hale']);
  });

  it('not a verb of speaking in another sense, nor a tag of the quotation before', () => {
    const returned = 'Tom sat by the fire. Mary had not returned.\n\n"We had better go."\n';
    assert.deepEqual(cuedSpeakers(returned), ['-']);
    const would = 'Tom sat by the fire. Mary would say so.\n\n"We had better go."\n';
    assert.deepEqual(cuedSpeakers(would), ['-']);
    const tagged = '"Is he here?" Ann asked.\n\n"He is not."\n';
    assert.deepEqual(cuedSpeakers(tagged), ['Ann Hale', '-']);
  });

  it('a passive lead-in names its agent: "when thus accosted by Mary,"', () => {
    const text = 'Tom was lost in thought, when thus accosted by Mary,\n\n"I can guess your reverie."\n';
    assert.deepEqual(cuedSpeakers(text), ['Mary Stone']);
  });
});

describe('attribution: a relative owns the answer', () => {
  it('"…," was her husband\'s answer: the husband speaks, not the woman "her" stands for', () => {
    const { turns } = turnsOf(
      'Ann sat by the fire.\n\n"I shall go," said Ann.\n\n"Then go," was her husband\'s answer.\n',
    );
    const r = turns[1]!.cues[0]!.referent;
    assert.notEqual(r.via, 'pronoun');
    assert.equal(r.gender, 'male');
  });
});

describe('attribution: the narrator spoken to', () => {
  it('"the vicar asked me": the first-person narrator is the one the tag speaks to', () => {
    const cast: GivenCharacter[] = [...CAST, { id: 4, name: 'Ned Pike', aliases: ['_narr'], gender: 'M' }];
    const { doc, turns } = turnsOf(
      'I sat with Tom by the door.\n\n"Will you stay?" the vicar asked me.\n',
      cast,
    );
    const object = turns[0]!.cues[0]!.object;
    assert.ok(object);
    assert.equal(doc.layer('characters')[object.character]?.narrator, true);
    assert.deepEqual(turns[0]!.tagObjects, [object.character]);
  });
});

describe('attribution: a possessive in the tag', () => {
  it('"said Tom\'s nurse" points at a woman, not at Tom', () => {
    const { turns } = turnsOf('Tom lay in bed.\n\n"Time to get up," said Tom\'s nurse.\n');
    const r = turns[0]!.cues[0]!.referent;
    assert.notEqual(r.character, 0);
    assert.equal(r.gender, 'female');
  });
  it('"was Tom\'s reply" is still Tom\'s own speech', () => {
    const { turns } = turnsOf('Ann asked about the fair.\n\n"Not this year," was Tom\'s reply.\n');
    assert.equal(turns[0]!.cues[0]?.referent.character, 0);
  });
});

describe('attribution: one spoken to in a lead-in is not its speaker', () => {
  it('"and, turning to Mary, said" is the subject before the semicolon', () => {
    assert.deepEqual(cuedSpeakers('Ann sat in silence; and, turning to Mary, said, "Let me help."\n'), [
      'Ann Hale',
    ]);
  });
  it('"looked at Ann, and, looking again at her, replied" is the one looking', () => {
    const { turns } = turnsOf(
      'He looked at her, looked at Ann, and, looking again at her, replied, "Not yet."\n',
    );
    const r = turns[0]!.cues[0]!.referent;
    assert.equal(r.via, 'pronoun');
    assert.equal(r.gender, 'male');
  });
  it('"as he glanced at Ann to say" is he', () => {
    const { turns } = turnsOf('He smiled as he glanced at Ann to say: "You will win."\n');
    const r = turns[0]!.cues[0]!.referent;
    assert.equal(r.via, 'pronoun');
    assert.equal(r.gender, 'male');
  });
});

describe('attribution: the one told or asked in a lead-in', () => {
  it('"Ann told Tom," and "she asked Tom," lead in the speech of their subject, not of Tom', () => {
    assert.deepEqual(cuedSpeakers('It was late when Ann told Tom, "The coach has gone."\n'), ['Ann Hale']);
    const { turns } = turnsOf('Ann came in from the rain. Then she asked Tom, "Where is the key?"\n');
    const r = turns[0]!.cues[0]!.referent;
    assert.equal(r.via, 'pronoun');
    assert.equal(r.gender, 'female');
  });
  it('"asked Tom," with no subject before it is still Tom asking', () => {
    assert.deepEqual(cuedSpeakers('Ann looked at the door. Then, quietly, asked Tom, "Who is there?"\n'), [
      'Tom Barker',
    ]);
  });
});

describe('attribution: speech reported after a quotation', () => {
  it('"Tom observed, with some amusement, that she …" is no tag of the quotation before', () => {
    const { turns } = turnsOf(
      'Tom and Ann sat down.\n\n"Ann was here," she went on. Tom observed, with some amusement, that she was changing the subject.\n',
    );
    assert.deepEqual(
      turns[0]!.cues.map((c) => c.referent.via),
      ['pronoun'],
    );
  });
  it('"Tom replied that evening" is still a tag', () => {
    assert.deepEqual(cuedSpeakers('"No," Tom replied that evening, "never."\n'), ['Tom Barker']);
  });
});

describe('attribution: the one heard speaking', () => {
  it('"Tom heard her tell the room" points at her, not at Tom', () => {
    const { turns } = turnsOf(
      'Ann sat with Tom by the fire.\n\n"This is my cousin," Tom heard her tell the room.\n',
    );
    const r = turns[0]!.cues[0]!.referent;
    assert.equal(r.via, 'pronoun');
    assert.equal(r.gender, 'female');
  });
  it('"Ann heard one small urchin shout" points at someone heard, not at Ann', () => {
    const { turns } = turnsOf(
      'They sat down.\n\n"She is chasing us out," Ann heard one small urchin shout.\n',
    );
    const r = turns[0]!.cues[0]!.referent;
    assert.equal(r.via, 'nominal');
    assert.notEqual(r.character, 1);
  });
  it('"in time to hear it say" points at someone heard, not at the hearer', () => {
    const { turns } = turnsOf(
      'Ann ran after the dog, and was in time to hear it say, as it turned the corner, "Late again!"\n',
    );
    const r = turns[0]!.cues[0]!.referent;
    assert.equal(r.via, 'nominal');
    assert.equal(r.character, -1);
  });
  it('"Ann heard him thus saying": an adverb between the one heard and the verb', () => {
    const { turns } = turnsOf('Ann heard him thus saying, in a low voice, "Time will mend it."\n');
    const r = turns[0]!.cues[0]!.referent;
    assert.equal(r.via, 'pronoun');
    assert.equal(r.gender, 'male');
  });
  it('"Tom heard her kiss Mary and say" points at her: the one heard does something first', () => {
    const { turns } = turnsOf('Ann went in, and Tom heard her kiss Mary and say: "I am sorry."\n');
    const r = turns[0]!.cues[0]!.referent;
    assert.equal(r.via, 'pronoun');
    assert.equal(r.gender, 'female');
  });
  it('"Tom heard her voice and said" and "Ann was heard to say" keep the subject', () => {
    assert.deepEqual(cuedSpeakers('Tom heard her voice and said: "Who is there?"\n'), ['Tom Barker']);
    assert.deepEqual(cuedSpeakers('Ann said little, and was heard three times to say, "Yes."\n'), [
      'Ann Hale',
    ]);
  });
  it('"he overheard Ann say" points at Ann', () => {
    assert.deepEqual(cuedSpeakers('Tom sat by the fire.\n\n"Not him again," he overheard Ann say.\n'), [
      'Ann Hale',
    ]);
  });
});

describe('attribution: lead-ins and tags with more words in them', () => {
  it('"cried the good-hearted Ann": a hyphenated adjective between "the" and the name', () => {
    assert.deepEqual(
      cuedSpeakers('Tom spoke of the fair.\n\n"How kind of him!" cried the good-hearted Ann.\n'),
      ['Ann Hale'],
    );
  });
  it('"Ann refused the tea; and then rising, said to Tom,": the subject before the semicolon', () => {
    assert.deepEqual(
      cuedSpeakers(
        'Tom poured.\n\nAnn very firmly refused the tea; and then rising, said to Tom,\n\n"I must go."\n',
      ),
      ['Ann Hale'],
    );
  });
  it('"to which his prompt reply was," announces a second speaker in the paragraph', () => {
    const text =
      'The music began.\n\nAnn came up to say, "Will you dance, Tom?" to which his prompt reply was, "Gladly."\n';
    const span = (q: string): [number, number] => [text.indexOf(q), text.indexOf(q) + q.length];
    const engine = createEngine({
      until: 'coref',
      characters: CAST,
      quotes: [
        { id: 'Q0', spans: [span('Will you dance, Tom?')] },
        { id: 'Q1', spans: [span('Gladly.')] },
      ],
    });
    const doc = engine.process(sourceOf(text));
    const turns = buildTurns(doc, buildCueIndex(doc));
    assert.equal(turns.length, 2);
    assert.equal(turns[1]!.cues[0]!.referent.gender, 'male');
  });
});

describe('attribution: words said by someone, or breaking from them', () => {
  it('"was uttered at once by Ann" points at Ann', () => {
    assert.deepEqual(cuedSpeakers('Tom looked up.\n\n"Good heavens!" was uttered at once by Ann.\n'), [
      'Ann Hale',
    ]);
  });
  it('"at last broke from Ann" points at Ann', () => {
    assert.deepEqual(cuedSpeakers('Tom was silent.\n\n"How romantic!" at last broke from Ann.\n'), [
      'Ann Hale',
    ]);
  });
  it('"came from the next room" points at no one', () => {
    assert.deepEqual(cuedSpeakers('Tom was silent.\n\n"Hello?" came from the next room.\n'), ['-']);
  });
});

describe('attribution: the owner of a gerund or a noun of speech', () => {
  it('"roused by Ann\'s saying," points at Ann', () => {
    assert.deepEqual(
      cuedSpeakers('Tom was lost in thought, till roused by Ann\'s saying,\n\n"Are you asleep?"\n'),
      ['Ann Hale'],
    );
  });
  it('"Ann\'s only comment when she heard of it was," points at Ann', () => {
    assert.deepEqual(
      cuedSpeakers(
        'Tom told the story.\n\nAnn\'s only comment when Mary heard of it was, "I told you so."\n',
      ),
      ['Ann Hale'],
    );
  });
});

describe('attribution: a reply in the same paragraph', () => {
  /** Turns of a text whose quotations are given (as a corpus with quotations marked gives them). */
  const givenTurns = (text: string, quoted: string[]) => {
    const spans = quoted.map((q, i): { id: string; spans: [number, number][] } => {
      const at = text.indexOf(q);
      return { id: `Q${i}`, spans: [[at, at + q.length]] };
    });
    const doc = createEngine({ until: 'coref', characters: CAST, quotes: spans }).process(sourceOf(text));
    return buildTurns(doc, buildCueIndex(doc));
  };
  it('a quotation that calls the tagged speaker by name starts a turn of its own', () => {
    const text =
      'Ann and Tom sat at tea.\n\n"I hoped she was a witch," observed Tom, cutting the bread. "Nonsense, Tom! She is a lady."\n';
    assert.equal(givenTurns(text, ['I hoped she was a witch,', 'Nonsense, Tom! She is a lady.']).length, 2);
  });
  it('"…" and Mary called out to Ann, "…": narration leading on to a quotation is its lead-in, not a tag of the one before', () => {
    const text =
      'Tom began to pack, saying, "I must be off," and Mary called out to Ann, "Come away, dear!"\n';
    const turns = givenTurns(text, ['I must be off,', 'Come away, dear!']);
    assert.equal(turns.length, 2);
    assert.deepEqual(
      turns.map((t) => t.cues[0]?.referent.character),
      [0, 2],
    );
  });
  it('a second quotation of the speaker, naming someone else, stays in the turn', () => {
    const text = 'Ann and Tom sat at tea.\n\n"I hoped so," observed Tom. "Ann, pass the bread."\n';
    assert.equal(givenTurns(text, ['I hoped so,', 'Ann, pass the bread.']).length, 1);
  });
});

describe('attribution: what the newer tag rules leave alone', () => {
  it('a plain tag wins over a later "from" or "by" ("escaped from", "was called by")', () => {
    assert.deepEqual(cuedSpeakers('Tom stood up.\n\n"Hush," said Ann, and escaped from Tom.\n'), [
      'Ann Hale',
    ]);
    assert.deepEqual(cuedSpeakers('Tom stood up.\n\n"Go," said Ann, who was called by Tom.\n'), ['Ann Hale']);
  });
  it("\"Tom's answer to Ann's question was:\" is Tom's", () => {
    assert.deepEqual(cuedSpeakers('They sat down.\n\nTom\'s answer to Ann\'s question was: "Never."\n'), [
      'Tom Barker',
    ]);
  });
  it('"Ann heard Tom\'s mother say" is the mother, not Ann', () => {
    const { turns } = turnsOf('They sat down.\n\n"Hush," Ann heard Tom\'s mother say.\n');
    const r = turns[0]!.cues[0]!.referent;
    assert.notEqual(r.character, 1);
    assert.equal(r.gender, 'female');
  });
  it('"Ann\'s letter reached Tom; and then … said:" has no speaker from the first clause', () => {
    assert.deepEqual(
      cuedSpeakers(
        'Ann\'s letter reached Tom; and then, after reading it twice, said:\n\n"She is coming."\n',
      ).filter((x) => x === 'Ann Hale'),
      [],
    );
  });
});

describe('attribution: a title before a name', () => {
  it('"said Miss Hale" is a tag for Ann Hale even though the cast name has no title', () => {
    const { turns } = turnsOf(
      'Tom and Ann met at the gate.\n\n"Good morning," said Miss Hale, with a smile.\n',
    );
    const cue = turns[0]!.cues[0]!;
    assert.equal(cue.kind, 'tag');
    assert.equal(cue.referent.character, 1);
  });
});

describe('attribution: kinship tags', () => {
  const FAMILY: GivenCharacter[] = [
    { id: 0, name: 'Mr. Quill', aliases: ['Arthur Quill'], gender: 'M' },
    { id: 1, name: 'Mrs. Quill', aliases: [], gender: 'F' },
    { id: 2, name: 'Rose Quill', aliases: ['Rose'], gender: 'F' },
    { id: 3, name: 'Mrs. Fenn', aliases: [], gender: 'F' },
  ];
  const speakersOf = (text: string): string[] => cuedSpeakers(text, FAMILY);

  it('"cried his wife" is the one "Mrs." of his surname, not another woman in the room', () => {
    const text =
      'Mr. Quill put down the paper while Mrs. Fenn poured the tea.\n\n"The roof leaks," said Mr. Quill. "It has leaked since May."\n\n"Then mend it," cried his wife.\n';
    assert.deepEqual(speakersOf(text), ['Mr. Quill', 'Mrs. Quill']);
  });

  it('"said her father" is the "Mr." of her surname', () => {
    const text = 'Rose stood at the window.\n\n"Rain again," said her father.\n';
    assert.deepEqual(speakersOf(text), ['Mr. Quill']);
  });

  it('"answered Rose\'s mamma", "said her papa": the familiar words are the same relatives', () => {
    const text =
      'Rose stood at the window.\n\n"Rain again," answered Rose\'s mamma.\n\n"It will clear," said her papa.\n';
    assert.deepEqual(speakersOf(text), ['Mrs. Quill', 'Mr. Quill']);
  });

  it('"said her sister" names nobody: sisters share a surname and no title', () => {
    const text = 'Rose stood at the window.\n\n"Rain again," said her sister.\n';
    assert.deepEqual(speakersOf(text), ['-']);
  });

  it('"her mother\'s shout of" is the mother: the owner of a noun of speech says it', () => {
    const text = 'Rose went out, and her mother\'s shout of "Supper!" followed her down the stairs.\n';
    assert.deepEqual(speakersOf(text), ['Mrs. Quill']);
  });

  it('the relative read from "her father" keeps whose father he is', () => {
    const { doc, turns } = turnsOf('Rose stood at the window.\n\n"Rain again," said her father.\n', FAMILY);
    const r = turns[0]!.cues[0]!.referent;
    assert.equal(doc.layer('characters')[r.owner]?.name, 'Rose Quill');
  });

  it('"said her husband" of a "Miss" is not the "Mr." of her surname: he is her father', () => {
    const text = 'Rose stood at the window.\n\n"Rain again," said her husband.\n';
    const { turns } = turnsOf(text, FAMILY);
    const r = turns[0]!.cues[0]!.referent;
    assert.equal(r.character, -1);
    assert.equal(r.gender, 'male');
  });

  it('"said her husband" of a "Mrs." is the "Mr." of her surname', () => {
    const cast: GivenCharacter[] = [
      { id: 0, name: 'Mr. Fenn', aliases: [], gender: 'M' },
      { id: 1, name: 'Mrs. Fenn', aliases: [], gender: 'F' },
      { id: 2, name: 'Tom Barker', aliases: ['Tom'], gender: 'M' },
    ];
    const text = 'Mrs. Fenn stood at the window.\n\n"Rain again," said her husband.\n';
    assert.deepEqual(cuedSpeakers(text, cast), ['Mr. Fenn']);
  });

  it('"said her mother" of a wife is not the "Mrs." of her married name', () => {
    const cast: GivenCharacter[] = [
      { id: 0, name: 'Kate', aliases: ['Mrs. Ned Fenn'], gender: 'F' },
      { id: 1, name: 'Mrs. Fenn', aliases: [], gender: 'F' },
      { id: 2, name: 'Ned Fenn', aliases: ['Ned'], gender: 'M' },
    ];
    const text = 'Kate stood at the window.\n\n"Rain again," said her mother.\n';
    assert.deepEqual(cuedSpeakers(text, cast), ['-']);
  });

  it('"said her mother" with a son\'s wife of the same surname about is the plain "Mrs."', () => {
    const cast: GivenCharacter[] = [
      { id: 0, name: 'Mrs. Quill', aliases: [], gender: 'F' },
      { id: 1, name: 'Jessie', aliases: ['Mrs. Ned Quill'], gender: 'F' },
      { id: 2, name: 'Ned Quill', aliases: ['Ned'], gender: 'M' },
      { id: 3, name: 'Rose Quill', aliases: ['Rose', 'Miss Quill'], gender: 'F' },
    ];
    const text = 'Rose stood at the window.\n\n"Rain again," said her mother.\n';
    assert.deepEqual(cuedSpeakers(text, cast), ['Mrs. Quill']);
  });

  it('"said her mother" with "her" read as a "Mrs." herself keeps no owner', () => {
    const cast: GivenCharacter[] = [
      { id: 0, name: 'Mrs. Lark', aliases: [], gender: 'F' },
      { id: 1, name: 'Tom Barker', aliases: ['Tom'], gender: 'M' },
    ];
    const { doc, turns } = turnsOf('Mrs. Lark set the table.\n\n"Sit down," said her mother.\n', cast);
    const r = turns[0]!.cues[0]!.referent;
    assert.equal(
      doc.layer('pronouns').find((p) => p.start > 30)?.character,
      0,
      'the pronoun is read as Mrs. Lark',
    );
    assert.equal(r.via, 'nominal');
    assert.equal(r.owner, -1);
  });

  it('"said the mother" is the "Mrs." of the family most of the cast belongs to', () => {
    const family = [...FAMILY, { id: 4, name: 'Tom Quill', aliases: ['Tom'], gender: 'M' }];
    const text = 'Rose and Tom came in from the yard.\n\n"Boots off," said the mother.\n';
    assert.deepEqual(cuedSpeakers(text, family), ['Mrs. Quill']);
  });

  it('"said the mother" in a cast with one "Mrs." and children named by first name is her', () => {
    const cast: GivenCharacter[] = [
      { id: 0, name: 'Mrs. Dunn', aliases: [], gender: 'F' },
      { id: 1, name: 'Nell', aliases: [], gender: 'F' },
      { id: 2, name: 'Sir Hugh Tarrant', aliases: [], gender: 'M' },
    ];
    const text =
      'Nell ran in with her cap on.\n\n"Sit down," replied the mother.\n\n"Sit down," replied the father.\n';
    assert.deepEqual(cuedSpeakers(text, cast), ['Mrs. Dunn', '-']);
  });
});

describe('attribution: tags read through clauses and turns', () => {
  it('a named lead-in decides its quotation against the pronoun tag after it', () => {
    const text =
      'Tom and Ann sat by the fire.\n\n"Go on," said Ann. Then Mary broke in: "It is mine," she said.\n';
    assert.deepEqual(cuedSpeakers(text), ['Ann Hale', 'Mary Stone']);
  });

  it('a pronoun tag whose antecedent the narration between names starts a new turn', () => {
    const text =
      'Tom and Ann sat by the fire.\n\nAnn smiled and said, "That will do." Mary put down her cup and laughed too. "No, I shall not stay," she declared.\n';
    const { doc, turns } = turnsOf(text);
    assert.equal(turns.length, 2);
    const she = turns[1]!.cues[0]!.referent;
    assert.equal(doc.layer('characters')[she.corefGuess]?.name, 'Mary Stone');
    // Without another name between, the pronoun is the named speaker going on.
    assert.equal(
      turnsOf('Tom sat by the fire.\n\n"That will do," said Ann. "No, I shall not stay," she added.\n').turns
        .length,
      1,
    );
  });

  it('a described speaker after a named one in the same paragraph starts a new turn', () => {
    const text =
      'Tom and Ann sat by the fire.\n\n"It was odd," Mary said at last. Her hostess only smiled, and rejoined: "Oh, it means nothing."\n';
    assert.deepEqual(cuedSpeakers(text), ['Mary Stone', '-']);
  });

  it('a lead-in ending in a colon does not take the one spoken to for its subject', () => {
    const text =
      'Tom and Mary sat by the fire.\n\n"Go, Mary," said Ann; and continued to Tom in the same breath:\n\n"She cannot deceive me."\n';
    assert.deepEqual(cuedSpeakers(text), ['Ann Hale', '-']);
  });

  it('the subject of a relative clause on "where" is not the speaker', () => {
    const text =
      'Tom jumped up, pushed through the crowd into the corner where Mary was sitting, and exclaimed: "Here I am."\n';
    assert.deepEqual(cuedSpeakers(text), ['Tom Barker']);
  });

  it('a speech verb joined by ", and" to a "when" clause has that clause\'s subject', () => {
    const a =
      'He would have given it to the vicar, who, though often tired, was not unwilling to take it, when Ann instantly drew back, and said, "No, I will keep it."\n';
    assert.deepEqual(cuedSpeakers(a), ['Ann Hale']);
    const b =
      'Her heart was still light when Tom, an hour later, came into the room where she and Mary were sitting, and said, "I am come."\n';
    assert.deepEqual(cuedSpeakers(b), ['Tom Barker']);
    const c = 'When Tom came in, Ann rose, and said, "Good evening."\n';
    assert.deepEqual(cuedSpeakers(c), ['Ann Hale']);
  });

  it('the owner of a gerund the speech verb is joined to says it', () => {
    const text = 'Ann never left the house without Tom\'s giving a gentle sigh, and saying, "Poor Mary!"\n';
    assert.deepEqual(cuedSpeakers(text), ['Tom Barker']);
  });

  it('"for" after a comma joins a clause whose subject speaks', () => {
    const text = 'Ann began to speak, but she stopped at once, for the vicar cried out, "Silence!"\n';
    assert.deepEqual(cuedSpeakers(text), ['The Vicar']);
  });

  it('"for" after a dash joins a clause whose subject speaks', () => {
    const text = 'There was more pleasure in the sound--for Tom at once greeted her with, "How do you do?"\n';
    assert.deepEqual(cuedSpeakers(text), ['Tom Barker']);
  });

  it("a long participle's phrase between the subject and the speech verb is skipped", () => {
    const text =
      'Nobody knew when he had come, till Mary, looking at the great gilt clock that stood in gaudy splendour on the shelf above the fire, exclaimed: "How late he is!"\n';
    assert.deepEqual(cuedSpeakers(text), ['Mary Stone']);
  });
});

describe('attribution: cues the session review found misread', () => {
  it('an adverb "on", "over" or "round" before a name governs nothing: the name is the tag\'s', () => {
    assert.deepEqual(cuedSpeakers('Later on Tom said, "We must go."\n'), ['Tom Barker']);
    assert.deepEqual(cuedSpeakers('When the song was over Ann said, "We must go."\n'), ['Ann Hale']);
    const cue = turnsOf('Later on Tom said, "We must go."\n').turns[0]!.cues[0]!;
    assert.equal(cue.kind, 'tag');
  });

  it('"said so quietly that …" and "said that very evening" are tags, not reported speech', () => {
    for (const text of [
      '"We must go," Ann said so quietly that Tom started.\n',
      '"Go," Ann said that very evening.\n',
    ]) {
      const cue = turnsOf(text).turns[0]!.cues[0]!;
      assert.equal(cue.kind, 'tag', text);
      assert.deepEqual(cuedSpeakers(text), ['Ann Hale'], text);
    }
  });

  it('a possessive before an -ing noun is no gerund owner unless a preposition governs it', () => {
    assert.deepEqual(cuedSpeakers('Tom picked up her knitting, and saying "It is late," left the room.\n'), [
      'Tom Barker',
    ]);
    assert.deepEqual(cuedSpeakers('Tom stopped them without Ann\'s giving a sigh, and saying, "Go."\n'), [
      'Ann Hale',
    ]);
  });

  it('"could hear her sigh and say" is hers, as "heard her sigh and say" is', () => {
    assert.deepEqual(cuedSpeakers('Tom could hear Ann sigh and say, "Go."\n'), ['Ann Hale']);
  });

  it("a pronoun tag that goes on, or follows a silent reply, stays in the named speaker's turn", () => {
    for (const text of [
      '"It is late," said Mary. Ann did not answer. "We must go," she added.\n',
      '"It is late," said Mary. Ann was silent. "We must go," she said.\n',
    ])
      assert.equal(turnsOf(text).turns.length, 1, text);
    assert.equal(
      turnsOf('"It is late," said Mary. Ann laughed too. "We must go," she declared.\n').turns.length,
      2,
    );
  });
  it('"said the porter, voice low" is the porter, not an unnamed voice', () => {
    const { doc, turns } = turnsOf('"Mind the step," said the porter, voice low.\n');
    const cue = turns[0]!.cues[0]!;
    assert.equal(doc.layer('tokens').lower[cue.referent.token], 'porter');
    const hoarse = turnsOf('"Mind the step," said a low, hoarse voice.\n');
    assert.equal(hoarse.doc.layer('tokens').lower[hoarse.turns[0]!.cues[0]!.referent.token], 'voice');
  });

  it('names after "said a voice" are looked for in its own paragraph only (one paragraph a line)', () => {
    const text = '"Is anyone in?" said a voice.\nTom put down his cup.\nAnn came to the door.\n';
    const { doc } = turnsOf(text);
    const tokens = doc.layer('tokens');
    let voice = -1;
    for (let t = 0; t < tokens.count; t++) if (tokens.lower[t] === 'voice') voice = t;
    assert.deepEqual(namedNear(doc, voice, 1, 2), []);
    const same = turnsOf('"Is anyone in?" said a voice; and Tom turned to see Ann there.\n');
    const st = same.doc.layer('tokens');
    let v2 = -1;
    for (let t = 0; t < st.count; t++) if (st.lower[t] === 'voice') v2 = t;
    const names = namedNear(same.doc, v2, 1, 2).map((c) => same.doc.layer('characters')[c]!.name);
    assert.deepEqual(names, ['Tom Barker', 'Ann Hale']);
  });
});
