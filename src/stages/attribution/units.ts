import type { StoryDocument } from '../../engine/document.js';
import { POS } from '../../engine/pos.js';
import type { GenderLabel, Mention, Paragraph, Quotation, TokenLayer } from '../../engine/types.js';
import { namesSelfAt } from '../characters/self-naming.js';
import { isVocativeAt } from '../characters/vocative.js';
import { ADDRESS_GENDER, PARENT_ADDRESS } from '../lexicon/address-terms.js';
import { CONTINUING_VERBS } from '../lexicon/speech-verbs.js';
import { beatAfter, type Cue, type CueIndex, cueBefore, tagAfter, tokenAtOrAfter } from './cues.js';
import { silentReplyIn } from './reactions.js';

/**
 * A turn: the attributable quotations that open in one paragraph. Writers start a new paragraph
 * for a new speaker, so one paragraph's quotations share a speaker unless their tags say otherwise.
 */
export interface Turn {
  /** Quotation indices (into the quotes layer). */
  quotes: number[];
  paragraph: number;
  /** The deciding cue found for the turn, best first. */
  cues: Cue[];
  /** Characters named as addressees inside the quotations (vocatives). */
  vocatives: number[];
  /** Characters named inside the quotations other than as addressees (people rarely name themselves). */
  namedInQuote: number[];
  /** Characters the quotations name as their speaker ("I'm Rosalind.", "My name is Tom"). */
  selfNamed: number[];
  /** Characters addressed by the tag ("said to Emma"). */
  tagObjects: number[];
  /** Gender of the addressee implied by terms of address in the quotations ("sir", "ma'am"). */
  addresseeGender: GenderLabel;
  /** The parent the quotations call by a term of address ("Yes, papa."), or '' for none. */
  addressedParent: '' | 'father' | 'mother';
  /** The quotations speak to several people at once ("either of you", "you two", "ladies and gentlemen"). */
  addressesSeveral: boolean;
  /**
   * The several are called out, set off by punctuation as a vocative is ("Don't get up, either of
   * you." / "You two, come here."): everyone about is spoken to. ("It is good for both of you" and
   * "you all drink too much" say less: PDNC often gives such words one listener.)
   */
  callsSeveral: boolean;
  /** Characters named in the turn's own narration other than by its cues ("shaking hands with Edna"). */
  narrationMentions: number[];
}

/**
 * Top-level speech, thought and reported speech are attributed; a quotation nested in another is
 * part of it. Reported speech (`"He should be glad to come …"`) has a speaker too, and is a turn
 * of the conversation: left out, the turns around it would alternate wrongly.
 */
export function isAttributable(q: Quotation): boolean {
  return (
    (q.kind === 'speech' || q.kind === 'thought' || q.kind === 'reported' || q.kind === 'imagined') &&
    q.parent === undefined
  );
}

