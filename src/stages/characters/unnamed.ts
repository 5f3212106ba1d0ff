import type { StoryDocument } from '../../engine/document.js';
import { POS } from '../../engine/pos.js';
import { isJoiningHyphen } from '../../engine/tokens.js';
import type { GenderLabel } from '../../engine/types.js';
import { KIN_NAME_ROLES, NOMINAL_GENDER } from '../lexicon/nominals.js';
import { speechVerbBase } from '../lexicon/speech-verbs.js';
import { words } from '../lexicon/words.js';
import { CASE, type TokenFacts } from './names.js';
import { ROLE_NOUNS } from './roles.js';

/**
 * Unnamed speakers: `"Tell me your name," said the man.`, `"Awfully," the young officer answered.`
 * Many people in fiction speak without ever being named. A general noun for a person ("man",
 * "woman", "girl", "officer") is a different person from scene to scene, so such a speaker is a
 * character only for a stretch of text: the occurrences of one description ("an old man" … "the
 * old man" … "the man") that follow each other within `GAP` paragraphs, of which at least one tags
 * a quotation. Role nouns ("the landlord") are found by the name finder as one character for the
 * whole text (roles.ts); a description inside a name mention is left to it.
 *
 * Within a stretch, a bare head noun ("the man") belongs to the one modified description with that
 * head ("the old man"); with two ("the old man", "the young man") it stays unassigned.
 */
export interface UnnamedSpeaker {
  /** "the old man": the first modified description of the stretch, else the bare one. */
  name: string;
  /** Token spans (first, last inclusive) of the stretch's descriptions, determiner included. */
  spans: [number, number][];
}

/** Uses of a modified description over the whole text from which it is a character's epithet. */
const EPITHET_USES = 10;

/** Paragraphs after a stranger's last description in which being named makes him that person. */
const NAMED_AFTER = 3;

/** Most paragraphs between two descriptions of one unnamed person. */
const GAP = 40;

/** Head nouns that name groups, family ties or no one in particular rather than one stranger. */
const NOT_HEADS: ReadonlySet<string> = new Set(
  words(`
  men women ladies gentlemen girls boys other others speaker figure person parent partner cousin
  friend companion husband wife mother father mama mamma papa pa mum mummy mom dad daddy son
  daughter sister brother uncle aunt nephew niece grandmother grandfather grandpa granny
  stepmother stepfather stepson stepdaughter godmother godfather sweetheart girlfriend boyfriend
  fiance fiancé fiancee fiancée bride groom widow widower sir master mistress hero heroine
  `),
);

/** Where a named character is first mentioned (a token), and the gender its name implies. */
export interface NamedArrival {
  token: number;
  gender: GenderLabel;
}

interface Arrival {
  token: number;
  paragraph: number;
  gender: GenderLabel;
}

/**
 * Compounds that name a person by trade: "gatekeeper", "saloon-keeper", "ferryman", "fishwife".
 * ("human" and "woman" end the same way and are no trade.)
 */
const TRADE = /^[a-z]+-?(?:keeper|maker|monger|seller|dealer|driver|smith|wright|herd|man|woman|wife)$/;
const NOT_TRADES: ReadonlySet<string> = new Set(
  words(`human woman gentleman german roman ottoman talisman wife`),
);

/** A noun for someone by the part they play: "the doctor", "the saloon-keeper". */
function isRoleHead(w: string): boolean {
  return ROLE_NOUNS.has(w) || (w.length > 5 && TRADE.test(w) && !NOT_TRADES.has(w) && !NOMINAL_GENDER.has(w));
}

/** Tokens first..last of a hyphenated compound as one lower-case word: "saloon-keeper". */
function compoundWord(doc: StoryDocument, first: number, last: number): string {
  const tokens = doc.layer('tokens');
  return doc.text.slice(tokens.start[first]!, tokens.end[last]!).toLowerCase();
}

/**
 * Animals that talk in fables and animal stories: `"They have lost the scent," said the old horse.`
 * Elsewhere an animal only barks or growls, so one is a speaker only as the subject of a verb of
 * saying right next to a quotation (ANIMAL_SPEECH), never through a pronoun.
 */
