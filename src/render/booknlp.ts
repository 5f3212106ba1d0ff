import type { AnalysisResult } from '../engine/result.js';
import type { RenderOptions } from './index.js';

/**
 * BookNLP-style tab-separated files, for tools that read BookNLP's output (booknlp 1.0 layout):
 *
 * - `.tokens`: paragraph_ID, sentence_ID, token_ID_within_sentence, token_ID_within_document, word,
 *   lemma, byte_onset, byte_offset, POS_tag, fine_POS_tag, dependency_relation, syntactic_head_ID,
 *   event — one row per token, ids from 0.
 * - `.quotes`: quote_start, quote_end, mention_start, mention_end, mention_phrase, char_id, quote —
 *   token ids inclusive, the quotation marks included as BookNLP includes them, the quote text as
 *   its tokens joined by spaces.
 *
 * Differences, documented rather than hidden: the result carries no tokens, so the renderer
 * tokenises the source text itself (words with inner apostrophes and hyphens kept whole; every
 * other non-space character, or run of the same one, a token) and writes `_` for lemma, tags and
 * relations it does not have (head -1, event O). Onsets and offsets are UTF-16 code-unit offsets
 * into the decoded source, like every storylens offset. char_id is the storylens character id; a
 * quotation piece without a speaker has char_id and mention columns -1. The mention is the tag's
 * pronoun or noun phrase for a quotation attributed by a pronoun, narrator or descriptive tag, else
 * the speaker's nearest name in the paragraph. A quotation interrupted by
 * a tag is one row per piece, as BookNLP's quotations are contiguous.
 */

/** Tokens as parallel arrays: a novel has a million of them, too many for one object each. */
export interface TokenTable {
  count: number;
  start: Int32Array;
  end: Int32Array;
  paragraph: Int32Array;
  sentence: Int32Array;
  inSentence: Int32Array;
}

function grow(t: TokenTable): void {
  const size = t.start.length * 2;
  for (const key of ['start', 'end', 'paragraph', 'sentence', 'inSentence'] as const) {
    const next = new Int32Array(size);
    next.set(t[key]);
    t[key] = next;
  }
}

/** Letters, digits and combining marks make words; ASCII decided by range, the rest cached. */
const wordCache = new Map<number, boolean>();
function isWordUnit(c: number): boolean {
  if (c < 128) return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  if (c >= 0xd800 && c <= 0xdfff) return false;
  let word = wordCache.get(c);
  if (word === undefined) {
    word = /[\p{L}\p{N}\p{M}]/u.test(String.fromCharCode(c));
    wordCache.set(c, word);
  }
  return word;
}

/** Apostrophes and hyphens that join two word parts ("don't", "well-known", "Keeper’s"). */
function isJoiner(c: number): boolean {
  return c === 39 || c === 0x2019 || c === 45 || c === 0x2010;
}

function isSpace(text: string, c: number, at: number): boolean {
  if (c === 32 || (c >= 9 && c <= 13)) return true;
  return c > 127 && /\s/.test(text[at]!);
}

/** Tokens of the source text, paragraph by paragraph, with sentence ids from the emotion layer. */
export function tokenise(result: AnalysisResult, text: string): TokenTable {
  const sentences = result.emotion?.sentences;
  const initial = Math.max(16, Math.ceil(text.length / 5));
  const tokens: TokenTable = {
    count: 0,
    start: new Int32Array(initial),
    end: new Int32Array(initial),
    paragraph: new Int32Array(initial),
    sentence: new Int32Array(initial),
    inSentence: new Int32Array(initial),
  };
  let sentence = -1;
  let si = 0;
  let lastSentenceKey = Number.NaN;
  result.paragraphs.forEach((p, paragraph) => {
    let at = p.start;
    // Without sentence spans, a paragraph is one sentence.
    if (!sentences) sentence++;
    let inSentence = 0;
    while (at < p.end) {
      const c = text.charCodeAt(at);
      if (isSpace(text, c, at)) {
        at++;
        continue;
      }
      let end = at + 1;
      if (isWordUnit(c)) {
        while (end < p.end) {
          const d = text.charCodeAt(end);
          if (isWordUnit(d)) end++;
          else if (isJoiner(d) && end + 1 < p.end && isWordUnit(text.charCodeAt(end + 1))) end += 2;
          else break;
        }
      } else if (c >= 0xd800 && c <= 0xdbff && end < p.end) {
        end++;
      } else {
        while (end < p.end && text.charCodeAt(end) === c) end++;
      }
      if (sentences) {
        while (si < sentences.length && sentences[si]![1] <= at) si++;
        const key = si < sentences.length && sentences[si]![0] <= at ? si : -1 - paragraph;
        if (key !== lastSentenceKey) {
          sentence++;
          lastSentenceKey = key;
          inSentence = 0;
        }
      }
      if (tokens.count === tokens.start.length) grow(tokens);
      const t = tokens.count++;
      tokens.start[t] = at;
      tokens.end[t] = end;
      tokens.paragraph[t] = paragraph;
      tokens.sentence[t] = sentence;
      tokens.inSentence[t] = inSentence++;
      at = end;
    }
  });
  return tokens;
}

