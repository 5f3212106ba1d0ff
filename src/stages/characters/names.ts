import type { StoryDocument } from '../../engine/document.js';
import { POS } from '../../engine/pos.js';
import type { TokenLayer } from '../../engine/types.js';
import { honorificKey, PEER_TITLES } from '../lexicon/honorifics.js';
import { PRONOUNS } from '../lexicon/pronouns.js';
import { CORE_SPEECH_VERBS, speechVerbBase } from '../lexicon/speech-verbs.js';
import { isKnownGivenName } from './nicknames.js';
import { ROLE_NOUNS } from './roles.js';
import { WordGate } from './word-gate.js';

const ROLE_GATE = new WordGate(ROLE_NOUNS);

/** "the" or "The" (tokens are lower-cased), without comparing strings for every token. */
function isThe(lower: string): boolean {
  return (
    lower.length === 3 &&
    lower.charCodeAt(0) === 116 &&
    lower.charCodeAt(1) === 104 &&
    lower.charCodeAt(2) === 101
  );
}

/**
 * Proper names found from capitalisation statistics over the whole text.
 *
 * English capitalises every sentence's first word, so one capital says little; a word that is
 * capitalised *inside* sentences and seldom or never written in lower case is a proper noun
 * ("Emma", "Highbury"), while "Tears", "Good" or "Nonsense" are capitalised only at sentence starts
 * and are written in lower case elsewhere. A sentence start here is the first word of a sentence,
 * of a quotation, or after a dash or colon, where English capitalises too.
 */

/** How a token is written. */
export const CASE = { other: 0, lower: 1, capitalised: 2, allCaps: 3 } as const;

/** Per-token facts the name finders share. */
export interface TokenFacts {
  /** `CASE` of every token. */
  written: Uint8Array;
  /** 1 where the token starts a sentence, a quotation, or follows a dash or colon. */
  initial: Uint8Array;
  /** 1 inside a quotation. */
  inQuote: Uint8Array;
  /** 1 inside a heading or break paragraph (chapter titles are not counted as evidence). */
  heading: Uint8Array;
  /** The pieces of every quotation, sorted by start. */
  quoteSpans: readonly (readonly [number, number])[];
}

function letterCase(text: string, at: number, end: number): number {
  const c = text.charCodeAt(at);
  let upper: boolean;
  if (c >= 65 && c <= 90) upper = true;
  else if (c >= 97 && c <= 122) upper = false;
  else if (c < 0xc0) return CASE.other;
  else {
    const ch = text[at]!;
    const lo = ch.toLowerCase();
    const up = ch.toUpperCase();
    if (lo === up) return CASE.other;
    upper = ch === up;
  }
  if (!upper) return CASE.lower;
  // ALL CAPS: at least two letters and no lower-case letter ("MR.", "BENNET", not "I" or "A").
  let letters = 0;
  for (let i = at; i < end; i++) {
    const d = text.charCodeAt(i);
    if (d >= 97 && d <= 122) return CASE.capitalised;
    if (d >= 65 && d <= 90) letters++;
    else if (d >= 0xc0) {
      const ch = text[i]!;
      if (ch !== ch.toUpperCase()) return CASE.capitalised;
      letters++;
    }
  }
  return letters >= 2 ? CASE.allCaps : CASE.capitalised;
}

/**
 * Whether a token opens a stretch that English capitalises: an opening quotation mark, a dash,
 * colon, bracket or underscore (italics). Read from the character, not the token string, since it
 * runs for every token.
 */
function isOpener(text: string, start: number, end: number): boolean {
  const c = text.charCodeAt(start);
  if (end - start === 1) {
    return (
      c === 34 || // "
      c === 39 || // '
      c === 58 || // :
      c === 40 || // (
      c === 91 || // [
      c === 95 || // _
      c === 0x201c ||
      c === 0x2018 ||
      c === 0x2014 ||
      c === 0x2013 ||
      c === 0xab ||
      c === 0x201e
    );
  }
  return end - start === 2 && c === 45 && text.charCodeAt(start + 1) === 45; // --
}

