import type { StoryDocument } from '../../engine/document.js';
import type { Attribution, Character, Mention, Quotation, Span } from '../../engine/types.js';
import { words } from '../lexicon/words.js';
import type { TokenFacts } from './names.js';
import { isVocativeAt } from './vocative.js';
import { WordGate } from './word-gate.js';

/**
 * Terms of endearment and epithets used to address someone ("sweetheart", "my love", "papa").
 * They are never characters: a vocative endearment becomes a mention of kind `vocative` and, once
 * its addressee is known, an entry in that character's `epithets`.
 */

/** One-word endearments and familiar address; lower case. */
export const ENDEARMENTS: ReadonlySet<string> = new Set(
  words(`
  sweetheart sweetie darling dear dearest love lovey angel honey sweet pet precious treasure duck
  ducky ducks lamb poppet chick chicken babe baby beloved sugar petal cherub heart
  papa pa daddy dad mamma mama ma mummy mommy mom mum grandpapa grandmamma granny grandma grandpa
  child boy girl lad lass laddie lassie sonny son daughter
  `),
);

/** Turns away most words before the set lookup. */
const ENDEARMENT_GATE = new WordGate(ENDEARMENTS);

/** Words that may stand before an endearment in an address: "my love", "my dear boy", "you angel". */
const LEADS = new Set(['my', 'dear', 'dearest', 'sweet', 'little', 'poor', 'old', 'you', 'darling']);

/** Endearments that are also kinship words or titles: epithets only, never reason to split a cast. */
export interface EndearmentVocative {
  /** Span of the whole address ("my love"), in working-text offsets. */
  start: number;
  end: number;
  /** Lower-case address as written ("my love"). */
  text: string;
  /** Index of the quotation holding it. */
  quote: number;
}

/**
 * Endearments in vocative position inside quotations: "Listen, sweetheart.", "Oh, my love, …",
 * "Darling!". Lower-case or capitalised; a name mention at the same place wins.
 */
export function findEndearments(doc: StoryDocument, facts: TokenFacts): EndearmentVocative[] {
  const tokens = doc.layer('tokens');
  const text = doc.text;
  const quotes = doc.layer('quotes');
  // Quotation index of every quote piece, in text order.
  const pieces: { start: number; end: number; quote: number }[] = [];
  quotes.forEach((q, i) => {
    for (const [start, end] of q.spans) pieces.push({ start, end, quote: i });
  });
  pieces.sort((a, b) => a.start - b.start);
  const out: EndearmentVocative[] = [];
  // Only the tokens inside quotations: walk each piece's tokens.
  let t = 0;
  for (const piece of pieces) {
    while (t < tokens.count && tokens.start[t]! < piece.start) t++;
    for (; t < tokens.count && tokens.start[t]! < piece.end; t++) {
      const w = tokens.lower[t]!;
      if (!ENDEARMENT_GATE.mayHave(w) || !ENDEARMENTS.has(w)) continue;
      // Widen over the words that lead the address: "my dear", "my own sweet love".
      let first = t;
      while (first > 0 && LEADS.has(tokens.lower[first - 1]!) && facts.inQuote[first - 1] === 1) first--;
      // "dear" and "love" alone are ordinary words unless they stand as the whole address.
      const start = tokens.start[first]!;
      const end = tokens.end[t]!;
      if (start < piece.start) continue;
      if (!isVocativeAt(text, tokens, first, end, [piece.start, piece.end])) continue;
      // "my dear Jane": the endearment leads a name; the name is the address.
      const next = t + 1;
      if (next < tokens.count && facts.written[next] === 2 && facts.inQuote[next] === 1) continue;
      out.push({ start, end, text: text.slice(start, end).toLowerCase(), quote: piece.quote });
    }
  }
  return out;
}

/**
 * Addressees of endearments before attribution is known: the speaker of the quotation is read from
 * an explicit name tag in its paragraph ("…," said John); the addressee is then the other person
 * of the exchange, the character most recently named or tagged in the last few paragraphs who is
 * not the speaker. Returns, per character, the endearments addressed to it (most frequent first).
 */