function cell(s: string): string {
  return s.replace(/[\t\r\n]/g, ' ');
}

export function renderBooknlpTokens(result: AnalysisResult, options: RenderOptions): string {
  const text = options.sourceText;
  const t = tokenise(result, text);
  // Lines are joined a few thousand at a time, so the million line strings of a novel die young
  // instead of all living until one final join.
  const chunks = [
    'paragraph_ID\tsentence_ID\ttoken_ID_within_sentence\ttoken_ID_within_document\tword\tlemma\tbyte_onset\tbyte_offset\tPOS_tag\tfine_POS_tag\tdependency_relation\tsyntactic_head_ID\tevent\n',
  ];
  let lines: string[] = [];
  for (let i = 0; i < t.count; i++) {
    const start = t.start[i]!;
    const end = t.end[i]!;
    lines.push(
      `${t.paragraph[i]}\t${t.sentence[i]}\t${t.inSentence[i]}\t${i}\t${cell(text.slice(start, end))}\t_\t${start}\t${end}\t_\t_\t_\t-1\tO\n`,
    );
    if (lines.length === 4096) {
      chunks.push(lines.join(''));
      lines = [];
    }
  }
  chunks.push(lines.join(''));
  return chunks.join('');
}

const QUOTE_MARKS = new Set([
  '"',
  "'",
  '\u201c',
  '\u201d',
  '\u2018',
  '\u2019',
  '\u00ab',
  '\u00bb',
  '\u201e',
  '\u2039',
  '\u203a',
]);

/** Pronouns a pronoun tag's subject can be (`he said`, `said she`, `you said`). */
const TAG_PRONOUNS = new Set(['he', 'she', 'they', 'you']);
/** The narrator's own tag (`I said`, `said I`). */
const NARRATOR_PRONOUNS = new Set(['i', 'we']);
/** Words that open a descriptive tag's noun phrase (`said the old man`, `her mother said`). */
const DETERMINERS = new Set(['the', 'a', 'an', 'this', 'that', 'his', 'her', 'their', 'my', 'our', 'your']);
/** Words that end it: relatives, prepositions, conjunctions and the commonest speech verbs. */
const PHRASE_ENDS = new Set([
  'who',
  'whom',
  'whose',
  'which',
  'that',
  'and',
  'but',
  'or',
  'to',
  'with',
  'at',
  'in',
  'on',
  'from',
  'as',
  'by',
  'for',
  'after',
  'before',
  'then',
  'said',
  'says',
  'say',
  'asked',
  'asks',
  'replied',
  'answered',
  'cried',
  'called',
  'added',
  'shouted',
  'whispered',
  'muttered',
  'murmured',
  'exclaimed',
  'continued',
  'began',
  'went',
  'told',
  'remarked',
  'returned',
  'repeated',
  'interrupted',
  'explained',
  'insisted',
  'demanded',
  'observed',
  'snapped',
  'laughed',
  'sighed',
  'was',
  'had',
  'would',
  'could',
]);
/** How many words from the quotation a tag's subject may be (`she said softly`, `said the old man`). */
const TAG_REACH = 4;

/**
 * The tag's subject for a quotation the engine attributed by a pronoun or descriptive tag (its
 * `method`): the pronoun (`"Well," he said`) or noun phrase (`said the old man`) nearest the
 * quotation in its paragraph, within a few words of a quotation edge, outside any quotation — the
 * mention BookNLP gives for such tags. The result carries the cue's kind but not its tokens, so
 * the renderer finds them again next to the quotation; null when it does not (then the speaker's
 * nearest name stands).
 */
