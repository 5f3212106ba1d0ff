/**
 * The joint addressee decoder (stages/attribution/addressees.ts) on small hand-made conversations:
 * keeping the party of the previous turn outweighs a turn's own weak preference, vocatives always
 * count, and the speaker is never their own addressee.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createEngine } from '../src/engine/engine.js';
import {
  ADDRESSEE_FEATURES,
  ADDRESSEE_TRANSITIONS,
  addresseeTransitions,
  decodeAddresseeSets,
  NA,
  NAW,
  type TurnCandidates,
  turnCandidates,
} from '../src/stages/attribution/addressees.js';
import { prepareConversations } from '../src/stages/attribution/index.js';
import { sourceOf } from './layers.helper.js';

/** Candidates of one turn with given scores; `forced` are vocatives. */
function turn(scores: Record<number, number>, forced: number[] = []): TurnCandidates {
  const characters = Object.keys(scores).map(Number);
  return {
    characters,
    features: characters.map(() => new Float32Array(NA)),
    scores: characters.map((c) => scores[c]!),
    forced,
  };
}

function weights(transitions: Partial<Record<(typeof ADDRESSEE_TRANSITIONS)[number], number>>): Float64Array {
  const w = new Float64Array(NAW);
  ADDRESSEE_TRANSITIONS.forEach((t, k) => {
    w[NA + k] = transitions[t] ?? 0;
  });
  return w;
}

const sorted = (sets: number[][]): number[][] => sets.map((s) => [...s].sort((a, b) => a - b));