export function tokenFacts(doc: StoryDocument): TokenFacts {
  const tokens = doc.layer('tokens');
  const sentences = doc.layer('sentences');
  const paragraphs = doc.layer('paragraphs');
  const text = doc.text;
  const n = tokens.count;
  const starts = tokens.start;
  const ends = tokens.end;
  const written = new Uint8Array(n);
  const initial = new Uint8Array(n);
  const inQuote = new Uint8Array(n);
  const heading = new Uint8Array(n);
  let opener = true;
  for (let t = 0; t < n; t++) {
    const s = starts[t]!;
    const e = ends[t]!;
    written[t] = letterCase(text, s, e);
    if (opener) initial[t] = 1;
    opener = isOpener(text, s, e);
  }
  for (const s of sentences) {
    if (s.tokenStart < n) initial[s.tokenStart] = 1;
    if (paragraphs[s.paragraph]?.kind !== 'prose') heading.fill(1, s.tokenStart, s.tokenEnd);
  }
  const spans = quoteSpans(doc);
  let t = 0;
  for (const [s, e] of spans) {
    while (t < n && starts[t]! < s) t++;
    if (t < n) initial[t] = 1;
    for (let k = t; k < n && starts[k]! < e; k++) inQuote[k] = 1;
  }
  return { written, initial, inQuote, heading, quoteSpans: spans };
}

/** The pieces of every quotation, sorted by start. */
function quoteSpans(doc: StoryDocument): [number, number][] {
  const out: [number, number][] = [];
  for (const q of doc.layer('quotes')) for (const span of q.spans) out.push(span);
  return out.sort((a, b) => a[0] - b[0]);
}

/** How often each word form is written capitalised inside a sentence, at a sentence start, in lower case. */
export interface CapitalStats {
  id: Map<string, number>;
  capMid: number[];
  capInitial: number[];
  /** Of the sentence-initial uses, those in narration the tagger reads as a proper noun ("Lena stood", not "Wait here"). */
  properInitial: number[];
  /**
   * Of those, the ones acting right after a quotation closed in the same paragraph (`"For now."
   * Clara did not look up`): the beat of someone in the conversation.
   */
  beatInitial: number[];
  lower: number[];
}

/** The form a token is counted under: lower case, possessive "'s" dropped. */
export function formOf(tokens: TokenLayer, t: number): string {
  const lower = tokens.lower[t]!;
  const n = lower.length;
  if (n > 2 && lower.charCodeAt(n - 1) === 115 && (lower[n - 2] === "'" || lower[n - 2] === '\u2019')) {
    return lower.slice(0, -2);
  }
  return lower;
}

/**
 * Two passes: capitalised tokens first (a tenth of the text) make the table, then lower-case tokens
 * are counted for the forms that may be names (capitalised inside a sentence somewhere, or a known
 * first name): a gate on each word's first two letters and length turns away most lower-case
 * tokens before the table is looked up. Other forms keep a lower-case count of 0.
 */
