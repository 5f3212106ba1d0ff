import type { StoryDocument } from '../../engine/document.js';
import type { Stage } from '../../engine/stage.js';
import type { Attribution, Character } from '../../engine/types.js';
import { genderAgrees } from '../coref/index.js';
import { buildCueIndex, type Cue } from './cues.js';
import { posteriors } from './decode.js';
import { buildTurns, isAttributable, type Turn } from './units.js';

/**
 * Speaker and addressees for every speech or thought quotation.
 *
 * 1. Quotations are grouped into turns (one paragraph each) and each turn's cues are found: speech
 *    tags (named, pronoun, descriptive), action beats, vocatives.
 * 2. Turns are grouped into conversations: runs of dialogue not broken by a long stretch of
 *    narration or a scene break.
 * 3. Each conversation is decoded jointly over the characters present (second-order chain:
 *    alternation, third voices and repeated speakers all have a score), so one wrong guess does
 *    not spread down a chain of untagged turns.
 */
export const attributionStage: Stage<'attributions'> = {
  name: 'attribution',
  requires: ['tokens', 'sentences', 'paragraphs', 'quotes', 'characters', 'mentions', 'pronouns'],
  provides: ['attributions'],
  run(doc) {
    return { attributions: attribute(doc) };
  },
};

/** Narration words between two turns beyond which a new conversation starts. */
const CONVERSATION_GAP_WORDS = 150;
/** Characters kept as candidates per conversation. */
const MAX_CANDIDATES = 8;
/** Narration before a conversation searched for who is present, in characters. */
const LOOKBACK = 2500;

const W = {
  namedTag: 8,
  namedTagOther: -8,
  genderMismatch: -6,
  corefGuess: 1.5,
  beat: 2.5,
  beatGenderMismatch: -1.5,
  vocative: -5,
  tagObject: -5,
  repliesToVocative: 1.5,
  same: -2,
  alternate: -0.3,
  other: -1.6,
  prior: 0.6,
};

function attribute(doc: StoryDocument): Attribution[] {
  const quotes = doc.layer('quotes');
  const characters = doc.layer('characters');
  const out: Attribution[] = quotes.map(() => ({ speaker: -1, addressees: [], confidence: 0, method: 'none' }));
  if (characters.length === 0) return out;
  const ix = buildCueIndex(doc);
  const turns = buildTurns(doc, ix);
  for (const conversation of splitConversations(doc, turns)) {
    decodeConversation(doc, characters, conversation, out);
  }
  quotes.forEach((q, i) => {
    if (!isAttributable(q)) out[i]!.method = 'not-attributed';
  });
  return out;
}

function splitConversations(doc: StoryDocument, turns: Turn[]): Turn[][] {
  const paragraphs = doc.layer('paragraphs');
  const text = doc.text;
  const out: Turn[][] = [];
  let current: Turn[] = [];
  for (const turn of turns) {
    const last = current[current.length - 1];
    if (last) {
      let words = 0;
      let hardBreak = false;
      for (let p = last.paragraph + 1; p < turn.paragraph; p++) {
        const para = paragraphs[p]!;
        if (para.kind !== 'prose') hardBreak = true;
        words += countWords(text, para.start, para.end);
      }
      if (hardBreak || words > CONVERSATION_GAP_WORDS) {
        out.push(current);
        current = [];
      }
    }
    current.push(turn);
  }
  if (current.length > 0) out.push(current);
  return out;
}

function countWords(text: string, start: number, end: number): number {
  let n = 0;
  let inWord = false;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    const space = c === 32 || c === 10;
    if (!space && !inWord) n++;
    inWord = !space;
  }
  return n;
}

/** Who is present: named in tags, addressed, or mentioned in the narration around the conversation. */
function candidatesOf(doc: StoryDocument, turns: Turn[], narrator: number): number[] {
  const paragraphs = doc.layer('paragraphs');
  const mentions = doc.layer('mentions');
  const first = paragraphs[turns[0]!.paragraph]!;
  const last = paragraphs[turns[turns.length - 1]!.paragraph]!;
  const from = first.start - LOOKBACK;
  const score = new Map<number, number>();
  const bump = (c: number, w: number): void => {
    if (c >= 0) score.set(c, (score.get(c) ?? 0) + w);
  };
  for (const turn of turns) {
    for (const cue of turn.cues) if (cue.referent.character >= 0) bump(cue.referent.character, cue.kind === 'tag' ? 100 : 10);
    for (const cue of turn.cues) if (cue.referent.corefGuess >= 0) bump(cue.referent.corefGuess, 5);
    for (const c of turn.vocatives) bump(c, 20);
    for (const c of turn.tagObjects) bump(c, 20);
  }
  // Mentions in the window, by binary search to the start.
  let lo = 0;
  let hi = mentions.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (mentions[mid]!.start < from) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo; i < mentions.length && mentions[i]!.start < last.end; i++) {
    const m = mentions[i]!;
    bump(m.character, m.inQuote ? 0.5 : m.start < first.start ? 1 : 2);
  }
  if (narrator >= 0) bump(narrator, 30);
  return [...score.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, MAX_CANDIDATES)
    .map(([c]) => c);
}

