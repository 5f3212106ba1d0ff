import type { StoryDocument } from '../../engine/document.js';
import { POS } from '../../engine/pos.js';
import { isJoiningHyphen, tokenAtOrAfter } from '../../engine/tokens.js';
import type { GenderLabel, Mention, TokenLayer } from '../../engine/types.js';
import { PARTICLES as NAME_PARTICLES } from '../characters/names.js';
import { ROLE_NOUNS } from '../characters/roles.js';
import { BODY_PARTS } from '../lexicon/body.js';
import { NOMINAL_GENDER } from '../lexicon/nominals.js';
import { PRONOUNS } from '../lexicon/pronouns.js';
import { speechVerbBase, THOUGHT_VERBS } from '../lexicon/speech-verbs.js';
import { DETERMINERS, PERSONAL_POSSESSIVES, words } from '../lexicon/words.js';
import { familyParentOf, KIN, ownerLooksLikeRelative, relativeOf } from './kin.js';

/** Who a speech tag or an action beat points at. */
export interface Referent {
  /** A character named outright ("said Emma"), or -1. */
  character: number;
  /** Gender the reference implies (pronoun or nominal), or 'unknown'. */
  gender: GenderLabel;
  /** 'name', 'pronoun', 'nominal', 'narrator' ("I said"). */
  via: 'name' | 'pronoun' | 'nominal' | 'narrator';
  /** The coref stage's antecedent for a pronoun, or -1. */
  corefGuess: number;
  /** Token index of the reference, for reporting. */
  token: number;
  /**
   * A name that is a common noun phrase ("the clergyman", "the girl"): the cast entry it matches
   * may be a minor character or a description of a major one, so it is weaker evidence. Its gender
   * is the matched character's.
   */
  descriptive: boolean;
  /**
   * For a relative or companion named through someone else ("her mother", "Tom's friend"): that
   * someone (the possessive's antecedent or the named owner), who is not the speaker; else -1.
   */
  owner: number;
}

export interface Cue {
  kind: 'tag' | 'beat';
  /** Where the cue sits relative to the quotation. */
  where: 'mid' | 'post' | 'pre';
  referent: Referent;
  /** The speech verb's base form for tags ("say", "cry"), '' for beats. */
  verb: string;
  /**
   * Character addressed by the tag ("said to Emma", "she told him"), or a gendered pronoun. (Always
   * present, as are all fields of Cue and Referent: objects built with different fields get
   * different hidden classes, and their readers deoptimise.)
   */
  object: Referent | undefined;
  /**
   * Character a participle after the tag acts on (`he said, shaking Tom`, `she said, turning to
   * Emma`), or -1: someone other than the speaker, but not always the one spoken to.
   */
  actedOn: number;
}

/**
 * Indexes of the document used by the cue finders: which name mention or resolved pronoun starts
 * at each token.
 */
export interface CueIndex {
  doc: StoryDocument;
  tokens: TokenLayer;
  /** Name mention index starting at each token, or -1. */
  mentionAt: Int32Array;
  /** Pronoun mention index starting at each token, or -1. */
  pronounAt: Int32Array;
  mentions: readonly Mention[];
  pronouns: readonly Mention[];
  narrator: number;
  /** The family's mother and father for "said the mother" (familyParentOf), once per document. */
  parents: { mother: number; father: number };
}

export function buildCueIndex(doc: StoryDocument): CueIndex {
  const tokens = doc.layer('tokens');
  const mentions = doc.layer('mentions');
  const pronouns = doc.layer('pronouns');
  const mentionAt = new Int32Array(tokens.count).fill(-1);
  const pronounAt = new Int32Array(tokens.count).fill(-1);
  fill(tokens, mentions, mentionAt);
  fill(tokens, pronouns, pronounAt);
  return {
    doc,
    tokens,
    mentionAt,
    pronounAt,
    mentions,
    pronouns,
    narrator: doc.layer('characters').findIndex((c) => c.narrator),
    parents: {
      mother: familyParentOf(doc.layer('characters'), 'mother'),
      father: familyParentOf(doc.layer('characters'), 'father'),
    },
  };
}

function fill(tokens: TokenLayer, mentions: readonly Mention[], into: Int32Array): void {
  let t = 0;
  for (let i = 0; i < mentions.length; i++) {
    const m = mentions[i]!;
    while (t < tokens.count && tokens.start[t]! < m.start) t++;
    if (t < tokens.count && tokens.start[t] === m.start) into[t] = i;
  }
}

export { tokenAtOrAfter };

const CLAUSE_END = new Set(['.', ';', '!', '?', ':']);
const QUOTE_MARKS = new Set(['"', '\u201c', '\u201d', "'", '\u2018', '\u2019', '\u00ab', '\u00bb', '\u201e']);

/** Titles that may stand before a name the cast lists without them. */
const HONORIFICS = new Set([
  'mr',
  'mr.',
  'mrs',
  'mrs.',
  'miss',
  'ms',
  'ms.',
  'dr',
  'dr.',
  'sir',
  'lady',
  'lord',
  'madame',
  'monsieur',
  'mademoiselle',
  'captain',
  'colonel',
  'uncle',
  'aunt',
]);

function isQuoteMark(tokens: TokenLayer, t: number): boolean {
  return QUOTE_MARKS.has(tokens.lower[t]!);
}

/**
 * The person a noun phrase starting (or, with `backwards`, ending) at token t refers to, if it is a
 * name, a personal pronoun or a descriptive reference ("his wife", "the old man").
 */