const ANIMALS: ReadonlySet<string> = new Set(
  words(`
  horse mare stallion pony colt filly foal donkey mule ox bull cow calf sheep lamb ram goat pig
  sow dog hound puppy cat kitten mouse rat rabbit hare squirrel fox wolf bear lion tiger
  elephant monkey ape bird owl crow raven rook magpie sparrow robin parrot eagle hawk goose
  gander duck hen cock rooster turkey frog toad snake serpent tortoise turtle beaver badger
  mole otter hedgehog caterpillar spider bee ant beetle fly grasshopper cricket
  `),
);

/** Verbs of saying that tag an animal's words; "barked", "growled", "cried" are its own noises. */
const ANIMAL_SPEECH: ReadonlySet<string> = new Set(
  words(`say ask reply answer exclaim whisper continue add return rejoin retort respond remark
  observe declare insist explain protest interrupt resume repeat inquire enquire tell`),
);

/** A head noun for a person: "man", "girl", "doctor", "saloon-keeper"; or a talking animal. */
function isPersonHead(w: string): boolean {
  return NOMINAL_GENDER.has(w) || isRoleHead(w) || ANIMALS.has(w);
}

const DETERMINERS: ReadonlySet<string> = new Set([
  'the',
  'a',
  'an',
  'another',
  'that',
  'this',
  'one',
  'my',
  'our',
]);
/** "a man", "another man", "one girl" (stood apart from the rest). */
const INDEFINITES: ReadonlySet<string> = new Set(['a', 'an', 'another', 'one']);
/**
 * A first-person narrator's "my guide", "our landlady": someone brought in by the part they play
 * for the narrator, so like "a guide" an introduction. Only with a role noun: the narrator's kin
 * are one character over the whole book (relativeSpeakers), and "my friend", "our man" no one new.
 */
const POSSESSIVES: ReadonlySet<string> = new Set(['my', 'our']);

/** Words before "a man" that make it a likeness or a kind: "as a man", "like a man", "such a man". */
const LIKENESS: ReadonlySet<string> = new Set(words(`as like such than what quite rather many`));

/** Verbs after which "a man" describes someone already there ("Tom was a quiet man"). */
const COPULAS: ReadonlySet<string> = new Set(
  words(`is was were be been being am are 's seem seemed seems become became becomes looked remained`),
);

/** Quotation marks that may close a quotation just before a tag (`"…," said the man`). */
function isQuoteMarkAt(text: string, at: number): boolean {
  const c = text.charCodeAt(at);
  return c === 34 || c === 39 || c === 0x201d || c === 0x2019 || c === 0x201c || c === 0x2018;
}

interface Occurrence {
  first: number;
  last: number;
  head: string;
  /** Modifiers and head ("old man"). */
  key: string;
  /** Modifier words before the head, joined ("old", "boy"); "" for a bare head. */
  modifiers: string;
  paragraph: number;
  tagged: boolean;
  /** Introduced with "a", "an" or "another" ("an old man sat by the fire"), not after a copula. */
  indefinite: boolean;
  /** Introduced by a first-person narrator as "my" or "our" ("our guide"). */
  possessive: boolean;
  /** Opens a sentence as the subject of its verb ("The guide stood on the bank."). */
  subject: boolean;
}

/**
 * The unnamed speakers of the text. `taken[t]` is 1 for tokens inside a name mention; a
 * description that overlaps one is not an unnamed person.
 */
export function unnamedSpeakers(
  doc: StoryDocument,
  facts: TokenFacts,
  taken: Uint8Array,
  named: readonly NamedArrival[] = [],
  namedMentions: readonly NamedArrival[] = [],
  titled: TitledCast = { female: true, male: true },
): UnnamedSpeaker[] {
  const paragraphOf = paragraphIndex(doc);
  const occurrences = findDescriptions(doc, facts, taken, paragraphOf);
  const out = relativeSpeakers(doc, facts, taken, paragraphOf, titled);
  if (occurrences.length === 0) return out;
  const arrivals: Arrival[] = [];
  for (const a of named)
    arrivals.push({ token: a.token, paragraph: paragraphOf[a.token]!, gender: a.gender });
  // By head noun, in text order (the scan is in text order).
  const byHead = new Map<string, Occurrence[]>();
  for (const o of occurrences) {
    const list = byHead.get(o.head);
    if (list) list.push(o);
    else byHead.set(o.head, [o]);
  }
  // "the old lady" forty times over the book is a character's epithet, not a passing stranger.
  const uses = new Map<string, number>();
  for (const o of occurrences) if (o.modifiers !== '') uses.set(o.key, (uses.get(o.key) ?? 0) + 1);
  for (const list of byHead.values()) {
    let from = 0;
    let spoke = list[0]!.tagged;
    for (let i = 1; i <= list.length; i++) {
      const o = list[i];
      // A stretch ends after GAP paragraphs without the description, and where "a man" or
      // "another man" comes in after the man of the stretch has spoken.
      if (o && o.paragraph - list[i - 1]!.paragraph <= GAP && !(o.indefinite && spoke)) {
        spoke ||= o.tagged;
        continue;
      }
      stretchSpeakers(list, from, i, { doc, facts, paragraphOf, arrivals, namedMentions }, uses, out);
      from = i;
      spoke = o?.tagged ?? false;
    }
  }
  out.sort((a, b) => a.spans[0]![0] - b.spans[0]![0]);
  return out;
}

