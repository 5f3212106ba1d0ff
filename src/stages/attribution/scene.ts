import type { StoryDocument } from '../../engine/document.js';
import { POS } from '../../engine/pos.js';
import type { Quotation, TokenLayer } from '../../engine/types.js';
import { words } from '../lexicon/words.js';
import { tokenAtOrAfter } from './cues.js';
import { firstMentionAt, type Turn } from './units.js';

/** Prose paragraphs before a conversation's first turn read as its setting ("Emma sat with her father"). */
const SETTING_PARAGRAPHS = 2;

/**
 * Who the narration names around a conversation, for the addressee decoder: in a group scene PDNC
 * counts everyone present as addressed, the silent ones too, and the narration is what shows them
 * there ("the girls stared at their father"; "Harriet looked grave").
 */
export interface SceneMentions {
  /** First paragraph of the setting: up to SETTING_PARAGRAPHS prose paragraphs before the first turn. */
  from: number;
  /** For each character named in narration from `from` to the last turn, its paragraphs, ascending. */
  named: Map<number, number[]>;
  /** For each character the narration sends out of the room ("Tom left the room"), those paragraphs. */
  departed: Map<number, number[]>;
  /**
   * Paragraphs from `from` to the last turn whose narration tells of someone coming or going ("the
   * door opened and the doctor came in", "she left the room"), whoever it is.
   */
  moves: Set<number>;
  /**
   * Per turn of the conversation: narration between the previous turn's last quotation and this
   * turn's first tells of someone coming or going. (`Mrs. Stone came in. "Eggs," said Mrs. Stone.`
   * moves before her turn, not after it; `"Bye," she said, and went out.` after hers.)
   */
  movedBefore: Uint8Array;
}

/** Verbs that take someone away by themselves ("Mr. Hale withdrew"). */
const LEAVE: ReadonlySet<string> = new Set(words('left departed withdrew retired vanished disappeared'));
/** Verbs of motion that take someone away with "out", "off" or "away" ("went out", "hurried off"). */
const GO: ReadonlySet<string> = new Set(
  words('went go walked stepped hurried ran rushed strode slipped moved turned bustled swept got'),
);
const AWAY: ReadonlySet<string> = new Set(words('out off away'));
const WORD = /^[a-z]/;
/** Tokens between the name and the verb, or the verb and its particle ("went quietly out"). */
const GAP = 2;

export function sceneMentionsIn(doc: StoryDocument, turns: readonly Turn[]): SceneMentions {
  const named = new Map<number, number[]>();
  const departed = new Map<number, number[]>();
  const first = turns[0];
  const last = turns[turns.length - 1];
  if (!first || !last) return { from: 0, named, departed, moves: new Set(), movedBefore: new Uint8Array(0) };
  const paragraphs = doc.layer('paragraphs');
  const mentions = doc.layer('mentions');
  const tokens = doc.layer('tokens');
  let from = first.paragraph;
  for (let k = 0; k < SETTING_PARAGRAPHS && from > 0 && paragraphs[from - 1]!.kind === 'prose'; k++) from--;
  const end = paragraphs[last.paragraph]!.end;
  let p = from;
  for (let j = firstMentionAt(mentions, paragraphs[from]!.start); j < mentions.length; j++) {
    const m = mentions[j]!;
    if (m.start >= end) break;
    if (m.inQuote || m.character < 0) continue;
    while (p + 1 < paragraphs.length && paragraphs[p]!.end <= m.start) p++;
    addParagraph(named, m.character, p);
    if (leavesAfter(tokens, tokenAtOrAfter(tokens, m.end))) addParagraph(departed, m.character, p);
  }
  pronounDepartures(doc, turns, departed);
  const at: number[] = [];
  const moves = movesIn(doc, from, last.paragraph, at);
  return { from, named, departed, moves, movedBefore: movedBefore(doc, turns, at) };
}

/** Per turn: a move offset in `at` (ascending) lies between the previous turn's end and its start. */
function movedBefore(doc: StoryDocument, turns: readonly Turn[], at: readonly number[]): Uint8Array {
  const quotes = doc.layer('quotes');
  const out = new Uint8Array(turns.length);
  let k = 0;
  for (let i = 1; i < turns.length; i++) {
    const before = turns[i - 1]!.quotes;
    const prevSpans = quotes[before[before.length - 1]!]!.spans;
    const from = prevSpans[prevSpans.length - 1]![1];
    const to = quotes[turns[i]!.quotes[0]!]!.spans[0]![0];
    while (k < at.length && at[k]! < from) k++;
    if (k < at.length && at[k]! < to) out[i] = 1;
  }
  return out;
}

/**
 * `"…and you'll bring him." Then she was gone.`: a "he" or "she" going out in the narration of a
 * turn's paragraph is the turn's named speaker, when the tag names one of that gender.
 */