function referentAt(
  ix: CueIndex,
  t: number,
  limit: number,
  role: 'speaker' | 'object' = 'speaker',
): Referent | undefined {
  const { tokens } = ix;
  if (t < 0 || t >= limit) return undefined;
  const m = ix.mentionAt[t]!;
  if (m >= 0) {
    const mention = ix.mentions[m]!;
    if (!mention.inQuote) return possessedReferent(ix, mention, limit) ?? nameReferent(ix, mention, t);
  }
  const lower = tokens.lower[t]!;
  // "said Miss Sophy" where only "Sophy" is the name: a title before a name is part of it.
  if (HONORIFICS.has(lower)) {
    const n = t + 1 < limit && tokens.lower[t + 1] === '.' ? t + 2 : t + 1;
    const mn = n < limit ? ix.mentionAt[n]! : -1;
    if (mn >= 0 && !ix.mentions[mn]!.inQuote) return nameReferent(ix, ix.mentions[mn]!, n);
  }
  // "cried his wife", "said her father": the one "Mrs."/"Mr." of the owner's surname.
  if (PERSONAL_POSSESSIVES.has(lower) && t + 1 < limit && KIN.has(tokens.lower[t + 1]!)) {
    const owner = possessiveOwner(ix, t, tokens.lower[t + 1]!);
    const relative = owner >= 0 ? relativeOf(ix.doc.layer('characters'), owner, tokens.lower[t + 1]!) : -1;
    if (relative >= 0) {
      const gender = KIN.get(tokens.lower[t + 1]!)!.gender;
      return {
        character: relative,
        gender,
        via: 'name',
        corefGuess: -1,
        token: t + 1,
        descriptive: true,
        owner,
      };
    }
  }
  // "said the mother": the parent of the family most of the cast belongs to.
  if (
    lower === 'the' &&
    t + 1 < limit &&
    (tokens.lower[t + 1] === 'mother' || tokens.lower[t + 1] === 'father')
  ) {
    const relation = tokens.lower[t + 1] as 'mother' | 'father';
    const parent = ix.parents[relation];
    if (parent >= 0)
      return {
        character: parent,
        gender: KIN.get(relation)!.gender,
        via: 'name',
        corefGuess: -1,
        token: t + 1,
        descriptive: true,
        owner: -1,
      };
  }
  // `His thumb ran over her knuckles.`, `Her voice shook.`: a part of someone acting is that someone.
  if (
    role === 'speaker' &&
    (lower === 'his' || lower === 'her') &&
    t + 1 < limit &&
    BODY_PARTS.has(tokens.lower[t + 1]!) &&
    tokens.pos[t + 1] === POS.NOUN
  )
    return pronounReferent(ix, t, PERSONAL_POSSESSIVES.get(lower)!);
  // "her husband", "his sister": a possessive determiner, not the speaker.
  const possessive =
    PERSONAL_POSSESSIVES.has(lower) &&
    t + 1 < limit &&
    (tokens.pos[t + 1] === POS.NOUN || tokens.pos[t + 1] === POS.ADJ);
  const p = possessive ? undefined : PRONOUNS.get(lower);
  if (p) {
    if (
      p.person === 1 &&
      !p.plural &&
      (role === 'speaker' ? p.case === 'subject' : p.case === 'object' && ix.narrator >= 0)
    ) {
      return {
        character: ix.narrator,
        gender: 'unknown',
        via: 'narrator',
        corefGuess: ix.narrator,
        token: t,
        descriptive: false,
        owner: -1,
      };
    }
    // A speaker is a subject ("said he", "she whispered"); an addressee an object ("told him").
    if (p.person === 3 && !p.plural && p.case === (role === 'speaker' ? 'subject' : 'object'))
      return pronounReferent(ix, t, p.gender);
    return undefined;
  }
  // "replied the other", "cried the latter": one of the two people last named in the narration.
  if (role === 'speaker' && lower === 'the' && CONTRASTIVE.has(tokens.lower[t + 1] ?? '')) {
    const r = contrastReferent(ix, t, tokens.lower[t + 1]!);
    if (r) return r;
  }
  // "said a voice", "cried an angry voice": someone unseen or not yet named ("in a low voice" is a manner).
  if (role === 'speaker' && VOICE_ARTICLES.has(lower) && tokens.pos[t - 1] !== POS.ADP) {
    const r = voiceReferent(ix, t, limit);
    if (r) return r;
  }
  if (DETERMINERS.has(lower)) {
    // "the old man", "his wife", "the younger Miss Steele" (a name inside wins).
    for (let k = t + 1; k < limit && k <= t + 6; k++) {
      // "the room where Ann sat": a relative clause's subject is not the phrase's head.
      if (SUBORDINATE_OPENERS.has(tokens.lower[k]!)) break;
      const mk = ix.mentionAt[k]!;
      if (mk >= 0 && !ix.mentions[mk]!.inQuote)
        return possessedReferent(ix, ix.mentions[mk]!, limit) ?? nameReferent(ix, ix.mentions[mk]!, k);
      const pos = tokens.pos[k]!;
      // "the old man", and people by their trade: "said the valet", "the dining-car conductor said".
      const g =
        NOMINAL_GENDER.get(tokens.lower[k]!) ?? (ROLE_NOUNS.has(tokens.lower[k]!) ? 'unknown' : undefined);
      if (g !== undefined && (pos === POS.NOUN || pos === POS.PROPN)) {
        // "her companion", "his mother": someone other than the one the possessive stands for.
        const owner =
          PERSONAL_POSSESSIVES.has(lower) || lower === 'their'
            ? possessiveOwner(ix, t, tokens.lower[k]!)
            : -1;
        return {
          character: -1,
          gender: g,
          via: 'nominal',
          corefGuess: -1,
          token: k,
          descriptive: false,
          owner,
        };
      }
      // "the good-hearted Mrs. John Knightley", "the washer-woman": the parts of a compound join
      // whatever the tagger calls each.
      if (isJoiningHyphen(tokens, k) || isJoiningHyphen(tokens, k + 1) || isJoiningHyphen(tokens, k - 1))
        continue;
      if (pos !== POS.ADJ && pos !== POS.ADV && pos !== POS.NOUN) break;
    }
  }
  return undefined;
}

/** "the latter", "the former" standing alone for a person. */
const CONTRASTIVE: ReadonlySet<string> = new Set(['latter', 'former']);
/** Articles before "voice" in a tag: `said a voice`, `the voice went on`. */
const VOICE_ARTICLES: ReadonlySet<string> = new Set(['a', 'an', 'the', 'another']);
/** How far back (tokens) "the latter", "the former" and "the other" look for the names they contrast. */
const CONTRAST_WINDOW = 200;

/**
 * `"…," said Emma and Ann. "…," cried the latter`: "the latter" is the last character named in the
 * narration before it (quotations skipped), "the former" the one named before that. Undefined for
 * "the latter part" (a noun follows) or when too few are named. ("Replied the other" is left to
 * turn-taking: as a cue, or with features for the last two named, it helped nothing.)
 */
function contrastReferent(ix: CueIndex, t: number, word: string): Referent | undefined {
  const { tokens } = ix;
  const next = tokens.pos[t + 2];
  if (next === POS.NOUN || next === POS.PROPN || next === POS.ADJ) return undefined;
  const named = namedNear(ix.doc, t, -1, 2);
  const c = word === 'latter' ? named[0] : named[1];
  if (c === undefined) return undefined;
  return {
    character: c,
    gender: ix.doc.layer('characters')[c]!.gender.label,
    via: 'name',
    corefGuess: -1,
    token: t + 1,
    descriptive: true,
    owner: -1,
  };
}

/**
 * The characters named in the narration nearest token t (quotations skipped), up to `count`
 * distinct ones: backwards within CONTRAST_WINDOW tokens (`step` -1), or forwards within the
 * paragraph of token t (`step` 1, `"…," said a voice; and Tom turned to see Ann`).
 */
export function namedNear(doc: StoryDocument, t: number, step: 1 | -1, count: number): number[] {
  const tokens = doc.layer('tokens');
  const mentions = doc.layer('mentions');
  const out: number[] = [];
  const at = tokens.start[t] ?? 0;
  // Binary search: the first mention starting at or after the token.
  let lo = 0;
  let hi = mentions.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (mentions[mid]!.start < at) lo = mid + 1;
    else hi = mid;
  }
  // Forwards: to the end of token t's paragraph (the working text has one paragraph per line, so
  // a blank line is no paragraph end to look for).
  const limitStart =
    step === 1 ? paragraphEndAt(doc, at) : (tokens.start[Math.max(0, t - CONTRAST_WINDOW)] ?? 0);
  for (let m = step === 1 ? lo : lo - 1; m >= 0 && m < mentions.length && out.length < count; m += step) {
    const mention = mentions[m]!;
    if (step === 1 ? mention.start >= limitStart : mention.start < limitStart) break;
    if (mention.inQuote || mention.character < 0 || out.includes(mention.character)) continue;
    out.push(mention.character);
  }
  return out;
}

/** The end of the paragraph holding offset `at` (binary search; the text's end past the last). */
function paragraphEndAt(doc: StoryDocument, at: number): number {
  const paragraphs = doc.layer('paragraphs');
  let lo = 0;
  let hi = paragraphs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (paragraphs[mid]!.end <= at) lo = mid + 1;
    else hi = mid;
  }
  return paragraphs[lo]?.end ?? doc.text.length;
}

/**
 * `said a voice`, `cried an angry voice`, `a second voice whispered`: an unnamed speaker of unknown
 * sex (up to three modifiers before "voice"); `the voice of Mr. Kemp` is Kemp's.
 */
function voiceReferent(ix: CueIndex, t: number, limit: number): Referent | undefined {
  const { tokens } = ix;
  for (let k = t + 1; k < limit && k <= t + 4; k++) {
    const w = tokens.lower[k]!;
    // "said the Voice" where the cast names someone so: the name decides.
    if (ix.mentionAt[k]! >= 0) return undefined;
    if (w === 'voice') {
      if (tokens.lower[k + 1] === 'of') {
        const owner = referentAt(ix, k + 2, limit);
        if (owner && owner.via === 'name') return owner;
      }
      return someoneUnnamed(k);
    }
    const pos = tokens.pos[k]!;
    // "said the doctor, voice low": a noun before the comma was the head of the tag's subject, and
    // "voice" after it a manner ("a low, hoarse voice" has only modifiers before its comma).
    if (w === ',' && tokens.pos[k - 1] === POS.NOUN) return undefined;
    if (w !== ',' && pos !== POS.ADJ && pos !== POS.ADV && pos !== POS.NOUN && pos !== POS.NUM)
      return undefined;
  }
  return undefined;
}

/**
 * The one a possessive pronoun at token t stands for, owning the relative named by `word`; -1 when
 * unresolved, or when the pronoun was read as someone who looks like that relative herself ("her"
 * read as "Mrs. Miller" in "said her mother").
 */
function possessiveOwner(ix: CueIndex, t: number, word: string): number {
  const r = ix.pronounAt[t]!;
  const owner = r >= 0 ? ix.pronouns[r]!.character : -1;
  if (owner < 0) return -1;
  return ownerLooksLikeRelative(ix.doc.layer('characters')[owner]!, word) ? -1 : owner;
}

/**
 * "said Tom's mother", "said the child's nurse": a name with a possessive ending is the owner, and
 * the speaker is the noun after it — the owner's one "Mrs." or "Mr." for a mother, wife, father or
 * husband (kin.ts), else someone of the noun's gender. Undefined when the name is no possessive or
 * the noun is no word for a person ("was Hattie's reply", "said the Rabbit's voice": the owner speaks).
 */