/**
 * Relatives of a first-person narrator who speak under that name: `"Impossible!" cried my mother.`
 * A narrator has one mother, one father, one aunt they call so, over the whole book, so unlike a
 * stranger each is one character from first mention to last; a relative who never tags a
 * quotation is not one. In quotations "my mother" is the speaker's, and is skipped.
 */
const NARRATOR_KIN: ReadonlySet<string> = new Set(
  words(`
  mother father mama mamma papa aunt uncle grandmother grandfather granny grandpa wife husband
  guardian master mistress
  `),
);

/** Words that may stand between "my" and the relative: "my poor mother", "my dear old aunt". */
const KIN_MODIFIERS: ReadonlySet<string> = new Set(words(`poor dear old good late own`));

/**
 * "said his mother", "cried her husband" in a text whose cast has no "Mrs."/"Lady" (for a mother
 * or wife) or "Mr."/"Sir"/"Lord" (for a father or husband) the relative could be: whose mother
 * changes with the scene, so like a stranger each is a character of a stretch of GAP paragraphs.
 * Where such titles exist, the attribution stage names the relative from the owner's surname.
 */
const THIRD_PERSON_KIN: ReadonlyMap<string, 'female' | 'male'> = new Map([
  ['mother', 'female'],
  ['wife', 'female'],
  ['father', 'male'],
  ['husband', 'male'],
]);

/** Whether the cast has a married woman's title ("Mrs.", "Lady") and a man's ("Mr.", "Sir", "Lord"). */
export interface TitledCast {
  female: boolean;
  male: boolean;
}

function relativeSpeakers(
  doc: StoryDocument,
  facts: TokenFacts,
  taken: Uint8Array,
  paragraphOf: Int32Array,
  titled: TitledCast,
): UnnamedSpeaker[] {
  const { lower } = doc.layer('tokens');
  const n = lower.length;
  const byKin = new Map<string, { spans: [number, number][]; tagged: boolean; last: number }>();
  const out: UnnamedSpeaker[] = [];
  for (let t = 0; t + 1 < n; t++) {
    const owner = lower[t]!;
    // Lengths first: most tokens are turned away without comparing strings.
    if (owner.length < 2 || owner.length > 3) continue;
    const narrator = owner === 'my' || owner === 'our';
    if ((!narrator && owner !== 'his' && owner !== 'her') || facts.inQuote[t] === 1 || taken[t] === 1)
      continue;
    let k = t + 1;
    while (k < n && k <= t + 3 && KIN_MODIFIERS.has(lower[k]!)) k++;
    if (k >= n || facts.written[k] !== CASE.lower || taken[k] === 1) continue;
    const kin = lower[k]!;
    if (narrator ? !NARRATOR_KIN.has(kin) : !THIRD_PERSON_KIN.has(kin) || titled[THIRD_PERSON_KIN.get(kin)!])
      continue;
    // "my mother's room" is about her, and still her; "my mother and I" too.
    const key = `${owner} ${kin}`;
    let entry = byKin.get(key);
    // Someone's mother forty paragraphs on is another mother; the narrator's is always the same.
    if (entry && !narrator && paragraphOf[t]! - entry.last > GAP) {
      if (entry.tagged) out.push({ name: key, spans: entry.spans });
      entry = undefined;
    }
    if (!entry) {
      entry = { spans: [], tagged: false, last: 0 };
      byKin.set(key, entry);
    }
    entry.spans.push([t, k]);
    entry.tagged ||= tagsSpeech(doc, facts, t, k);
    entry.last = paragraphOf[t]!;
    t = k;
  }
  for (const [name, entry] of byKin) if (entry.tagged) out.push({ name, spans: entry.spans });
  out.push(...kinNamed(doc, facts, taken));
  return out;
}

