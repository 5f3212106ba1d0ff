import type { Paragraph } from '../../engine/types.js';
import { speechVerbBase, THOUGHT_VERBS } from '../lexicon/speech-verbs.js';
import { eachWord } from './tags.js';

/**
 * Thoughts set in italics, the way fan fiction writes them in Markdown and plain text: `*I should
 * go*, she thought` or `She wondered, _What now?_` — a span between single `*` or `_` marks (not
 * `**`, not inside a word) that opens with a capital and has two words at least, set off by
 * punctuation from a thinking verb (think, wonder…) among the first four words after it or the last
 * four words of its sentence before it. Emphasis (`so _very_ much`, `I *told* you, I think`) is
 * left alone. A one-word thought needs its verb right after it (`*Traitor,* she thought`), and
 * `decided`/`realised` count as thinking here. Text messages in italics are found the same way with a
 * verb of texting after them (`*did you ask him,* Priya texted.`, `*pay up,* she typed`), and may
 * open in lower case, as texts do; they are `written`. Returns the spans inside the marks, with their
 * paragraphs and kinds, in text order.
 */
export function findItalicThoughts(
  text: string,
  paragraphs: readonly Paragraph[],
): { span: [number, number]; paragraph: number; kind: 'thought' | 'written' }[] {
  const out: { span: [number, number]; paragraph: number; kind: 'thought' | 'written' }[] = [];
  if (!text.includes('*') && !text.includes('_')) return out;
  const span = /(?<![*_\p{L}\p{N}])([*_])(?![*_\s])([^*_\n]{1,400}?)(?<![\s*_])\1(?![*_\p{L}\p{N}])/gu;
  for (let pi = 0; pi < paragraphs.length; pi++) {
    const p = paragraphs[pi]!;
    const body = text.slice(p.start, p.end);
    if (!body.includes('*') && !body.includes('_')) continue;
    span.lastIndex = 0;
    // The end of the last italic thought in this paragraph: the italic sentence right after it and
    // its tag goes on with the same thought (`*I should go*, she thought. *I should sleep.*`).
    let lastThought = -1;
    let lastKind: 'thought' | 'written' = 'thought';
    for (let m = span.exec(body); m; m = span.exec(body)) {
      const open = p.start + m.index;
      const close = open + m[0].length;
      const inner = m[2]!;
      const setOff = /^[,.!?\u2014]|[.!?,\u2014]$/.test(text.slice(close, close + 1) + inner.slice(-1));
      // A text message: set off from a texting verb after it; lower case allowed (`*omw,* he texted`).
      // The message opens its sentence and its verb has a subject (`*omw,* she texted`), not a stressed
      // word inside a sentence (`marked *urgent*, so she sent it`, `He had *always*, he wrote, …`).
      if (
        /\p{L}.*\s\S|^\p{L}+\p{P}*$/u.test(inner) &&
        setOff &&
        OPENS_SENTENCE.test(text.slice(p.start, open)) &&
        TEXTING_TAG.test(text.slice(close, Math.min(p.end, close + 80)))
      ) {
        out.push({ span: [open + 1, close - 1], paragraph: pi, kind: 'written' });
        lastThought = close;
        lastKind = 'written';
        continue;
      }
      // A thought is a clause of its own: a capital and two words at least (`*I should go*`), not
      // a stressed word (`so _very_ much`), and set off from its tag by punctuation; one capitalised
      // word will do when its thinking verb follows at once (`*Traitor,* she thought`).
      const oneWord =
        /^\p{Lu}\p{L}*[,.!?\u2014]$/u.test(inner) && verbAfter(text, close, p.end, isThinking, 2);
      const textGoesOn =
        lastKind === 'written' && lastThought >= 0 && oneShortSentence(text.slice(lastThought, open));
      if (textGoesOn && /\p{L}/u.test(inner)) {
        out.push({ span: [open + 1, close - 1], paragraph: pi, kind: 'written' });
        lastThought = close;
        continue;
      }
      if (!oneWord && !/^\p{Lu}\S*\s+\S/u.test(inner)) continue;
      if (
        oneWord ||
        (setOff && verbAfter(text, close, p.end, isThinking)) ||
        (/[,:]\s*$/.test(text.slice(Math.max(p.start, open - 3), open)) &&
          thinkingBefore(text, p.start, open)) ||
        (lastThought >= 0 && oneShortSentence(text.slice(lastThought, open)))
      ) {
        const kind: 'thought' | 'written' =
          oneWord || lastThought < 0 || !oneShortSentence(text.slice(lastThought, open))
            ? 'thought'
            : lastKind;
        out.push({ span: [open + 1, close - 1], paragraph: pi, kind });
        lastThought = close;
        lastKind = kind;
      }
    }
  }
  return out;
}