function possessedReferent(ix: CueIndex, mention: Mention, limit: number): Referent | undefined {
  if (!isPossessiveAt(ix.doc.text, mention.end)) return undefined;
  const { tokens } = ix;
  const head = tokenAtOrAfter(tokens, mention.end + 2);
  for (let k = head; k < limit && k <= head + 2; k++) {
    const word = tokens.lower[k]!;
    const pos = tokens.pos[k]!;
    // "was Hattie's reply", "said the Rabbit's voice": no person noun, so the owner speaks after all.
    if (pos === POS.NOUN) return relativeReferent(ix, mention.character, word, k);
    if (KIN.has(word)) {
      const r = relativeReferent(ix, mention.character, word, k);
      if (r && r.character >= 0) return r;
    }
    if (pos !== POS.ADJ) break;
  }
  return undefined;
}

/**
 * The last token of the reference that referentAt found from token `start`: the end of its name,
 * or the noun it stands on ("Tom's mother", "the old man") when that lies further on.
 */
function referentEnd(ix: CueIndex, start: number, r: Referent): number {
  let m = ix.mentionAt[r.token]!;
  if (m < 0) m = ix.mentionAt[start]!;
  const nameEnd = m >= 0 ? tokenAtOrAfter(ix.tokens, ix.mentions[m]!.end) - 1 : start;
  return Math.max(nameEnd, r.token);
}

/**
 * A named reference; a lower-case name ("the clergyman") is descriptive, one opening with a name
 * particle ("d'Artagnan", "van Tassel") is not.
 */
function nameReferent(ix: CueIndex, mention: Mention, t: number): Referent {
  const first = ix.doc.text.charCodeAt(mention.start);
  // "the clergyman" is descriptive; "the Secretary", "the young Crab" are titles used as names.
  const lowerCase =
    first >= 97 && first <= 122 && !/\p{Lu}/u.test(ix.doc.text.slice(mention.start, mention.end));
  if (lowerCase && mention.character >= 0 && !opensWithParticle(ix.doc.text, mention)) {
    const gender = ix.doc.layer('characters')[mention.character]!.gender.label;
    return {
      character: mention.character,
      gender,
      via: 'name',
      corefGuess: -1,
      token: t,
      descriptive: true,
      owner: -1,
    };
  }
  return {
    character: mention.character,
    gender: 'unknown',
    via: 'name',
    corefGuess: -1,
    token: t,
    descriptive: false,
    owner: -1,
  };
}

/** Whether a mention's first word is a name particle ("de Winter", "d'Artagnan", "van Tassel"). */
function opensWithParticle(text: string, mention: Mention): boolean {
  const m = /^([a-z]+)(['\u2019]|\s)/.exec(
    text.slice(mention.start, Math.min(mention.end, mention.start + 8)),
  );
  if (m === null) return false;
  return NAME_PARTICLES.has(m[1]!) || (m[2] !== ' ' && (m[1] === 'd' || m[1] === 'l'));
}

/** Skips adverbs and commas ("said Emma, softly", "Emma quickly said"). */
function skipModifiers(tokens: TokenLayer, t: number, step: 1 | -1, limit: number): number {
  let k = t;
  let n = 0;
  while (k >= 0 && k < limit && n < 3) {
    const pos = tokens.pos[k]!;
    const lower = tokens.lower[k]!;
    if (pos === POS.ADV || (pos === POS.PART && lower !== "'s") || (step === 1 && PARTICLES.has(lower))) {
      k += step;
      n++;
    } else break;
  }
  return k;
}

/** Auxiliaries that may stand between a tag's subject and its verb. */
const AUXILIARIES = new Set(['was', 'were', 'had', 'has', 'is', 'would', 'could', 'did']);

/** Particles of phrasal speech verbs: "cried out", "called back", "broke in", "went on". */
const PARTICLES = new Set(['out', 'up', 'back', 'in', 'on', 'forth', 'down', 'aloud']);

function verbAt(tokens: TokenLayer, t: number): string | undefined {
  const lower = tokens.lower[t]!;
  const base = speechVerbBase(lower);
  if (base === undefined) return undefined;
  const pos = tokens.pos[t]!;
  // "the answer", "a cry": a noun reading of the base form is not a tag. Past forms ("shrieked",
  // "said") are verbs whatever the tagger says: it often tags rare verbs after a quotation as nouns.
  const past = lower !== base && (lower.endsWith('ed') || !lower.endsWith('s'));
  if (!past && (pos === POS.NOUN || pos === POS.ADJ || pos === POS.DET) && !afterPerception(tokens, t))
    return undefined;
  // "went on", "put in", "broke in": speech only with the particle, and not where the particle
  // heads a phrase of place ("went on up the lane", "put on his spectacles", "went down").
  const particles = PHRASAL_ONLY.get(base);
  if (particles) {
    // `she cut him short`: one object pronoun may stand before the particle.
    const p = particles.has(tokens.lower[t + 1] ?? '')
      ? t + 1
      : isObjectPronoun(tokens.lower[t + 1] ?? '') && particles.has(tokens.lower[t + 2] ?? '')
        ? t + 2
        : -1;
    if (p < 0) return undefined;
    const after = tokens.lower[p + 1] ?? '';
    if (PLACE_WORDS.has(after) || (base === 'go' && DETERMINERS.has(after))) return undefined;
  }
  return base;
}

/** `hearing Tom cry`, `heard Mrs. Hale call`: a base form after a verb of hearing and a name is a verb. */
function afterPerception(tokens: TokenLayer, t: number): boolean {
  const before = tokens.pos[t - 1];
  // A name or an object pronoun ("heard him say"), not a possessive ("heard his answer").
  if (before !== POS.PROPN && !(before === POS.PRON && isObjectPronoun(tokens.lower[t - 1]!))) return false;
  for (let k = t - 2; k >= 0 && k >= t - 4; k--) if (PERCEPTION.has(tokens.lower[k]!)) return true;
  return false;
}

/** Words after "went on" that make it a movement: "went on up the lane", "went on to the house". */
const PLACE_WORDS: ReadonlySet<string> = new Set(
  words(`
    up down into to towards toward across through along over past out upstairs downstairs home
    ahead away board foot
  `),
);

/** "him", "her", "them", "me", "us" (the lexicon lists "her" as an object). */
function isObjectPronoun(word: string): boolean {
  return PRONOUNS.get(word)?.case === 'object';
}

/** Verbs of speech only as phrasal verbs, with their particles. */
const PHRASAL_ONLY: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ['go', new Set(['on'])],
  ['put', new Set(['in'])],
  ['break', new Set(['in', 'out', 'forth', 'off'])],
  ['cut', new Set(['in', 'short'])],
]);

/**
 * A speech tag in the narration that follows a quotation (or stands between its parts):
 * `, said Emma`, `, she whispered`, `, cried his wife`, `Emma said softly`, `replied he, turning`.
 * Looks at the first clause only.
 */