function tagCue(
  q: AnalysisResult['quotes'][number],
  word: (t: number) => string,
  tokens: TokenTable,
  firstFrom: (offset: number) => number,
  lastBefore: (offset: number) => number,
): [number, number] | null {
  const method = q.method;
  const pronouns =
    method === 'pronoun-tag' ? TAG_PRONOUNS : method === 'narrator-tag' ? NARRATOR_PRONOUNS : null;
  if (!pronouns && method !== 'descriptive-tag') return null;
  const inside = (t: number) => q.spans.some(([a, b]) => tokens.start[t]! >= a && tokens.start[t]! < b);
  const isWord = (t: number) => isWordUnit(word(t).charCodeAt(0));
  let best: [number, number] | null = null;
  let bestDistance = Number.POSITIVE_INFINITY;
  // From each piece's end forward, then from each piece's start backward (tags follow more often).
  const walks: [number, number][] = [];
  for (const [, e] of q.spans) walks.push([lastBefore(e) + 1, 1]);
  for (const [s] of q.spans) walks.push([firstFrom(s) - 1, -1]);
  for (const [from, step] of walks) {
    if (from < 0 || from >= tokens.count) continue;
    const paragraph = tokens.paragraph[from - step] ?? tokens.paragraph[from]!;
    let words = 0;
    let passed = false;
    for (let t = from; t >= 0 && t < tokens.count && words < TAG_REACH; t += step) {
      if (tokens.paragraph[t] !== paragraph || inside(t)) break;
      const w = word(t);
      // A quotation mark past the first few tokens opens or closes another quotation.
      if (QUOTE_MARKS.has(w)) {
        if (passed) break;
        continue;
      }
      passed = true;
      if (!isWord(t)) {
        // A sentence ends between the quotation and anything past this: no tag there.
        if (/[.!?;]/.test(w)) break;
        continue;
      }
      const lower = w.toLowerCase();
      if (pronouns) {
        if (pronouns.has(lower) && words < bestDistance) {
          best = [t, t];
          bestDistance = words;
        }
      } else if (DETERMINERS.has(lower) && words < bestDistance) {
        // The phrase runs from the determiner over the following words up to a punctuation mark,
        // a relative, a preposition or a speech verb (at most four words).
        let end = t;
        for (let u = t + 1; u < tokens.count && u - t <= 4 && tokens.paragraph[u] === paragraph; u++) {
          if (!isWord(u) || inside(u) || PHRASE_ENDS.has(word(u).toLowerCase())) break;
          end = u;
        }
        if (end > t) {
          best = [t, end];
          bestDistance = words;
        }
      }
      words++;
    }
  }
  return best;
}

export function renderBooknlpQuotes(result: AnalysisResult, options: RenderOptions): string {
  const text = options.sourceText;
  const tokens = tokenise(result, text);
  const firstFrom = (offset: number) => {
    let lo = 0;
    let hi = tokens.count;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (tokens.end[mid]! <= offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const lastBefore = (offset: number) => {
    let t = firstFrom(offset);
    while (t < tokens.count && tokens.start[t]! < offset) t++;
    return t - 1;
  };
  // Each character's mentions in text order, to find those inside one paragraph by binary search.
  const mentionsBy = new Map<string | number, { start: number; end: number }[]>();
  for (const m of result.mentions) {
    if (m.character === null) continue;
    const list = mentionsBy.get(m.character) ?? [];
    list.push(m);
    mentionsBy.set(m.character, list);
  }
  for (const list of mentionsBy.values()) list.sort((a, b) => a.start - b.start);
  const inRange = (list: readonly { start: number; end: number }[], from: number, to: number) => {
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (list[mid]!.start < from) lo = mid + 1;
      else hi = mid;
    }
    let end = lo;
    while (end < list.length && list[end]!.start < to) end++;
    return list.slice(lo, end);
  };

  const lines = ['quote_start\tquote_end\tmention_start\tmention_end\tmention_phrase\tchar_id\tquote'];
  for (const q of result.quotes) {
    if (q.kind !== 'speech' && q.kind !== 'thought') continue;
    for (const [s, e] of q.spans) {
      let first = firstFrom(s);
      let last = lastBefore(e);
      if (first > last || first >= tokens.count) continue;
      const word = (t: number) => text.slice(tokens.start[t]!, tokens.end[t]!);
      if (first > 0 && QUOTE_MARKS.has(word(first - 1))) first--;
      if (last + 1 < tokens.count && QUOTE_MARKS.has(word(last + 1))) last++;
      let mention = [-1, -1];
      let phrase = '';
      const cue = q.speaker !== null ? tagCue(q, word, tokens, firstFrom, lastBefore) : null;
      if (cue) {
        mention = cue;
        phrase = text.slice(tokens.start[cue[0]]!, tokens.end[cue[1]]!);
      } else if (q.speaker !== null) {
        // The speaker's mention nearest the quotation in its paragraph, outside the quotation.
        const paragraph = result.paragraphs[tokens.paragraph[first]!]!;
        let best = Number.POSITIVE_INFINITY;
        for (const m of inRange(mentionsBy.get(q.speaker) ?? [], paragraph.start, paragraph.end)) {
          if (q.spans.some(([a, b]) => m.start >= a && m.start < b)) continue;
          const distance = m.start >= e ? m.start - e : s - m.end;
          if (distance < best) {
            best = distance;
            mention = [firstFrom(m.start), lastBefore(m.end)];
            phrase = text.slice(m.start, m.end);
          }
        }
      }
      const words: string[] = [];
      for (let t = first; t <= last; t++) words.push(cell(word(t)));
      const quote = words.join(' ');
      lines.push(
        `${first}\t${last}\t${mention[0]}\t${mention[1]}\t${cell(phrase)}\t${q.speaker ?? -1}\t${quote}`,
      );
    }
  }
  return lines.join('\n') + '\n';
}