describe('addressee decoder', () => {
  it('names the transitions of a kept, continued and changed party', () => {
    const kept = NA + ADDRESSEE_TRANSITIONS.indexOf('party-kept');
    const continued = NA + ADDRESSEE_TRANSITIONS.indexOf('party-continued');
    // 0 spoke to 1; 1 answers 0: the same pair.
    assert.ok(addresseeTransitions([1], 0, [0], 1).includes(kept));
    // 0 spoke to 1 and 2; 1 answers 0 and 2: the same group.
    assert.ok(addresseeTransitions([1, 2], 0, [0, 2], 1).includes(kept));
    // 0 spoke to 1; newcomer 3 addresses the pair.
    assert.ok(addresseeTransitions([1], 0, [0, 1], 3).includes(continued));
    // 0 spoke to 1 and 2; 1 answers 0 alone: the party changed.
    const changed = addresseeTransitions([1, 2], 0, [0], 1);
    assert.ok(!changed.includes(kept) && !changed.includes(continued));
  });

  it('counts the listeners who leave or join the party, by whether they speak nearby', () => {
    const at = (t: (typeof ADDRESSEE_TRANSITIONS)[number]): number => NA + ADDRESSEE_TRANSITIONS.indexOf(t);
    const count = (list: number[], t: (typeof ADDRESSEE_TRANSITIONS)[number]): number =>
      list.filter((x) => x === at(t)).length;
    // 0 spoke to 1 and to silent 2; 1 answers 0 alone: 2 leaves the party unremarked.
    const shrink = addresseeTransitions([1, 2], 0, [0], 1, [0]);
    assert.equal(count(shrink, 'dropped-silent'), 1);
    assert.equal(count(shrink, 'dropped-near-speaker'), 0);
    // 0 spoke to 1; 1 answers 0 and 3, who speaks in the next turns: 3 joins.
    const grow = addresseeTransitions([1], 0, [0, 3], 1, [0, 3]);
    assert.equal(count(grow, 'added-near-speaker'), 1);
    assert.equal(count(grow, 'added-silent'), 0);
    // The same group: nobody leaves or joins.
    const kept = addresseeTransitions([1, 2], 0, [0, 2], 1, [0]);
    for (const t of ['dropped-near-speaker', 'dropped-silent', 'added-near-speaker', 'added-silent'] as const)
      assert.equal(count(kept, t), 0, t);
  });

  it('keeps a silent listener in the group while the others talk', () => {
    // Three people; 0 and 1 talk, 2 is addressed on the first turn and then never speaks. Each later
    // turn on its own slightly prefers the other talker alone.
    const speakers = [0, 1, 0, 1];
    const candidates = [
      turn({ 1: 2, 2: 2 }),
      turn({ 0: 2, 2: -0.3 }),
      turn({ 1: 2, 2: -0.3 }),
      turn({ 0: 2, 2: -0.3 }),
    ];
    const independent = decodeAddresseeSets(candidates, speakers, weights({}));
    assert.deepEqual(sorted(independent), [[1, 2], [0], [1], [0]]);
    // A dialogue keeps its pair from the third turn on as well, so the bonus must outweigh the
    // listener's small penalty over the turns after the change point.
    const joint = decodeAddresseeSets(candidates, speakers, weights({ 'party-kept': 2 }));
    assert.deepEqual(sorted(joint), [
      [1, 2],
      [0, 2],
      [1, 2],
      [0, 2],
    ]);
  });

  it('gives a turn after narration its own transition weights', () => {
    const at = (t: (typeof ADDRESSEE_TRANSITIONS)[number]): number => NA + ADDRESSEE_TRANSITIONS.indexOf(t);
    // 0 spoke to 1 and 2; 1 answers 0 alone, straight after or after a paragraph of narration.
    const adjacent = addresseeTransitions([1, 2], 0, [0], 1, [0]);
    const afterNarration = addresseeTransitions([1, 2], 0, [0], 1, [0], true);
    assert.ok(adjacent.includes(at('dropped-silent')));
    assert.ok(!adjacent.includes(at('dropped-silent-after-narration')));
    assert.ok(afterNarration.includes(at('dropped-silent')));
    assert.ok(afterNarration.includes(at('dropped-silent-after-narration')));
    // The decoder reads the flag from the turn: the silent listener stays through the dialogue and
    // leaves where narration comes between (the talk went on elsewhere).
    const speakers = [0, 1, 0, 1];
    const later = (other: number, afterNarration: boolean): TurnCandidates => ({
      ...turn({ [other]: 2, 2: -0.5 }),
      afterNarration,
    });
    const candidates = [turn({ 1: 2, 2: 2 }), later(0, false), later(1, true), later(0, false)];
    const w = weights({ 'party-kept': 2, 'party-kept-after-narration': -2 });
    assert.deepEqual(sorted(decodeAddresseeSets(candidates, speakers, w)), [[1, 2], [0, 2], [1], [0]]);
  });

  it('names a party that trades one listener for another', () => {
    const swapped = NA + ADDRESSEE_TRANSITIONS.indexOf('party-swapped');
    // 0 spoke to 1 and 2; 1 answers 0 and newcomer 3 instead of 2: traded.
    assert.ok(addresseeTransitions([1, 2], 0, [0, 3], 1).includes(swapped));
    // 0 spoke to 1 and 2; newcomer 3 speaks to 1: 0 and 2 drop out, 3 comes in.
    assert.ok(addresseeTransitions([1, 2], 0, [1], 3).includes(swapped));
    // Growing, shrinking or keeping the party trades nobody.
    assert.ok(!addresseeTransitions([1], 0, [0, 3], 1).includes(swapped));
    assert.ok(!addresseeTransitions([1, 2], 0, [0], 1).includes(swapped));
    assert.ok(!addresseeTransitions([1, 2], 0, [0, 2], 1).includes(swapped));
    assert.ok(!addresseeTransitions([1], 0, [0, 1], 3).includes(swapped));
  });

  it('leaves out an optional vocative that scores low, keeps a forced one', () => {
    const speakers = [0, 1];
    const candidates = [turn({ 1: 3 }), { ...turn({ 0: 3, 2: -4 }), optional: [2] }];
    const sets = sorted(decodeAddresseeSets(candidates, speakers, weights({ 'party-kept': 1 })));
    assert.deepEqual(sets, [[1], [0]]);
    const liked = [turn({ 1: 3 }), { ...turn({ 0: 3, 2: 4 }), optional: [2] }];
    assert.deepEqual(sorted(decodeAddresseeSets(liked, speakers, weights({ 'party-kept': 1 }))), [
      [1],
      [0, 2],
    ]);
  });

  it('always includes a vocative and never the speaker', () => {
    const speakers = [0, 1];
    const candidates = [turn({ 1: 3, 2: -4 }, [2]), turn({ 0: 3, 1: 5 })];
    const sets = sorted(decodeAddresseeSets(candidates, speakers, weights({ 'party-kept': 1 })));
    assert.ok(sets[0]!.includes(2));
    assert.ok(!sets[1]!.includes(1));
  });
});