export function tagAfter(ix: CueIndex, from: number, to: number, commaEnded = false): Cue | undefined {
  const { tokens } = ix;
  let t = from;
  while (
    t < to &&
    (tokens.pos[t] === POS.PUNCT || isQuoteMark(tokens, t)) &&
    !CLAUSE_END.has(tokens.lower[t]!)
  )
    t++;
  let end = t;
  while (end < to && end < t + 14 && !CLAUSE_END.has(tokens.lower[end]!) && !isQuoteMark(tokens, end)) end++;
  // `"…," was Mr. Woodhouse's observation` / `came Tibby's voice`: the possessor speaks.
  if (t < end && (tokens.lower[t] === 'was' || tokens.lower[t] === 'came')) {
    const owner = referentAt(ix, t + 1, end);
    if (owner && owner.via === 'name')
      return { kind: 'tag', where: 'post', referent: owner, verb: '', object: undefined, actedOn: -1 };
    // `"…," was her cordial reply` / `came his answer`: the possessive points at the speaker.
    const possessor = possessiveSpeaker(ix, t + 1, end);
    if (possessor)
      return { kind: 'tag', where: 'post', referent: possessor, verb: '', object: undefined, actedOn: -1 };
  }
  // `She had the kindest "Good morning!" from Captain Harville`: words from someone are theirs.
  if (t < end && tokens.lower[t] === 'from') {
    const source = referentAt(ix, t + 1, end);
    if (source && source.via === 'name')
      return { kind: 'tag', where: 'post', referent: source, verb: '', object: undefined, actedOn: -1 };
  }
  for (let v = t; v < end && v <= t + 6; v++) {
    const verb = verbAt(tokens, v);
    if (verb === undefined) continue;
    // Inversion: said Emma / said he / cried his wife (verb first, possibly after "then").
    const after = skipModifiers(tokens, v + 1, 1, end);
    // Not after a subject ("she told Kit", "she asked Elinor": the name is the object).
    const inverted =
      v === t || (v === t + 1 && !referentAt(ix, t, end)) ? referentAt(ix, after, end) : undefined;
    if (inverted) return withObject(ix, postTag(inverted, verb), after + 1, end);
    // Subject first: Emma said / she whispered / his wife cried / Mr. Knightley, smiling, said.
    const subject = subjectBefore(ix, t, v);
    // `"…" Ralph observed, with some amusement, that she …`: speech reported in a clause of its own
    // is no tag of the quotation before.
    if (subject && reportsThat(tokens, v, to)) return undefined;
    if (subject) return withObject(ix, postTag(subject, verb), v + 1, end);
    if (v <= t + 1 && tokens.pos[after] === POS.NOUN) return undefined;
  }
  const byOrFrom = agentAfter(ix, t, end);
  if (byOrFrom)
    return { kind: 'tag', where: 'post', referent: byOrFrom, verb: '', object: undefined, actedOn: -1 };
  // A verb right after the quotation followed by a name closing the clause is an inverted tag,
  // whatever the verb: `"…!" exploded Mr. Emerson.` / `"…," comforted Matthew, …`.
  if (t < end && isPastVerb(tokens, t)) {
    const after = skipModifiers(tokens, t + 1, 1, end);
    const named = referentAt(ix, after, end);
    if (named && (named.via === 'name' || named.via === 'nominal')) {
      const last = referentEnd(ix, after, named);
      const next = last + 1;
      // `"…," boomed Uncle Aubrey from across the table.`
      if (
        next >= end ||
        tokens.lower[next] === ',' ||
        CLAUSE_END.has(tokens.lower[next]!) ||
        (named.via === 'name' && tokens.pos[next] === POS.ADP)
      )
        return { kind: 'tag', where: 'post', referent: named, verb: '', object: undefined, actedOn: -1 };
    }
  }
  // A quotation that ends in a comma must be followed by its tag, whatever the verb:
  // `"…," Randolph proclaimed.` / `"…," she reminded him.`
  if (commaEnded) {
    const subject = referentAt(ix, t, end);
    if (subject) {
      const last = referentEnd(ix, t, subject);
      const v = skipModifiers(tokens, last + 1, 1, end);
      if (v < end && tokens.pos[v] === POS.VERB)
        return withObject(
          ix,
          { kind: 'tag', where: 'post', referent: subject, verb: '', object: undefined, actedOn: -1 },
          v + 1,
          end,
        );
    }
  }
  return undefined;
}

/**
 * Whether the speech verb at v takes a "that" clause (`denied that there was`, `observed, with an
 * amusement, that she`): after adverbs and whom it is said to, or after one parenthesis.
 */
function reportsThat(tokens: TokenLayer, v: number, to: number): boolean {
  let k = v + 1;
  while (
    k < to &&
    k <= v + 4 &&
    // (`said so quietly that Tom started`: a result clause, not what was said.)
    tokens.lower[k] !== 'so' &&
    tokens.lower[k] !== 'such' &&
    (tokens.pos[k] === POS.ADV ||
      tokens.pos[k] === POS.PROPN ||
      isObjectPronoun(tokens.lower[k]!) ||
      tokens.lower[k] === 'to')
  )
    k++;
  if (thatClause(tokens, k)) return true;
  if (tokens.lower[k] !== ',') return false;
  for (let j = k + 1; j < to && j <= k + 15; j++) {
    const w = tokens.lower[j]!;
    if (CLAUSE_END.has(w) || isQuoteMark(tokens, j)) return false;
    if (w === ',') return thatClause(tokens, j + 1);
  }
  return false;
}

/** "that" opening a clause, not a determiner (`replied that evening`, `said that very day`). */
function thatClause(tokens: TokenLayer, k: number): boolean {
  const next = tokens.pos[k + 1];
  return (
    tokens.lower[k] === 'that' &&
    next !== POS.NOUN &&
    next !== POS.ADJ &&
    next !== POS.ADV &&
    next !== POS.DET
  );
}

/** Participles of speaking in a passive tag: `"…" was uttered by Catherine`. */
const SPOKEN = new Set([
  'said',
  'uttered',
  'spoken',
  'exclaimed',
  'cried',
  'whispered',
  'added',
  'called',
  'shouted',
]);
/** Verbs of speech breaking out of someone: `"…" at last broke from Janey`. */
const BURST = new Set(['broke', 'burst']);

/**
 * `"…" was uttered at the same moment by Catherine` / `"…" at last broke explosively from Janey`:
 * the speaker after "by" in a passive of speaking, or after "from" when words break out.
 */
function agentAfter(ix: CueIndex, t: number, end: number): Referent | undefined {
  const { tokens } = ix;
  // The passive or the verb opens the tag, after adverbs or "at last".
  let j = t;
  if (tokens.lower[j] === 'at' && tokens.lower[j + 1] === 'last') j += 2;
  j = skipModifiers(tokens, j, 1, end);
  if (j >= end) return undefined;
  let kind: 'by' | 'from';
  const lower = tokens.lower[j]!;
  if (lower === 'was' || lower === 'were') {
    j = skipModifiers(tokens, j + 1, 1, end);
    if (!SPOKEN.has(tokens.lower[j]!)) return undefined;
    kind = 'by';
  } else if (BURST.has(lower)) kind = 'from';
  else return undefined;
  // "by" or "from" in the same clause: `uttered at the same moment by Catherine`.
  for (let k = j + 1; k < end && k <= j + 6; k++) {
    const w = tokens.lower[k]!;
    if (w === ',' || tokens.pos[k] === POS.VERB) return undefined;
    if (w !== kind) continue;
    const r = referentAt(ix, k + 1, end);
    return r && r.via !== 'nominal' ? r : undefined;
  }
  return undefined;
}

/** Nouns of speech a possessive hands to its speaker: `was her reply`, `came his answer`. */
const SPEECH_NOUNS = new Set([
  'reply',
  'answer',
  'comment',
  'response',
  'rejoinder',
  'retort',
  'remark',
  'observation',
  'question',
  'greeting',
  'words',
  'word',
  'voice',
  'declaration',
  'exclamation',
  'ejaculation',
  'cry',
  'speech',
]);

/** `her cordial reply`, `his answer`: a personal possessive before a noun of speech. */
function possessiveSpeaker(ix: CueIndex, t: number, end: number): Referent | undefined {
  const { tokens } = ix;
  const lower = tokens.lower[t];
  const gender = PERSONAL_POSSESSIVES.get(lower ?? '');
  if (!gender) return undefined;
  // Up to two modifiers between ("her cordial reply"; the tagger often calls such adjectives nouns).
  let k = t + 1;
  while (k < end && k <= t + 3 && !SPEECH_NOUNS.has(tokens.lower[k]!) && tokens.pos[k] !== POS.PUNCT) k++;
  if (k >= end || !SPEECH_NOUNS.has(tokens.lower[k]!)) return undefined;
  const r = ix.pronounAt[t]!;
  // `was her husband's answer`, `was his daughter's`: the possessive pronoun owns the relative
  // who speaks, not the words.
  for (let j = t + 2; j < k; j++) {
    if (tokens.lower[j] !== "'s" && tokens.lower[j] !== '\u2019s') continue;
    return relativeReferent(ix, r >= 0 ? ix.pronouns[r]!.character : -1, tokens.lower[j - 1]!, j - 1);
  }
  return pronounReferent(ix, t, gender);
}

/**
 * Who `word` (a kin word or a noun for a person, token `at`) of `owner` is: the owner's one
 * relative of that kind in the cast (kin.ts), or else someone of the noun's sex.
 */
function relativeReferent(ix: CueIndex, owner: number, word: string, at: number): Referent | undefined {
  const kin = KIN.get(word);
  if (kin && owner >= 0) {
    const relative = relativeOf(ix.doc.layer('characters'), owner, word);
    if (relative >= 0)
      return {
        character: relative,
        gender: kin.gender,
        via: 'name',
        corefGuess: -1,
        token: at,
        descriptive: true,
        owner,
      };
  }
  const gender = kin?.gender ?? NOMINAL_GENDER.get(word);
  if (gender === undefined && !ROLE_NOUNS.has(word)) return undefined;
  return {
    character: -1,
    gender: gender ?? 'unknown',
    via: 'nominal',
    corefGuess: -1,
    token: at,
    descriptive: false,
    owner,
  };
}

