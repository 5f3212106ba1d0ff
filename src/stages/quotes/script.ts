import type { Paragraph } from '../../engine/types.js';

/**
 * Script-style and text-message dialogue, common in fan fiction: lines `Name: words` one after
 * another (a chat log, a screenplay scene), no quotation marks.
 *
 * ```
 * Mara: are you coming tonight?
 * Jonah: five minutes
 * ```
 *
 * A line is `Name: words` with the name one or two capitalised words; a paragraph takes part when
 * every one of its lines is such a line (a chat log often comes as one paragraph of lines). A run
 * of two or more such lines in consecutive paragraphs is dialogue when at most four names speak
 * and either a name comes back in the run or every name also appears elsewhere in the text (so a
 * list of `Breakfast: eggs` / `Lunch: soup` is not taken). Labels (`Note:`, `Warning:`, `Summary:`,
 * `Chapter 1: The Storm`, `Day 3:`) are never names. Lines with quotation marks are left to the
 * quotation-mark scanner.
 */
export interface ScriptLine {
  paragraph: number;
  /** The speaker's name in the line (working-text offsets). */
  name: [number, number];
  /** The words spoken. */
  span: [number, number];
}

const LINE =
  /^[ \t]*(\p{Lu}[\p{L}\p{M}'’-]*\.?(?:[ \t]\p{Lu}[\p{L}\p{M}'’-]*)?)[ \t]*:[ \t]+(\S(?:.*\S)?)[ \t]*$/u;

/** Words that head a labelled line rather than name a speaker. */
const LABELS = new Set(
  (
    'a an the note notes nb ps warning warnings summary disclaimer author authors rating ratings fandom ' +
    'fandoms tags tag pairing pairings relationship relationships characters character words chapter ' +
    'chapters part book act scene setting prologue epilogue update edit edited date time place location ' +
    'status title subject re from to cc bcc sent q a question answer step ingredients translation beta ' +
    'posted published series language category categories archive credit credits source sources day ' +
    'week month year morning evening night today tomorrow yesterday monday tuesday wednesday thursday ' +
    'friday saturday sunday breakfast lunch dinner tea supper age height weight name occupation ' +
    'species gender birthday address phone email total score result results example important ' +
    'reminder tip hint key legend cast content trigger tw cw spoilers spoiler dedication epigraph ' +
    'afterword foreword preface appendix glossary index footnote footnotes lyrics song verse chorus ' +
    'bridge narrator me you he she we they it i this that there here and but or so yes no ok okay ' +
    'mr mrs ms miss dr sir lady lord'
  ).split(' '),
);

/** A cheap first test: a capitalised word or two and a colon. */
const LINE_START = /^[ \t]*\p{Lu}[\p{L}\p{M}'’-]*\.?(?:[ \t]\p{Lu}[\p{L}\p{M}'’-]*)?[ \t]*:/u;

const QUOTE_CHARS = /["“”«»„]/;

/** Most characters of one line in a chat log; a longer line is prose, not a message. */
const MAX_LINE = 400;
/** Most distinct speakers in one run. */
const MAX_NAMES = 4;

export function findScriptLines(
  text: string,
  paragraphs: readonly Paragraph[],
  lineBreakAt: (offset: number) => boolean = (offset) => text.charCodeAt(offset) === 10,
): ScriptLine[] {
  const out: ScriptLine[] = [];
  let run: ScriptLine[] = [];
  const flush = () => {
    if (run.length >= 2 && isDialogueRun(text, run)) out.push(...run);
    run = [];
  };
  for (let pi = 0; pi < paragraphs.length; pi++) {
    const p = paragraphs[pi]!;
    const lines = p.kind === 'prose' ? paragraphLines(text, p, pi, lineBreakAt) : null;
    if (!lines) {
      flush();
      continue;
    }
    run.push(...lines);
  }
  flush();
  return out;
}

/** The paragraph's lines when every one is `Name: words`, else null. */
function paragraphLines(
  text: string,
  p: Paragraph,
  pi: number,
  lineBreakAt: (offset: number) => boolean,
): ScriptLine[] | null {
  // Only a paragraph that opens like a script line is split into lines.
  if (!LINE_START.test(text.slice(p.start, Math.min(p.end, p.start + 40)))) return null;
  const lines: ScriptLine[] = [];
  let at = p.start;
  while (at < p.end) {
    let end = at;
    while (end < p.end && !lineBreakAt(end)) end++;
    const line = text.slice(at, end);
    if (line.trim() !== '') {
      if (line.length > MAX_LINE || QUOTE_CHARS.test(line)) return null;
      const m = LINE.exec(line);
      if (!m) return null;
      const name = m[1]!;
      const words = name.toLowerCase().replace(/\.$/, '').split(/[ \t]/);
      if (words.some((w) => LABELS.has(w))) return null;
      const nameStart = at + line.indexOf(name);
      let spoken = m[2]!;
      // `Tom: ‘Where were you?’`: single marks around the words are no part of them.
      const marked = /^([\u2018'\u2039])(.*)([\u2019'\u203a])\s*$/u.exec(spoken);
      if (marked) spoken = marked[2]!;
      let spanStart = at + line.indexOf(spoken, nameStart - at + name.length);
      // A stage direction before the words is the narration's: `BLOOM: (Smiles.) Not at all.`
      const direction = /^\([^)]*\)\s*/.exec(spoken);
      if (direction) {
        spanStart += direction[0].length;
        spoken = spoken.slice(direction[0].length);
      }
      lines.push({
        paragraph: pi,
        name: [nameStart, nameStart + name.length],
        span: [spanStart, spanStart + spoken.length],
      });
    }
    at = end + 1;
  }
  return lines.length > 0 ? lines : null;
}

function isDialogueRun(text: string, run: readonly ScriptLine[]): boolean {
  const names = new Map<string, number>();
  for (const l of run) {
    const name = text.slice(l.name[0], l.name[1]);
    names.set(name, (names.get(name) ?? 0) + 1);
  }
  // One label over and over ("Item: …", "Item: …") is a list; five voices are a table.
  if (names.size < 2 || names.size > MAX_NAMES) return false;
  if ([...names.values()].some((n) => n >= 2)) return true;
  // No name comes back: a chat's names are one word ("Mara", "Jonah"), not a cast list's full names
  // ("Harry Potter: the boy who lived"), and every one is someone the text names elsewhere too.
  for (const name of names.keys()) if (/\s/.test(name)) return false;
  const from = run[0]!.name[0];
  const to = run[run.length - 1]!.span[1];
  for (const name of names.keys()) {
    const word = new RegExp(`(?<![\\p{L}\\p{M}])${escapeRegExp(name)}(?![\\p{L}\\p{M}])`, 'gu');
    let elsewhere = false;
    for (const m of text.matchAll(word))
      if (m.index < from || m.index >= to) {
        elsewhere = true;
        break;
      }
    if (!elsewhere) return false;
  }
  return true;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