export function epithetsByContext(
  doc: StoryDocument,
  characters: readonly Character[],
  mentions: readonly Mention[],
  endearments: readonly EndearmentVocative[],
  speakers: Int32Array,
): string[][] {
  const paragraphs = doc.layer('paragraphs');
  const quotes = doc.layer('quotes');
  // (Loops, not `map` with a new closure per call: see the note in detect.ts buildCast.)
  const counts: Map<string, number>[] = [];
  for (let c = 0; c < characters.length; c++) counts.push(new Map<string, number>());
  // Most recent mention of each character before a position, read as we go.
  const lastSeen = new Float64Array(characters.length).fill(Number.NEGATIVE_INFINITY);
  let mi = 0;
  for (const e of endearments) {
    while (mi < mentions.length && mentions[mi]!.start < e.start) {
      const m = mentions[mi++]!;
      if (m.character >= 0) lastSeen[m.character] = m.start;
    }
    const speaker = e.quote < speakers.length ? speakers[e.quote]! : -1;
    const window = paragraphs[Math.max(0, (quotes[e.quote]?.paragraph ?? 0) - 6)]?.start ?? 0;
    let addressee = -1;
    let best = window;
    for (let c = 0; c < characters.length; c++) {
      if (c === speaker || characters[c]!.narrator) continue;
      if (lastSeen[c]! >= best) {
        best = lastSeen[c]!;
        addressee = c;
      }
    }
    if (addressee < 0) continue;
    const map = counts[addressee]!;
    map.set(e.text, (map.get(e.text) ?? 0) + 1);
  }
  const out: string[][] = [];
  for (const m of counts) out.push(mostFirst([...m], 0));
  return out;
}

/** The words of `weighed` at or above `floor`, the heaviest first. */
function mostFirst(weighed: [string, number][], floor: number): string[] {
  const kept: [string, number][] = [];
  for (const e of weighed) if (e[1] >= floor) kept.push(e);
  kept.sort(byWeightDown);
  const words: string[] = [];
  for (const e of kept) words.push(e[0]);
  return words;
}

function byWeightDown(x: [string, number], y: [string, number]): number {
  return y[1] - x[1];
}

/** Confidence-weighted uses an endearment needs to become someone's epithet. */
const MIN_EPITHET_WEIGHT = 0.75;

/**
 * Epithets from attribution, for the attribution stage to call once speakers and addressees are
 * known: each endearment vocative (a `vocative` mention with character -1 inside a quotation) is
 * an epithet of the person it is said to. In order of trust:
 * - a name the same quotation calls out ("Cal, love, the kettle.") is the person;
 * - when the paragraph's narration opens on someone other than the attributed speaker ("Ezra took
 *   Rosalind's hand. 'Seriously, love.'") and no tag names the speaker, the attribution is in
 *   doubt: the word goes to the one other person that narration names, or to nobody;
 * - of several addressees, the one the speaker's own beat names ("Ezra took Rosalind's hand.");
 * - else the quotation's addressee, or, in a two-person exchange, the other speaker.
 * `paragraphs` (optional) enables the second check. Returns, per character index, its epithets,
 * most frequent first.
 */