/** A verb in the past tense (`exploded`, `put`): the tagger's VERB reading, or an -ed word it calls something else. */
function isPastVerb(tokens: TokenLayer, t: number): boolean {
  const lower = tokens.lower[t]!;
  const pos = tokens.pos[t]!;
  if (pos === POS.VERB) return !lower.endsWith('ing') && !lower.endsWith('s');
  // "-ed" words the tagger missed, but not names (Alfred, Winifred).
  return lower.endsWith('ed') && lower.length > 4 && pos !== POS.ADJ && pos !== POS.DET && pos !== POS.PROPN;
}

/**
 * `by his hastily advancing, and saying`, `without Tom's giving a sigh, and saying`: the owner of
 * the gerund, or of the gerund the speech verb is joined to, says it. The possessive follows a
 * preposition: `Tom picked up her knitting, and saying` is Tom's.
 */
function gerundOwner(ix: CueIndex, from: number, v: number): Referent | undefined {
  const { tokens } = ix;
  if (!tokens.lower[v]!.endsWith('ing')) return undefined;
  const own = ownerBefore(ix, from, v);
  if (own || !andThenVerb(tokens, from, v)) return own;
  let c = v - 1;
  while (tokens.lower[c] !== 'and') c--;
  for (let g = c - 2; g > from && g >= c - 8; g--) {
    const lower = tokens.lower[g]!;
    if (lower === ',' || CLAUSE_END.has(lower)) break;
    if (lower.endsWith('ing') && (tokens.pos[g] === POS.VERB || tokens.pos[g] === POS.NOUN))
      return ownerBefore(ix, from, g);
  }
  return undefined;
}

/** The possessive right before gerund g (adverbs between): `his` / `her`, or a name with 's. */
function ownerBefore(ix: CueIndex, from: number, g: number): Referent | undefined {
  const { tokens } = ix;
  const k = skipModifiers(tokens, g - 1, -1, tokens.count);
  if (k <= from) return undefined;
  const lower = tokens.lower[k]!;
  const gender = PERSONAL_POSSESSIVES.get(lower);
  if (gender) return afterPreposition(tokens, k) ? pronounReferent(ix, k, gender) : undefined;
  if (lower === "'s" || lower === '\u2019s') {
    const r = subjectEndingAt(ix, from, k - 1);
    if (r && r.via !== 'nominal' && afterPreposition(tokens, r.token)) return r;
  }
  return undefined;
}

/** A preposition right before t, not a verb's particle (`by his saying`, not `picked up her knitting`). */
function afterPreposition(tokens: TokenLayer, t: number): boolean {
  return t >= 2 && tokens.pos[t - 1] === POS.ADP && tokens.pos[t - 2] !== POS.VERB;
}

/** Tokens a participle's phrase between a subject and its speech verb may run to, commas included. */
const PARTICIPLE_TOKENS = 24;

/** The subject of a verb at v within [from, v): the nearest reference before it. */
function subjectBefore(ix: CueIndex, from: number, v: number): Referent | undefined {
  const { tokens } = ix;
  const heard = perceivedSpeaker(ix, from, v);
  if (heard) return heard;
  const owner = gerundOwner(ix, from, v);
  if (owner) return owner;
  let k = skipModifiers(tokens, v - 1, -1, tokens.count);
  // "by Miss Bates's saying,", "her mother's shout of": the owner of a gerund or a noun of speech says it.
  if (k > from && (tokens.lower[k] === "'s" || tokens.lower[k] === '\u2019s')) k--;
  // "Freddy was saying", "she had said": the auxiliary stands between subject and verb.
  if (k > from && tokens.pos[k] === POS.AUX && AUXILIARIES.has(tokens.lower[k]!))
    k = skipModifiers(tokens, k - 1, -1, tokens.count);
  // "Isabella, who in great spirits exclaimed": the relative pronoun's antecedent.
  for (let w = k; w >= from && w >= k - 5; w--) {
    if (tokens.lower[w] !== 'who') continue;
    const j = w > from && tokens.lower[w - 1] === ',' ? w - 2 : w - 1;
    if (j >= from) {
      const r = subjectEndingAt(ix, from, j);
      if (r) return r;
    }
    break;
  }
  // "Mr. Knightley, smiling, said" / "Katharine, after considering for a moment, said": allow one
  // parenthetical; "Mr. Allen, who, on hearing the reason of their return, said": a longer one
  // after "who".
  if (k >= from && tokens.lower[k] === ',') {
    let j = k - 1;
    while (j >= from && tokens.lower[j] !== ',' && k - j < PARTICIPLE_TOKENS) j--;
    if (j > from && tokens.lower[j] === ',' && tokens.lower[j - 1] === 'who' && k - j < 16) {
      const r = subjectEndingAt(ix, from, j - 2 > from && tokens.lower[j - 2] === ',' ? j - 3 : j - 2);
      if (r) return r;
    }
    // `Lady Ann, looking at the clock that stood on the shelf above the fire, exclaimed`: a
    // participle's phrase may run longer.
    const participle = tokens.pos[j + 1] === POS.VERB && tokens.lower[j + 1]!.endsWith('ing');
    if (j >= from && tokens.lower[j] === ',' && (k - j < 9 || participle)) k = j - 1;
  }
  return subjectEndingAt(ix, from, k, true);
}

/** Verbs of hearing, whose object is the speaker of the verb after it: "he heard her say". */
const PERCEPTION = new Set([
  'heard',
  'overheard',
  'hear',
  'hears',
  'overhear',
  'overhears',
  'hearing',
  'overhearing',
]);

/**
 * "he heard her tell the room", "Anne overheard Mr. Elliot say": the one heard speaks, not the one
 * who hears. The object must stand right before the speech verb v, after a verb of hearing.
 */
function perceivedSpeaker(ix: CueIndex, from: number, v: number): Referent | undefined {
  const { tokens } = ix;
  // "heard him thus saying": adverbs between the one heard and the verb.
  // (Adverbs only: in `was heard three times to say` the one heard is the subject.)
  let k = v - 1;
  while (k > from && tokens.pos[k] === POS.ADV && k >= v - 3) k--;
  const lead = heardDoingAndSaying(ix, from, v);
  if (lead) return lead;
  for (let s = Math.max(from + 1, k - 3); s <= k; s++) {
    if (!PERCEPTION.has(tokens.lower[s - 1]!)) continue;
    // "in time to hear it say": an animal or a thing speaks, not the one who hears.
    if (s === k && tokens.lower[s] === 'it') return someoneUnnamed(k);
    // "Tom heard me say": the narrator.
    if (s === k && tokens.lower[s] === 'me' && ix.narrator >= 0)
      return {
        character: ix.narrator,
        gender: 'unknown',
        via: 'narrator',
        corefGuess: ix.narrator,
        token: s,
        descriptive: false,
        owner: -1,
      };
    const r = referentAt(ix, s, k + 1, 'object');
    if (r && referentEnd(ix, s, r) === k) return r;
    // "I heard one small urchin gasp": someone heard, not the hearer, though no word tells who.
    if (!r && tokens.pos[k] === POS.NOUN && isNounPhrase(tokens, s, k)) return someoneUnnamed(k);
  }
  return undefined;
}

/** The third-person pronoun at token t, with the coref stage's antecedent. */
function pronounReferent(ix: CueIndex, t: number, gender: GenderLabel): Referent {
  const r = ix.pronounAt[t]!;
  const guess = r >= 0 ? ix.pronouns[r]!.character : -1;
  return {
    character: -1,
    gender,
    via: 'pronoun',
    corefGuess: guess,
    token: t,
    descriptive: false,
    owner: -1,
  };
}

/** Someone the words name no further: "said a voice", "I heard one small urchin gasp". */
function someoneUnnamed(token: number): Referent {
  return {
    character: -1,
    gender: 'unknown',
    via: 'nominal',
    corefGuess: -1,
    token,
    descriptive: false,
    owner: -1,
  };
}

/**
 * "Tom heard her kiss Cassandra and say": the one heard does something else first, and the speech
 * verb v is coordinated with that verb by "and", in one clause after the verb of hearing.
 */
