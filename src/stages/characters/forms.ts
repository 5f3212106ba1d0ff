import type { StoryDocument } from '../../engine/document.js';
import { POS } from '../../engine/pos.js';
import type { TokenLayer } from '../../engine/types.js';
import { honorificKey } from '../lexicon/honorifics.js';
import { CORE_SPEECH_VERBS, speechVerbBase } from '../lexicon/speech-verbs.js';
import { words } from '../lexicon/words.js';
import { CASE, type CapitalStats, type NameSpan, type TokenFacts } from './names.js';
import { KNOWN_PLACES, NEVER_NAMES } from './not-names.js';
import { answersWho, isVocativeAt } from './vocative.js';

/**
 * Every distinct name form ("mr churchill", "frank churchill", "frank") with how the text uses it:
 * the evidence that it names a person rather than a place or a thing, and where it occurs.
 */
export interface NameForm {
  /** Matching key: title and name words, lower case ("mr frank churchill"). */
  key: string;
  title: string;
  words: string[];
  /** The most frequent written form ("Mr. Frank Churchill"). */
  display: string;
  count: number;
  /** Occurrences preceded by "the". */
  afterThe: number;
  /** Subject or object of a speech verb in narration: "said Emma", "Emma replied". */
  speech: number;
  /** Addressed inside a quotation: "Emma, my dear". */
  vocative: number;
  /** Followed by a verb in narration: "Emma felt". */
  subject: number;
  /** After a preposition of place: "at Highbury", "from London". */
  locative: number;
  /** After a possessive determiner: "your Grace", "his Majesty" (a form of address, not a name). */
  owned: number;
  /** A descriptive title: "the Hatter". */
  the: boolean;
  /** Occurrences of a descriptive title in lower case: "the mariner". */
  described: number;
  /** For a one-word name, how often the text writes the word in lower case ("will", "rose"). */
  lowerUses: number;
  /** Followed by a plural or a word that makes it a thing: "the Highbury ladies" (name as modifier). */
  modifier: number;
  /**
   * Occurrences inside a longer capitalised phrase the name does not span: after a capitalised word
   * mid-sentence ("Box Hill", "the Pole Star", "the Dryad's Bubble"), joined by a hyphen to one
   * ("Abbey-Mill", "Louis-Quinze").
   */
  compound: number;
  /** Of those, occurrences joined by a hyphen to a capitalised word: "Abbey-Mill", "Louis-Quinze". */
  hyphened: number;
  /**
   * For a role in lower case ("the lawyer"): the names set beside it by a comma, with counts: "Mr.
   * Wells, the lawyer", "the chairman, Mr. Buttons".
   */
  apposed?: Map<string, number>;
  inQuote: number;
  /**
   * Pronoun votes in narration (pronoun-votes.ts): "she" and "he" as the subject after this form
   * names the only person of a sentence. Filled in once the person forms are known.
   */
  pronounFemale: number;
  pronounMale: number;
  /** Index of each occurrence in the span list. */
  spans: number[];
  /** Written forms seen, with counts (for `display`). */
  written: Map<string, number>;
}

const LOCATIVE = new Set([
  'in',
  'at',
  'from',
  'into',
  'near',
  'towards',
  'toward',
  'through',
  'across',
  'via',
  'outside',
  'within',
  'inside',
  'beyond',
  'leave',
  'left',
  'leaving',
  'reached',
  'reach',
  'visit',
  'visited',
]);

/**
 * Verbs after which "at" aims at someone ("glanced at Mags", "laughed at Tom"), not at a place: such
 * a use is no evidence that the name is a place's.
 */
const AIMED_AT: ReadonlySet<string> = new Set(
  words(`
    look looked looks looking glance glanced glances glancing stare stared stares staring
    gaze gazed gazing peer peered peering glare glared glaring smile smiled smiles smiling
    grin grinned grinning laugh laughed laughing nod nodded nodding wink winked winking
    frown frowned frowning wave waved waving point pointed pointing shout shouted shouting
    snap snapped scowl scowled blink blinked squint squinted
  `),
);

/** "turned to", "turned back to", "turning towards": a turn of the body faces someone. */
const TURNS: ReadonlySet<string> = new Set(words('turn turned turns turning swung swivelled swiveled'));

/** Words that carry a look or a turn over to a second aim: "looked at her, then at Anton". */
const AIM_CARRIERS: ReadonlySet<string> = new Set(['then', 'and', ',', 'back', 'again', 'now']);

/**
 * Whether the preposition at `prep` aims at a person rather than leading to a place: "glanced at
 * Mags", "laughed at Tom", "turned back to Anton", "turned towards Jules", and a second aim carried
 * over by "then" or "and" ("looked at the ticket for a moment, then at Anton").
 */
