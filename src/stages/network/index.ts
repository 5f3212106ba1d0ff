import type { StoryDocument } from '../../engine/document.js';
import type { Stage } from '../../engine/stage.js';
import type { CharacterNetwork, Mention } from '../../engine/types.js';
import { wordsIn } from '../stats/words.js';

export interface NetworkOptions {
  /**
   * Paragraphs either side of a paragraph that still count as "together" for co-occurrence.
   * Default 1: a character named in one paragraph and answered in the next were in the same place.
   */
  paragraphWindow?: number;
}

/**
 * The character network: who speaks to whom (directed, from attribution) and who appears with whom
 * (undirected, from scenes and nearby paragraphs).
 */
export const networkStage: Stage<'network'> = {
  name: 'network',
  requires: ['tokens', 'paragraphs', 'quotes', 'characters', 'mentions', 'attributions'],
  provides: ['network'],
  run(doc) {
    return { network: buildNetwork(doc) };
  },
};

export function buildNetwork(doc: StoryDocument, options: Readonly<NetworkOptions> = {}): CharacterNetwork {
  return { conversation: conversationEdges(doc), cooccurrence: cooccurrenceEdges(doc, options) };
}

function conversationEdges(doc: StoryDocument): CharacterNetwork['conversation'] {
  const quotes = doc.layer('quotes');
  const attributions = doc.layer('attributions');
  const tokens = doc.layer('tokens');
  const n = doc.layer('characters').length;
  const edges = new Map<number, { from: number; to: number; quotes: number; words: number }>();
  // Plain loops and module-level helpers rather than per-call closures: V8 keeps a closure's
  // optimised code only while some closure of it is alive, so a callback made anew for every
  // document is recompiled again and again.
  for (let i = 0; i < quotes.length; i++) {
    const q = quotes[i]!;
    if (q.kind !== 'speech' && q.kind !== 'thought') continue;
    const a = attributions[i];
    if (!a || a.speaker < 0 || a.speaker >= n || a.addressees.length === 0) continue;
    let words = 0;
    for (const [s, e] of q.spans) words += wordsIn(tokens, s, e);
    for (const to of a.addressees) {
      if (to < 0 || to >= n || to === a.speaker) continue;
      const key = a.speaker * n + to;
      const edge = edges.get(key) ?? { from: a.speaker, to, quotes: 0, words: 0 };
      edge.quotes++;
      edge.words += words;
      edges.set(key, edge);
    }
  }
  return [...edges.values()].sort(byQuotesThenPair);
}

/**
 * Who is present in each paragraph: characters mentioned in its narration (names, descriptions,
 * resolved pronouns), addressed by name, or speaking or spoken to. Sorted, without repeats.
 */
export function presenceByParagraph(doc: StoryDocument): number[][] {
  const paragraphs = doc.layer('paragraphs');
  const n = doc.layer('characters').length;
  // One small array per paragraph, kept without repeats (a paragraph holds a few characters).
  const present: number[][] = [];
  for (let p = 0; p < paragraphs.length; p++) present.push([]);
  const mentions: Mention[] = [];
  keepPresent(mentions, doc.layer('mentions'), n);
  if (doc.has('pronouns')) keepPresent(mentions, doc.layer('pronouns'), n);
  mentions.sort(byStart);
  let p = 0;
  for (const m of mentions) {
    while (p < paragraphs.length && paragraphs[p]!.end <= m.start) p++;
    if (p >= paragraphs.length) break;
    if (paragraphs[p]!.start <= m.start) addOnce(present[p]!, m.character);
  }
  const attributions = doc.layer('attributions');
  const quotes = doc.layer('quotes');
  for (let i = 0; i < quotes.length; i++) {
    const q = quotes[i]!;
    const a = attributions[i];
    if (!a) continue;
    // A speaker and the people they address are in the room, named or not.
    presentIn(present, q.paragraph, q.paragraphEnd, a.speaker, n);
    for (const c of a.addressees) presentIn(present, q.paragraph, q.paragraphEnd, c, n);
  }
  for (const s of present) if (s.length > 1) s.sort(ascending);
  return present;
}

