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
 * quotation piece without a speaker has char_id and mention columns -1. A quotation interrupted by
 * a tag is one row per piece, as BookNLP's quotations are contiguous.
 */

interface Token {
  start: number;
  end: number;
  paragraph: number;
  sentence: number;
  inSentence: number;
}

const WORD = /[\p{L}\p{N}\p{M}]+(?:['’\-‐][\p{L}\p{N}\p{M}]+)*/uy;

/** Tokens of the source text, paragraph by paragraph, with sentence ids from the emotion layer. */
export function tokenise(result: AnalysisResult, text: string): Token[] {
  const sentences = result.emotion?.sentences;
  const tokens: Token[] = [];
  let sentence = -1;
  let si = 0;
  let lastSentenceKey = -1;
  result.paragraphs.forEach((p, paragraph) => {
    let at = p.start;
    // Without sentence spans, a paragraph is one sentence.
    if (!sentences) sentence++;
    let inSentence = 0;
    while (at < p.end) {
      const c = text.charCodeAt(at);
      if (c === 32 || c === 9 || c === 10 || c === 13 || c === 0xa0 || /\s/.test(text[at]!)) {
        at++;
        continue;
      }
      WORD.lastIndex = at;
      const word = WORD.exec(text);
      let end: number;
      if (word && word.index === at && word[0].length > 0) end = Math.min(p.end, at + word[0].length);
      else {
        end = at + (c >= 0xd800 && c <= 0xdbff ? 2 : 1);
        while (end < p.end && text[end] === text[at] && !/[\p{L}\p{N}]/u.test(text[at]!)) end++;
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
      tokens.push({ start: at, end, paragraph, sentence, inSentence: inSentence++ });
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
  const lines = [
    'paragraph_ID\tsentence_ID\ttoken_ID_within_sentence\ttoken_ID_within_document\tword\tlemma\tbyte_onset\tbyte_offset\tPOS_tag\tfine_POS_tag\tdependency_relation\tsyntactic_head_ID\tevent',
  ];
  tokenise(result, text).forEach((t, i) => {
    lines.push(
      `${t.paragraph}\t${t.sentence}\t${t.inSentence}\t${i}\t${cell(text.slice(t.start, t.end))}\t_\t${t.start}\t${t.end}\t_\t_\t_\t-1\tO`,
    );
  });
  return lines.join('\n') + '\n';
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

export function renderBooknlpQuotes(result: AnalysisResult, options: RenderOptions): string {
  const text = options.sourceText;
  const tokens = tokenise(result, text);
  const firstFrom = (offset: number) => {
    let lo = 0;
    let hi = tokens.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (tokens[mid]!.end <= offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const lastBefore = (offset: number) => {
    let t = firstFrom(offset);
    while (t < tokens.length && tokens[t]!.start < offset) t++;
    return t - 1;
  };
  const mentionsBy = new Map<string | number, { start: number; end: number }[]>();
  for (const m of result.mentions) {
    if (m.character === null) continue;
    const list = mentionsBy.get(m.character) ?? [];
    list.push(m);
    mentionsBy.set(m.character, list);
  }
  const paragraphOf = (offset: number) =>
    tokens[Math.min(firstFrom(offset), tokens.length - 1)]?.paragraph ?? -1;

  const lines = ['quote_start\tquote_end\tmention_start\tmention_end\tmention_phrase\tchar_id\tquote'];
  for (const q of result.quotes) {
    if (q.kind !== 'speech' && q.kind !== 'thought') continue;
    for (const [s, e] of q.spans) {
      let first = firstFrom(s);
      let last = lastBefore(e);
      if (first > last || first >= tokens.length) continue;
      if (first > 0 && QUOTE_MARKS.has(text.slice(tokens[first - 1]!.start, tokens[first - 1]!.end))) first--;
      if (
        last + 1 < tokens.length &&
        QUOTE_MARKS.has(text.slice(tokens[last + 1]!.start, tokens[last + 1]!.end))
      )
        last++;
      let mention = [-1, -1];
      let phrase = '';
      if (q.speaker !== null) {
        // The speaker's mention nearest the quotation in its paragraph, outside the quotation.
        const paragraph = tokens[first]!.paragraph;
        let best = Number.POSITIVE_INFINITY;
        for (const m of mentionsBy.get(q.speaker) ?? []) {
          if (q.spans.some(([a, b]) => m.start >= a && m.start < b)) continue;
          if (paragraphOf(m.start) !== paragraph) continue;
          const distance = m.start >= e ? m.start - e : s - m.end;
          if (distance < best) {
            best = distance;
            mention = [firstFrom(m.start), lastBefore(m.end)];
            phrase = text.slice(m.start, m.end);
          }
        }
      }
      const quote = tokens
        .slice(first, last + 1)
        .map((t) => cell(text.slice(t.start, t.end)))
        .join(' ');
      lines.push(
        `${first}\t${last}\t${mention[0]}\t${mention[1]}\t${cell(phrase)}\t${q.speaker ?? -1}\t${quote}`,
      );
    }
  }
  return lines.join('\n') + '\n';
}