/** Words before a kinship word that make it a common noun again ("the Mother Superior", "her Dad"). */
const KIN_NAME_BLOCKERS: ReadonlySet<string> = new Set(
  words('the a an my your his her our their its this that whose every'),
);

/**
 * Kinship words written as names: "Mum is in the kitchen", "says Dad", "Grandma laughed". Each
 * family role is one character over the whole text (the mother of the one telling or followed,
 * whatever word the text calls her by), named as first written.
 */
function kinNamed(doc: StoryDocument, facts: TokenFacts, taken: Uint8Array): UnnamedSpeaker[] {
  const tokens = doc.layer('tokens');
  const { lower, pos } = tokens;
  const n = lower.length;
  const byRole = new Map<string, { name: string; spans: [number, number][]; acts: boolean }>();
  for (let t = 0; t < n; t++) {
    if (facts.written[t] !== CASE.capitalised || facts.inQuote[t] === 1 || taken[t] === 1) continue;
    const role = KIN_NAME_ROLES.get(lower[t]!);
    if (role === undefined) continue;
    if (t > 0 && KIN_NAME_BLOCKERS.has(lower[t - 1]!)) continue;
    // "Father Brown", "Mother Superior", "Ma Joad": a title before a name, not the name itself.
    if (t + 1 < n && facts.written[t + 1] === CASE.capitalised && facts.initial[t + 1] !== 1) continue;
    const next = t + 1 < n ? pos[t + 1]! : POS.PUNCT;
    const acts = next === POS.VERB || next === POS.AUX || tagsSpeech(doc, facts, t, t);
    let entry = byRole.get(role);
    if (!entry) {
      entry = { name: doc.text.slice(tokens.start[t]!, tokens.end[t]!), spans: [], acts: false };
      byRole.set(role, entry);
    }
    entry.spans.push([t, t]);
    entry.acts ||= acts;
  }
  const out: UnnamedSpeaker[] = [];
  for (const entry of byRole.values()) if (entry.acts) out.push({ name: entry.name, spans: entry.spans });
  return out;
}

/** What deciding whether a group of descriptions is a speaker looks at. */
interface SpeakerContext {
  doc: StoryDocument;
  facts: TokenFacts;
  paragraphOf: Int32Array;
  arrivals: readonly Arrival[];
  /** Every narration mention of a named character, in text order, with its name's gender. */
  namedMentions: readonly NamedArrival[];
}

/** The speakers of one stretch list[from, to) of descriptions with the same head noun. */
function stretchSpeakers(
  list: readonly Occurrence[],
  from: number,
  to: number,
  ctx: SpeakerContext,
  uses: ReadonlyMap<string, number>,
  out: UnnamedSpeaker[],
): void {
  const modified = new Map<string, Occurrence[]>();
  const bare: Occurrence[] = [];
  for (let i = from; i < to; i++) {
    const o = list[i]!;
    if ((uses.get(o.key) ?? 0) >= EPITHET_USES) continue;
    if (o.modifiers === '') {
      bare.push(o);
      continue;
    }
    const group = modified.get(o.modifiers);
    if (group) group.push(o);
    else modified.set(o.modifiers, [o]);
  }
  // The bare "the man" goes with the one modified description of the stretch, if only one.
  for (const [modifiers, group] of modified) {
    const all = modified.size === 1 ? group.concat(bare) : group;
    pushSpeaker(`the ${modifiers} ${group[0]!.head}`, all, ctx, out);
  }
  if (modified.size === 0 && bare.length > 0) pushSpeaker(`the ${bare[0]!.head}`, bare, ctx, out);
}