/** Groups quotations into turns and finds their cues. */
export function buildTurns(doc: StoryDocument, ix: CueIndex): Turn[] {
  const quotes = doc.layer('quotes');
  const paragraphs = doc.layer('paragraphs');
  const mentions = doc.layer('mentions');
  const characters = doc.layer('characters');
  const { tokens } = ix;

  // All attributable spans, sorted, to know where narration gaps begin and end. (Loops and
  // module-level functions here, not `forEach` with closures made per call: the engine recompiles
  // such closures after each is collected.)
  const spans: Span[] = [];
  for (let i = 0; i < quotes.length; i++) {
    const q = quotes[i]!;
    if (isAttributable(q)) for (const [s, e] of q.spans) spans.push({ s, e, q: i });
  }
  spans.sort(bySpanStart);

  // The cues in the narration gaps around each attributable quotation's spans.
  const scan: SpanScan = { doc, ix, paragraphs, spans, si: 0 };
  const cuesOf: Cue[][] = [];
  let attributable = 0;
  let narratorTags = 0;
  for (let qi = 0; qi < quotes.length; qi++) {
    const q = quotes[qi]!;
    const cues: Cue[] = [];
    cuesOf.push(cues);
    if (!isAttributable(q)) continue;
    attributable++;
    for (let k = 0; k < q.spans.length; k++) spanCues(scan, q, k, cues);
    for (const c of cues) if (c.referent.via === 'narrator') narratorTags++;
  }
  // `'My dear,' said I,` in a story with no first-person narrator: a speaker retelling a
  // conversation inside a long speech, not a tag of the story's narration. (Where "I said" tags
  // are common, the story is told in the first person though the cast names no narrator.)
  const dropNarrator =
    ix.narrator < 0 && (narratorTags <= RETOLD_FEW || narratorTags < RETOLD_SHARE * attributable);

  const turns: Turn[] = [];
  let current: Turn | undefined;
  let mi = 0;
  for (let qi = 0; qi < quotes.length; qi++) {
    const q = quotes[qi]!;
    if (!isAttributable(q)) continue;
    const cues = cuesOf[qi]!;
    if (dropNarrator) dropNarratorCues(cues);
    // Where this quotation's mentions start (the scan below reads them).
    while (mi < mentions.length && mentions[mi]!.start < q.spans[0]![0]) mi++;
    if (
      !current ||
      current.paragraph !== q.paragraph ||
      splitsTurn(current.cues, cues, characters, {
        from: lastEnd(quotes, current.quotes),
        tokens,
        mentions,
      }) ||
      addressesTagged(doc.text, q, current.cues, mentions, mi)
    ) {
      current = {
        quotes: [],
        paragraph: q.paragraph,
        cues: [],
        vocatives: [],
        namedInQuote: [],
        selfNamed: [],
        tagObjects: [],
        addresseeGender: 'unknown',
        addressedParent: '',
        addressesSeveral: false,
        callsSeveral: false,
        narrationMentions: [],
      };
      turns.push(current);
    }
    current.quotes.push(qi);
    for (const cue of cues) current.cues.push(cue);

    if (current.addresseeGender === 'unknown')
      current.addresseeGender = addressTermIn(doc.text, tokens, q, ADDRESS_GENDER) ?? 'unknown';
    if (current.addressedParent === '')
      current.addressedParent = addressTermIn(doc.text, tokens, q, PARENT_ADDRESS) ?? '';
    if (!current.addressesSeveral || !current.callsSeveral) {
      const several = addressesSeveral(tokens, q);
      if (several > 0) current.addressesSeveral = true;
      if (several === 2) current.callsSeveral = true;
    }

    // Vocatives inside the quotation.
    const qe = q.spans[q.spans.length - 1]![1];
    for (let j = mi; j < mentions.length && mentions[j]!.start < qe; j++) {
      const m = mentions[j]!;
      if (m.character < 0 || !m.inQuote) continue;
      // `"…you made reply 'Good night, Sir John'"`: a name in a quotation the speaker repeats is
      // neither the speaker's addressee nor someone the speaker names (it is often the speaker).
      if (inNestedQuotation(doc.text, q, m.start, m.end)) continue;
      if (m.kind === 'vocative') {
        if (!current.vocatives.includes(m.character)) current.vocatives.push(m.character);
      } else if (!current.namedInQuote.includes(m.character)) current.namedInQuote.push(m.character);
      if (
        m.kind !== 'vocative' &&
        namesSelf(doc.text, q.spans, m) &&
        !current.selfNamed.includes(m.character)
      )
        current.selfNamed.push(m.character);
    }
  }
  for (const turn of turns) {
    const para = paragraphs[turn.paragraph]!;
    const cueTokens = new Set<number>();
    for (const c of turn.cues) {
      cueTokens.add(c.referent.token);
      cueTokens.add(c.object?.token ?? -1);
    }
    for (
      let j = firstMentionAt(mentions, para.start);
      j < mentions.length && mentions[j]!.start < para.end;
      j++
    ) {
      const m = mentions[j]!;
      if (m.inQuote || m.character < 0 || cueTokens.has(tokenAtOrAfter(tokens, m.start))) continue;
      if (!turn.narrationMentions.includes(m.character)) turn.narrationMentions.push(m.character);
    }
    turn.cues.sort(byCueRank);
    for (const cue of turn.cues) {
      if (cue.object && cue.object.character >= 0 && !turn.tagObjects.includes(cue.object.character)) {
        turn.tagObjects.push(cue.object.character);
      }
    }
    // "he told her", "she said to him": the tag's pronoun object gives the addressee's gender.
    const object = turn.cues[0]?.object;
    if (turn.addresseeGender === 'unknown' && object && object.via === 'pronoun') {
      turn.addresseeGender = object.gender;
    }
  }
  return turns;
}