export function capitalStats(
  doc: StoryDocument,
  facts: TokenFacts,
  isFirstName: (lower: string) => boolean,
): CapitalStats {
  const tokens = doc.layer('tokens');
  const stats: CapitalStats = {
    id: new Map(),
    capMid: [],
    capInitial: [],
    properInitial: [],
    beatInitial: [],
    lower: [],
  };
  const { written, initial, heading } = facts;
  const n = tokens.count;
  for (let t = 0; t < n; t++) {
    if (written[t] !== CASE.capitalised || heading[t] === 1) continue;
    const form = formOf(tokens, t);
    let i = stats.id.get(form);
    if (i === undefined) {
      i = stats.capMid.length;
      stats.id.set(form, i);
      stats.capMid.push(0);
      stats.capInitial.push(0);
      stats.properInitial.push(0);
      stats.beatInitial.push(0);
      stats.lower.push(0);
    }
    if (initial[t] === 1 && isAuxiliaryLead(tokens, t)) stats.lower[i]!++;
    else if (initial[t] === 1 && !isTagSubject(doc.text, tokens, facts, t)) {
      stats.capInitial[i]!++;
      // Narration only: a quotation's "Bibi, come in!" is someone called, maybe by a pet name.
      if (tokens.pos[t] === POS.PROPN && facts.inQuote[t] !== 1) {
        stats.properInitial[i]!++;
        if (isBeatSubject(doc.text, tokens, facts, t)) stats.beatInitial[i]!++;
      }
    } else stats.capMid[i]!++;
  }
  const gate = new WordGate();
  for (const [form, i] of stats.id) {
    if (stats.capMid[i]! >= 1 || isFirstName(form)) gate.add(form, form.length);
  }
  const lower = tokens.lower;
  for (let t = 0; t < n; t++) {
    if (written[t] !== CASE.lower) continue;
    const word = lower[t]!;
    if (!gate.mayHave(word, word.length - possessiveLength(word))) continue;
    const i = stats.id.get(formOf(tokens, t));
    if (i !== undefined) stats.lower[i]!++;
  }
  return stats;
}

/** Auxiliaries that are also given names ("Will", "May"), or could be read as names at a sentence start. */
const AUXILIARY_NAMES: ReadonlySet<string> = new Set(['will', 'may', 'can', 'shall', 'must', 'might']);

/**
 * `"Will you stay?"`, `May I come in?`: an auxiliary opening a question, right before its subject
 * pronoun, is the word in its ordinary sense, not the name Will or May — it counts as a lower-case use.
 */
function isAuxiliaryLead(tokens: TokenLayer, t: number): boolean {
  return (
    t + 1 < tokens.count &&
    AUXILIARY_NAMES.has(tokens.lower[t]!) &&
    PRONOUNS.get(tokens.lower[t + 1]!)?.case === 'subject'
  );
}

/**
 * `"Any letters?" Slim asked.`: a capitalised word between a closing quotation mark and a verb that
 * tags speech names the speaker. It opens a sentence only because the quotation closed one, so it
 * counts as a capital inside a sentence — the evidence that makes a word that is no known first
 * name ("Slim", "Turkey") a name.
 */
function isTagSubject(text: string, tokens: TokenLayer, facts: TokenFacts, t: number): boolean {
  if (t < 2 || t + 1 >= tokens.count || facts.inQuote[t] === 1 || facts.inQuote[t - 2] !== 1) return false;
  if (!isClosingMark(text.charCodeAt(tokens.start[t - 1]!))) return false;
  if (text.slice(tokens.end[t - 1]!, tokens.start[t]!).includes('\n')) return false;
  const base = speechVerbBase(tokens.lower[t + 1]!);
  return base !== undefined && CORE_SPEECH_VERBS.has(base);
}

/**
 * `"For now." Clara did not look up`: a word right after a closing quotation mark on the same line,
 * followed by a verb.
 */
function isBeatSubject(text: string, tokens: TokenLayer, facts: TokenFacts, t: number): boolean {
  if (t < 2 || t + 1 >= tokens.count || facts.inQuote[t - 2] !== 1) return false;
  if (!isClosingMark(text.charCodeAt(tokens.start[t - 1]!))) return false;
  if (text.slice(tokens.end[t - 1]!, tokens.start[t]!).includes('\n')) return false;
  const next = tokens.pos[t + 1];
  return next === POS.VERB || next === POS.AUX;
}

/** A closing quotation mark: straight or curly, double or single. */
function isClosingMark(code: number): boolean {
  return code === 34 || code === 39 || code === 0x201d || code === 0x2019;
}

function possessiveLength(lower: string): number {
  const n = lower.length;
  return n > 2 && lower.charCodeAt(n - 1) === 115 && (lower[n - 2] === "'" || lower[n - 2] === '\u2019')
    ? 2
    : 0;
}