function pushSpeaker(name: string, group: Occurrence[], ctx: SpeakerContext, out: UnnamedSpeaker[]): void {
  group.sort((a, b) => a.first - b.first);
  // A stranger is brought in as "a man" before "the man" speaks; a description that was never
  // introduced so ("the young man said") is most often a named character seen anew.
  const tagged = group.findIndex((o) => o.tagged);
  const intro = group.findIndex((o) => o.indefinite || o.possessive);
  const animal = ANIMALS.has(group[0]!.head);
  // An animal speaks only under a verb of saying (ANIMAL_SPEECH), but needs no introduction.
  if (animal && tagged < 0) return;
  const role = animal || isRoleHead(group[0]!.head);
  const gender = NOMINAL_GENDER.get(group[0]!.head) ?? 'unknown';
  if (tagged < 0) {
    // "A man sat across the aisle … 'Going far?' he asked": a stranger who speaks only under
    // his pronoun, before anyone of his sex is named. One never brought in with "a" ("the young
    // officer she had once seen") is a stranger only where no one of his sex was named for a while.
    const spoke =
      intro >= 0
        ? taggedByPronoun(ctx, group[intro]!, gender, PRONOUN_LOOKBACK) ||
          group.some((o, i) => i >= intro && o.subject && nextTagIsPronoun(ctx, o, gender))
        : taggedByPronoun(ctx, group[0]!, gender, DEFINITE_LOOKBACK);
    if (!spoke) return;
  } else if (!role && (intro < 0 || intro > tagged)) return;
  // "A young man came in … said the young man … 'I am Charles'": a named character of the same
  // gender first named while the description is in use is the person being introduced.
  const from = group[Math.max(0, intro)]!.first;
  const to = group[group.length - 1]!.paragraph + NAMED_AFTER;
  for (const a of ctx.arrivals) {
    if (a.token <= from || a.paragraph > to) continue;
    if (gender !== 'unknown' && a.gender === gender) return;
  }
  // One stranger is brought in once: a second "a man" in the stretch is someone else, or anyone
  // ("to keep a man to an engagement"), not he.
  const spans: [number, number][] = [];
  group.forEach((o, i) => {
    if (!o.indefinite || i === intro) spans.push([o.first, o.last]);
  });
  out.push({ name, spans });
}

/** Paragraphs after a stranger's introduction in which his pronoun may tag his first words. */
const PRONOUN_REACH = 4;

/** Paragraphs before the introduction in which someone of the stranger's sex named is in the scene. */
const PRONOUN_LOOKBACK = 2;

/** The same for a stranger first described with "the", who may be someone named before. */
const DEFINITE_LOOKBACK = 15;

/**
 * Words right before "a man" that make it one more word about someone already there: "a fool
 * and a free man", "though a good fellow" (likenesses, "as a man", are no description at all).
 */
const NOT_INTRODUCING: ReadonlySet<string> = new Set(words(`for and or nor but though although how`));

/**
 * Whether the indefinite description `o` brings someone new into the scene, rather than saying
 * what someone is ("she was, indeed, a single lady") or talking of anyone at all ("required of an
 * honourable man"): not after one of NOT_INTRODUCING, nor after a copula.
 */
function introducesSomeone(ctx: SpeakerContext, o: Occurrence): boolean {
  const { lower, pos } = ctx.doc.layer('tokens');
  if (o.first > 0 && NOT_INTRODUCING.has(lower[o.first - 1]!)) return false;
  // "his voice was that of an anxious boy"
  if (o.first > 1 && lower[o.first - 1] === 'of' && lower[o.first - 2] === 'that') return false;
  // "was, indeed, a single lady": a copula with only adverbs and commas before the description.
  let k = o.first - 1;
  while (k > 0 && (pos[k] === POS.ADV || lower[k] === ',')) k--;
  if (k >= 0 && COPULAS.has(lower[k]!)) return false;
  return true;
}

/**
 * Whether a `gender` pronoun is the subject of a speech tag within PRONOUN_REACH paragraphs after
 * the introduction `intro`, with no named character of that gender mentioned in narration from
 * `lookback` paragraphs before the introduction to the tag (who would be the one speaking).
 */