function aimedAtPerson(tokens: TokenLayer, prep: number): boolean {
  if (prep < 1) return false;
  const p = tokens.lower[prep]!;
  if (p !== 'at' && p !== 'to' && p !== 'towards' && p !== 'toward') return false;
  let t = prep - 1;
  // "turned back to", "turned round towards": step over one adverb of the turn.
  if (
    p !== 'at' &&
    (tokens.lower[t] === 'back' || tokens.lower[t] === 'round' || tokens.lower[t] === 'around')
  )
    t--;
  if (t >= 0 && (TURNS.has(tokens.lower[t]!) || (p !== 'to' && AIMED_AT.has(tokens.lower[t]!)))) return true;
  // "…at her for a long moment, then at Anton": the aim of a look earlier in the sentence.
  if (p !== 'at' || !AIM_CARRIERS.has(tokens.lower[prep - 1]!)) return false;
  const sentence = tokens.sentence[prep]!;
  for (let k = prep - 2; k >= 1 && k >= prep - 12 && tokens.sentence[k] === sentence; k--) {
    if (tokens.lower[k] === 'at') return AIMED_AT.has(tokens.lower[k - 1]!);
  }
  return false;
}

/**
 * Words after which "to" leads to a place, not a person: "drove up to Fiesole", "the way to
 * Bath", "back to Hartfield" (while "said to Emma", "came to Emma" are people).
 */
const MOTION_BEFORE_TO = new Set([
  'up',
  'down',
  'back',
  'way',
  'road',
  'train',
  'journey',
  'trip',
  'drove',
  'drive',
  'driving',
  'travelled',
  'traveled',
  'travelling',
  'traveling',
  'sailed',
  'returned',
  'returning',
  'moved',
  'emigrated',
]);

/** A verb that almost only tags speech ("said", "replied"), not one that is often narration ("went"). */
export function isSpeechTag(lower: string): boolean {
  const base = speechVerbBase(lower);
  return base !== undefined && CORE_SPEECH_VERBS.has(base);
}

/** Auxiliaries of the perfect, which may stand between a speaker's name and the speech verb. */
const PERFECT_AUX: ReadonlySet<string> = new Set(['had', 'has', 'have']);

/** Separators after which a speech verb before a name tags it: `"…," said Emma`. */
const TAG_LEAD = new Set([',', '"', '\u201d', "'", '\u2019', '!', '?', '\u2014', '--', ';', '.']);

export function formKey(span: NameSpan): string {
  return span.key;
}

/**
 * How a name span is part of a longer capitalised phrase that it does not cover, if it is: the tail of
 * "Box Hill" or "the Dryad's Bubble" (a capitalised word before it inside the sentence, not a title),
 * ("phrase"), or a half of "Abbey-Mill" or "Louis-Quinze" ("hyphen").
 */
function inCompound(tokens: TokenLayer, facts: TokenFacts, span: NameSpan): 'hyphen' | 'phrase' | undefined {
  const touching = (t: number): boolean => t > 0 && tokens.start[t]! === tokens.end[t - 1]!;
  let prev = span.first - 1;
  if (span.title === '' && prev >= 1 && touching(span.first)) {
    // "Abbey-Mill": a hyphen right after a capitalised word.
    if (tokens.lower[prev] === '-' && touching(prev) && facts.written[prev - 1] === CASE.capitalised)
      return 'hyphen';
  }
  const next = span.last + 1;
  if (next + 1 < tokens.count && touching(next) && touching(next + 1)) {
    const w = tokens.lower[next]!;
    if (w === '-' && facts.written[next + 1] === CASE.capitalised) return 'hyphen';
  }
  if (span.title !== '' || span.the) return undefined;
  if (prev < 0 || tokens.start[span.first]! - tokens.end[prev]! !== 1) return undefined;
  // "the Dryad's Bubble": step over the possessive of the word before.
  if (prev >= 1 && touching(prev) && (tokens.lower[prev] === "'s" || tokens.lower[prev] === '\u2019s'))
    prev--;
  if (facts.written[prev] !== CASE.capitalised || facts.initial[prev] === 1 || facts.heading[prev] === 1)
    return undefined;
  const w = tokens.lower[prev]!;
  return w.length >= 2 && honorificKey(w) === undefined && !NEVER_NAMES.has(w) ? 'phrase' : undefined;
}

const CLOSING: ReadonlySet<string> = new Set([',', '.', ';', ':', '!', '?', ')', '--']);