/** Where the last of the given quotations ends. */
function lastEnd(quotes: readonly Quotation[], qis: readonly number[]): number {
  const q = quotes[qis[qis.length - 1]!]!;
  return q.spans[q.spans.length - 1]![1];
}

interface Span {
  s: number;
  e: number;
  q: number;
}

const bySpanStart = (a: Span, b: Span): number => a.s - b.s;
const byCueRank = (a: Cue, b: Cue): number => cueRank(a) - cueRank(b);

/** Where buildTurns stands in the sorted spans (`si`: the first span starting at or after the current one). */
interface SpanScan {
  doc: StoryDocument;
  ix: CueIndex;
  paragraphs: readonly Paragraph[];
  spans: readonly Span[];
  si: number;
}

/** The cues in the narration around span k of quotation q, pushed onto `cues`. */
/** Narration after a quotation that opens with a conjunction and ends in a lead-in to the next one. */
const LEADS_ON = /^[\s"”’'),.;!?—-]*(?:and|but|while|whereupon)\b[^"“]*[,:—-]\s*["“‘']?$/i;

function spanCues(scan: SpanScan, q: Quotation, k: number, cues: Cue[]): void {
  const { doc, ix, paragraphs, spans } = scan;
  const tokens = ix.tokens;
  const [s, e] = q.spans[k]!;
  let si = scan.si;
  while (si < spans.length && spans[si]!.s < s) si++;
  scan.si = si;
  const para = paragraphs[paragraphOf(paragraphs, s, q.paragraph)]!;
  const prevEnd =
    si > 0 && spans[si - 1]!.e <= s && spans[si - 1]!.e >= para.start ? spans[si - 1]!.e : para.start;
  let nj = si;
  while (nj < spans.length && spans[nj]!.s < e) nj++;
  const next = spans[nj];
  const nextStart = next && next.s < para.end ? next.s : para.end;
  const after = tagAfter(
    ix,
    tokenAtOrAfter(tokens, e),
    tokenAtOrAfter(tokens, nextStart),
    endsWithComma(doc.text, s, e),
  );
  // `"…" and a Canary called out to its children, "…"`: narration that goes on with "and" and
  // leads into another quotation is that quotation's lead-in, not this one's tag.
  const leadsOn =
    after !== undefined &&
    k === q.spans.length - 1 &&
    next !== undefined &&
    nextStart < para.end &&
    LEADS_ON.test(doc.text.slice(e, nextStart));
  if (after && !leadsOn) cues.push(placed(after, k < q.spans.length - 1 ? 'mid' : 'post'));
  if (k === 0) {
    const before = cueBefore(
      ix,
      tokenAtOrAfter(tokens, prevEnd),
      tokenAtOrAfter(tokens, s),
      prevEnd === para.start,
    );
    if (before) cues.push(before);
    // `Rodney made a step forward and said:` closing the paragraph before: a lead-in whose
    // quotation opens the next paragraph.
    const pi = paragraphOf(paragraphs, s, q.paragraph);
    const prevPara = paragraphs[pi - 1];
    if (!before && prevEnd === para.start && s - para.start <= 2 && prevPara && prevPara.kind === 'prose') {
      // The narration after the previous paragraph's last quotation, if it has one
      // (`"Yes, sir." Annie grew redder, and now she blurted out:`).
      const lastSpanEnd = si > 0 ? spans[si - 1]!.e : -1;
      if (lastSpanEnd < prevPara.end) {
        const lead = cueBefore(
          ix,
          tokenAtOrAfter(tokens, Math.max(prevPara.start, lastSpanEnd)),
          tokenAtOrAfter(tokens, prevPara.end),
          false,
        );
        if (lead) cues.push(lead);
      }
    }
  }
  if (k === q.spans.length - 1 && !after) {
    const beat = beatAfter(ix, tokenAtOrAfter(tokens, e), tokenAtOrAfter(tokens, nextStart));
    if (beat && nextStart === para.end) cues.push(beat);
    // `"From Bath!" Ann sat up. "Which street?"`: a sentence of narration between two quotations of
    // one paragraph, not a tag of either, is the beat of the one who speaks both.
    else if (
      beat &&
      next !== undefined &&
      nextStart < para.end &&
      fullSentenceBetween(doc.text, e, nextStart)
    )
      cues.push(placed(beat, 'mid'));
  }
}

/** Whether the narration text[from, to) between two quotations ends a sentence of its own (`. ` before the next). */
function fullSentenceBetween(text: string, from: number, to: number): boolean {
  const between = text.slice(from, to);
  return /[.!?]["”’']?\s*["“‘']?$/u.test(between.trimEnd()) && /\p{L}/u.test(between);
}

/** Below this share of quotations with an "I said" tag, a story without a narrator is told in the third person. */
const RETOLD_SHARE = 0.05;
/** As few "I said" tags as this are retold talk whatever the story's length. */
const RETOLD_FEW = 2;

function dropNarratorCues(cues: Cue[]): void {
  let j = 0;
  for (const c of cues) if (c.referent.via !== 'narrator') cues[j++] = c;
  cues.length = j;
}

/** Index of the first mention (sorted by start) starting at or after offset. */
export function firstMentionAt(mentions: readonly { start: number }[], offset: number): number {
  let lo = 0;
  let hi = mentions.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (mentions[mid]!.start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Tags between or after the quotation's parts are the surest; beats the least. */
function cueRank(c: Cue): number {
  const named = c.referent.via === 'name' || c.referent.via === 'narrator';
  // A tag that names its speaker outranks a pronoun tag of the same turn even when it stands later
  // (`"…," she said. "…," said Ann.` in one paragraph is Ann's).
  if (c.kind === 'tag') return (c.where === 'mid' ? 0 : c.where === 'post' ? 1 : 2) + (named ? 0 : 1.5);
  return 5 + (c.where === 'pre' ? 0 : 1) + (named ? 0 : 0.5);
}

/**
 * `"…I'd hoped she was a witch," observed Fergus. "Nonsense, Fergus! …"`: a quotation that calls
 * the turn's named speaker by name answers him, so it starts a turn of its own. mi is the index
 * of the first mention at or after the quotation's start.
 */
function addressesTagged(
  text: string,
  q: Quotation,
  turnCues: readonly Cue[],
  mentions: readonly Mention[],
  mi: number,
): boolean {
  const a = decidingCue(turnCues);
  if (a?.kind !== 'tag' || a.referent.via !== 'name' || a.referent.character < 0) return false;
  const qe = q.spans[q.spans.length - 1]![1];
  for (let j = mi; j < mentions.length && mentions[j]!.start < qe; j++) {
    const m = mentions[j]!;
    const toTagged = m.kind === 'vocative' && m.inQuote && m.character === a.referent.character;
    if (toTagged && !inNestedQuotation(text, q, m.start, m.end)) return true;
  }
  return false;
}

/**
 * A second quotation in the same paragraph belongs to a new turn only when the tags say the voice
 * changed: both name different people (`"Yes," said Anne. "No," said Tom.`), both are pronoun
 * tags of different genders (`"Yes," he said. "No," she said.`), or one names a person and the
 * other is a pronoun of the other gender (`"Yes," cried Anne. … "No," he said.`).
 */
function splitsTurn(
  turnCues: readonly Cue[],
  cues: readonly Cue[],
  characters: readonly { gender: { label: GenderLabel } }[],
  gap: Gap,
): boolean {
  const a = decidingCue(turnCues);
  const b = decidingCue(cues);
  if (!a || !b) return false;
  const ra = a.referent;
  const rb = b.referent;
  if ((ra.via === 'name' || ra.via === 'narrator') && (rb.via === 'name' || rb.via === 'narrator')) {
    return ra.character !== rb.character;
  }
  // `"…," Miss Lee opined; and her hostess rejoined: "…"`: a speaker named in one tag is not
  // called by a description in the next.
  if (
    a.kind === 'tag' &&
    b.kind === 'tag' &&
    ((ra.via === 'name' && ra.character >= 0 && rb.via === 'nominal') ||
      (rb.via === 'name' && rb.character >= 0 && ra.via === 'nominal'))
  ) {
    return true;
  }
  if (ra.via === 'pronoun' && rb.via === 'pronoun') {
    if (ra.gender !== rb.gender && ra.gender !== 'unknown' && rb.gender !== 'unknown') return true;
    return renamedBetween(b, gap) && ra.corefGuess >= 0 && rb.corefGuess !== ra.corefGuess;
  }
  // A name and a pronoun tag: the named character's gender against the pronoun's.
  const name = ra.via === 'name' ? ra : rb;
  const pronoun = ra.via === 'name' ? rb : ra;
  if (
    name.via === 'name' &&
    name.character >= 0 &&
    pronoun.via === 'pronoun' &&
    pronoun.gender !== 'unknown'
  ) {
    const g = characters[name.character]!.gender.label;
    if (g !== 'unknown' && g !== pronoun.gender) return true;
    // `Kate said, "…" Ann laughed too. "…," she declared.`: the pronoun stands for someone the
    // narration between named, not for the named speaker.
    return pronoun === rb && renamedBetween(b, gap) && rb.corefGuess !== name.character;
  }
  return false;
}

/** The narration between the turn's last quotation and the next one. */
interface Gap {
  from: number;
  tokens: TokenLayer;
  mentions: readonly Mention[];
}

/**
 * Whether a pronoun tag's antecedent is named in the narration just before it, after the turn's
 * last quotation (`"…" Ann laughed too. "…," she declared.`): the pronoun then stands for that
 * person, who took the word, not for the turn's speaker. Not when the tag goes on (`she added`)
 * or the narration is a silent reply (`Anne did not answer. "…," she added.`): the speaker goes on.
 */
function renamedBetween(cue: Cue, gap: Gap): boolean {
  const r = cue.referent;
  if (r.corefGuess < 0 || r.token < 0 || CONTINUING_VERBS.has(cue.verb)) return false;
  const at = gap.tokens.start[r.token]!;
  if (silentReplyIn(gap.tokens, gap.from, at)) return false;
  for (let j = firstMentionAt(gap.mentions, gap.from); j < gap.mentions.length; j++) {
    const m = gap.mentions[j]!;
    if (m.start >= at) break;
    if (!m.inQuote && m.character === r.corefGuess && m.kind !== 'pronoun') return true;
  }
  return false;
}

/**
 * The best-ranked tag (`when Tom broke in: "…," he said` is Tom's: the named lead-in, not the
 * pronoun tag found first), else the first beat that names someone.
 */
function decidingCue(cues: readonly Cue[]): Cue | undefined {
  let best: Cue | undefined;
  for (const c of cues) if (c.kind === 'tag' && (!best || cueRank(c) < cueRank(best))) best = c;
  if (best) return best;
  for (const c of cues)
    if (c.kind === 'beat' && c.referent.via === 'name' && c.referent.character >= 0) return c;
  return undefined;
}

/**
 * What the first term of address of `terms` in vocative position says ("Yes, sir." → male for
 * ADDRESS_GENDER, "Oh, mamma, …" → mother for PARENT_ADDRESS), or undefined.
 */
function addressTermIn<T>(
  text: string,
  tokens: TokenLayer,
  q: Quotation,
  terms: ReadonlyMap<string, T>,
): T | undefined {
  for (const span of q.spans) {
    for (let t = tokenAtOrAfter(tokens, span[0]); t < tokens.count && tokens.start[t]! < span[1]; t++) {
      const v = terms.get(tokens.lower[t]!);
      if (v !== undefined && isVocativeAt(text, tokens, t, tokens.end[t]!, span)) return v;
    }
  }
  return undefined;
}

/** Words after "you" that make it plural: "you two", "you both", "you people". */
const PLURAL_YOU_AFTER: ReadonlySet<string> = new Set([
  'two',
  'three',
  'both',
  'all',
  'people',
  'fellows',
  'boys',
  'girls',
  'children',
]);

/** Words before "of you" that make it plural: "either of you", "all of you". */
const PLURAL_YOU_BEFORE: ReadonlySet<string> = new Set(['both', 'all', 'either', 'each', 'neither', 'any']);

/**
 * Whether "you all" / "you two" at token t is the object of a verb or says something else
 * ("Thank you all the same", "I'll give you two minutes", "You all right?"), not several addressed.
 * "you both", "you people" and the like stay plural wherever they stand.
 */
function objectOfVerb(tokens: TokenLayer, t: number, next: string, third: string): boolean {
  if (next !== 'all' && next !== 'two' && next !== 'three') return false;
  if (next === 'all' && third === 'right') return true;
  const before = t - 1;
  if (before >= 0 && tokens.pos[before] === POS.VERB) return true;
  // "you two letters": a number counting a noun.
  return next !== 'all' && t + 2 < tokens.count && tokens.pos[t + 2] === POS.NOUN;
}

/**
 * Whether a quotation speaks to several people at once ("either of you", "you two", "ladies and
 * gentlemen"): 0 no, 1 yes, 2 yes and the words are set off as a vocative (see Turn.callsSeveral).
 */
function addressesSeveral(tokens: TokenLayer, q: Quotation): 0 | 1 | 2 {
  let found: 0 | 1 | 2 = 0;
  for (const span of q.spans) {
    const last = tokens.count - 1;
    const first = tokenAtOrAfter(tokens, span[0]);
    for (let t = first; t < last && tokens.start[t + 1]! < span[1]; t++) {
      const w = tokens.lower[t]!;
      const next = tokens.lower[t + 1]!;
      const third = t + 2 <= last && tokens.start[t + 2]! < span[1] ? tokens.lower[t + 2]! : '';
      let end = -1;
      if (w === 'you' && PLURAL_YOU_AFTER.has(next) && !objectOfVerb(tokens, t, next, third)) end = t + 2;
      else if (next === 'of' && PLURAL_YOU_BEFORE.has(w) && third === 'you') end = t + 3;
      else if (w === 'ladies' && next === 'and' && third === 'gentlemen') end = t + 3;
      if (end < 0) continue;
      if (setOff(tokens, first, t, end, span[1])) return 2;
      found = 1;
    }
  }
  return found;
}

/** Punctuation that sets a vocative off before it and after it. */
const VOCATIVE_BEFORE: ReadonlySet<string> = new Set([',', ';', ':', '\u2014', '\u2013', '--']);
const VOCATIVE_AFTER: ReadonlySet<string> = new Set([',', '.', '!', '?', ';', '\u2014', '\u2013', '--']);

/** Whether tokens [from, to) stand alone in their span, as a vocative does: "…, either of you." */
function setOff(tokens: TokenLayer, spanFirst: number, from: number, to: number, spanEnd: number): boolean {
  const before = from === spanFirst || VOCATIVE_BEFORE.has(tokens.lower[from - 1]!);
  const after = to >= tokens.count || tokens.start[to]! >= spanEnd || VOCATIVE_AFTER.has(tokens.lower[to]!);
  return before && after;
}

/** Whether the quoted words end in a comma or dash (`"Look," she said`), asking for a tag. */
function endsWithComma(text: string, start: number, end: number): boolean {
  let k = end - 1;
  while (k > start && (text[k] === ' ' || text[k] === '"' || text[k] === '\u201d' || text[k] === "'")) k--;
  const c = text[k];
  return c === ',' || c === '\u2014' || c === '-';
}

function paragraphOf(
  paragraphs: readonly { start: number; end: number }[],
  offset: number,
  hint: number,
): number {
  let p = hint;
  while (p + 1 < paragraphs.length && paragraphs[p]!.end <= offset) p++;
  return p;
}

/** A copy of a cue at another place, fields written out in Cue's one order (a spread makes a hidden class per cue). */
function placed(cue: Cue, where: Cue['where']): Cue {
  return {
    kind: cue.kind,
    where,
    referent: cue.referent,
    verb: cue.verb,
    object: cue.object,
    actedOn: cue.actedOn,
  };
}

/** Whether a character is a letter or digit (an apostrophe between two is no quotation mark). */
function isWordChar(code: number): boolean {
  return (
    (code >= 97 && code <= 122) ||
    (code >= 65 && code <= 90) ||
    (code >= 48 && code <= 57) ||
    (code >= 0xc0 && code !== 0xd7 && code !== 0xf7 && code < 0x2000)
  );
}

/**
 * Whether [start, end) lies inside a quotation nested in quotation q and closed after it: a pair of
 * the other kind of marks than q's own (single inside double, double inside single), opened before
 * the name and closed after it within the same span. An apostrophe inside a word ("don't") or
 * closing one ("goin'") before the name does not open one. A name between q's pieces (and inside
 * a quotation) is in one the quotation detector has cut out of q.
 */
export function inNestedQuotation(text: string, q: Quotation, start: number, end: number): boolean {
  for (const [s, e] of q.spans) {
    if (start < s || end > e) continue;
    // The quotation's own marks; a given quotation's from the character before it.
    const outer = s > 0 ? text.charCodeAt(s - 1) : 0;
    const singleOuter =
      q.mark === 'single' || (q.mark === 'given' && (outer === 39 || outer === 0x2018 || outer === 0x2019));
    let open = false;
    for (let i = s; i < start; i++) {
      const c = text.charCodeAt(i);
      if (singleOuter) {
        if (c === 0x201c) open = true;
        else if (c === 0x201d) open = false;
        else if (c === 34) open = !open;
      } else if (c === 0x2018 || c === 39 || c === 0x2019) {
        const before = i > s ? text.charCodeAt(i - 1) : 32;
        const after = i + 1 < e ? text.charCodeAt(i + 1) : 32;
        if (isWordChar(before) && isWordChar(after)) continue;
        if (c !== 0x2019 && !isWordChar(before) && (isWordChar(after) || after === 95)) open = true;
        else if (c !== 0x2018 && !isWordChar(after)) open = false;
      }
    }
    if (!open) return false;
    for (let i = end; i < e; i++) {
      const c = text.charCodeAt(i);
      if (
        singleOuter
          ? c === 0x201d || c === 34
          : (c === 39 || c === 0x2019) && !isWordChar(text.charCodeAt(i + 1))
      )
        return true;
    }
    return false;
  }
  // Between q's pieces: where the quotation detector cut a nested quotation out of it.
  return true;
}

/** The character a turn's first cue names in a speech tag (`said Emma`), or -1. */
export function namedTagSpeaker(turn: Turn): number {
  const cue = turn.cues[0];
  return cue?.kind === 'tag' && cue.referent.via === 'name' ? cue.referent.character : -1;
}

/**
 * Whether a name in the quotation is the speaker's own: `"Hi. I'm Rosalind."`, `"My name is
 * Charles."` — not `"I'm Rosalind's cousin."` (a possessive) nor `"I'm not Tom"`. The words must
 * be in the same span of the quotation as the name.
 */
function namesSelf(text: string, spans: readonly (readonly [number, number])[], m: Mention): boolean {
  const span = spans.find(([s, e]) => s <= m.start && m.end <= e);
  return span !== undefined && namesSelfAt(text, span[0], m.start, m.end);
}
