import type { StoryDocument } from '../../engine/document.js';
import type { Stage } from '../../engine/stage.js';
import type {
  Pacing,
  Paragraph,
  Quotation,
  Sentence,
  SentenceLengths,
  Span,
  StoryStats,
} from '../../engine/types.js';
import { lengthTerm, readingMinutes } from './length.js';
import { findSpeechTag, isPlainTag } from './tags.js';
import { isWordToken, wordsIn } from './words.js';

/**
 * Writing statistics: length and its fandom term, reading time, how much is dialogue and who
 * speaks it, the speech tags used and the adverbs on them, sentence lengths, and pacing per scene.
 * Attribution, chapters and scenes are used when an earlier stage provided them.
 */
export const statsStage: Stage<'stats'> = {
  name: 'stats',
  requires: ['tokens', 'sentences', 'paragraphs', 'quotes'],
  provides: ['stats'],
  run(doc) {
    return { stats: writingStats(doc) };
  },
};

const PROSE_HISTOGRAM: readonly [number, number][] = [
  [1, 5],
  [6, 10],
  [11, 15],
  [16, 20],
  [21, 25],
  [26, 30],
  [31, 40],
  [41, 50],
  [51, -1],
];

export function writingStats(doc: StoryDocument): StoryStats {
  const tokens = doc.layer('tokens');
  const sentences = doc.layer('sentences');
  const paragraphs = doc.layer('paragraphs');
  const quotes = doc.layer('quotes');
  const units = pacingUnits(doc);

  // One walk over the tokens: words, dialogue words, words per sentence and per pacing unit.
  // Quotation spans and units are both sorted by offset, so each is followed with one cursor.
  const spans = quotes
    .filter((q) => q.kind === 'speech' || q.kind === 'thought')
    .flatMap((q) => q.spans)
    .sort((a, b) => a[0] - b[0]);
  const sentenceWords = new Int32Array(sentences.length);
  const unitWords = new Int32Array(units.length);
  const unitDialogue = new Int32Array(units.length);
  let words = 0;
  let dialogueWords = 0;
  let si = 0;
  let ui = 0;
  for (let t = 0; t < tokens.count; t++) {
    if (!isWordToken(tokens, t)) continue;
    words++;
    const at = tokens.start[t]!;
    const sentence = tokens.sentence[t]!;
    sentenceWords[sentence] = sentenceWords[sentence]! + 1;
    while (si < spans.length && spans[si]![1] <= at) si++;
    const span = spans[si];
    const inDialogue = span !== undefined && span[0] <= at;
    if (inDialogue) dialogueWords++;
    while (ui < units.length && units[ui]!.end <= at) ui++;
    if (ui < units.length && units[ui]!.start <= at) {
      unitWords[ui] = unitWords[ui]! + 1;
      if (inDialogue) unitDialogue[ui] = unitDialogue[ui]! + 1;
    }
  }

  const unitQuotes = quotesPerUnit(quotes, units);
  const chapters = doc.has('chapters') ? doc.layer('chapters').length : doc.source.structure.chapters.length;
  return {
    words,
    tokens: tokens.count,
    sentences: sentences.length,
    paragraphs: paragraphs.length,
    dialogueWords,
    dialogueShare: share(dialogueWords, words),
    lengthTerm: lengthTerm(words, chapters),
    readingMinutes: readingMinutes(words),
    ...speechAndTags(doc),
    sentenceLengths: sentenceLengths(sentenceWords, sentences, paragraphs),
    pacing: pacingOf(units, unitWords, unitDialogue, unitQuotes),
  };
}

/**
 * The pacing entries, written field by field: V8 gives every object built as `{ ...u, words }` a
 * hidden class of its own, which turns every later read of them megamorphic.
 */
function pacingOf(
  units: readonly Pick<Pacing, 'start' | 'end' | 'index' | 'unit'>[],
  unitWords: Int32Array,
  unitDialogue: Int32Array,
  unitQuotes: Int32Array,
): Pacing[] {
  const out: Pacing[] = [];
  for (let i = 0; i < units.length; i++) {
    const u = units[i]!;
    out.push({
      start: u.start,
      end: u.end,
      index: u.index,
      unit: u.unit,
      words: unitWords[i]!,
      dialogueWords: unitDialogue[i]!,
      dialogueShare: share(unitDialogue[i]!, unitWords[i]!),
      quotes: unitQuotes[i]!,
    });
  }
  return out;
}

function share(part: number, whole: number): number {
  return whole > 0 ? Math.round((part / whole) * 1000) / 1000 : 0;
}

/** Scenes when the scenes stage ran, else chapters, else the whole story body. */
function pacingUnits(doc: StoryDocument): Pick<Pacing, 'start' | 'end' | 'index' | 'unit'>[] {
  if (doc.has('scenes') && doc.layer('scenes').length > 0) {
    return doc.layer('scenes').map((s, index) => ({ start: s.start, end: s.end, index, unit: 'scene' }));
  }
  if (doc.has('chapters') && doc.layer('chapters').length > 0) {
    return doc.layer('chapters').map((c, index) => ({ start: c.start, end: c.end, index, unit: 'chapter' }));
  }
  return [{ start: doc.body.start, end: doc.body.end, index: 0, unit: 'text' }];
}

