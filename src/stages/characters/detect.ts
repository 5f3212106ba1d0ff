import type { StoryDocument } from '../../engine/document.js';
import type { Character, GenderLabel, Mention, TokenLayer } from '../../engine/types.js';
import { firstNameGender, isFirstName } from '../lexicon/first-names.js';
import { HONORIFIC_GENDER, honorificKey } from '../lexicon/honorifics.js';
import {
  APART_ALWAYS,
  type CharacterCluster,
  type Clustering,
  type CoOccurrence,
  clusterForms,
  pairKey,
} from './cluster.js';
import { ENDEARMENTS, type EndearmentVocative, epithetsByContext, findEndearments } from './epithets.js';
import { collectForms, formKey, isSpeechTag, type NameForm } from './forms.js';
import { inferGender } from './gender.js';
import { addPetNames, joinKinNames } from './kin.js';
import { nameKey } from './match.js';
import { CASE, capitalStats, findNameSpans, type NameSpan, type TokenFacts, tokenFacts } from './names.js';
import { detectNarrator } from './narrator.js';
import { CALENDAR_WORDS, NATIONALITIES, NEVER_NAMES } from './not-names.js';
import { personForms } from './persons.js';
import { presenceOf } from './presence.js';
import { type NameOccurrence, pronounVotes } from './pronoun-votes.js';
import { type NamedArrival, unnamedSpeakers } from './unnamed.js';
import { isCallingSentenceAt, isVocativeAt } from './vocative.js';

/**
 * Cast detection from the text: proper names from capitalisation statistics, judged persons or
 * not from how the text uses them (persons.ts), clustered into characters (cluster.ts); a
 * first-person narrator (narrator.ts); then every mention of the cast is found by the same matcher
 * a given cast uses (match.ts), and gender is inferred (gender.ts).
 */
export function detectCast(doc: StoryDocument): { characters: Character[]; mentions: Mention[] } {
  const found = findCast(doc);
  return buildCast(doc, found.facts, found.spans, found.clustering, found.narrator, found.forms);
}

/** The intermediate findings of cast detection (for inspection and tests). */
export interface CastFindings {
  facts: TokenFacts;
  spans: NameSpan[];
  forms: Map<string, NameForm>;
  persons: NameForm[];
  clustering: Clustering;
  narrator: NarratorFinding | undefined;
  /** Narration sentences naming each pair of person forms (see `coOccurrence`). */
  together: CoOccurrence;
}

/** Words that are a name on their own at most: "said Sunday", "Irish said", never "Irish Sea". */
const ONE_WORD_NAMES: ReadonlySet<string> = new Set([...CALENDAR_WORDS, ...NATIONALITIES]);

export function findCast(doc: StoryDocument): CastFindings {
  const facts = tokenFacts(doc);
  const stats = capitalStats(doc, facts, isFirstName);
  const spans = findNameSpans(doc, facts, stats, {
    never: NEVER_NAMES,
    calendar: ONE_WORD_NAMES,
    isFirstName,
  });
  const forms = collectForms(doc, facts, stats, spans);
  const persons = personForms(forms);
  countPronouns(doc, facts, spans, persons);
  const together = coOccurrence(doc, facts, spans, new Set(persons.map((f) => f.key)));
  const clustering = clusterForms(persons, together);
  // Pet names said only in speech ("Roz", "Rozzie"), and kin words the text ties to a name ("Gran").
  addPetNames(doc, facts, spans, forms, clustering);
  joinKinNames(doc, facts, spans, clustering);
  const narrator = detectNarrator(doc, facts, clustering.clusters, spans);
  return { facts, spans, forms, persons, clustering, narrator, together };
}