/** "Mr. Wells, the lawyer", "the chairman, Mr. Buttons": a name and a role, a comma between. */
function addAppositions(tokens: TokenLayer, spans: readonly NameSpan[], forms: Map<string, NameForm>): void {
  const isName = (s: NameSpan | undefined): s is NameSpan => s !== undefined && !s.the && !s.described;
  const apposedAt = new Map<NameForm, number[]>();
  for (let i = 0; i < spans.length; i++) {
    const span = spans[i]!;
    if (!span.described) continue;
    const before = spans[i - 1];
    const after = spans[i + 1];
    // The phrase closes after the second part ("Sir Geoffrey, the duchess's brother" is not she).
    const closed = (t: number): boolean => t >= tokens.count || CLOSING.has(tokens.lower[t]!);
    let name: NameSpan | undefined;
    if (isName(before) && before.last === span.first - 2 && tokens.lower[span.first - 1] === ',') {
      if (closed(span.last + 1)) name = before;
    } else if (isName(after) && after.first === span.last + 2 && tokens.lower[span.last + 1] === ',') {
      if (closed(after.last + 1)) name = after;
    }
    if (!name) continue;
    const form = forms.get(formKey(span))!;
    form.apposed ??= new Map();
    form.apposed.set(name.key, (form.apposed.get(name.key) ?? 0) + 1);
    const at = apposedAt.get(form) ?? [];
    at.push(tokens.start[span.first]!);
    apposedAt.set(form, at);
  }
  // A role the text gives to one person for a part of the book, not a role several people fill in
  // turn (the proprietor of one place, then of another): no use long before the first such
  // apposition (a scene may use the role before it names the person) or long after the last, but
  // for a stray one or two.
  for (const [form, at] of apposedAt) {
    const first = at[0]!;
    const last = at[at.length - 1]!;
    let far = 0;
    for (const i of form.spans) {
      const start = tokens.start[spans[i]!.first]!;
      if (start < first - REACH_BEFORE || start > last + REACH_AFTER) far++;
    }
    if (far > STRAY_SHARE * form.count) delete form.apposed;
  }
}

/** Characters before the first "Mr. Wells, the lawyer" and after the last within which "the lawyer" is he. */
const REACH_BEFORE = 15_000;
const REACH_AFTER = 50_000;
const STRAY_SHARE = 0.2;

/**
 * "the town of Lancy", "the harbour of Lancy", "the streets of Lancy": a word for a settlement
 * before "of" leads to a place.
 */
function isPlaceOf(word: string): boolean {
  return PLACE_OF.has(word);
}

/** Words for a settlement or a part of one, before "of" and its name (not "the works of", "the office of"). */
const PLACE_OF: ReadonlySet<string> = new Set(
  words(
    'town city village hamlet harbour harbor port county parish streets outskirts suburbs walls island isle',
  ),
);

/** "leave for Florence", "sailed for Lisbon": a departure is for a place. */
const DEPARTURES: ReadonlySet<string> = new Set(
  words('leave leaves leaving left start started starting sail sailed sailing bound depart departed'),
);

/**
 * "Paris, Nice and Florence": a name listed with a known place (KNOWN_PLACES) is a place; `prev`
 * is the token before the name. Looks back over two more capitalised list items.
 */
function listedWithPlace(tokens: TokenLayer, facts: TokenFacts, prev: number): boolean {
  let k = prev;
  for (let items = 0; items < 3; items++) {
    const joint = tokens.lower[k];
    if (k < 1 || (joint !== ',' && joint !== 'and' && joint !== 'or')) return false;
    k--;
    if (facts.written[k] !== CASE.capitalised) return false;
    if (KNOWN_PLACES.has(tokens.lower[k]!)) return true;
    k--;
  }
  return false;
}

const POSSESSIVE_DETERMINERS = new Set(['your', 'his', 'her', 'my', 'their', 'our', 'its']);