function heardDoingAndSaying(ix: CueIndex, from: number, v: number): Referent | undefined {
  const { tokens } = ix;
  if (v - 1 <= from || tokens.lower[v - 1] !== 'and') return undefined;
  // A bare form or a participle, as after "heard her": "and said" has the hearer for its subject.
  const said = tokens.lower[v]!;
  if (speechVerbBase(said) !== said && !said.endsWith('ing')) return undefined;
  for (let s = v - 3; s > from && s >= v - 9; s--) {
    const w = tokens.lower[s]!;
    if (CLAUSE_END.has(w) || w === ',' || isQuoteMark(tokens, s)) return undefined;
    const hear = tokens.lower[s - 1]!;
    if (!PERCEPTION.has(hear)) continue;
    // "her" before the verb the tagger may call a noun ("heard her kiss") is the one heard.
    const p = PRONOUNS.get(w);
    const r =
      w === 'it'
        ? someoneUnnamed(s)
        : p && p.person === 3 && !p.plural && p.case === 'object'
          ? pronounReferent(ix, s, p.gender)
          : referentAt(ix, s, v, 'object');
    // Something done between: "heard her kiss Cassandra and say".
    return r && (r.via === 'pronoun' ? s : referentEnd(ix, s, r)) + 1 < v - 1 ? r : undefined;
  }
  return undefined;
}

/** Tokens s..k are a determiner or numeral, adjectives and nouns: "one small urchin", "a voice". */
function isNounPhrase(tokens: TokenLayer, s: number, k: number): boolean {
  for (let j = s; j <= k; j++) {
    const pos = tokens.pos[j]!;
    if (pos !== POS.DET && pos !== POS.NUM && pos !== POS.ADJ && pos !== POS.NOUN) return false;
  }
  return true;
}

/**
 * A reference within [from, k] that ends exactly at token k (a name of several tokens, or "his
 * wife"). With `ungoverned`, not the object of a preposition (`glanced at Tom to say`, `looked at
 * Ann, and, looking again, replied`): the passive's "by" aside.
 */
function subjectEndingAt(ix: CueIndex, from: number, k: number, ungoverned = false): Referent | undefined {
  const { tokens } = ix;
  for (let s = Math.max(from, k - 4); s <= k; s++) {
    const r = referentAt(ix, s, k + 1);
    if (!r) continue;
    if (referentEnd(ix, s, r) !== k) continue;
    // (A determiner's phrase may run on to a name: "after a long silence Anne" is still Anne.)
    if (ungoverned && s > from && governed(tokens, s)) continue;
    return r;
  }
  return undefined;
}

/**
 * Prepositions whose object is no subject (`turning to Tom`, `glanced at Tom`): not the passive's
 * "by", nor words that also open a clause ("before", "after", "as", "till").
 */
const GOVERNING: ReadonlySet<string> = new Set(
  words(`
    to at towards toward with from into upon on for about behind beside near over among across
    against around round beyond
  `),
);

/**
 * Whether a preposition governs the phrase at t. `, for the old woman cried out`: "for" after a
 * comma, semicolon or dash joins a clause ("because"), and its subject is free. A word the tagger
 * reads as an adverb, or one ending a phrase (`Later on Tom said`, `When the song was over Anne
 * said`), governs nothing.
 */
function governed(tokens: TokenLayer, t: number): boolean {
  const prev = tokens.lower[t - 1]!;
  if (!GOVERNING.has(prev) || tokens.pos[t - 1] === POS.ADV) return false;
  const before = t >= 2 ? tokens.lower[t - 2]! : '';
  if (prev === 'for') return !(before === ',' || before === ';' || isDash(before));
  // (`turning quickly to Tom` is still governed.)
  return !(t >= 2 && (tokens.pos[t - 2] === POS.AUX || (prev === 'on' && tokens.pos[t - 2] === POS.ADV)));
}

/** "said to Emma", "told him", "asked Elinor": the addressee of a tag. */
function withObject(ix: CueIndex, cue: Cue, from: number, end: number): Cue {
  const { tokens } = ix;
  let t = from;
  let p = from;
  while (p < end && tokens.pos[p] === POS.ADV) p++;
  // `he said, shaking Tom` / `she said softly, turning to Emma`: the one the participle after the
  // tag acts on is someone else than the speaker, most often the one spoken to.
  if (
    p + 2 < end &&
    tokens.lower[p] === ',' &&
    tokens.pos[p + 1] === POS.VERB &&
    tokens.lower[p + 1]!.endsWith('ing')
  ) {
    let u = p + 2;
    if (tokens.lower[u] === 'to' || tokens.lower[u] === 'at') u++;
    const object = referentAt(ix, u, end, 'object');
    if (object && object.via === 'name' && !object.descriptive && object.character >= 0) {
      cue.actedOn = object.character;
      if (cue.referent.corefGuess === object.character) cue.referent.corefGuess = -1;
    }
    return cue;
  }
  if (t < end && (tokens.lower[t] === 'to' || tokens.lower[t] === 'at')) t++;
  else if (!(cue.verb === 'tell' || cue.verb === 'ask' || cue.verb === 'answer' || cue.verb === 'address'))
    return cue;
  const object = referentAt(ix, t, end, 'object');
  if (object) {
    cue.object = object;
    // "said he to Temple": the speaker's pronoun never stands for the one spoken to.
    if (object.character >= 0 && cue.referent.corefGuess === object.character) cue.referent.corefGuess = -1;
  }
  return cue;
}

/**
 * A speech tag or an action beat in the narration before a quotation, in the last sentence before
 * it. A tag must lead into the quotation (`Emma said,` / `said Emma:` / `Emma turned and said —`);
 * a sentence closed by a full stop is an action beat (`Tom set down his cup.`), and only when it
 * opens the paragraph — otherwise it is the previous quotation's tag (`"Yes," said Anne. "No…"`).
 */
export function cueBefore(ix: CueIndex, from: number, to: number, opensParagraph: boolean): Cue | undefined {
  const { tokens } = ix;
  if (to <= from) return undefined;
  let s = to - 1;
  while (s > from && isQuoteMark(tokens, s)) s--;
  // `made only this cautious reply:--`: the dash after a colon or comma adds nothing.
  if (s > from && isDash(tokens.lower[s]!) && (tokens.lower[s - 1] === ':' || tokens.lower[s - 1] === ','))
    s--;
  const last = tokens.lower[s]!;
  // A lead-in ends in a colon, comma or dash — or, where the punctuation was lost, in a word
  // (`And then Gogol said, with the simplicity of a child` before the quotation).
  const leadsIn =
    last === ':' ||
    last === ',' ||
    isDash(last) ||
    (tokens.pos[s] !== POS.PUNCT && !isQuoteMark(tokens, s) && /\w$/.test(last));
  let begin = s;
  while (begin > from && !(CLAUSE_END.has(tokens.lower[begin - 1]!) && begin - 1 < s)) begin--;
  if (leadsIn) {
    // `to which his prompt reply was,` / `Mr. Weston's answer was:`: the possessor speaks.
    const owner = answerOwner(ix, begin, s);
    if (owner)
      return { kind: 'tag', where: 'pre', referent: owner, verb: '', object: undefined, actedOn: -1 };
    for (let v = s; v >= begin; v--) {
      const verb = verbAt(tokens, v);
      // `Katharine thought to herself,` leads into the thought; a thought further back does not.
      if (verb === undefined || (THOUGHT_VERBS.has(verb) && v < s - 3)) continue;
      // `when thus accosted by Miss Bingley,`: the passive's agent speaks.
      if (tokens.lower[v + 1] === 'by' && tokens.lower[v]!.endsWith('ed')) {
        const agent = referentAt(ix, v + 2, to);
        if (agent && agent.via !== 'nominal')
          return { kind: 'tag', where: 'pre', referent: agent, verb, object: undefined, actedOn: -1 };
      }
      const after = skipModifiers(tokens, v + 1, 1, to);
      // `she told Amory,` / `he asked Tom,`: after a subject of its own, the name a verb that takes
      // its listener as object stands on is the one spoken to, not an inverted speaker.
      const before = OBJECT_VERBS.has(verb) ? subjectBefore(ix, begin, v) : undefined;
      const inverted = before ? undefined : referentAt(ix, after, to);
      if (inverted && after <= v + 2)
        return { kind: 'tag', where: 'pre', referent: inverted, verb, object: undefined, actedOn: -1 };
      const subject =
        before ??
        subjectBefore(ix, begin, v) ??
        mainClauseSubject(ix, begin, v) ??
        lastSubject(ix, begin, v) ??
        firstReferent(ix, begin, v, true) ??
        coordinatedSubject(ix, from, begin);
      if (subject)
        return withObject(
          ix,
          { kind: 'tag', where: 'pre', referent: subject, verb, object: undefined, actedOn: -1 },
          v + 1,
          to,
        );
    }
    // A colon introduces speech whatever the verb: `Mrs. Milvain became rigid and emitted:`.
    if (last === ':') {
      const subject =
        mainClauseSubject(ix, begin, s) ?? firstReferent(ix, begin, Math.min(s, begin + 6), true);
      if (subject)
        return { kind: 'tag', where: 'pre', referent: subject, verb: '', object: undefined, actedOn: -1 };
    }
  }
  // `Mrs Musgrove interposed.` / `Mrs. Hurst began again.`: a short sentence that only says its
  // subject speaks leads into the quotation after it, as a colon would.
  if (last === '.') {
    const lead = speakingSentence(ix, begin, s);
    if (lead) return lead;
  }
  if (!opensParagraph) return undefined;
  const subject = firstReferent(ix, begin, Math.min(s + 1, begin + 4));
  if (subject)
    return { kind: 'beat', where: 'pre', referent: subject, verb: '', object: undefined, actedOn: -1 };
  return undefined;
}