/** A run of capitalised name words in the text, with an optional title before it. */
export interface NameSpan {
  /** First and last token (inclusive), title and a leading "the" included. */
  first: number;
  last: number;
  /** Honorific key of the leading title ("mr", "aunt"), or "" when none. */
  title: string;
  /** The name words, lower case, possessive dropped ("frank", "churchill"). */
  words: string[];
  /**
   * A descriptive title: "the" and capitalised words ("the Hatter", "the White Rabbit", "the
   * Invisible Man", "the Queen of Hearts"); `words` then holds the words after "the".
   */
  the: boolean;
  /** A descriptive title in lower case: "the" and a role noun ("the mariner", "the old count"). */
  described: boolean;
  /** Preceded by "the" without being a descriptive title ("the Miss Bennets"). */
  afterThe: boolean;
  /** Matching key: title and name words, "the" for titles ("mr frank churchill", "the hatter"). */
  key: string;
  /** Addresses someone inside a quotation ("Emma, my dear"); set by `collectForms`. */
  vocative: boolean;
}

function nameKeyOf(title: string, words: readonly string[], the: boolean): string {
  const name = title ? `${title} ${words.join(' ')}` : words.join(' ');
  return the ? `the ${name}` : name;
}

/** Kinship titles that may stand in lower case before a name ("uncle Charles"). */
const LOWER_TITLES = new Set([
  'uncle',
  'aunt',
  'auntie',
  'cousin',
  'grandfather',
  'grandmother',
  'granny',
  'grandpa',
  'grandma',
]);

/** Particles that may stand inside a name: "Lady Catherine de Bourgh", "Van der Luyden". */
export const PARTICLES: ReadonlySet<string> = new Set([
  'de',
  'van',
  'von',
  'der',
  'du',
  'da',
  'di',
  'del',
  'della',
  'le',
  'la',
  'des',
  'ten',
  'ter',
  "d'",
]);

/**
 * Whether a word form is written as a proper noun in this text: capitalised inside sentences, and
 * in lower case at most a fifth as often. One capitalised use inside a sentence is enough when the
 * word never appears in lower case. A first name that is also a word ("Will", "Rose", "Hope") is a
 * name when the text capitalises it inside sentences at least three times and at least once for
 * every fifty lower-case uses: ordinary words are capitalised mid-sentence only by accident (the
 * person finder then also asks for a speech tag or a vocative before it trusts such a word).
 */
export function isProperForm(stats: CapitalStats, form: string, firstName: boolean): boolean {
  const i = stats.id.get(form);
  if (i === undefined) return false;
  const mid = stats.capMid[i]!;
  const lower = stats.lower[i]!;
  if (mid >= 1 && lower * 5 <= mid) return true;
  if (!firstName) return false;
  // A first name the text never writes in lower case, seen only where English capitalises
  // anyway ("Lizzy, come in!"), is still a name: a familiar form the nickname table knows, or one
  // seen three times ("Wait", "Early" are in the name lists too).
  const initial = stats.capInitial[i]!;
  if (lower === 0 && (initial >= 3 || (initial >= 1 && isKnownGivenName(form)))) return true;
  // "Lena stood on the platform. Lena sighed.": in a short piece a listed first name may only ever
  // open sentences; it is a name when the tagger reads every such use as one (not "Wait here.").
  if (lower === 0 && initial >= 2 && stats.properInitial[i] === initial) return true;
  // `"For now." Clara did not look up from the map.`: once is enough for a listed first name that
  // acts in a beat right after a quotation, the way a speaker's beat does.
  if (lower === 0 && initial >= 1 && stats.properInitial[i] === initial && stats.beatInitial[i]! >= 1)
    return true;
  return mid >= 3 && mid * 50 >= lower;
}

function isInitialLetter(text: string, tokens: TokenLayer, t: number): boolean {
  // "P." in "Annie P. Miller": one capital letter and a full stop.
  const s = tokens.start[t]!;
  const e = tokens.end[t]!;
  if (e - s === 2) {
    const c = text.charCodeAt(s);
    return c >= 65 && c <= 90 && text.charCodeAt(s + 1) === 46;
  }
  return false;
}