/** The cast of the kitchen stories below: two who talk, one who comes in. */
const CAST = [
  { id: 'tom', name: 'Tom Barker', aliases: ['Tom'], gender: 'M' },
  { id: 'ann', name: 'Ann Hale', aliases: ['Ann'], gender: 'F' },
  { id: 'mary', name: 'Mary Stone', aliases: ['Mary', 'Mrs. Stone'], gender: 'F' },
];

type Conversation = ReturnType<typeof prepareConversations>[number];

/** The cast's three people and the story's first conversation. */
function castAndConversation(story: string): {
  tom: number;
  ann: number;
  mary: number;
  conv: Conversation | undefined;
} {
  const doc = createEngine({ characters: CAST, until: 'coref' }).process(sourceOf(story));
  const characters = doc.layer('characters');
  const index = (id: string): number => characters.findIndex((c) => c.id === id);
  return { tom: index('tom'), ann: index('ann'), mary: index('mary'), conv: prepareConversations(doc)[0] };
}

/** Turn i's addressee candidates when the conversation's speakers are `speakers` (no learned weights). */
function candidatesAt(conv: Conversation, speakers: number[], i: number): TurnCandidates {
  return turnCandidates(conv, speakers, i, -1, new Set(), new Set(speakers), new Float64Array(NAW));
}

/** The addressee features candidate c carries on turn i. */
function featuresOf(conv: Conversation, speakers: number[], i: number, c: number): Set<string> {
  const cands = candidatesAt(conv, speakers, i);
  const f = cands.features[cands.characters.indexOf(c)]!;
  return new Set(ADDRESSEE_FEATURES.filter((_, k) => f[k] === 1));
}

describe('addressees in a story', () => {
  const story = [
    '“The boat’s late again,” Ann said.',
    'Tom looked at the clock over the stove. “It’s the wind. It always is.”',
    '“You said that last week,” said Ann.',
    '“And I was right last week,” said Tom.',
    'The latch rattled, and Mrs. Stone came in with her shawl over her head and a basket on her arm.',
    '“Don’t get up, either of you,” said Mrs. Stone. “I’ve only brought the eggs.”',
    '“Sit down a minute, Mary,” said Ann.',
    '“Just a minute, then,” said Mrs. Stone.',
  ].join('\n\n');

  it('nobody is spoken to before they come in; after, the party includes them', () => {
    const result = createEngine({ characters: CAST }).analyze(sourceOf(story));
    const addressees = result.quotes.map((q) => q.addressees);
    assert.equal(addressees.length, 7);
    for (const before of addressees.slice(0, 4))
      assert.ok(!before.includes('mary'), JSON.stringify(addressees));
    assert.deepEqual([...addressees[4]!].sort(), ['ann', 'tom']);
    assert.ok(addressees[5]!.includes('mary'), JSON.stringify(addressees));
  });
});