/** Verbs that tell an italic span is a thought: the thinking verbs, and `decided`, `realised`. */
const ITALIC_THOUGHT_FORMS = new Set(['decided', 'decides', 'realised', 'realized', 'realises', 'realizes']);

function isThinking(lower: string): boolean {
  const base = speechVerbBase(lower);
  return (base !== undefined && THOUGHT_VERBS.has(base)) || ITALIC_THOUGHT_FORMS.has(lower);
}

/** Nothing, or a finished sentence, before an italic span in its paragraph: the span opens a sentence. */
const OPENS_SENTENCE = /(?:^|[.!?:\u2026"\u201d*_]\s*)\s*$/u;

/**
 * A texting tag after an italic message, among its first words: a subject (a pronoun or a name) and
 * a verb of texting, maybe after `had` or an adverb (`Priya had texted`, `she quickly typed`), or
 * the verb first (`texted Priya`).
 */
const TEXTING_TAG =
  /^[,\u2014\s]*(?:(?:he|she|they|I|we|you|\p{Lu}[\p{L}'\u2019-]*(?:\s+\p{Lu}[\p{L}'\u2019-]*)?)\s+(?:(?:had|has|have|then|just|finally|quickly|\p{L}+ly)\s+){0,2}(?:texted|texts|typed|types|messaged|messages|wrote|writes|replied|replies|sent|sends)|(?:texted|typed|messaged|wrote|replied)\s+(?:he|she|they|I|we|you|\p{Lu}\p{L}*))(?![\p{L}])/u;

/** A verb `is` accepts among the first `words` words after `from`, before the sentence ends. */
function verbAfter(
  text: string,
  from: number,
  end: number,
  is: (lower: string) => boolean,
  words = 4,
): boolean {
  const stop = text.slice(from, end).search(/[.!?;]/);
  const to = stop < 0 ? end : from + stop;
  let found = false;
  let n = 0;
  eachWord(text, from, to, (lower) => {
    if (is(lower)) found = true;
    return !found && ++n < words;
  });
  return found;
}

/** A thinking verb among the last four words of the sentence that runs up to `at`. */
function thinkingBefore(text: string, start: number, at: number): boolean {
  const before = text.slice(start, at);
  const boundary = Math.max(before.lastIndexOf('. '), before.lastIndexOf('! '), before.lastIndexOf('? '));
  const from = boundary < 0 ? start : start + boundary + 2;
  const words: string[] = [];
  eachWord(text, from, at, (lower) => {
    words.push(lower);
    return true;
  });
  return words.slice(-4).some((w) => {
    const base = speechVerbBase(w);
    return base !== undefined && THOUGHT_VERBS.has(base);
  });
}

/**
 * Narration of at most one sentence of eight words or fewer that ends before the next italics (a
 * thought's tag: `, she thought. `), or none: not `, she thought, and picked up *The Times*`, where
 * the italics are inside the tag's sentence.
 */
function oneShortSentence(between: string): boolean {
  const trimmed = between.trim();
  if (trimmed !== '' && !/[.!?]$/.test(trimmed)) return false;
  const t = trimmed.replace(/[.!?]$/, '');
  return !/[.!?]/.test(t) && t.split(/\s+/).filter((w) => /\p{L}/u.test(w)).length <= 8;
}