/** Verbs of saying whose object is the listener ("told Emma", "asked Tom", "answered him"). */
const OBJECT_VERBS: ReadonlySet<string> = new Set(['tell', 'ask', 'answer', 'address']);

function isDash(word: string): boolean {
  return word === '\u2014' || word === '--' || word === '\u2013';
}

/** Verbs whose short sentence (`Anne spoke.`, `Tom began again.`) announces the speech after it. */
const LEAD_VERBS: ReadonlySet<string> = new Set(
  words(`
    say ask reply answer exclaim whisper murmur mutter rejoin retort respond remark observe declare
    interrupt interpose resume begin speak continue go
  `),
);

/** Tokens a speaking sentence may run to, full stop included (`Mrs. Hurst began again.`). */
const SPEAKING_SENTENCE_TOKENS = 7;

/**
 * A sentence [begin, end] (end: its full stop) that is no more than a subject and a verb of
 * speaking, with adverbs after: `Mrs Musgrove interposed.`, `Elizabeth replied at last.`.
 */
function speakingSentence(ix: CueIndex, begin: number, end: number): Cue | undefined {
  const { tokens } = ix;
  // The last clause of the sentence: `Tom sat down, and Mrs Musgrove began again.`
  let from = begin;
  for (let k = end - 1; k > begin; k--) {
    if (tokens.lower[k] === ',' || tokens.lower[k] === ';') {
      from = tokens.lower[k + 1] === 'and' || tokens.lower[k + 1] === 'but' ? k + 2 : k + 1;
      break;
    }
  }
  if (end - from >= SPEAKING_SENTENCE_TOKENS) return undefined;
  // Only narration's own sentence: `"Yes," she said. "Go."` is the tag of the quotation before.
  for (let k = from; k <= end && tokens.pos[k] === POS.PUNCT; k++)
    if (isQuoteMark(tokens, k)) return undefined;
  if (from === begin && begin > 0 && isQuoteMark(tokens, begin - 1)) return undefined;
  begin = from;
  for (let v = begin + 1; v < end; v++) {
    const verb = verbAt(tokens, v);
    if (verb === undefined || !LEAD_VERBS.has(verb)) continue;
    for (let k = v + 1; k < end; k++) {
      const pos = tokens.pos[k]!;
      if ((pos !== POS.ADV && pos !== POS.ADP && pos !== POS.ADJ) || tokens.lower[k] === 'so')
        return undefined;
    }
    // A simple past said outright: not `had not returned`, `would say`, `was speaking`.
    for (let k = begin; k < v; k++)
      if (tokens.pos[k] === POS.AUX || tokens.pos[k] === POS.PART) return undefined;
    if (!tokens.lower[v]!.endsWith('ed') && speechVerbBase(tokens.lower[v]!) === tokens.lower[v])
      return undefined;
    const subject = subjectBefore(ix, begin, v);
    if (!subject || subject.via === 'nominal') return undefined;
    return { kind: 'tag', where: 'pre', referent: subject, verb, object: undefined, actedOn: -1 };
  }
  return undefined;
}

/**
 * `Lady Catherine declined eating anything; and then rising up, said to Elizabeth,`: a clause that
 * opens with a conjunction and has no subject of its own shares the one of the clause before the
 * semicolon.
 */
function coordinatedSubject(ix: CueIndex, from: number, begin: number): Referent | undefined {
  const { tokens } = ix;
  if (begin <= from + 1 || tokens.lower[begin - 1] !== ';' || !COORDINATORS.has(tokens.lower[begin]!))
    return undefined;
  let prev = begin - 1;
  while (prev > from && !CLAUSE_END.has(tokens.lower[prev - 1]!)) prev--;
  for (let k = prev; k < begin - 1; k++) {
    const r = referentAt(ix, k, begin - 1);
    if (!r || r.via === 'nominal') continue;
    // "Ann's letter reached Tom; and then … said": the clause's subject is the letter.
    const m = ix.mentionAt[k]!;
    if (m >= 0 && isPossessiveAt(ix.doc.text, ix.mentions[m]!.end)) return undefined;
    const last = referentEnd(ix, k, r);
    // Its own verb, maybe after a parenthesis ("very resolutely, and not very politely, declined").
    for (let j = last + 1; j < begin - 1; j++) {
      if (tokens.pos[j] === POS.VERB || tokens.pos[j] === POS.AUX) return r;
      if (referentAt(ix, j, begin - 1)) return undefined;
    }
    return undefined;
  }
  return undefined;
}

const COORDINATORS = new Set(['and', 'but', 'then', 'so', 'yet']);

/**
 * The one whose words a lead-in announces with a noun of speech before "was"/"were": `his prompt
 * reply was,`, `Mr. Weston's answer was:`. s is the lead-in's last word before its punctuation.
 */
function answerOwner(ix: CueIndex, begin: number, s: number): Referent | undefined {
  const { tokens } = ix;
  let k = s;
  if (tokens.pos[k] === POS.PUNCT) k--;
  // `Sir Walter's remark was, soon afterwards--`: adverbs after "was".
  for (let j = k; j > begin && j >= k - 3; j--) {
    const w = tokens.lower[j]!;
    if (w === 'was' || w === 'were' || w === 'been') {
      k = j;
      break;
    }
    if (tokens.pos[j] !== POS.ADV && w !== ',') break;
  }
  // `Mrs. Archer's last word had been:`
  if (tokens.lower[k] === 'been') {
    if (k - 1 <= begin || tokens.lower[k - 1] !== 'had') return undefined;
    k--;
  } else if (k <= begin || (tokens.lower[k] !== 'was' && tokens.lower[k] !== 'were')) return undefined;
  // The first noun of an answer in the ten words before "was", maybe followed by a clause or a
  // phrase of its own ("Marilla's only comment when she heard the story was,", "Tom's answer to
  // Ann's question was:").
  let noun = Math.max(begin, k - 10);
  while (noun < k && !ANSWER_NOUNS.has(tokens.lower[noun]!)) noun++;
  if (noun >= k) return undefined;
  for (let p = noun - 1; p >= begin && p >= noun - 3; p--) {
    const pronoun = possessiveSpeaker(ix, p, noun + 1);
    if (pronoun) return pronoun;
    const m = ix.mentionAt[p]!;
    if (m >= 0 && !ix.mentions[m]!.inQuote) {
      const mention = ix.mentions[m]!;
      return isPossessiveAt(ix.doc.text, mention.end) ? nameReferent(ix, mention, p) : undefined;
    }
  }
  return undefined;
}

/**
 * Nouns for words said in answer that a lead-in with "was" announces (`his reply was,`): the nouns
 * of speech less "question" and "voice", which the lead-in may name as someone else's (`Tom's
 * answer to Ann's question was:`), and with an exclamation or reproach.
 */
const ANSWER_NOUNS: ReadonlySet<string> = new Set([
  ...[...SPEECH_NOUNS].filter((w) => w !== 'question' && w !== 'voice'),
  'exclamation',
  'reproach',
]);

/** Whether a possessive ending ('s or ’s, not the start of a word) stands at offset `at`. */
function isPossessiveAt(text: string, at: number): boolean {
  const c = text.charCodeAt(at);
  if (c !== 39 && c !== 0x2019) return false;
  const s = text[at + 1];
  return (s === 's' || s === 'S') && !/\w/.test(text[at + 2] ?? '');
}