/** Whether token t follows token t - 1 with at most one character between (no line or clause break). */
function adjacent(tokens: TokenLayer, t: number): boolean {
  return tokens.start[t]! - tokens.end[t - 1]! <= 1;
}

export interface NameWords {
  /** Never a name word ("God", "I", "Papa"). */
  never: ReadonlySet<string>;
  /** Days and months: a name on their own at most ("Sunday"), never the start of a longer one. */
  calendar: ReadonlySet<string>;
  /** Whether a lower-case word is a known first name (lets "Will" be a name when capitalised). */
  isFirstName: (lower: string) => boolean;
}

/**
 * Runs of proper-noun tokens (with an optional leading title, inner initials and particles) that do
 * not cross punctuation, and descriptive titles ("the" + capitalised words). Headings are skipped.
 */
export function findNameSpans(
  doc: StoryDocument,
  facts: TokenFacts,
  stats: CapitalStats,
  lexicon: NameWords,
): NameSpan[] {
  const tokens = doc.layer('tokens');
  const text = doc.text;
  const { written, heading, initial } = facts;
  const n = tokens.count;
  const out: NameSpan[] = [];
  const proper = new Map<string, boolean>();
  const isName = (form: string): boolean => {
    let yes = proper.get(form);
    if (yes === undefined) {
      yes = isNameWord(form) && isProperForm(stats, form, lexicon.isFirstName(form));
      proper.set(form, yes);
    }
    return yes;
  };
  // After a name word, a capitalised word continues the name even when the text also uses it as an
  // ordinary word: "Jonathan Small", "Harvey Stone", "Mr. Hall".
  const continues = (form: string): boolean => {
    if (isName(form)) return true;
    const i = stats.id.get(form);
    if (i === undefined || !isNameWord(form)) return false;
    const mid = stats.capMid[i]!;
    return mid >= 2 && mid * 50 >= stats.lower[i]!;
  };
  function isNameWord(form: string): boolean {
    if (form.length < 2 || form.endsWith('.') || lexicon.never.has(form)) return false;
    // "I'm", "I'll", "I'd": the pronoun, contracted.
    if (form.charCodeAt(0) === 105 && (form[1] === "'" || form[1] === '\u2019')) return false;
    return honorificKey(form) === undefined;
  }
  // ALL CAPS ("MR. BENNET" in a heading, "TOM" in a play-like dialogue) counts as capitalised for
  // the words the rest of the text shows to be names; headings give no other names.
  const capital = (t: number): boolean => {
    const w = written[t]!;
    if (w === CASE.capitalised) return heading[t] !== 1;
    return w === CASE.allCaps && (honorificKey(tokens.lower[t]!) !== undefined || isName(formOf(tokens, t)));
  };
  // Capitalised pairs of words, counted on demand in one pass over the text: pairs led by a given
  // name ("frank stockley"), pairs inside sentences ("at Big Medicine"), pairs that tag speech.
  let pairs: { given: Map<string, number>; mid: Map<string, number>; tags: Set<string> } | undefined;
  const pairKey = (k: number): string => `${tokens.lower[k]!} ${tokens.lower[k + 1]!}`;
  const pairTables = (): { given: Map<string, number>; mid: Map<string, number>; tags: Set<string> } => {
    if (pairs) return pairs;
    pairs = { given: new Map(), mid: new Map(), tags: new Set() };
    for (let i = 0; i + 1 < n; i++) {
      if (written[i] !== CASE.capitalised || written[i + 1] !== CASE.capitalised || !adjacent(tokens, i + 1))
        continue;
      const key = pairKey(i);
      if (lexicon.isFirstName(tokens.lower[i]!)) pairs.given.set(key, (pairs.given.get(key) ?? 0) + 1);
      if (initial[i] !== 1 && facts.inQuote[i] !== 1) pairs.mid.set(key, (pairs.mid.get(key) ?? 0) + 1);
      if (isPairTagSubject(i)) pairs.tags.add(key);
    }
    return pairs;
  };
  const pairCount = (k: number): number => pairTables().given.get(pairKey(k)) ?? 0;
  const midPairCount = (k: number): number => pairTables().mid.get(pairKey(k)) ?? 0;
  const isTagPair = (k: number): boolean => pairTables().tags.has(pairKey(k));
  // The pair at k, k + 1 tags speech: after a closing quotation mark and before a speech verb
  // (`”  Big Medicine bellowed`), or after a speech verb that follows the quotation (`” said Big Medicine`).
  const isPairTagSubject = (k: number): boolean => {
    if (k < 2 || k + 2 >= n || facts.inQuote[k] === 1) return false;
    if (isClosingMark(text.charCodeAt(tokens.start[k - 1]!)) && facts.inQuote[k - 2] === 1)
      return speechVerbBase(tokens.lower[k + 2]!) !== undefined;
    return (
      speechVerbBase(tokens.lower[k - 1]!) !== undefined &&
      isClosingMark(text.charCodeAt(tokens.start[k - 2]!)) &&
      k >= 3 &&
      facts.inQuote[k - 3] === 1
    );
  };
  // A month that is also a given name, followed on the same line by a capitalised word that is no
  // given name (a surname, then).
  const givenBeforeSurname = (k: number): boolean => {
    const next = k + 1;
    if (next >= n || !adjacent(tokens, next) || written[next] !== CASE.capitalised) return false;
    const after = formOf(tokens, next);
    return (
      lexicon.isFirstName(tokens.lower[k]!) &&
      !lexicon.isFirstName(after) &&
      !lexicon.calendar.has(after) &&
      continues(after)
    );
  };
  // "by" at the start of a sentence, a quotation or a clause: after no word.
  const opensOath = (by: number): boolean => by === 0 || !/\p{L}/u.test(tokens.lower[by - 1]!);
  for (let t = 0; t < n; t++) {
    // Cheap tests first: most tokens are lower case and followed by lower case.
    const nextCapital = t + 1 < n && written[t + 1] === CASE.capitalised;
    if (nextCapital && heading[t] !== 1 && tokens.lower[t] === 'the' && adjacent(tokens, t + 1)) {
      const the = descriptiveTitle(t);
      if (the) {
        // "the Widow de Cominges": a title before a name, not a title standing for someone.
        // "Alfred the Great", "Ivo the Priest": a title after a given name is an epithet of that
        // name. Neither is a mention of "the Widow" or "the Priest" as a person of its own.
        if (!titleBeforeName(the.last) && !epithetOfGivenName(t)) out.push(the);
        t = the.last;
        continue;
      }
    }
    // "the mariner", "the old count": a role noun in lower case after "the".
    if (
      written[t + 1] === CASE.lower &&
      tokens.end[t]! - tokens.start[t]! === 3 &&
      isThe(tokens.lower[t]!) &&
      heading[t] !== 1
    ) {
      const role = describedRole(t);
      if (role) {
        out.push(role);
        t = role.last;
        continue;
      }
    }
    // "uncle Charles", "aunt Polly": a kinship title in lower case before a name.
    const kin =
      nextCapital &&
      written[t] === CASE.lower &&
      LOWER_TITLES.has(tokens.lower[t]!) &&
      adjacent(tokens, t + 1) &&
      isName(formOf(tokens, t + 1));
    if (!kin && !capital(t)) continue;
    // "by George!", "No, by Harry!": an oath, no one named ("she had acted ill by Harriet!" names her).
    if (
      t >= 1 &&
      t + 1 < n &&
      tokens.lower[t - 1] === 'by' &&
      tokens.lower[t + 1] === '!' &&
      opensOath(t - 1)
    )
      continue;
    let k = t;
    let title = '';
    const h = honorificKey(tokens.lower[k]!);
    // Most capitalised tokens start sentences ("The", "He", "It"): leave them before allocating.
    // "with Frank Stockley": a given name that is also a common word ("frank", "grace", "will"),
    // capitalised inside a sentence right before a surname, starts the name when the text writes
    // the pair more than once (not "Free Trade", "the West Indies": no plural either).
    const givenLead =
      h === undefined &&
      !isName(formOf(tokens, t)) &&
      initial[t] !== 1 &&
      written[t] === CASE.capitalised &&
      givenBeforeSurname(t) &&
      !/[^s]s$/.test(tokens.lower[t + 1]!) &&
      pairCount(t) >= 2;
    // "“Sure!” Big Medicine bellowed": two capitalised words that tag speech together, a nickname
    // made of ordinary words, start a name when the text also writes the pair inside a sentence
    // ("a glance at Big Medicine"); "“Yes.” Then Tom said" has no such second use. Before a given
    // name the word is an epithet ("Old Horace" is Horace Talbot) and is left out, as before.
    const tagLead =
      h === undefined &&
      !givenLead &&
      written[t] === CASE.capitalised &&
      nextCapital &&
      adjacent(tokens, t + 1) &&
      isNameWord(formOf(tokens, t)) &&
      !isName(formOf(tokens, t)) &&
      !lexicon.isFirstName(tokens.lower[t + 1]!) &&
      isTagPair(t) &&
      continues(formOf(tokens, t + 1)) &&
      midPairCount(t) >= 1;
    if (h === undefined && !givenLead && !tagLead && !isName(formOf(tokens, t))) continue;
    if (h !== undefined) {
      // A title counts only before a capitalised name word: "Mr. Darcy", "Aunt Juley".
      title = h;
      k++;
      // "Mlle. Blanche", "Rev. Cuthbert": the tokeniser splits the full stop off some titles.
      if (k < n && tokens.lower[k] === '.' && tokens.start[k] === tokens.end[k - 1]) k++;
      // "Professor de Worms", "Mr. van der Luyden": particles between the title and the name.
      let p = k;
      while (
        p < n &&
        p - k < 3 &&
        written[p] === CASE.lower &&
        PARTICLES.has(tokens.lower[p]!) &&
        adjacent(tokens, p)
      )
        p++;
      if (p >= n || !adjacent(tokens, p) || !capital(p)) continue;
      const next = formOf(tokens, p);
      if (lexicon.never.has(next) || honorificKey(next) !== undefined) continue;
    }
    const words: string[] = [];
    let last = -1;
    let kept = 0;
    for (; k < n; k++) {
      if (k > t && !adjacent(tokens, k)) break;
      const form = formOf(tokens, k);
      const w = written[k]!;
      const titled = title !== '' && words.length === 0;
      if (
        capital(k) &&
        (titled
          ? isNameWord(form) || form.endsWith('.')
          : words.length > 0 && w === CASE.capitalised
            ? continues(form)
            : isName(form) || ((givenLead || tagLead) && k === t))
      ) {
        words.push(form);
        last = k;
        kept = words.length;
        if (form !== tokens.lower[k]) break; // a possessive ends the name
        // "On Monday Clara walked": a day or month does not start a longer name, unless it is a
        // given name before a surname ("May Welland", "June Hartley"; not "in May Clara …").
        if (words.length === 1 && title === '' && lexicon.calendar.has(form) && !givenBeforeSurname(k)) break;
        continue;
      }
      if (words.length > 0 && isInitialLetter(text, tokens, k)) {
        words.push(form.replace(/\.$/, ''));
        continue;
      }
      if (
        (words.length > 0 || title !== '') &&
        w === CASE.lower &&
        PARTICLES.has(form) &&
        k + 1 < n &&
        (written[k + 1] === CASE.capitalised || PARTICLES.has(tokens.lower[k + 1]!))
      ) {
        words.push(form);
        continue;
      }
      break;
    }
    // Initials or particles that no name word followed are not part of the name.
    words.length = kept;
    if (kept === 0) continue;
    const afterThe = t > 0 && tokens.lower[t - 1] === 'the';
    out.push({
      first: t,
      last,
      title,
      words,
      the: false,
      described: false,
      afterThe,
      key: nameKeyOf(title, words, false),
      vocative: false,
    });
    t = last;
  }
  return out;

  /**
   * A one-word title ending at `last` followed by a particle and a name: "the Widow de Cominges".
   * (Not a peer's: "the Marquis de Saint Eustache" is the one the text calls "the Marquis".)
   */
  function titleBeforeName(last: number): boolean {
    const p = last + 1;
    return (
      p + 1 < n &&
      !PEER_TITLES.has(tokens.lower[last]!) &&
      written[p] === CASE.lower &&
      PARTICLES.has(tokens.lower[p]!) &&
      adjacent(tokens, p) &&
      adjacent(tokens, p + 1) &&
      written[p + 1] === CASE.capitalised
    );
  }

  /** "the" after a capitalised given name mid-sentence: "Alfred the Great", "Ivo the Priest". */
  function epithetOfGivenName(the: number): boolean {
    const g = the - 1;
    return (
      g >= 1 &&
      adjacent(tokens, the) &&
      written[g] === CASE.capitalised &&
      initial[g] !== 1 &&
      tokens.sentence[g] === tokens.sentence[the] &&
      lexicon.isFirstName(tokens.lower[g]!)
    );
  }

  /** "the", up to two adjectives, and a role noun, all in lower case ("the portly proprietor"). */
  function describedRole(the: number): NameSpan | undefined {
    for (let k = the + 1; k < n && k <= the + 3; k++) {
      if (written[k] !== CASE.lower || !adjacent(tokens, k)) return undefined;
      const w = tokens.lower[k]!;
      if (ROLE_GATE.mayHave(w) && ROLE_NOUNS.has(w)) {
        return {
          first: the,
          last: k,
          title: '',
          words: [w],
          the: true,
          described: true,
          afterThe: false,
          key: nameKeyOf('', [w], true),
          vocative: false,
        };
      }
      if (tokens.pos[k] !== POS.ADJ) return undefined;
    }
    return undefined;
  }

  /**
   * "the" followed by capitalised words inside a sentence: "the Hatter", "the White Rabbit", "the
   * Queen of Hearts". A title and a name after "the" ("the Miss Bennets") are a name instead.
   */
  function descriptiveTitle(the: number): NameSpan | undefined {
    let k = the + 1;
    if (initial[k] === 1) return undefined;
    if (
      honorificKey(tokens.lower[k]!) !== undefined &&
      k + 1 < n &&
      written[k + 1] === CASE.capitalised &&
      adjacent(tokens, k + 1)
    ) {
      return undefined;
    }
    const words: string[] = [];
    let last = -1;
    for (; k < n && words.length < 6; k++) {
      if (!adjacent(tokens, k)) break;
      const form = formOf(tokens, k);
      if (written[k] === CASE.capitalised && !lexicon.never.has(form)) {
        words.push(form);
        last = k;
        if (form !== tokens.lower[k]) break;
        continue;
      }
      // "the Queen of Hearts", "the Duchess of Monmouth".
      if (
        form === 'of' &&
        words.length > 0 &&
        k + 1 < n &&
        written[k + 1] === CASE.capitalised &&
        adjacent(tokens, k + 1)
      ) {
        words.push(form);
        continue;
      }
      break;
    }
    while (words.length > 0 && words[words.length - 1] === 'of') words.pop();
    if (last < 0) return undefined;
    // A proper name after "the" that the text mostly writes without it is not a title ("the Emma
    // he had known"): decided later from how often the form takes "the".
    return {
      first: the,
      last,
      title: '',
      words,
      the: true,
      described: false,
      afterThe: false,
      key: nameKeyOf('', words, true),
      vocative: false,
    };
  }
}