function taggedByPronoun(
  ctx: SpeakerContext,
  intro: Occurrence,
  gender: GenderLabel,
  lookback: number,
): boolean {
  // "the officer", "the stranger": a noun of either sex, told by the pronoun that tags him.
  if (gender !== 'male' && gender !== 'female')
    return taggedByPronoun(ctx, intro, 'male', lookback) || taggedByPronoun(ctx, intro, 'female', lookback);
  if (!introducesSomeone(ctx, intro)) return false;
  // Nobody of that sex named in the paragraphs just before either: "he" would be that one.
  const since = intro.paragraph - lookback;
  // The first named mention of the lookback (mentions are in text order), then on to the tag.
  let lo = 0;
  let hi = ctx.namedMentions.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ctx.paragraphOf[ctx.namedMentions[mid]!.token]! < since) lo = mid + 1;
    else hi = mid;
  }
  let m = lo;
  while (m < ctx.namedMentions.length && ctx.namedMentions[m]!.token <= intro.last) {
    if (ctx.namedMentions[m]!.gender === gender) return false;
    m++;
  }
  return pronounTagAhead(ctx, intro.last + 1, m, intro.paragraph + PRONOUN_REACH, gender);
}

/**
 * From token `from` to the end of paragraph `lastParagraph`: whether a "he" or "she" of `gender`
 * tags speech before anyone of that sex is named (the named mentions from index m on).
 */
function pronounTagAhead(
  ctx: SpeakerContext,
  from: number,
  m: number,
  lastParagraph: number,
  gender: 'male' | 'female',
): boolean {
  const pronoun = gender === 'male' ? 'he' : 'she';
  const { lower } = ctx.doc.layer('tokens');
  for (let t = from; t < lower.length && ctx.paragraphOf[t]! <= lastParagraph; t++) {
    while (m < ctx.namedMentions.length && ctx.namedMentions[m]!.token < t) {
      if (ctx.namedMentions[m]!.gender === gender) return false;
      m++;
    }
    if (lower[t] === pronoun && ctx.facts.inQuote[t] !== 1 && tagsSpeech(ctx.doc, ctx.facts, t, t))
      return true;
  }
  return false;
}

/** Paragraphs after a stranger's sentence in which the pronoun that tags speech is still his. */
const SUBJECT_REACH = 1;

/**
 * Whether the sentence subject `o` ("The guide stood on the bank, pleased.") is followed, within
 * SUBJECT_REACH paragraphs and before anyone of the stranger's sex is named, by a speech tag with
 * his pronoun (`"One day blue," he told us.`): the subject of the last sentence is whom "he" means.
 */
function nextTagIsPronoun(ctx: SpeakerContext, o: Occurrence, gender: GenderLabel): boolean {
  if (gender !== 'male' && gender !== 'female')
    return nextTagIsPronoun(ctx, o, 'male') || nextTagIsPronoun(ctx, o, 'female');
  return pronounTagAhead(
    ctx,
    o.last + 1,
    firstMentionFrom(ctx, o.last + 1),
    o.paragraph + SUBJECT_REACH,
    gender,
  );
}

/** The index of the first named mention at or after `token` (mentions are in text order). */
function firstMentionFrom(ctx: SpeakerContext, token: number): number {
  let lo = 0;
  let hi = ctx.namedMentions.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ctx.namedMentions[mid]!.token < token) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Every description of a person in narration: a determiner, up to three lower-case modifiers and
 * a head noun for a person ("the man", "an old woman", "the boy officer"), with whether it is the
 * subject of a speech tag.
 */