/**
 * Appends the mentions of characters 0..n-1 that place them where they are: named inside a
 * quotation is talked about, not there ("I wonder where Tom went"), unless addressed by name.
 */
function keepPresent(out: Mention[], list: readonly Mention[], n: number): void {
  for (const m of list)
    if (m.character >= 0 && m.character < n && (!m.inQuote || m.kind === 'vocative')) out.push(m);
}

function presentIn(present: number[][], from: number, to: number, c: number, n: number): void {
  if (c < 0 || c >= n) return;
  for (let k = from; k <= to && k < present.length; k++) addOnce(present[k]!, c);
}

function addOnce(list: number[], c: number): void {
  if (!list.includes(c)) list.push(c);
}

function cooccurrenceEdges(
  doc: StoryDocument,
  options: Readonly<NetworkOptions>,
): CharacterNetwork['cooccurrence'] {
  const window = options.paragraphWindow ?? 1;
  const n = doc.layer('characters').length;
  const present = presenceByParagraph(doc);
  const edges: Map<number, CooccurrenceEdge> = new Map();

  // Paragraph windows: a pair counts once for paragraph p when one of them is present in p and the
  // other within `window` paragraphs of it.
  const seenAt = new Map<number, number>();
  for (let p = 0; p < present.length; p++) {
    const here = present[p]!;
    if (here.length === 0) continue;
    const lo = Math.max(0, p - window);
    const hi = Math.min(present.length - 1, p + window);
    for (const a of here) {
      for (let q = lo; q <= hi; q++) {
        for (const b of present[q]!) {
          if (a === b) continue;
          const e = edgeOf(edges, n, a, b);
          const key = e.from * n + e.to;
          if (seenAt.get(key) === p) continue;
          seenAt.set(key, p);
          e.paragraphs++;
        }
      }
    }
  }

  // Scenes: every pair of characters present in the same scene (when the scenes stage ran).
  if (doc.has('scenes')) {
    for (const scene of doc.layer('scenes')) {
      const cast = new Set<number>();
      for (const c of scene.characters) if (c >= 0 && c < n) cast.add(c);
      // A scene stage may list only the main cast; add everyone present in its paragraphs.
      for (let p = scene.paragraphStart; p < scene.paragraphEnd && p < present.length; p++) {
        for (const c of present[p]!) cast.add(c);
      }
      const members = [...cast].sort(ascending);
      for (let i = 0; i < members.length; i++) {
        for (let j = i + 1; j < members.length; j++) edgeOf(edges, n, members[i]!, members[j]!).scenes++;
      }
    }
  }

  return [...edges.values()].sort(byScenesThenPair);
}

type CooccurrenceEdge = CharacterNetwork['cooccurrence'][number];

/** The undirected edge between two characters, created on first use. */
function edgeOf(edges: Map<number, CooccurrenceEdge>, n: number, a: number, b: number): CooccurrenceEdge {
  const from = Math.min(a, b);
  const to = Math.max(a, b);
  const key = from * n + to;
  let e = edges.get(key);
  if (!e) {
    e = { from, to, scenes: 0, paragraphs: 0 };
    edges.set(key, e);
  }
  return e;
}

const ascending = (x: number, y: number): number => x - y;
const byStart = (x: { start: number }, y: { start: number }): number => x.start - y.start;
const byQuotesThenPair = (
  x: { quotes: number; from: number; to: number },
  y: { quotes: number; from: number; to: number },
): number => y.quotes - x.quotes || x.from - y.from || x.to - y.to;
const byScenesThenPair = (x: CooccurrenceEdge, y: CooccurrenceEdge): number =>
  y.scenes - x.scenes || y.paragraphs - x.paragraphs || x.from - y.from || x.to - y.to;