/** Pronoun votes of each person form, from its narration occurrences (pronoun-votes.ts). */
function countPronouns(
  doc: StoryDocument,
  facts: TokenFacts,
  spans: readonly NameSpan[],
  persons: readonly NameForm[],
): void {
  const index = new Map<string, number>();
  persons.forEach((f, i) => {
    index.set(f.key, i);
  });
  const occurrences: NameOccurrence[] = [];
  for (const span of spans) {
    if (facts.inQuote[span.first] === 1) continue;
    const id = index.get(formKey(span));
    if (id !== undefined) occurrences.push({ first: span.first, last: span.last, id });
  }
  const votes = pronounVotes(doc, facts.inQuote, occurrences);
  occurrences.forEach((o, i) => {
    const f = persons[o.id]!;
    f.pronounFemale += votes.female[i]!;
    f.pronounMale += votes.male[i]!;
  });
}

/**
 * How many narration sentences name each pair of person forms (each form counted once per
 * sentence). Narration keeps to one form per character ("Emma"), while speech uses others ("Miss
 * Woodhouse"), so two forms in one stretch of narration are most often two people. (Speech is no
 * such evidence: counted inside quotations too, "Harriet" and "Miss Smith" share three speeches in
 * Emma, as many as two different people do.)
 */
function coOccurrence(
  doc: StoryDocument,
  facts: TokenFacts,
  spans: readonly NameSpan[],
  persons: ReadonlySet<string>,
): CoOccurrence {
  const tokens = doc.layer('tokens');
  const pairs = new Map<string, number>();
  let sentence = -1;
  let keys: string[] = [];
  const flush = (): void => {
    for (let i = 0; i < keys.length; i++) {
      for (let j = i + 1; j < keys.length; j++) {
        const k = pairKey(keys[i]!, keys[j]!);
        pairs.set(k, (pairs.get(k) ?? 0) + 1);
      }
    }
  };
  let prev: NameSpan | undefined;
  let prevKey = '';
  for (const span of spans) {
    if (facts.inQuote[span.first] === 1) continue;
    const key = formKey(span);
    if (!persons.has(key)) continue;
    const s = tokens.sentence[span.first]!;
    if (s !== sentence) {
      flush();
      sentence = s;
      keys = [];
      prev = undefined;
    }
    // `Mrs. Hilbery and Katharine left the room`: two names joined by "and" are two people, however
    // rarely the text names them together (counted as often as the clustering's "always apart").
    if (
      prev &&
      key !== prevKey &&
      span.first === prev.last + 2 &&
      COORDINATING.has(tokens.lower[prev.last + 1]!)
    ) {
      const k = pairKey(prevKey, key);
      pairs.set(k, (pairs.get(k) ?? 0) + APART_ALWAYS);
    }
    if (!keys.includes(key)) keys.push(key);
    prev = span;
    prevKey = key;
  }
  flush();
  return pairs;
}

const COORDINATING: ReadonlySet<string> = new Set(['and', 'or', 'nor']);

/** The name a character is shown by: its most frequent form, "the" in lower case for titles. */
function displayOf(form: NameForm): string {
  return form.the ? form.display.replace(/^The\b/, 'the') : form.display;
}

export interface NarratorFinding {
  /** Cluster that names the narrator (addressed by others, never named in narration), or -1. */
  cluster: number;
}

/** Epithets that stand before a name inside its noun phrase. */
const PREMODIFIERS = new Set(['old', 'young']);

/** A name several characters share goes to the one named most recently within this many characters. */
const RECENT = 6000;

/**
 * Mentions straight from the name spans: each span's form belongs to one character, or is shared by
 * several and goes to the candidate named most recently (or else most often), counted in
 * `sharedVotes` (form key → character → mentions).
 */