describe('a name called out to someone who never answers', () => {
  const story = [
    '“Mary, the boat’s late again,” Ann said.',
    '“It’s the wind,” said Tom.',
    '“Mary, come and look at the sky!” cried Ann.',
    '“She can’t hear you,” said Tom.',
  ].join('\n\n');

  it('is optional after the first turn and forced on the first', () => {
    const { tom, ann, mary, conv } = castAndConversation(story);
    assert.ok(conv && conv.turns.length === 4, JSON.stringify(conv?.turns.length));
    const speakers = [ann, tom, ann, tom];
    const cands = (i: number): TurnCandidates => candidatesAt(conv, speakers, i);
    assert.ok(conv.turns[2]!.vocatives.includes(mary), JSON.stringify(conv.turns[2]!.vocatives));
    assert.ok(cands(2).optional?.includes(mary));
    assert.ok(!cands(2).forced.includes(mary));
    // The first turn of a conversation is the one where the party is called together.
    assert.ok(cands(0).forced.includes(mary), JSON.stringify(cands(0)));
    // Someone who answers is always addressed when named.
    const answered = turnCandidates(
      conv,
      [ann, tom, ann, mary],
      2,
      -1,
      new Set(),
      new Set([ann, tom, mary]),
      new Float64Array(NAW),
    );
    assert.ok(answered.forced.includes(mary));
  });
});

describe('someone the narration names before they first speak', () => {
  const story = [
    '“The boat’s late again,” Ann said.',
    '“It’s the wind,” said Tom, and he nodded at Mrs. Stone coming up the path with her basket.',
    '“Late again, is it?” said Mrs. Stone.',
  ].join('\n\n');

  it('is marked as perhaps not yet there; one who just answers is not', () => {
    const { tom, ann, mary, conv } = castAndConversation(story);
    assert.ok(conv && conv.turns.length === 3, JSON.stringify(conv?.turns.length));
    const speakers = [ann, tom, mary];
    const features = (i: number, c: number): Set<string> => featuresOf(conv, speakers, i, c);
    assert.ok(features(0, mary).has('named-before-speaking-later'));
    // Her own tag names her, not the narration.
    assert.ok(!features(1, mary).has('named-before-speaking-later'));
    assert.ok(features(0, tom).has('speaks-later-only'));
    assert.ok(!features(0, tom).has('named-before-speaking-later'));
  });
});

describe('a name called out in a group', () => {
  const story = [
    '“The boat’s late again,” Ann said.',
    '“It’s the wind,” said Tom.',
    '“Tom, you say that every week,” said Mrs. Stone.',
    '“And every week I’m right,” said Tom.',
  ].join('\n\n');

  it('marks the turn as naming someone among several, not between two', () => {
    const { tom, ann, mary, conv } = castAndConversation(story);
    assert.ok(conv && conv.turns.length === 4, JSON.stringify(conv?.turns.length));
    assert.ok(conv.turns[2]!.vocatives.includes(tom));
    const features = (speakers: number[], c: number): Set<string> => featuresOf(conv, speakers, 2, c);
    const group = features([ann, tom, mary, tom], ann);
    assert.ok(group.has('turn-has-vocative') && group.has('turn-has-vocative-in-group'));
    const pair = features([ann, tom, ann, tom], tom);
    assert.ok(pair.has('turn-has-vocative') && !pair.has('turn-has-vocative-in-group'));
  });
});