/** Speech and thought quotations starting in each unit (units sorted and disjoint). */
function quotesPerUnit(quotes: readonly Quotation[], units: readonly Span[]): Int32Array {
  const counts = new Int32Array(units.length);
  for (const q of quotes) {
    if (q.kind !== 'speech' && q.kind !== 'thought') continue;
    const start = q.spans[0]![0];
    let lo = 0;
    let hi = units.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (units[mid]!.end <= start) lo = mid + 1;
      else hi = mid;
    }
    if (lo < units.length && units[lo]!.start <= start) counts[lo] = counts[lo]! + 1;
  }
  return counts;
}

function speechAndTags(
  doc: StoryDocument,
): Pick<StoryStats, 'speech' | 'tags' | 'tagSummary' | 'tagAdverbs'> {
  const tokens = doc.layer('tokens');
  const quotes = doc.layer('quotes');
  const paragraphs = doc.layer('paragraphs');
  const attributions = doc.has('attributions') ? doc.layer('attributions') : undefined;
  const castSize = doc.has('characters') ? doc.layer('characters').length : 0;
  const spokenWords = new Int32Array(castSize);
  const spokenQuotes = new Int32Array(castSize);
  const verbs = new Map<string, number>();
  const adverbs = new Map<string, number>();
  const summary = { tagged: 0, plain: 0, other: 0, withAdverb: 0 };

  const dialogue = quotes
    .map((q, i) => ({ q, i }))
    .filter(({ q }) => q.kind === 'speech' || q.kind === 'thought')
    .sort(byQuoteStart);
  // A plain loop rather than a per-call closure: V8 keeps a closure's optimised code only while some
  // closure of it is alive, so a callback made anew for every document is recompiled again and again.
  for (let k = 0; k < dialogue.length; k++) {
    const { q, i } = dialogue[k]!;
    const speaker = attributions?.[i]?.speaker ?? -1;
    if (speaker >= 0 && speaker < castSize) {
      let n = 0;
      for (const [s, e] of q.spans) n += wordsIn(tokens, s, e);
      spokenWords[speaker] = spokenWords[speaker]! + n;
      spokenQuotes[speaker] = spokenQuotes[speaker]! + 1;
    }
    const following = dialogue[k + 1];
    const next = following ? following.q.spans[0]![0] : Number.MAX_SAFE_INTEGER;
    const previousSpans = dialogue[k - 1]?.q.spans;
    const previous = previousSpans ? previousSpans[previousSpans.length - 1]![1] : 0;
    const paragraph = paragraphs[q.paragraph];
    if (!paragraph) continue;
    const last = paragraphs[q.paragraphEnd] ?? paragraph;
    const tag = findSpeechTag(doc.text, tokens, q, { start: paragraph.start, end: last.end }, next, previous);
    if (!tag) continue;
    const verb = tokens.lower[tag.verb]!;
    verbs.set(verb, (verbs.get(verb) ?? 0) + 1);
    summary.tagged++;
    if (isPlainTag(verb)) summary.plain++;
    else summary.other++;
    if (tag.adverb >= 0) {
      const adverb = tokens.lower[tag.adverb]!;
      adverbs.set(adverb, (adverbs.get(adverb) ?? 0) + 1);
      summary.withAdverb++;
    }
  }

  let attributed = 0;
  for (const w of spokenWords) attributed += w;
  const speech = [...spokenWords]
    .map((w, character) => ({
      character,
      words: w,
      quotes: spokenQuotes[character]!,
      share: share(w, attributed),
    }))
    .filter((s) => s.quotes > 0)
    .sort((a, b) => b.words - a.words || a.character - b.character);
  return {
    speech,
    tags: byCount(verbs).map(([verb, count]) => ({ verb, count, plain: isPlainTag(verb) })),
    tagSummary: summary,
    tagAdverbs: byCount(adverbs).map(([adverb, count]) => ({ adverb, count })),
  };
}

function byCount(counts: Map<string, number>): [string, number][] {
  return [...counts].sort(byCountThenName);
}

const byQuoteStart = (a: { q: Quotation }, b: { q: Quotation }): number =>
  a.q.spans[0]![0] - b.q.spans[0]![0];
const byCountThenName = (a: [string, number], b: [string, number]): number =>
  b[1] - a[1] || (a[0] < b[0] ? -1 : 1);

function sentenceLengths(
  perSentence: Int32Array,
  sentences: readonly Sentence[],
  paragraphs: readonly Paragraph[],
): SentenceLengths {
  const lengths: number[] = [];
  for (let s = 0; s < perSentence.length; s++) {
    const n = perSentence[s]!;
    if (n > 0 && paragraphs[sentences[s]!.paragraph]?.kind === 'prose') lengths.push(n);
  }
  lengths.sort((a, b) => a - b);
  const histogram = PROSE_HISTOGRAM.map(([from, to]) => ({ from, to, count: 0 }));
  let sum = 0;
  for (const n of lengths) {
    sum += n;
    const bin = histogram.find((b) => n >= b.from && (b.to < 0 || n <= b.to))!;
    bin.count++;
  }
  const at = (q: number) =>
    lengths.length > 0 ? lengths[Math.min(lengths.length - 1, Math.floor(q * lengths.length))]! : 0;
  return {
    mean: lengths.length > 0 ? Math.round((sum / lengths.length) * 10) / 10 : 0,
    median: at(0.5),
    p90: at(0.9),
    max: lengths.length > 0 ? lengths[lengths.length - 1]! : 0,
    histogram,
  };
}