function spanMentions(
  doc: StoryDocument,
  facts: TokenFacts,
  spans: readonly NameSpan[],
  clustering: Clustering,
  sharedVotes: Map<string, Map<number, number>>,
): Mention[] {
  const tokens = doc.layer('tokens');
  const owner = new Map<string, number>();
  const index = new Map<CharacterCluster, number>();
  clustering.clusters.forEach((c, i) => {
    index.set(c, i);
    for (const f of c.forms) owner.set(f.key, i);
  });
  const shared = new Map<string, number[]>();
  for (const [key, cs] of clustering.shared) {
    // A bare surname is a man's when it can be ("Tilney" of General Tilney and his sons, never of
    // Miss Tilney): narration and speech name women by title or given name.
    const men = cs.filter((c) => c.gender === 'male' && c.surname === key);
    shared.set(
      key,
      (men.length > 0 ? men : cs).map((c) => index.get(c)!),
    );
  }
  const lastSeen = new Float64Array(clustering.clusters.length).fill(Number.NEGATIVE_INFINITY);
  const out: Mention[] = [];
  for (const span of spans) {
    const key = formKey(span);
    let character = owner.get(key);
    const start = tokens.start[span.first]!;
    if (character === undefined) {
      const candidates = shared.get(key);
      if (!candidates) continue;
      let best = -1;
      let bestScore = Number.NEGATIVE_INFINITY;
      for (const c of candidates) {
        const since = start - lastSeen[c]!;
        const score = since < RECENT ? 1e9 - since : clustering.clusters[c]!.count;
        if (score > bestScore) {
          bestScore = score;
          best = c;
        }
      }
      character = best;
      const votes = sharedVotes.get(key) ?? new Map<number, number>();
      votes.set(best, (votes.get(best) ?? 0) + 1);
      sharedVotes.set(key, votes);
    }
    lastSeen[character] = start;
    let end = tokens.end[span.last]!;
    const lastLower = tokens.lower[span.last]!;
    if (lastLower.endsWith("'s") || lastLower.endsWith('\u2019s')) end -= 2;
    const inQuote = facts.inQuote[span.first] === 1;
    const kind: Mention['kind'] =
      span.vocative || (inQuote && calledAlone(facts.quoteSpans, tokens, span.first, end))
        ? 'vocative'
        : span.the
          ? 'nominal'
          : 'proper';
    // "old Cotter", "poor Emma", "dear Mr. Fortescue": an epithet before the name is part of the
    // noun phrase that mentions the person (as LitBank marks it); the name key stays the name.
    let first = span.first;
    if (!span.the) {
      while (
        first > 0 &&
        PREMODIFIERS.has(tokens.lower[first - 1]!) &&
        tokens.end[first - 1]! + 1 >= tokens.start[first]!
      ) {
        first--;
      }
    }
    out.push({ start: tokens.start[first]!, end, character, kind, inQuote });
  }
  return out;
}

/**
 * "Well, Colonel," / "Sit down, Doctor.": a title said alone to someone addresses the one character
 * the text calls by that title with "the" ("the Colonel", whether or not it joined "Colonel
 * Brandon"). Each such address is a vocative mention of that character, and the title as written
 * ("Colonel") one of the names it goes by, in `names`. Titles two characters go by address no one.
 */
export function titleVocatives(
  doc: StoryDocument,
  facts: TokenFacts,
  spans: readonly NameSpan[],
  clusters: readonly CharacterCluster[],
  names: string[][],
): Mention[] {
  const byTitle = new Map<string, number>();
  clusters.forEach((c, i) => {
    for (const f of c.forms) {
      if (!f.the || f.words.length !== 1 || honorificKey(f.words[0]!) !== f.words[0]) continue;
      const had = byTitle.get(f.words[0]!);
      byTitle.set(f.words[0]!, had === undefined || had === i ? i : -1);
    }
  });
  for (const [t, i] of byTitle) if (i < 0) byTitle.delete(t);
  if (byTitle.size === 0) return [];
  const text = doc.text;
  const tokens = doc.layer('tokens');
  const inSpan = new Uint8Array(tokens.count);
  for (const span of spans) inSpan.fill(1, span.first, span.last + 1);
  const quoteSpans = facts.quoteSpans;
  const out: Mention[] = [];
  let qi = 0;
  for (let t = 0; t < tokens.count; t++) {
    if (facts.inQuote[t] !== 1 || inSpan[t] === 1 || facts.written[t] !== CASE.capitalised) continue;
    const c = byTitle.get(tokens.lower[t]!);
    if (c === undefined) continue;
    const start = tokens.start[t]!;
    const end = tokens.end[t]!;
    while (qi < quoteSpans.length && quoteSpans[qi]![1] <= start) qi++;
    const q = quoteSpans[qi];
    if (!q || q[0] > start || !isVocativeAt(text, tokens, t, end, q)) continue;
    out.push({ start, end, character: c, kind: 'vocative', inQuote: true });
    const written = text.slice(start, end);
    if (!names[c]!.includes(written)) names[c]!.push(written);
  }
  return out;
}