describe('who the narration puts in the scene', () => {
  const story = [
    'Ann and Mrs. Stone sat by the fire while Tom mended the net.',
    '“The boat’s late again,” Ann said.',
    '“It’s the wind,” said Tom.',
    'Tom left the room without another word.',
    '“He’s always like that,” said Ann.',
    '“Leave him be,” said Mrs. Stone.',
  ].join('\n\n');

  it('marks the silent listener named in the setting, and the one who went out', () => {
    const { tom, ann, mary, conv } = castAndConversation(story);
    assert.ok(conv && conv.turns.length === 4, JSON.stringify(conv?.turns.length));
    assert.deepEqual(conv.scene?.departed.get(tom), [3]);
    const speakers = [ann, tom, ann, mary];
    const features = (i: number, c: number): Set<string> => featuresOf(conv, speakers, i, c);
    // Mrs. Stone says nothing until the last turn, but the setting puts her by the fire.
    assert.ok(features(1, mary).has('named-in-setting'));
    assert.ok(features(1, mary).has('speaks-later-only'));
    // Tom went out between his turn and Ann's answer.
    assert.ok(features(2, tom).has('left-since-last-turn'));
    assert.ok(!features(1, ann).has('left-since-last-turn'));
  });

  it('reads "Then she was gone" in a turn tagged with her name as her going out, not his', () => {
    const gone = [
      'Ann and Mrs. Stone sat by the fire while Tom mended the net.',
      '“The kettle’s boiled,” said Ann.',
      '“Then I’ll leave you to it,” said Mrs. Stone, and she laughed. Then she was gone.',
      '“She always goes when the tea is made,” said Ann.',
      '“So she does,” said Tom.',
    ].join('\n\n');
    const { tom, ann, mary, conv } = castAndConversation(gone);
    assert.ok(conv && conv.turns.length === 4, JSON.stringify(conv?.turns.length));
    assert.deepEqual(conv.scene?.departed.get(mary), [2]);
    assert.equal(conv.scene?.departed.get(ann), undefined);
    assert.ok(featuresOf(conv, [ann, mary, ann, tom], 2, mary).has('left-since-last-turn'));
  });

  it('does not read "said she was gone" as the tagged speaker going out', () => {
    const told = [
      'Ann and Mrs. Stone sat by the fire while Tom mended the net.',
      '“Where is the cat?” asked Ann. Tom said she was gone.',
      '“Out in the rain again,” said Mrs. Stone.',
      '“She always goes when the tea is made,” said Ann.',
    ].join('\n\n');
    const { ann, conv } = castAndConversation(told);
    assert.ok(conv && conv.turns.length === 3, JSON.stringify(conv?.turns.length));
    assert.equal(conv.scene?.departed.get(ann), undefined);
  });

  it('marks the turns after narration of someone coming or going, and their party transitions', () => {
    const { tom, ann, mary, conv } = castAndConversation(story);
    assert.ok(conv && conv.turns.length === 4, JSON.stringify(conv?.turns.length));
    // "left the room" in paragraph 3; "went" inside a quotation would not count.
    assert.deepEqual([...(conv.scene?.moves ?? [])], [3]);
    const speakers = [ann, tom, ann, mary];
    const moved = (i: number): boolean | undefined => candidatesAt(conv, speakers, i).moved;
    assert.equal(moved(1), false);
    assert.equal(moved(2), true);
    assert.equal(moved(3), false);
    const at = (t: (typeof ADDRESSEE_TRANSITIONS)[number]): number => NA + ADDRESSEE_TRANSITIONS.indexOf(t);
    const kept = addresseeTransitions([1], 0, [0], 1, [0], true, true);
    assert.ok(kept.includes(at('party-kept')));
    assert.ok(kept.includes(at('party-kept-after-narration')));
    assert.ok(kept.includes(at('party-kept-after-movement')));
    assert.ok(!addresseeTransitions([1], 0, [0], 1, [0], true).includes(at('party-kept-after-movement')));
  });

  it('reads coming and going in the narration only', () => {
    const still = [
      'Ann sat by the fire while Tom mended the net.',
      '“Go out and look at the boat,” Ann said.',
      '“It’s the wind,” said Tom, and he was left alone with his net.',
      '“Then it will hold,” said Ann.',
    ].join('\n\n');
    const doc = createEngine({ characters: CAST, until: 'coref' }).process(sourceOf(still));
    const [conv] = prepareConversations(doc);
    assert.ok(conv && conv.turns.length === 3, JSON.stringify(conv?.turns.length));
    assert.deepEqual([...(conv.scene?.moves ?? [])], []);
  });
});

