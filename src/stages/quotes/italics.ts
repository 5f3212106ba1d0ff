import type { Paragraph } from '../../engine/types.js';
import { speechVerbBase, THOUGHT_VERBS } from '../lexicon/speech-verbs.js';
import { eachWord } from './tags.js';

/**
 * Thoughts set in italics, the way fan fiction writes them in Markdown and plain text: `*I should
 * go*, she thought` or `She wondered, _What now?_` — a span between single `*` or `_` marks (not
 * `**`, not inside a word) that opens with a capital and has two words at least, set off by
 * punctuation from a thinking verb (think, wonder…) among the first four words after it or the last
 * four words of its sentence before it. Emphasis (`so _very_ much`, `I *told* you, I think`) is
 * left alone. Returns the spans inside the marks, with their paragraphs, in text order.
 */
export function findItalicThoughts(
  text: string,
  paragraphs: readonly Paragraph[],
): { span: [number, number]; paragraph: number }[] {
  const out: { span: [number, number]; paragraph: number }[] = [];
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
    for (let m = span.exec(body); m; m = span.exec(body)) {
      const open = p.start + m.index;
      const close = open + m[0].length;
      // A thought is a clause of its own: a capital and two words at least (`*I should go*`), not
      // a stressed word (`so _very_ much`), and set off from its tag by punctuation.
      if (!/^\p{Lu}\S*\s+\S/u.test(m[2]!)) continue;
      if (
        (/^[,.!?\u2014]|[.!?,\u2014]$/.test(text.slice(close, close + 1) + m[2]!.slice(-1)) &&
          thinkingAfter(text, close, p.end)) ||
        (/[,:]\s*$/.test(text.slice(Math.max(p.start, open - 3), open)) &&
          thinkingBefore(text, p.start, open)) ||
        (lastThought >= 0 && oneShortSentence(text.slice(lastThought, open)))
      ) {
        out.push({ span: [open + 1, close - 1], paragraph: pi });
        lastThought = close;
      }
    }
  }
  return out;
}

/** A thinking verb among the first four words after `from`, before the sentence ends. */
function thinkingAfter(text: string, from: number, end: number): boolean {
  const stop = text.slice(from, end).search(/[.!?;]/);
  const to = stop < 0 ? end : from + stop;
  let found = false;
  let n = 0;
  eachWord(text, from, to, (lower) => {
    const base = speechVerbBase(lower);
    if (base !== undefined && THOUGHT_VERBS.has(base)) found = true;
    return !found && ++n < 4;
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