export function epithetsFromAttribution(
  quotes: readonly Quotation[],
  attributions: readonly Attribution[],
  mentions: readonly Mention[],
  text: string,
  size: number,
  paragraphs?: readonly Span[],
): string[][] {
  // Each use goes to the first (most likely) addressee and weighs the attribution's confidence,
  // divided by the number of addressees (the more listeners, the less sure whom the word was for):
  // a single doubtful use ("love" in a quotation given to the wrong speaker at 0.6) names nobody.
  const counts: Map<string, number>[] = [];
  for (let c = 0; c < size; c++) counts.push(new Map<string, number>());
  let qi = 0;
  for (const m of mentions) {
    if (m.kind !== 'vocative' || m.character >= 0 || !m.inQuote) continue;
    while (qi < quotes.length && lastEnd(quotes[qi]!) <= m.start) qi++;
    const q = quotes[qi];
    const a = attributions[qi];
    if (!q || !a) continue;
    let to = namedInQuote(q, mentions, m);
    let weight = 1;
    if (to < 0) {
      if (a.speaker < 0) continue;
      const beat = paragraphs ? beatPeople(q, paragraphs, mentions) : null;
      if (beat && beat.subject !== a.speaker && !TAGGED.has(a.method)) {
        // The narration says someone else acts: whom that person would say it to, if clear.
        to = beat.others.length === 1 ? beat.others[0]! : -1;
        weight = a.confidence;
      } else if (
        beat &&
        beat.subject === a.speaker &&
        beat.others.length === 1 &&
        a.addressees.length > 1 &&
        a.addressees.includes(beat.others[0]!)
      ) {
        // Of several listeners, the one the speaker's own beat names ("Ezra took Rosalind's hand."):
        // the word is hers.
        to = beat.others[0]!;
        weight = a.confidence;
      } else {
        to = a.addressees[0] ?? -1;
        weight = a.confidence / Math.max(1, a.addressees.length);
        if (to < 0) to = otherSpeaker(attributions, qi, a.speaker);
      }
    }
    if (to < 0 || to >= size) continue;
    const word = text.slice(m.start, m.end).toLowerCase();
    const map = counts[to]!;
    map.set(word, (map.get(word) ?? 0) + weight);
  }
  const out: string[][] = [];
  for (const m of counts) out.push(mostFirst([...m], MIN_EPITHET_WEIGHT));
  return out;
}

/** Methods where a tag names the speaker outright: the narration around cannot overrule them. */
const TAGGED: ReadonlySet<string> = new Set(['explicit-tag', 'pronoun-tag', 'vocative']);

/** The other person of a two-person exchange: the nearest different speaker around quotation `qi`. */
function otherSpeaker(attributions: readonly Attribution[], qi: number, speaker: number): number {
  // (Indices checked before reading: a read past either end deoptimises.)
  for (let d = 1; d <= 3; d++) {
    const before = qi - d >= 0 ? (attributions[qi - d]?.speaker ?? -1) : -1;
    if (before >= 0 && before !== speaker) return before;
    const after = qi + d < attributions.length ? (attributions[qi + d]?.speaker ?? -1) : -1;
    if (after >= 0 && after !== speaker) return after;
  }
  return -1;
}

/** First index of `mentions` starting at or after `pos` (mentions are in text order). */
function firstAtOrAfter(mentions: readonly Mention[], pos: number): number {
  let lo = 0;
  let hi = mentions.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (mentions[mid]!.start < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The character a name in vocative inside quotation `q` calls out, nearest to `m`; -1 if none. */
function namedInQuote(q: Quotation, mentions: readonly Mention[], m: Mention): number {
  let best = -1;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const [start, end] of q.spans) {
    for (let i = firstAtOrAfter(mentions, start); i < mentions.length && mentions[i]!.start < end; i++) {
      const v = mentions[i]!;
      if (v.kind !== 'vocative' || v.character < 0) continue;
      const distance = Math.abs(v.start - m.start);
      if (distance < bestDistance) {
        bestDistance = distance;
        best = v.character;
      }
    }
  }
  return best;
}

/**
 * The people the narration of quotation `q`'s paragraph names before the quotation opens: the
 * first one named (the subject of the beat, "Ezra reached across …") and the others it names
 * ("… took Rosalind's hand"). Null when that narration names nobody.
 */
function beatPeople(
  q: Quotation,
  paragraphs: readonly Span[],
  mentions: readonly Mention[],
): { subject: number; others: number[] } | null {
  const paragraph = paragraphs[q.paragraph];
  const open = q.spans[0]?.[0] ?? 0;
  if (!paragraph || open <= paragraph.start) return null;
  let subject = -1;
  const others: number[] = [];
  for (
    let i = firstAtOrAfter(mentions, paragraph.start);
    i < mentions.length && mentions[i]!.start < open;
    i++
  ) {
    const v = mentions[i]!;
    if (v.inQuote || v.character < 0 || v.kind !== 'proper') continue;
    if (subject < 0) subject = v.character;
    else if (v.character !== subject && !others.includes(v.character)) others.push(v.character);
  }
  return subject < 0 ? null : { subject, others };
}

function lastEnd(q: Quotation): number {
  return q.spans[q.spans.length - 1]![1];
}