/** Ann and Tom talk by the fire; Mrs. Stone comes in and says `words` to them. */
const visit = (words: string): string =>
  [
    'Ann and Tom sat by the fire when Mrs. Stone came in.',
    '“The boat’s late,” said Ann.',
    '“It’s the wind,” said Tom.',
    `“${words}” said Mrs. Stone.`,
  ].join('\n\n');

describe('speech to several at once', () => {
  it('"either of you", "you two", "ladies and gentlemen" mark every candidate; a plain "you" does not', () => {
    for (const [words, several] of [
      ['Don’t get up, either of you.', true],
      ['Sit down, you two.', true],
      ['Ladies and gentlemen, the eggs are here.', true],
      ['All of you must eat.', true],
      ['I brought you the eggs.', false],
      ['You all right, Ann?', false],
      ['You all know the way.', true],
      ['Are you all ready?', true],
      ['Thank you all the same.', false],
      ['I’ll give you two minutes.', false],
      ['I love you both.', true],
    ] as const) {
      const { tom, ann, mary, conv } = castAndConversation(visit(words));
      assert.ok(conv && conv.turns.length === 3, words);
      const speakers = [ann, tom, mary];
      assert.equal(featuresOf(conv, speakers, 2, ann).has('several-addressed'), several, words);
      assert.equal(featuresOf(conv, speakers, 2, tom).has('several-addressed-near'), several, words);
      assert.ok(!featuresOf(conv, speakers, 1, ann).has('several-addressed'), words);
    }
  });
});

describe('several called out as a vocative', () => {
  it('are told from several only mentioned', () => {
    for (const [words, called] of [
      ['Don’t get up, either of you.', true],
      ['You two, fetch the lamp.', true],
      ['Sit down, both of you, and eat.', true],
      ['It will be good for both of you.', false],
      ['You all know the way.', false],
      ['I love you both dearly.', false],
    ] as const) {
      const { conv } = castAndConversation(visit(words));
      assert.ok(conv && conv.turns.length === 3, words);
      assert.equal(conv.turns[2]!.callsSeveral, called, words);
      assert.ok(conv.turns[2]!.addressesSeveral, words);
    }
  });

  it('leave no set of one when a larger one is on offer, whatever the weights', () => {
    const { tom, ann, mary, conv } = castAndConversation(visit('Don’t get up, either of you.'));
    assert.ok(conv);
    const speakers = [ann, tom, mary];
    const weights = new Float64Array(NAW);
    const candidates = conv.turns.map((_, i) => candidatesAt(conv, speakers, i));
    // With every weight zero but a cost per addressee, the decoder would pick the smallest sets.
    for (const c of candidates) c.scores = c.scores.map(() => -1);
    const sets = decodeAddresseeSets(candidates, speakers, weights);
    assert.deepEqual([...sets[2]!].sort(), [ann, tom].sort());
    assert.ok(sets[1]!.length <= 1, JSON.stringify(sets));
  });
});

describe('words a tag gives to one listener', () => {
  it('mark the others about on that turn and on the answer to it', () => {
    const story = [
      'Ann and Tom sat by the fire when Mrs. Stone came in.',
      '“The boat’s late,” said Ann.',
      '“It’s the wind,” said Tom.',
      '“Go and fetch the lamp,” Mrs. Stone said to Ann.',
      '“In a minute,” said Ann.',
    ].join('\n\n');
    const { tom, ann, mary, conv } = castAndConversation(story);
    assert.ok(conv && conv.turns.length === 4);
    const speakers = [ann, tom, mary, ann];
    assert.deepEqual(conv.turns[2]!.tagObjects, [ann]);
    // "Mrs. Stone said to Ann": Tom is about, but the words are Ann's.
    assert.ok(featuresOf(conv, speakers, 2, tom).has('tag-object-other'));
    assert.ok(!featuresOf(conv, speakers, 2, ann).has('tag-object-other'));
    // Ann answers Mrs. Stone: Tom, neither the one told nor the one who told, is marked.
    assert.ok(featuresOf(conv, speakers, 3, tom).has('after-tag-object-other'));
    assert.ok(!featuresOf(conv, speakers, 3, mary).has('after-tag-object-other'));
    // Turns without a tag object (and the turns after them) mark no one.
    assert.ok(!featuresOf(conv, speakers, 1, ann).has('tag-object-other'));
    for (const c of [ann, tom]) assert.ok(!featuresOf(conv, speakers, 2, c).has('after-tag-object-other'));
  });
});