/** A shared name is an alias of the character that received this many and this share of its mentions. */
const SHARED_ALIAS_MIN = 2;
const SHARED_ALIAS_SHARE = 0.5;

/**
 * A bare name several characters share ("Tilney" of the father and his sons) is resolved per
 * mention; it is also an alias of the character that most of its mentions went to (Henry Tilney,
 * the one the text calls "Tilney" most), so that the cast lists every name it goes by, when that
 * character holds at least half of them.
 * `sharedVotes` holds, per shared form, the mentions each character received (spanMentions).
 */
function addSharedAliases(
  sharedVotes: ReadonlyMap<string, Map<number, number>>,
  forms: ReadonlyMap<string, NameForm>,
  names: string[][],
): void {
  for (const [key, byCharacter] of sharedVotes) {
    const form = forms.get(key);
    if (!form) continue;
    let best = -1;
    let most = 0;
    let all = 0;
    for (const [c, n] of byCharacter) {
      all += n;
      if (n > most) {
        most = n;
        best = c;
      }
    }
    // A name split among several ("Lisle" of two sisters, each named so now and then) is no one's.
    if (best < 0 || most < SHARED_ALIAS_MIN || most < SHARED_ALIAS_SHARE * all) continue;
    const display = displayOf(form);
    if (!names[best]!.includes(display)) names[best]!.push(display);
  }
}

/** A character's names, the most frequent form first. */
function namesOf(c: CharacterCluster): string[] {
  // A role in lower case ("the lawyer") names the character only when nothing else does.
  const role = (f: NameForm): number => (f.described === f.count ? 1 : 0);
  const forms = [...c.forms].sort((a, b) => role(a) - role(b) || byCountDown(a, b));
  const seen = new Set<string>();
  for (const f of forms) seen.add(displayOf(f));
  return [...seen];
}

function byCountDown(a: { count: number }, b: { count: number }): number {
  return b.count - a.count;
}

function buildCast(
  doc: StoryDocument,
  facts: TokenFacts,
  spans: readonly NameSpan[],
  clustering: Clustering,
  narrator: NarratorFinding | undefined,
  forms: ReadonlyMap<string, NameForm>,
): { characters: Character[]; mentions: Mention[] } {
  const clusters = clustering.clusters;
  const sharedVotes = new Map<string, Map<number, number>>();
  const raw = spanMentions(doc, facts, spans, clustering, sharedVotes);
  const names: string[][] = [];
  for (const c of clusters) names.push(namesOf(c));
  addSharedAliases(sharedVotes, forms, names);
  const addressed = titleVocatives(doc, facts, spans, clusters, names);
  if (addressed.length > 0) {
    raw.push(...addressed);
    raw.sort((a, b) => a.start - b.start);
  }
  let narratorIndex = -1;
  if (narrator) {
    narratorIndex = narrator.cluster >= 0 ? narrator.cluster : names.length;
    if (narrator.cluster < 0) names.push(['the narrator']);
  }
  addUnnamedSpeakers(doc, facts, raw, names);
  const size = names.length;

  // Characters in order of first mention; those never mentioned are dropped (the narrator stays).
  const firstAt = new Array<number>(size).fill(Number.POSITIVE_INFINITY);
  const counts = new Array<number>(size).fill(0);
  for (const m of raw) {
    counts[m.character]!++;
    if (m.start < firstAt[m.character]!) firstAt[m.character] = m.start;
  }
  if (narratorIndex >= 0 && firstAt[narratorIndex] === Number.POSITIVE_INFINITY) firstAt[narratorIndex] = -1;
  const order: number[] = [];
  for (let i = 0; i < size; i++) if (counts[i]! > 0 || i === narratorIndex) order.push(i);
  order.sort((a, b) => firstAt[a]! - firstAt[b]!);
  const newIndex = new Int32Array(size).fill(-1);
  // Built by a loop, with every field in one order (presence too, set below): arrays made by `map`
  // and objects that gain a field later make the readers of the cast recompile.
  const characters: Character[] = [];
  for (let i = 0; i < order.length; i++) {
    const old = order[i]!;
    newIndex[old] = i;
    characters.push({
      id: `C${i}`,
      name: names[old]![0]!,
      aliases: names[old]!.slice(1),
      epithets: [],
      gender: { label: 'unknown', confidence: 0 },
      mentionCount: counts[old]!,
      narrator: old === narratorIndex,
      presence: 'mentioned',
    });
  }
  // Fields written out, in the layer's order: a spread gives every mention a hidden class of its own.
  const named: Mention[] = [];
  for (const m of raw) {
    named.push({
      start: m.start,
      end: m.end,
      character: newIndex[m.character]!,
      kind: m.kind,
      inQuote: m.inQuote,
    });
  }
  const genders = inferGender(doc, characters, named, facts.inQuote);
  const presence = presenceOf(doc, characters, named, facts.inQuote);
  for (let i = 0; i < characters.length; i++) {
    const c = characters[i]!;
    c.gender = genders[i] ?? c.gender;
    c.presence = presence[i]!;
  }
  addNameParts(characters);
  const mentions = withEndearments(doc, facts, characters, named);
  return { characters, mentions };
}