function findDescriptions(
  doc: StoryDocument,
  facts: TokenFacts,
  taken: Uint8Array,
  paragraphOf: Int32Array,
): Occurrence[] {
  const tokens = doc.layer('tokens');
  const { lower, pos } = tokens;
  const n = tokens.count;
  const out: Occurrence[] = [];
  for (let t = 0; t + 1 < n; t++) {
    if (facts.inQuote[t] === 1 || !DETERMINERS.has(lower[t]!) || taken[t] === 1) continue;
    let head = -1;
    // Where a hyphenated compound ending in the head starts ("saloon-keeper"), else the head.
    let compound = -1;
    for (let k = t + 1; k < n && k <= t + 5; k++) {
      // "the saloon-keeper", "a cheery-looking woman": the parts of a compound go together.
      if (k > t + 1 && k + 1 < n && isJoiningHyphen(tokens, k)) {
        if (compound < 0) compound = k - 1;
        continue;
      }
      if (facts.written[k] !== CASE.lower || taken[k] === 1 || facts.inQuote[k] === 1) break;
      const p = pos[k]!;
      const start = k > t + 2 && isJoiningHyphen(tokens, k - 1) ? compound : k;
      if (p === POS.NOUN && isPersonHead(start === k ? lower[k]! : compoundWord(doc, start, k))) {
        // The last noun of the phrase is its head: "the man servant" is a servant.
        if (k + 1 < n && pos[k + 1] === POS.NOUN && facts.written[k + 1] === CASE.lower) continue;
        head = k;
        compound = start;
        break;
      }
      if (!(k + 1 < n && isJoiningHyphen(tokens, k + 1))) compound = -1;
      if (p !== POS.ADJ && p !== POS.NOUN && p !== POS.VERB) break;
      if (p === POS.VERB && !(k > t + 2 && isJoiningHyphen(tokens, k - 1))) break;
    }
    if (head < 0) continue;
    const w = compound === head ? lower[head]! : compoundWord(doc, compound, head);
    if (NOT_HEADS.has(w)) continue;
    if (POSSESSIVES.has(lower[t]!) && !isRoleHead(w)) {
      t = head;
      continue;
    }
    // "later as a young woman", "like a man", "such a girl": a likeness or a kind, no one present.
    if (INDEFINITES.has(lower[t]!) && t > 0 && LIKENESS.has(lower[t - 1]!)) {
      t = head;
      continue;
    }
    const modifiers: string[] = [];
    for (let k = t + 1; k < compound; k++) {
      if (isJoiningHyphen(tokens, k)) modifiers[modifiers.length - 1] += `-${lower[k + 1]!}`;
      else if (k === t + 1 || !isJoiningHyphen(tokens, k - 1)) modifiers.push(lower[k]!);
    }
    out.push({
      first: t,
      last: head,
      head: w,
      key: modifiers.length > 0 ? `${modifiers.join(' ')} ${w}` : w,
      modifiers: modifiers.join(' '),
      paragraph: paragraphOf[t]!,
      tagged: tagsSpeech(doc, facts, t, head, ANIMALS.has(w) ? ANIMAL_SPEECH : undefined),
      indefinite: INDEFINITES.has(lower[t]!) && !(t > 0 && COPULAS.has(lower[t - 1]!)),
      possessive: POSSESSIVES.has(lower[t]!),
      subject: facts.initial[t] === 1 && head + 1 < n && pos[head + 1] === POS.VERB,
    });
    t = head;
  }
  return out;
}

/**
 * Whether the description first..last is the subject of a speech tag next to a quotation:
 * `"…," said the man`, `"…," the man said`, `The man said, "…"`; with `verbs`, only under one
 * of those base verbs.
 */
function tagsSpeech(
  doc: StoryDocument,
  facts: TokenFacts,
  first: number,
  last: number,
  verbs?: ReadonlySet<string>,
): boolean {
  const tokens = doc.layer('tokens');
  const { lower, pos } = tokens;
  const n = tokens.count;
  const speech = (w: string): boolean => {
    const base = speechVerbBase(w);
    return base !== undefined && (verbs === undefined || verbs.has(base));
  };
  // "…," said the man / "…," cried the old woman
  if (first >= 2 && speech(lower[first - 1]!) && quoteAt(doc, facts, first - 2)) return true;
  // "…," the man said / "…" the man quietly said / The man said, "…"
  let v = last + 1;
  // "… the man had replied", "… she had finally said"
  if (v < n && lower[v] === 'had') v++;
  if (v < n && pos[v] === POS.ADV) v++;
  if (v >= n || !speech(lower[v]!)) return false;
  if (quoteAt(doc, facts, first - 1)) return true;
  let after = v + 1;
  if (after < n && (lower[after] === ',' || lower[after] === ':')) after++;
  return after < n && facts.inQuote[after] === 1;
}

/** Whether token t is inside a quotation or is a quotation mark. */
function quoteAt(doc: StoryDocument, facts: TokenFacts, t: number): boolean {
  return t >= 0 && (facts.inQuote[t] === 1 || isQuoteMarkAt(doc.text, doc.layer('tokens').start[t]!));
}

/** The paragraph of each token. */
function paragraphIndex(doc: StoryDocument): Int32Array {
  const tokens = doc.layer('tokens');
  const paragraphs = doc.layer('paragraphs');
  const out = new Int32Array(tokens.count);
  let p = 0;
  for (let t = 0; t < tokens.count; t++) {
    const at = tokens.start[t]!;
    while (p + 1 < paragraphs.length && paragraphs[p]!.end <= at) p++;
    out[t] = p;
  }
  return out;
}