/**
 * Thirteen turns by the stove: Mrs. Stone speaks first, then Ann and Tom talk; `between` is put in
 * as narration after the third turn. Turn 1 calls Mary by name.
 */
function stoveStory(between = ''): string {
  const lines = [
    '“The boat’s late,” said Mrs. Stone.',
    '“Is it the wind, Mary?” said Ann.',
    '“It always is,” said Tom.',
  ];
  if (between) lines.push(between);
  const talk = ['The nets are wet.', 'Then hang them up.', 'The rope is short.', 'Take the long one.'];
  for (let k = 3; k < 13; k++) lines.push(`“${talk[k % 4]}” said ${k % 2 === 1 ? 'Ann' : 'Tom'}.`);
  return lines.join('\n\n');
}

describe('the stretch of a conversation between comings and goings', () => {
  it('marks a voice heard more than five turns off on both sides of the turn, with no movement between', () => {
    const { tom, ann, mary, conv } = castAndConversation(stoveStory());
    assert.ok(conv && conv.turns.length === 13, JSON.stringify(conv?.turns.length));
    const speakers = [mary, ann, tom, ann, tom, ann, tom, ann, tom, ann, tom, ann, mary];
    const at6 = featuresOf(conv, speakers, 6, mary);
    assert.ok(at6.has('spoke-in-stretch-both-sides'), JSON.stringify([...at6]));
    assert.ok(!at6.has('spoke-beyond-movement-only'));
    // Near the turn, she is a voice nearby, not one heard off.
    assert.ok(!featuresOf(conv, speakers, 2, mary).has('spoke-in-stretch-both-sides'));
    assert.deepEqual([...(candidatesAt(conv, speakers, 6).stretch ?? [])].sort(), [tom, ann, mary].sort());
  });

  it('marks a voice heard only across narration of someone coming in, and leaves it out of the stretch', () => {
    const still = castAndConversation(stoveStory());
    const moved = castAndConversation(stoveStory('The dog came in from the yard and lay down.'));
    for (const { conv } of [still, moved]) assert.ok(conv && conv.turns.length === 13);
    const { tom, ann, mary } = moved;
    const speakers = [mary, ann, tom, ann, tom, ann, tom, ann, tom, ann, tom, ann, tom];
    assert.equal(moved.conv!.scene?.moves.size, 1);
    assert.ok(featuresOf(moved.conv!, speakers, 8, mary).has('spoke-beyond-movement-only'));
    assert.ok(!featuresOf(still.conv!, speakers, 8, mary).has('spoke-beyond-movement-only'));
    assert.ok(!candidatesAt(moved.conv!, speakers, 8).stretch?.includes(mary));
    assert.ok(candidatesAt(still.conv!, speakers, 8).stretch?.includes(mary));
  });

  it('marks the voices further off when no other voice is near, and one called by name in the stretch', () => {
    const { tom, ann, mary, conv } = castAndConversation(stoveStory());
    assert.ok(conv && conv.turns.length === 13);
    // Ann talks on alone from turn 1: Mrs. Stone, heard at turn 0, is the one she talks to.
    const alone = [mary, ann, ann, ann, ann, ann, ann, ann, ann, ann, ann, ann, ann];
    assert.ok(featuresOf(conv, alone, 6, mary).has('voice-when-none-near'));
    assert.ok(!featuresOf(conv, alone, 1, mary).has('voice-when-none-near'));
    // Mary never speaks but is called by name at turn 1: marked at the other turns of the stretch.
    const pair = [ann, ann, tom, ann, tom, ann, tom, ann, tom, ann, tom, ann, tom];
    assert.ok(conv.turns[1]!.vocatives.includes(mary), JSON.stringify(conv.turns[1]!.vocatives));
    assert.ok(featuresOf(conv, pair, 6, mary).has('addressed-in-stretch'));
    assert.ok(!featuresOf(conv, pair, 1, mary).has('addressed-in-stretch'));
    const moved = castAndConversation(stoveStory('The dog came in from the yard and lay down.'));
    assert.ok(!featuresOf(moved.conv!, pair, 6, mary).has('addressed-in-stretch'));
  });
});