/** The forms of the name spans, with their evidence; marks the spans that are vocatives. */
export function collectForms(
  doc: StoryDocument,
  facts: TokenFacts,
  stats: CapitalStats,
  spans: readonly NameSpan[],
): Map<string, NameForm> {
  const tokens = doc.layer('tokens');
  const text = doc.text;
  const n = tokens.count;
  const forms = new Map<string, NameForm>();
  const quoteSpans = facts.quoteSpans;
  let qi = 0;
  // A loop, not `forEach` with a closure made per call (recompiled after each is collected).
  for (let index = 0; index < spans.length; index++) {
    const span = spans[index]!;
    const key = formKey(span);
    let form = forms.get(key);
    if (!form) {
      form = {
        key,
        title: span.title,
        words: span.words,
        display: '',
        count: 0,
        afterThe: 0,
        speech: 0,
        vocative: 0,
        subject: 0,
        locative: 0,
        owned: 0,
        the: span.the,
        described: 0,
        lowerUses:
          span.words.length === 1 && !span.the ? (stats.lower[stats.id.get(span.words[0]!) ?? -1] ?? 0) : 0,
        modifier: 0,
        compound: 0,
        hyphened: 0,
        inQuote: 0,
        pronounFemale: 0,
        pronounMale: 0,
        spans: [],
        written: new Map(),
      };
      forms.set(key, form);
    }
    form.count++;
    form.spans.push(index);
    const start = tokens.start[span.first]!;
    let end = tokens.end[span.last]!;
    const lastLower = tokens.lower[span.last]!;
    if (lastLower.endsWith("'s") || lastLower.endsWith('\u2019s')) end -= 2;
    const surface = text.slice(start, end);
    form.written.set(surface, (form.written.get(surface) ?? 0) + 1);
    if (span.afterThe) form.afterThe++;
    if (span.described) form.described++;
    const prev = span.first - 1;
    const prevWord = prev >= 0 ? tokens.lower[prev]! : '';
    // "at Green Gables", "in New York": the preposition may stand before capitalised words that
    // are not part of the name.
    let lead = prev;
    while (lead > 0 && lead > prev - 3 && facts.written[lead] === 2) lead--;
    const aimed = aimedAtPerson(tokens, prev);
    if (
      (LOCATIVE.has(prevWord) && !aimed) ||
      (lead < prev && lead >= 0 && LOCATIVE.has(tokens.lower[lead]!)) ||
      (prevWord === 'to' && prev >= 1 && MOTION_BEFORE_TO.has(tokens.lower[prev - 1]!) && !aimed) ||
      (prevWord === 'of' && prev >= 1 && isPlaceOf(tokens.lower[prev - 1]!)) ||
      (prevWord === 'for' && prev >= 1 && DEPARTURES.has(tokens.lower[prev - 1]!)) ||
      listedWithPlace(tokens, facts, prev)
    )
      form.locative++;
    if (POSSESSIVE_DETERMINERS.has(prevWord)) form.owned++;
    const compound = inCompound(tokens, facts, span);
    if (compound !== undefined) {
      form.compound++;
      if (compound === 'hyphen') form.hyphened++;
    }
    let next = span.last + 1;
    const possessive = next < n && (tokens.lower[next] === "'s" || tokens.lower[next] === '\u2019s');
    if (possessive) next++;
    if (facts.inQuote[span.first] === 1) {
      form.inQuote++;
      while (qi < quoteSpans.length && quoteSpans[qi]![1] <= start) qi++;
      const q = quoteSpans[qi];
      // "The Shaughraun" between quotation marks is a title: no one is addressed with "the".
      // "Who found it?" — "Mrs. Hale. She rang at six.": the name answers; it calls no one.
      if (
        q &&
        q[0] <= start &&
        !span.the &&
        isVocativeAt(text, tokens, span.first, end, q) &&
        !answersWho(text, tokens, span.first, end, q, quoteSpans[qi - 1])
      ) {
        form.vocative++;
        span.vocative = true;
      }
      continue;
    }
    // "said the Italian lady": a name before a lower-case noun describes that noun's person or
    // thing, so neither a tag before it nor a verb after it is the name's own.
    let modifies = false;
    if (!possessive && next < n) {
      const nextWord = tokens.lower[next]!;
      if (isSpeechTag(nextWord) && facts.inQuote[next] === 0) form.speech++;
      // "Then Roche had said:": a past-perfect tag still names the speaker.
      else if (
        PERFECT_AUX.has(nextWord) &&
        next + 1 < n &&
        isSpeechTag(tokens.lower[next + 1]!) &&
        facts.inQuote[next + 1] === 0
      ) {
        form.speech++;
        form.subject++;
      } else if (tokens.pos[next] === POS.VERB || tokens.pos[next] === POS.AUX) form.subject++;
      else if (tokens.pos[next] === POS.NOUN && facts.written[next] === 1) {
        form.modifier++;
        modifies = true;
      }
    }
    if (!modifies && prev >= 1 && isSpeechTag(prevWord) && TAG_LEAD.has(tokens.lower[prev - 1]!))
      form.speech++;
  }
  addAppositions(tokens, spans, forms);
  for (const form of forms.values()) {
    let best = 0;
    for (const [w, c] of form.written) {
      if (c > best) {
        best = c;
        form.display = w;
      }
    }
  }
  return forms;
}