/** The gender a character's names imply by title ("Mrs.") or first name, else `unknown`. */
function nameGender(names: readonly string[]): GenderLabel {
  for (const name of names) {
    const words = name.split(' ');
    const title = honorificKey(words[0]!);
    const g = title !== undefined ? HONORIFIC_GENDER.get(title) : firstNameGender(words[0]!.toLowerCase());
    if (g === 'female' || g === 'male') return g;
  }
  return 'unknown';
}

/**
 * Adds the people who speak without a name ("said the old man") as characters of their stretch of
 * text (unnamed.ts), with their descriptions as `nominal` mentions; keeps `raw` in text order.
 */
function addUnnamedSpeakers(doc: StoryDocument, facts: TokenFacts, raw: Mention[], names: string[][]): void {
  const tokens = doc.layer('tokens');
  // One pass over the name mentions: the tokens they cover, and where each named character is
  // first mentioned in narration, with the gender its title or first name implies.
  const taken = new Uint8Array(tokens.count);
  const arrivals: NamedArrival[] = [];
  const namedMentions: NamedArrival[] = [];
  const genders = names.map(nameGender);
  const seen = new Uint8Array(names.length);
  let t = 0;
  for (const m of raw) {
    while (t < tokens.count && tokens.end[t]! <= m.start) t++;
    for (let k = t; k < tokens.count && tokens.start[k]! < m.end; k++) taken[k] = 1;
    if (m.character < 0 || m.inQuote) continue;
    namedMentions.push({ token: t, gender: genders[m.character]! });
    if (seen[m.character] === 1) continue;
    seen[m.character] = 1;
    arrivals.push({ token: t, gender: genders[m.character]! });
  }
  const titled = { female: false, male: false };
  for (const list of names)
    for (const name of list) {
      const title = honorificKey(name.split(' ')[0]!);
      if (title === 'mrs' || title === 'lady') titled.female = true;
      else if (title === 'mr' || title === 'sir' || title === 'lord') titled.male = true;
    }
  const speakers = unnamedSpeakers(doc, facts, taken, arrivals, namedMentions, titled);
  if (speakers.length === 0) return;
  for (const s of speakers) {
    const character = names.length;
    names.push([s.name]);
    for (const [first, last] of s.spans) {
      raw.push({
        start: tokens.start[first]!,
        end: tokens.end[last]!,
        character,
        kind: 'nominal',
        inQuote: false,
      });
    }
  }
  raw.sort((a, b) => a.start - b.start);
}