function decodeConversation(doc: StoryDocument, characters: Character[], turns: Turn[], out: Attribution[]): void {
  const narrator = characters.findIndex((c) => c.narrator);
  const cands = candidatesOf(doc, turns, narrator);
  const C = cands.length;
  if (C === 0) return;
  const local = new Map(cands.map((c, i) => [c, i] as const));
  const prior = cands.map((_, i) => -W.prior * Math.log(1 + i));

  const emit = (i: number, k: number): number => {
    const turn = turns[i]!;
    const c = cands[k]!;
    let s = prior[k]!;
    const cue = turn.cues[0];
    if (cue) s += cueScore(cue, c, characters[c]!, narrator);
    if (turn.vocatives.includes(c)) s += W.vocative;
    if (turn.tagObjects.includes(c)) s += W.tagObject;
    return s;
  };
  const transition = (i: number, prev2: number, prev: number, k: number): number => {
    if (prev === C) return 0;
    let s = k === prev ? W.same : k === prev2 ? W.alternate : W.other;
    const before = turns[i - 1];
    if (before && (before.vocatives.includes(cands[k]!) || before.tagObjects.includes(cands[k]!))) s += W.repliesToVocative;
    return s;
  };
  const post = posteriors({ candidates: C, turns: turns.length, emit, transition });

  turns.forEach((turn, i) => {
    let best = 0;
    for (let k = 1; k < C; k++) if (post[i * C + k]! > post[i * C + best]!) best = k;
    const speaker = cands[best]!;
    const cue = turn.cues[0];
    const method = methodOf(cue, speaker, characters[speaker]!);
    const prevSpeaker = i > 0 ? out[turns[i - 1]!.quotes[0]!]!.speaker : -1;
    const addressees = new Set<number>([...turn.vocatives, ...turn.tagObjects]);
    if (addressees.size === 0) {
      // The other party of the exchange: the previous speaker, or the next one.
      if (prevSpeaker >= 0 && prevSpeaker !== speaker) addressees.add(prevSpeaker);
      else {
        const next = turns[i + 1];
        if (next) {
          let nb = 0;
          for (let k = 1; k < C; k++) if (post[(i + 1) * C + k]! > post[(i + 1) * C + nb]!) nb = k;
          if (cands[nb] !== speaker) addressees.add(cands[nb]!);
        }
      }
    }
    addressees.delete(speaker);
    void local;
    for (const q of turn.quotes) {
      out[q] = { speaker, addressees: [...addressees], confidence: post[i * C + best]!, method };
    }
  });
}

function cueScore(cue: Cue, c: number, character: Character, narrator: number): number {
  const r = cue.referent;
  if (cue.kind === 'tag') {
    if (r.via === 'name' || r.via === 'narrator') {
      const target = r.via === 'narrator' ? narrator : r.character;
      if (target < 0) return 0;
      return c === target ? W.namedTag : W.namedTagOther;
    }
    let s = genderAgrees(character, r.gender) ? 0 : W.genderMismatch;
    if (r.corefGuess === c) s += W.corefGuess;
    return s;
  }
  if (r.via === 'name') return c === r.character ? W.beat : 0;
  if (r.via === 'narrator') return c === narrator ? W.beat : 0;
  let s = genderAgrees(character, r.gender) ? 0 : W.beatGenderMismatch;
  if (r.corefGuess === c) s += W.corefGuess / 2;
  return s;
}

function methodOf(cue: Cue | undefined, speaker: number, character: Character): string {
  void character;
  if (!cue) return 'turn-taking';
  const r = cue.referent;
  if (cue.kind === 'tag') {
    if (r.via === 'name') return r.character === speaker ? 'explicit-tag' : 'turn-taking';
    if (r.via === 'narrator') return 'narrator-tag';
    return r.via === 'pronoun' ? 'pronoun-tag' : 'descriptive-tag';
  }
  return r.via === 'name' && r.character === speaker ? 'action-beat' : 'turn-taking';
}