describe('the stretch of a conversation between comings and goings', () => {
  // Turns 0-12, "Tom left the room", turns 13-20; turn 2 calls Mary by name.
  const paragraphs = ['Ann and Mrs. Stone sat by the fire while Tom mended the net.'];
  for (let k = 0; k < 21; k++) {
    if (k === 13) paragraphs.push('Tom left the room without another word.');
    paragraphs.push(k === 2 ? '“Look here, Mary, it is late,” said Ann.' : `“It is number ${k},” said Ann.`);
  }
  const story = paragraphs.join('\n\n');

  it('marks a far voice heard on both sides within the stretch, and one heard only across a move', () => {
    const { tom, ann, mary, conv } = castAndConversation(story);
    assert.ok(conv && conv.turns.length === 21, JSON.stringify(conv?.turns.length));
    const speakers = [mary];
    for (let k = 1; k < 21; k++) speakers.push(k === 12 ? mary : k % 2 === 1 ? ann : tom);
    const features = (i: number, c: number): Set<string> => featuresOf(conv, speakers, i, c);
    assert.ok(features(6, mary).has('spoke-in-stretch-both-sides'));
    assert.ok(!features(6, mary).has('spoke-beyond-movement-only'));
    assert.ok(features(19, mary).has('spoke-beyond-movement-only'));
    assert.ok(!features(19, mary).has('spoke-in-stretch-both-sides'));
    // Everyone who talks in the turn's stretch is offered, in order of first turn.
    assert.deepEqual(candidatesAt(conv, speakers, 6).stretch, [mary, ann, tom]);
    assert.deepEqual(candidatesAt(conv, speakers, 19).stretch, [ann, tom]);
  });

  it('marks a silent one called by name elsewhere in the stretch, not across a move', () => {
    const { tom, ann, mary, conv } = castAndConversation(story);
    assert.ok(conv && conv.turns.length === 21, JSON.stringify(conv?.turns.length));
    const speakers = conv.turns.map((_, k) => (k % 2 === 0 ? ann : tom));
    assert.ok(featuresOf(conv, speakers, 8, mary).has('addressed-in-stretch'));
    assert.ok(!featuresOf(conv, speakers, 17, mary).has('addressed-in-stretch'));
  });
});

describe('addressees: where in its paragraph someone comes or goes', () => {
  it('a coming before the turn that follows it is a move before that turn only', () => {
    const story =
      '"Is it cold out?" said Tom.\n\n"Bitter," said Ann.\n\n' +
      'Mrs. Stone came in with a basket. "I have brought the eggs," said Mrs. Stone.\n\n' +
      '"Put them on the table," said Ann.\n';
    const { conv } = castAndConversation(story);
    assert.deepEqual([...conv!.scene!.movedBefore], [0, 0, 1, 0]);
  });

  it('a going after the words of a turn is a move before the next turn', () => {
    const story =
      '"Is it cold out?" said Tom.\n\n"Goodbye, then," said Mrs. Stone, and went out.\n\n' +
      '"She forgot her basket," said Ann.\n';
    const { conv } = castAndConversation(story);
    assert.deepEqual([...conv!.scene!.movedBefore], [0, 0, 1]);
  });
});