function pronounDepartures(
  doc: StoryDocument,
  turns: readonly Turn[],
  departed: Map<number, number[]>,
): void {
  const paragraphs = doc.layer('paragraphs');
  const quotes = doc.layer('quotes');
  const characters = doc.layer('characters');
  const tokens = doc.layer('tokens');
  const lower = tokens.lower;
  for (const turn of turns) {
    const cue = turn.cues[0];
    const who = cue && cue.kind === 'tag' && cue.referent.via === 'name' ? cue.referent.character : -1;
    if (who < 0) continue;
    const gender = characters[who]?.gender.label;
    const pronoun = gender === 'female' ? 'she' : gender === 'male' ? 'he' : '';
    if (!pronoun) continue;
    const para = paragraphs[turn.paragraph]!;
    for (let t = tokenAtOrAfter(tokens, para.start); t < lower.length && tokens.start[t]! < para.end; t++) {
      if (lower[t] !== pronoun || insideQuote(quotes, turn.quotes, tokens.start[t]!)) continue;
      // "Tom said she was gone", "knew that she had left": told of, not seen going.
      if (t > 0 && (tokens.pos[t - 1] === POS.VERB || lower[t - 1] === 'that')) continue;
      if (leavesAfter(tokens, t + 1)) {
        addParagraph(departed, who, turn.paragraph);
        break;
      }
    }
  }
}

function insideQuote(quotes: readonly Quotation[], qis: readonly number[], at: number): boolean {
  for (const qi of qis) for (const [a, b] of quotes[qi]!.spans) if (at >= a && at < b) return true;
  return false;
}

/** Verbs of coming and going that need no particle ("entered", "withdrew"). */
const MOVED: ReadonlySet<string> = new Set(
  words('entered arrived appeared reappeared returned joined departed withdrew retired'),
);
/** Verbs of motion that come or go with a particle ("came in", "went out", "hurried away"). */
const MOTION: ReadonlySet<string> = new Set(
  words('came come went walked stepped burst hurried ran rushed strode slipped bustled swept'),
);
const PARTICLE: ReadonlySet<string> = new Set(words('in into out back away off up over'));
/** Objects of "left" that make it a departure ("left the room", "left them"). */
const LEFT: ReadonlySet<string> = new Set(words('the them him her us me'));

/**
 * The paragraphs from..to whose narration (outside quotations) holds a verb of coming or going. A
 * party changes at a quarter of the turns after such narration in PDNC and at 1 in 20 otherwise.
 */
function movesIn(doc: StoryDocument, from: number, to: number, at: number[]): Set<number> {
  const out = new Set<number>();
  const paragraphs = doc.layer('paragraphs');
  const tokens = doc.layer('tokens');
  const lower = tokens.lower;
  const spans: [number, number][] = [];
  const lo = paragraphs[from]!.start;
  const hi = paragraphs[to]!.end;
  // Index loops: this runs once per conversation over every quotation of the book.
  const quotes = doc.layer('quotes');
  for (let i = 0; i < quotes.length; i++) {
    const qs = quotes[i]!.spans;
    for (let j = 0; j < qs.length; j++) {
      const s = qs[j]!;
      if (s[1] > lo && s[0] < hi) spans.push(s);
    }
  }
  spans.sort(byStart);
  let k = 0;
  let p = from;
  for (let t = tokenAtOrAfter(tokens, lo); t < lower.length && tokens.start[t]! < hi; t++) {
    const offset = tokens.start[t]!;
    while (k < spans.length && spans[k]![1] <= offset) k++;
    if (k < spans.length && spans[k]![0] <= offset) continue;
    while (p < to && paragraphs[p]!.end <= offset) p++;
    if (movesAt(lower, t)) {
      out.add(p);
      at.push(offset);
    }
  }
  return out;
}

const byStart = (a: [number, number], b: [number, number]): number => a[0] - b[0];

/** Whether token t starts a verb of coming or going ("came in", "left the room", "was gone"). */
function movesAt(lower: readonly string[], t: number): boolean {
  const w = lower[t]!;
  if (MOVED.has(w)) return true;
  const next = lower[t + 1] ?? '';
  if (MOTION.has(w))
    return PARTICLE.has(next) || (!WORD.test(next) ? false : PARTICLE.has(lower[t + 2] ?? ''));
  if (w === 'left') return LEFT.has(next) && lower[t - 1] !== 'was' && lower[t - 1] !== 'were';
  if (w === 'gone') return lower[t - 1] === 'was' || lower[t - 1] === 'had';
  if (w === 'took') return (next === 'his' || next === 'her' || next === 'their') && lower[t + 2] === 'leave';
  return false;
}

function addParagraph(map: Map<number, number[]>, c: number, p: number): void {
  let list = map.get(c);
  if (!list) {
    list = [];
    map.set(c, list);
  }
  if (list[list.length - 1] !== p) list.push(p);
}

/** Whether the words from token t on say that the subject before them goes out. */
function leavesAfter(tokens: TokenLayer, t: number): boolean {
  const lower = tokens.lower;
  for (let k = t; k < Math.min(lower.length, t + GAP + 1); k++) {
    const w = lower[k]!;
    // Punctuation ends the clause ("said Tom. Tom left" is no departure of the first Tom).
    if (!WORD.test(w)) return false;
    if (LEAVE.has(w)) return true;
    // "Then she was gone."
    if (w === 'gone') return k > t && (lower[k - 1] === 'was' || lower[k - 1] === 'were');
    if (GO.has(w)) {
      for (let n = k + 1; n < Math.min(lower.length, k + GAP + 2); n++) if (AWAY.has(lower[n]!)) return true;
      return false;
    }
  }
  return false;
}

/** Whether `list` (ascending) holds a paragraph in [lo, hi). */
export function namedWithin(list: readonly number[] | undefined, lo: number, hi: number): boolean {
  if (!list) return false;
  for (const p of list) {
    if (p >= hi) return false;
    if (p >= lo) return true;
  }
  return false;
}