/**
 * The parts of a full name that name its character alone: "Captain Frederick Tilney" is also
 * "Frederick Tilney" and "Frederick", "Mr. Sherlock Holmes" also "Sherlock", when no other
 * character has or would get that name. A reader looking for "Frederick" finds the captain.
 */
function addNameParts(characters: Character[]): void {
  const taken = new Map<string, number>();
  characters.forEach((c, i) => {
    for (const n of [c.name, ...c.aliases]) taken.set(nameKey(n), i);
  });
  const offered = new Map<string, { owner: number; name: string } | null>();
  const offer = (name: string, owner: number): void => {
    const key = nameKey(name);
    if (taken.has(key)) return;
    const had = offered.get(key);
    offered.set(key, had === undefined || had?.owner === owner ? { owner, name } : null);
  };
  characters.forEach((c, i) => {
    if (c.narrator) return;
    for (const n of [c.name, ...c.aliases]) {
      const words = n.split(' ');
      if (words.length > 0 && honorificKey(words[0]!) !== undefined) words.shift();
      // A given name, perhaps middle names, and a surname: "Frederick Tilney", "William Walter Elliot".
      if (words.length < 2 || !words.every((w) => /^\p{Lu}[\p{Ll}'\u2019-]+$/u.test(w))) continue;
      const given = words[0]!;
      if (!isFirstName(given.toLowerCase())) continue;
      offer(given, i);
      if (words.length > 2) offer(`${given} ${words[words.length - 1]}`, i);
    }
  });
  for (const found of offered.values()) {
    if (found === null) continue;
    const c = characters[found.owner]!;
    if (!c.aliases.includes(found.name)) c.aliases.push(found.name);
  }
}

/**
 * Adds the endearments used as vocatives ("Listen, sweetheart") as `vocative` mentions without a
 * character, and records them as epithets of their likely addressee (epithets.ts). Exported so a
 * given cast (`--characters`) can get epithets too: `withEndearments(doc, tokenFacts(doc), cast,
 * mentions)` (it sets `epithets` on the characters and returns the mentions, sorted).
 */
export function withEndearments(
  doc: StoryDocument,
  facts: TokenFacts,
  characters: Character[],
  named: Mention[],
): Mention[] {
  // A name mention at the same place wins ("my dear Jane"); both lists are in text order.
  let mi = 0;
  const endearments: EndearmentVocative[] = [];
  const needed: number[] = [];
  const all: Mention[] = [];
  for (const m of named) all.push(m);
  const calledBy = calledByOwnName(characters);
  for (const e of findEndearments(doc, facts)) {
    while (mi < named.length && named[mi]!.end <= e.start) mi++;
    const m = named[mi];
    if (m && m.start < e.end) continue;
    // "Mum, I'm home!" where the cast has a "Mum": the word is her name, not an endearment.
    const own = calledBy.get(doc.text.slice(e.start, e.end)) ?? -1;
    if (own >= 0) {
      all.push({ start: e.start, end: e.end, character: own, kind: 'vocative', inQuote: true });
      continue;
    }
    endearments.push(e);
    needed.push(e.quote);
  }
  if (endearments.length > 0) {
    const tagged = speakersByTag(doc, facts, characters, named, needed);
    const epithets = epithetsByContext(doc, characters, named, endearments, tagged);
    for (let i = 0; i < characters.length; i++) characters[i]!.epithets = epithets[i] ?? [];
  }
  if (all.length === named.length && endearments.length === 0) return named;
  for (const e of endearments)
    all.push({ start: e.start, end: e.end, character: -1, kind: 'vocative', inQuote: true });
  return all.sort(byStart);
}

/**
 * Characters by each one-word name or alias, written as a name ("Mum", "Papa"), that belongs to
 * that character alone: a kin word the cast uses as someone's name calls that person.
 */
function calledByOwnName(characters: readonly Character[]): Map<string, number> {
  const owners = new Map<string, number>();
  characters.forEach((c, i) => {
    for (const name of [c.name, ...c.aliases]) {
      if (name.includes(' ') || !ENDEARMENTS.has(name.toLowerCase())) continue;
      const seen = owners.get(name);
      owners.set(name, seen === undefined || seen === i ? i : -1);
    }
  });
  return owners;
}

function byStart(a: { start: number }, b: { start: number }): number {
  return a.start - b.start;
}

/**
 * The speaker of each quotation when its paragraph tags one ("…," said John / John replied / he
 * said), else -1; a pronoun tag goes to the character of that gender named last. Enough to tell
 * who uses an endearment; attribution does the real work later.
 */
function speakersByTag(
  doc: StoryDocument,
  facts: TokenFacts,
  characters: readonly Character[],
  mentions: readonly Mention[],
  needed: readonly number[],
): Int32Array {
  const tokens = doc.layer('tokens');
  const quotes = doc.layer('quotes');
  const sentences = doc.layer('sentences');
  const paragraphs = doc.layer('paragraphs');
  const byParagraph = new Map<number, number>();
  const mentionAt = new Map<number, Mention>();
  for (const m of mentions) if (!m.inQuote && m.character >= 0) mentionAt.set(m.start, m);
  // Only the paragraphs whose quotations hold an endearment need a speaker.
  const wanted = new Uint8Array(paragraphs.length);
  for (const q of needed) wanted[quotes[q]!.paragraph] = 1;
  let lastMale = -1;
  let lastFemale = -1;
  let mi = 0;
  const named: Mention[] = [];
  for (const m of mentions) if (!m.inQuote && m.character >= 0) named.push(m);
  for (let p = 0; p < paragraphs.length; p++) {
    const paragraph = paragraphs[p]!;
    if (wanted[p] !== 1 || paragraph.sentenceEnd <= paragraph.sentenceStart) continue;
    const from = sentences[paragraph.sentenceStart]!.tokenStart;
    const to = sentences[paragraph.sentenceEnd - 1]!.tokenEnd;
    for (let t = from; t < to; t++) {
      if (facts.inQuote[t] === 1) continue;
      // Keep track of the last man and woman named before this token.
      const at = tokens.start[t]!;
      while (mi < named.length && named[mi]!.start < at) {
        const c = named[mi]!.character;
        const g = c < characters.length ? characters[c]!.gender.label : undefined;
        if (g === 'male') lastMale = c;
        else if (g === 'female') lastFemale = c;
        mi++;
      }
      const m = mentionAt.get(tokens.start[t]!);
      let speaker = -1;
      let end = t;
      if (m) {
        while (end + 1 < tokens.count && tokens.start[end + 1]! < m.end) end++;
        speaker = m.character;
        const g = speaker < characters.length ? characters[speaker]!.gender.label : undefined;
        if (g === 'male') lastMale = speaker;
        else if (g === 'female') lastFemale = speaker;
      } else {
        const w = tokens.lower[t]!;
        if (w === 'he') speaker = lastMale;
        else if (w === 'she') speaker = lastFemale;
      }
      if (speaker < 0) continue;
      if (!isSpeechTag(tokens.lower[t - 1] ?? '') && !isSpeechTag(tokens.lower[end + 1] ?? '')) continue;
      if (!byParagraph.has(p)) byParagraph.set(p, speaker);
    }
  }
  return Int32Array.from(quotes, (q) => byParagraph.get(q.paragraph) ?? -1);
}

/** `"So. Lena. Tell us."`: a character's name standing alone as a sentence inside the speech (isCallingSentenceAt). */
function calledAlone(
  quoteSpans: readonly (readonly [number, number])[],
  tokens: TokenLayer,
  first: number,
  end: number,
): boolean {
  const start = tokens.start[first]!;
  let lo = 0;
  let hi = quoteSpans.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (quoteSpans[mid]![1] <= start) lo = mid + 1;
    else hi = mid;
  }
  const q = quoteSpans[lo];
  return q !== undefined && q[0] <= start && isCallingSentenceAt(tokens, first, end, q);
}