/** An action beat after the quotation: the subject of the following sentence. */
export function beatAfter(ix: CueIndex, from: number, to: number): Cue | undefined {
  const { tokens } = ix;
  let t = from;
  while (t < to && (tokens.pos[t] === POS.PUNCT || isQuoteMark(tokens, t))) t++;
  const subject = firstReferent(ix, t, Math.min(to, t + 3));
  if (subject)
    return { kind: 'beat', where: 'post', referent: subject, verb: '', object: undefined, actedOn: -1 };
  return undefined;
}

/** Words that open a subordinate clause or phrase: its subject is not the main clause's. */
const SUBORDINATE_OPENERS: ReadonlySet<string> = new Set(
  words(`
    who whom whose which what how why whether where when whenever while whilst as though although
    if because since until till before after that unless once whereupon
  `),
);

/**
 * The subject of the main clause that verb v continues when nothing stands right before v:
 * `Matthew, who had been asleep, opened his eyes and said`, `When Marilla had gone, Diana,
 * going to the window, where Anne stood, said`. Subordinate clauses (opened by "who", "when",
 * "where", a participle or a preposition, and closed by a comma) are skipped; a new main subject
 * is one that opens the sentence or a clause coordinated after a comma (`…, and Mrs. Milvain,
 * who was bold, plunged:`), or one followed at once by its verb. Undefined when the clause
 * has no such subject, another clause's subject stands between, or v is in a subordinate clause
 * (`Anne watched as Tom rose and said`: left to lastSubject).
 */
function mainClauseSubject(ix: CueIndex, begin: number, v: number): Referent | undefined {
  const { tokens } = ix;
  let subject: Referent | undefined;
  let clauseStart = true;
  let coordinated = false;
  let subordinate = false;
  // A subordinate clause opened inside a clause (`watched as Anne rose, smiled, and said`), not
  // set off by a comma before it: its list of verbs runs on past commas.
  let inner = false;
  let listed = false;
  // `…was not unwilling, when she instantly drew back, and said`: the subject of the last "when"
  // clause, whose verbs the speech verb may go on. (`Ann laughed when Tom fell, and said` is read
  // as Tom's too: keeping the main subject where no comma sets the clause off measured worse, −7 in
  // gold mode and −3 on LitBank.)
  let whenSubject: Referent | undefined;
  for (let t = begin; t < v; t++) {
    const lower = tokens.lower[t]!;
    if (lower === 'when') {
      const r = referentAt(ix, t + 1, v);
      if (r && r.via !== 'narrator') {
        const next = skipModifiers(tokens, referentEnd(ix, t + 1, r) + 1, 1, v);
        whenSubject = next < v && (isVerbOrAux(tokens, next) || tokens.lower[next] === ',') ? r : undefined;
      } else whenSubject = undefined;
    }
    if (lower === ',' || lower === ';' || lower === '\u2014' || lower === '--') {
      clauseStart = true;
      coordinated = lower === ';';
      if (inner && lower === ',' && continuesVerbs(tokens, t + 1, v, listed)) listed = true;
      else {
        subordinate = false;
        inner = false;
        listed = false;
      }
      continue;
    }
    if (!clauseStart) {
      if (SUBORDINATE_OPENERS.has(lower) && !NOMINAL_POS.has(tokens.pos[t]!)) {
        // (Inside a clause set off by commas, `, who had slept while Mary talked, opened`, the
        // next comma closes both.)
        if (!subordinate) inner = tokens.lower[t - 1] !== ',' && t > begin;
        subordinate = true;
      }
      // A subject with its verb inside the clause that is no subordinate one: not the main subject's verb.
      else if (!subordinate && subject !== undefined) {
        const r = referentAt(ix, t, v);
        if (r && r.via !== 'nominal') {
          const next = skipModifiers(tokens, referentEnd(ix, t, r) + 1, 1, v);
          if (next < v && isVerbOrAux(tokens, next)) return undefined;
        }
      }
      continue;
    }
    if (COORDINATORS.has(lower)) {
      coordinated = true;
      continue;
    }
    clauseStart = false;
    const pos = tokens.pos[t]!;
    if (SUBORDINATE_OPENERS.has(lower) || pos === POS.ADP || (pos === POS.VERB && lower.endsWith('ing'))) {
      subordinate = true;
      continue;
    }
    const r = referentAt(ix, t, v);
    if (!r) continue;
    const end = referentEnd(ix, t, r);
    const next = skipModifiers(tokens, end + 1, 1, v);
    const verbNext = next < v && isVerbOrAux(tokens, next);
    const commaNext = next < v && tokens.lower[next] === ',';
    if (verbNext || (commaNext && (subject === undefined || coordinated))) {
      subject = r;
      t = end;
    }
  }
  // `…, that Emma could not help saying`: v is the subordinate clause's own verb.
  if (subordinate) return undefined;
  if (whenSubject && whenSubject.token > (subject?.token ?? -1) && andThenVerb(tokens, begin, v))
    return whenSubject;
  return subject;
}

/** Whether v follows `, and` (adverbs between): a verb added to the clause before the comma. */
function andThenVerb(tokens: TokenLayer, begin: number, v: number): boolean {
  let k = v - 1;
  while (k > begin && tokens.pos[k] === POS.ADV) k--;
  return k > begin && tokens.lower[k] === 'and' && tokens.lower[k - 1] === ',';
}

function isVerbOrAux(tokens: TokenLayer, k: number): boolean {
  const pos = tokens.pos[k];
  return pos === POS.VERB || pos === POS.AUX;
}

/** Parts of speech of an opener word used otherwise: "for a while" (a noun), "that man" (a determiner). */
const NOMINAL_POS: ReadonlySet<number> = new Set([POS.NOUN, POS.DET, POS.ADJ, POS.PROPN]);

/**
 * Whether the words from t go on with a verb of a list of verbs: `rose, smiled,` and then, once
 * such a list has begun (`listed`), `…, and said` (`…, and added` alone may go back to the main
 * clause: `I told him of Tom's joy on hearing that Ann had come, and added:`).
 */
function continuesVerbs(tokens: TokenLayer, t: number, v: number, listed: boolean): boolean {
  let k = t;
  while (k < v && tokens.pos[k] === POS.ADV) k++;
  if (listed && k < v && (tokens.lower[k] === 'and' || tokens.lower[k] === 'or')) k++;
  while (k < v && tokens.pos[k] === POS.ADV) k++;
  if (k >= v) return k === v;
  const pos = tokens.pos[k]!;
  return (pos === POS.VERB && !tokens.lower[k]!.endsWith('ing')) || pos === POS.AUX;
}

/**
 * The nearest reference before v that stands as a subject, followed by its own verb: in `She was
 * conscious that he raised his cap and said` it is "he", not the sentence's first word.
 */
function lastSubject(ix: CueIndex, from: number, v: number): Referent | undefined {
  const { tokens } = ix;
  for (let k = v - 1; k >= from; k--) {
    const r = referentAt(ix, k, v);
    if (!r || r.via === 'nominal') continue;
    const last = referentEnd(ix, k, r);
    let next = skipModifiers(tokens, last + 1, 1, v);
    // "Anne at once explained", "Tom at last said".
    if (tokens.lower[next] === 'at' && AT_ADVERBIALS.has(tokens.lower[next + 1]!)) next += 2;
    // "when Mr. Knightley startled her": a past tense the tagger took for a noun.
    if (next < v && (isVerbOrAux(tokens, next) || isPastVerb(tokens, next))) return r;
  }
  return undefined;
}

/** Words after "at" in adverbials that stand between a subject and its verb ("at once"). */
const AT_ADVERBIALS = new Set(['once', 'last', 'length', 'first', 'times']);

/**
 * The first reference in [from, to). With `subjectOnly`, not one governed by a preposition: in
 * `and, turning to Tom, said` or `glanced at Tom to say` Tom is spoken to, not speaking.
 */
function firstReferent(ix: CueIndex, from: number, to: number, subjectOnly = false): Referent | undefined {
  const { tokens } = ix;
  for (let k = from; k < to; k++) {
    const r = referentAt(ix, k, to + 4);
    if (!r) continue;
    // (A determiner's phrase may run on to a name: in "at that moment Ann" the name is free.)
    if (subjectOnly && k > from && governed(tokens, k)) continue;
    return r;
  }
  return undefined;
}

/** A speech tag after its quotation, its object not read yet. */
function postTag(referent: Referent, verb: string): Cue {
  return { kind: 'tag', where: 'post', referent, verb, object: undefined, actedOn: -1 };
}
