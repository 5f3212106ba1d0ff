import type { StoryDocument } from '../../engine/document.js';
import type { Stage } from '../../engine/stage.js';
import type { Emotion, Quotation, Sentence } from '../../engine/types.js';
import { arcShape, DEFAULT_LOW_PASS, smoothArc } from './arc.js';
import { vaderLexicon } from './lexicon.js';
import { ValenceScorer } from './vader.js';

/**
 * Feeling: VADER valence of every sentence and of every quotation, the story's emotional arc and
 * its shape, and per character and per pair of characters the valence of what they say and of the
 * narration around them.
 */
export const emotionStage: Stage<'emotion'> = {
  name: 'emotion',
  requires: ['sentences', 'paragraphs', 'quotes', 'characters', 'mentions', 'attributions'],
  provides: ['emotion'],
  run(doc) {
    return { emotion: analyseEmotion(doc, new ValenceScorer(vaderLexicon())) };
  },
};

export function analyseEmotion(doc: StoryDocument, scorer: ValenceScorer): Emotion {
  const text = doc.text;
  const sentences = doc.layer('sentences');
  const paragraphs = doc.layer('paragraphs');
  const valence = new Float32Array(sentences.length);
  // The arc follows the story's prose only: chapter headings and scene-break lines carry no feeling
  // but would pull a short story's arc towards zero wherever they fall.
  const prose: number[] = [];
  for (let s = 0; s < sentences.length; s++) {
    const sentence = sentences[s]!;
    const v = scorer.score(text, sentence.start, sentence.end);
    valence[s] = v;
    if (paragraphs[sentence.paragraph]?.kind === 'prose') prose.push(v);
  }
  const { arc, coefficients } = smoothArc(prose, DEFAULT_LOW_PASS);
  const { shape, fit } = arcShape(coefficients);
  const { characters, pairs } = characterValence(doc, scorer, sentences, valence);
  return { sentence: valence, arc, shape, shapeFit: fit, characters, pairs };
}

function characterValence(
  doc: StoryDocument,
  scorer: ValenceScorer,
  sentences: readonly Sentence[],
  sentenceValence: Float32Array,
): Pick<Emotion, 'characters' | 'pairs'> {
  const cast = doc.layer('characters');
  const quotes = doc.layer('quotes');
  const attributions = doc.layer('attributions');
  const text = doc.text;
  const speech = new Float64Array(cast.length);
  const spoken = new Int32Array(cast.length);
  const pairs = new Map<number, { from: number; to: number; sum: number; quotes: number }>();

  // Plain loops rather than per-call closures: V8 keeps a closure's optimised code only while some
  // closure of it is alive, so a callback made anew for every document is recompiled again and again.
  for (let i = 0; i < quotes.length; i++) {
    const q = quotes[i]!;
    if (q.kind !== 'speech' && q.kind !== 'thought') continue;
    const a = attributions[i];
    if (!a || a.speaker < 0 || a.speaker >= cast.length) continue;
    const first = q.spans[0]!;
    const v =
      q.spans.length === 1 ? scorer.score(text, first[0], first[1]) : scorer.score(joinSpans(text, q.spans));
    speech[a.speaker] = speech[a.speaker]! + v;
    spoken[a.speaker] = spoken[a.speaker]! + 1;
    for (const to of a.addressees) {
      if (to < 0 || to === a.speaker) continue;
      const key = a.speaker * cast.length + to;
      const pair = pairs.get(key) ?? { from: a.speaker, to, sum: 0, quotes: 0 };
      pair.sum += v;
      pair.quotes++;
      pairs.set(key, pair);
    }
  }

  // Narration around a character: the sentences that mention them outside quotations, scored
  // without the quoted words they contain, each sentence once per character.
  const narration = new Float64Array(cast.length);
  const counted = new Int32Array(cast.length);
  const lastSentence = new Int32Array(cast.length).fill(-1);
  const quoteSpans = quotes.flatMap(spansOf).sort(byFirst);
  const narrationValence = new Float64Array(sentences.length).fill(Number.NaN);
  const mentions = [...doc.layer('mentions'), ...(doc.has('pronouns') ? doc.layer('pronouns') : [])]
    .filter((m) => !m.inQuote && m.character >= 0 && m.character < cast.length)
    .sort(byStart);
  let s = 0;
  for (const m of mentions) {
    while (s < sentences.length && sentences[s]!.end <= m.start) s++;
    if (s >= sentences.length) break;
    if (sentences[s]!.start > m.start || lastSentence[m.character] === s) continue;
    lastSentence[m.character] = s;
    let v = narrationValence[s]!;
    if (Number.isNaN(v)) {
      v = scoreNarration(scorer, text, sentences[s]!, quoteSpans, sentenceValence[s]!);
      narrationValence[s] = v;
    }
    narration[m.character] = narration[m.character]! + v;
    counted[m.character] = counted[m.character]! + 1;
  }

  const characters: Emotion['characters'] = [];
  for (let c = 0; c < cast.length; c++) {
    characters.push({
      character: c,
      speech: spoken[c]! > 0 ? speech[c]! / spoken[c]! : 0,
      narration: counted[c]! > 0 ? narration[c]! / counted[c]! : 0,
      quotes: spoken[c]!,
      sentences: counted[c]!,
    });
  }
  const out: Emotion['pairs'] = [];
  for (const p of [...pairs.values()].sort(byQuotesThenPair)) {
    out.push({ from: p.from, to: p.to, valence: p.sum / p.quotes, quotes: p.quotes });
  }
  return { characters, pairs: out };
}

function joinSpans(text: string, spans: readonly (readonly [number, number])[]): string {
  let out = '';
  for (let k = 0; k < spans.length; k++) out += (k > 0 ? ' ' : '') + text.slice(spans[k]![0], spans[k]![1]);
  return out;
}

const spansOf = (q: Quotation): [number, number][] => q.spans;
const byFirst = (x: readonly [number, number], y: readonly [number, number]): number => x[0] - y[0];
const byStart = (x: { start: number }, y: { start: number }): number => x.start - y.start;
const byQuotesThenPair = (
  x: { quotes: number; from: number; to: number },
  y: { quotes: number; from: number; to: number },
): number => y.quotes - x.quotes || x.from - y.from || x.to - y.to;

/** A sentence's valence with the quoted words in it left out. */
function scoreNarration(
  scorer: ValenceScorer,
  text: string,
  sentence: Sentence,
  quoteSpans: readonly [number, number][],
  whole: number,
): number {
  let lo = 0;
  let hi = quoteSpans.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (quoteSpans[mid]![1] <= sentence.start) lo = mid + 1;
    else hi = mid;
  }
  // No quotation in the sentence: its narration is the whole sentence, already scored.
  if (lo >= quoteSpans.length || quoteSpans[lo]![0] >= sentence.end) return whole;
  const pieces: string[] = [];
  let at = sentence.start;
  for (let k = lo; k < quoteSpans.length && quoteSpans[k]![0] < sentence.end; k++) {
    const [qs, qe] = quoteSpans[k]!;
    if (qs > at) pieces.push(text.slice(at, qs));
    at = Math.max(at, qe);
  }
  if (at < sentence.end) pieces.push(text.slice(at, sentence.end));
  return scorer.score(pieces.join(' '));
}
