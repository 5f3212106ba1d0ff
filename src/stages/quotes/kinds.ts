import type { Paragraph } from '../../engine/types.js';
import { CORE_SPEECH_VERBS, speechVerbBase, THOUGHT_VERBS, WRITING_VERBS } from '../lexicon/speech-verbs.js';
import { words } from '../lexicon/words.js';
import type { DraftQuotation } from './detect.js';
import { isImaginedCue } from './imagined.js';
import { INTRODUCING_CUES, SALUTATION_WORDS, TYPED_CUES, WRITING_CUES } from './kind-words.js';
import { isClausePunct, isSpace, isUpper, isWordChar } from './marks.js';
import { isReportedSpeech } from './reported.js';
import { eachWord, heldInNarration, tagVerb } from './tags.js';

/** Longest quotation (in words) that can be a mention: scare quotes, titles, words as words. */
const MENTION_WORDS = 5;
/** Word counts stop here: no rule looks at longer quotations' lengths. */
const WORD_CAP = 12;
/** Characters searched back from a quotation for the clause that introduces it. */
const LOOK_BACK = 240;
/** Longest quotation (in words) that can be a name given after `called`, `named` … */
const NAMED_WORDS = 8;
/** Words before a quotation searched for a cue such as `the letter ran:` or `she read`. */
const CUE_WINDOW = 10;

/**
 * Decides what each quotation is. Speech is the default; the others need evidence:
 * - `written`: letters (a salutation opening a quotation paragraph, the paragraphs of the letter
 *   that follow it, the sign-off and the signature), quotations introduced by reading and
 *   writing (`the note ran:`, `she read`, `a placard marked`), and verse set out line by line;
 * - `thought`: tagged with a verb of thinking (`thought Emma`, `she wondered`, `said to himself`);
 * - `imagined`: words nobody says in the scene — what someone wanted, was about to, would have or
 *   did not say (`He felt like answering: "…"`, `Helen would have exclaimed, "…"`), and what a look
 *   or a gesture meant (`as much as to say, "…"`, `her eyes said: "…"`); see imagined.ts;
 * - `mention`: a short quotation inside a narration sentence right after an ordinary word (`the
 *   word "apology"`, `a "foreign" novelty`, `the "Coach and Horses"`), with no speech tag and no
 *   exclamation or question of its own; quotations in headings;
 * - `reported`: indirect or free indirect speech in quotation marks, the narrator's report of what
 *   someone said (`He took his leave. "He should be glad to call again, and would bring his
 *   sister."`): third person and past tense, no speech tag, after narration in its paragraph; and
 *   someone's words woven into the narrator's sentence (`asked him to "look in on his aunt now
 *   and then" while she was away`). Told in the narrator's words, not the speaker's.
 */
export function classifyKinds(
  text: string,
  paragraphs: readonly Paragraph[],
  drafts: DraftQuotation[],
): void {
  const ordered = drafts.filter((d) => d.parent === undefined).sort((a, b) => a.open - b.open);
  const margin = ordered.length > 0 ? usualIndent(text, paragraphs) : 0;
  let previous: DraftQuotation | undefined;
  for (const d of ordered) {
    const followsQuotation = previous !== undefined && previous.paragraphEnd === d.paragraph;
    d.kind = setOff(text, paragraphs[d.paragraph]!, d, margin)
      ? 'written'
      : kindOf(text, paragraphs, d, followsQuotation);
    if (d.kind === 'speech' && previous && d.tags.length === 0 && readsOut(text, previous, d))
      d.kind = 'written';
    // `"We always seem"--she hesitated--"to be interrupted."`: the piece after a short stretch of
    // narration goes with the piece before it, and so do lists of mentions (`"delightful," and
    // "charming,"`).
    if (
      previous &&
      previous.paragraphEnd === d.paragraph &&
      previous.close >= 0 &&
      d.open - previous.close < 60
    ) {
      if (d.kind === 'reported' && (previous.kind === 'speech' || previous.kind === 'thought')) {
        // `"Then," spoke Ann, "it might not be amiss …"`: speech broken off at a comma goes on.
        if (endsWithComma(text, previous)) d.kind = previous.kind;
      } else if (
        // A mention right after an ordinary word (`"…," and the "grand tour"`) keeps its kind: it
        // stands in the narrator's sentence, unless the speech before broke off mid-sentence
        // (`"We always seem" she hesitated "to be interrupted."`).
        d.kind === 'mention' &&
        previous.kind !== 'mention' &&
        (brokenOff(text, previous) || !afterWord(text, d.open, paragraphs[d.paragraph]!.start))
      )
        d.kind = previous.kind;
      else if (
        previous.kind === 'mention' &&
        d.kind === 'speech' &&
        isMentionSized(text, d) &&
        !sentenceBetween(text, previous.close + 1, d.open)
      )
        d.kind = 'mention';
    }
    previous = d;
  }
  markLetters(text, paragraphs, ordered);
  for (const d of ordered) if (isEpigraph(text, paragraphs, d)) d.kind = 'written';
  for (const d of drafts) if (d.parent !== undefined) d.kind = nestedKind(text, d);
}

/** Most words of the line that credits an epigraph: `--GERTRUDE STEIN _in conversation_`. */
const CREDIT_WORDS = 8;

/**
 * `"All is vanity."` / `--_Ecclesiastes_`: a quotation filling its paragraph, credited in the next
 * paragraph by a short line opening with a dash and a name, is an epigraph — a text cited.
 */
function isEpigraph(text: string, paragraphs: readonly Paragraph[], d: DraftQuotation): boolean {
  const first = paragraphs[d.paragraph]!;
  const next = paragraphs[d.paragraphEnd + 1];
  if (next === undefined || d.open !== first.start) return false;
  if (d.close >= 0 && d.close + 1 < paragraphs[d.paragraphEnd]!.end) return false;
  let i = next.start;
  let dashes = 0;
  while (i < next.end && (text.charCodeAt(i) === 45 || text.charCodeAt(i) === 0x2014)) {
    dashes += text.charCodeAt(i) === 45 ? 1 : 2;
    i++;
  }
  if (dashes < 2) return false;
  while (i < next.end && (isSpace(text.charCodeAt(i)) || text.charCodeAt(i) === 95)) i++;
  // A credit names, it does not narrate: `--Tom opened the door.` is a sentence of the story.
  const last = lastCharBefore(text, next.end);
  if (last === 46 || last === 33 || last === 63 || last === 44) return false;
  return (
    isUpper(text.charCodeAt(i)) &&
    countWords(text, i, next.end) <= CREDIT_WORDS &&
    !/["\u201c\u201d]/.test(text.slice(i, next.end))
  );
}

/** Characters at the end of a quotation searched for `I will read it to you`. */
const READ_OUT_CHARS = 150;

/**
 * The very end of someone's words announcing that they read a text out: `I will read you the
 * passage.`, `Pray read on.`, `… as follows:`. Words after the reading verb other than what is read
 * (`I'll read it later`, `Let me read the paper first`, `I read on the train`) announce nothing;
 * `I will read you the passage …` announces the reading wherever it comes, but not once denied
 * (`I didn't read you all of it.` / `"Go on."` is talk).
 */
const READ_OUT =
  /(?:\b(?:i will|i'll|i shall|let me|shall i)\s+(?:now\s+)?read\b(?:\s+(?:it|this|them|you|us|now|aloud|out|on|to\s+(?:you|us|them)|(?:the|this|that|her|his|my|your)\s+(?:letter|note|passage|words|lines|message|telegram|wire|rest|whole))\b)*|\bread\s+(?:it\s+|this\s+|them\s+)?(?:to you|aloud|on)\b|\bas follows)[\s\W_]*$|(?<!(?:\bnot|\bnever|n't|n’t)\s+)\bread you\b[^"\u201d]*$/i;

/**
 * `"…I will read it to you--"` / `"When my brother left us yesterday…"`: untagged words that
 * follow straight on from a quotation announcing a reading are the text read out.
 */
function readsOut(text: string, previous: DraftQuotation, d: DraftQuotation): boolean {
  if (previous.kind !== 'speech' || previous.close < 0 || previous.close > d.open) return false;
  for (let i = previous.close + 1; i < d.open; i++) if (!isSpace(text.charCodeAt(i))) return false;
  const [s, e] = previous.spans[previous.spans.length - 1]!;
  return READ_OUT.test(text.slice(Math.max(s, e - READ_OUT_CHARS), e).replace(/_/g, ''));
}

/** Most spaces counted before a paragraph's first character (deeper is as deep). */
const MAX_INDENT = 16;
/** Extra indentation, beyond the text's usual paragraph indent, that sets a block off. */
const BLOCK_INDENT = 4;

/** Spaces between the start of the line and `at` (`MAX_INDENT` at most; 0 when `at` is mid-line). */
function indentAt(text: string, at: number): number {
  let i = at;
  while (i > 0 && at - i < MAX_INDENT && text.charCodeAt(i - 1) === 32) i--;
  if (at - i >= MAX_INDENT) return MAX_INDENT;
  return i === 0 || text.charCodeAt(i - 1) === 10 ? at - i : 0;
}

/** The commonest indentation of the text's prose paragraphs: 0 in most texts. */
function usualIndent(text: string, paragraphs: readonly Paragraph[]): number {
  const hist = new Int32Array(MAX_INDENT + 1);
  for (const p of paragraphs) if (p.kind === 'prose') hist[indentAt(text, p.start)]!++;
  let usual = 0;
  for (let v = 1; v <= MAX_INDENT; v++) if (hist[v]! > hist[usual]!) usual = v;
  return usual;
}

/**
 * `     "My dear Sir,` / `     "I write in haste …`: a quotation opening a paragraph indented
 * deeper than the text's paragraphs are is set off from the narration as a block — a letter, a
 * verse, a notice, a headline — and is a text given, not words said in the scene. Dialogue is
 * laid out like the narration around it.
 */
function setOff(text: string, p: Paragraph, d: DraftQuotation, margin: number): boolean {
  return d.open === p.start && p.kind === 'prose' && indentAt(text, p.start) >= margin + BLOCK_INDENT;
}

/**
 * Whether the narration text[start, end) between two quotations ends a clause (`.`, `;`, `:`,
 * `!`, `?`): `…"Contes Drolatiques," and sighed: "What learned things!"` is a title and then
 * speech, where `"delightful," and "charming,"` is one list.
 */
function sentenceBetween(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 46 || c === 59 || c === 58 || c === 33 || c === 63) return true;
  }
  return false;
}

/** Where a quotation stands in its paragraph, and (counted on demand) how long it is. */
class Context {
  /** The quotation opens its paragraph. */
  readonly opensParagraph: boolean;
  /** The quotation fills its paragraph (or paragraphs). */
  readonly fillsParagraph: boolean;
  private counted = -1;

  constructor(
    private readonly text: string,
    paragraphs: readonly Paragraph[],
    private readonly d: DraftQuotation,
  ) {
    const first = paragraphs[d.paragraph]!;
    const last = paragraphs[d.paragraphEnd]!;
    this.opensParagraph = d.open === first.start;
    this.fillsParagraph = this.opensParagraph && (d.close < 0 || d.close + 1 >= last.end);
  }

  /** Words of the quotation, up to `WORD_CAP`. */
  get words(): number {
    if (this.counted < 0) {
      let words = 0;
      for (const [s, e] of this.d.spans) if (words < WORD_CAP) words += countWords(this.text, s, e);
      this.counted = words;
    }
    return this.counted;
  }
}

function contextOf(text: string, paragraphs: readonly Paragraph[], d: DraftQuotation): Context {
  return new Context(text, paragraphs, d);
}

function kindOf(
  text: string,
  paragraphs: readonly Paragraph[],
  d: DraftQuotation,
  followsQuotation: boolean,
): DraftQuotation['kind'] {
  const p = paragraphs[d.paragraph]!;
  if (p.kind === 'heading') return 'mention';
  // Verse set out line by line is recited from a text (a poem, a song), not said in the scene's words.
  if (d.verse) return 'written';
  const ctx = contextOf(text, paragraphs, d);
  const cueStart = ctx.opensParagraph ? previousCueStart(text, paragraphs, d.paragraph) : p.start;
  const cueEnd = ctx.opensParagraph ? (paragraphs[d.paragraph - 1]?.end ?? 0) : d.open;
  let after = d.close >= 0 ? tagAfter(text, d.close + 1, paragraphs[d.paragraphEnd]!.end) : undefined;
  // `…to see "The Tempest." He thought it fine.`, `"…yes?" The remark was untrue.`: after words
  // closed by their own full stop, question or exclamation, a capital opens the narrator's next
  // sentence (a tag goes on in lower case: `"Yes?" he asked`), so a verb there tags nothing.
  if (after !== undefined && newSentenceAfter(text, d)) after = undefined;
  // `faithful to her "young gentlemen," denied it`, `the "beautiful little friend," suggested`: a
  // quotation standing as the object of a determiner or preposition belongs to the narrator's
  // sentence, and the verb after it is that sentence's, not a speech tag — unless a tag's own
  // subject comes first (`turned to her "Come here," he said`: `her` is whom he turned to).
  if (
    after !== undefined &&
    !ctx.opensParagraph &&
    heldInNarration(text, d.open, p.start) &&
    !subjectAfter(text, d.close + 1)
  )
    after = undefined;
  const before = cueEnd > cueStart ? lastWords(text, cueStart, cueEnd, CUE_WINDOW) : [];

  if (
    !ctx.opensParagraph &&
    ctx.words <= NAMED_WORDS &&
    (namedRightBefore(text, before, d) || wordAsWord(text, before, d))
  )
    return 'mention';
  if (!ctx.opensParagraph && isScareQuote(text, d, ctx)) return 'mention';
  // Writing in a sentence that ended before the quotation's paragraph (`…the woman who had
  // written it.` / `"Ah, well!" said he`) does not make the quotation written: only a lead-in
  // ending with a colon or a dash, or one announcing a text (`…as follows.`), introduces one.
  // `his voice rising into a shriek at the "there."`: a verb further back than the determiner or
  // preposition that governs the quotation introduces nothing; one right before it does
  // (`stammered a "No."`, `the remark of "Too late."`), and so does one before `to her`, where
  // `her` is whom the words are said to (`said to her "Come home."`), not whose they are.
  const n = before.length;
  const saidToHer =
    before[n - 1] === 'her' &&
    TO_WHOM.has(before[n - 2] ?? '') &&
    speechVerbBase(before[n - 3] ?? '') !== undefined;
  let leadIn =
    !ctx.opensParagraph &&
    heldInNarration(text, d.open, p.start) &&
    speechVerbBase(before[n - 2] ?? '') === undefined &&
    !saidToHer
      ? undefined
      : tagBefore(before);
  if ((leadIn === 'write' || leadIn === 'read') && ctx.opensParagraph && lastCharBefore(text, cueEnd) === 46)
    leadIn = undefined;
  const tagged = after ?? leadIn ?? tagInside(text, d);
  // A title is held up in narration; one followed by its speaker (`"Good Morning" said Tom`) is
  // said — but not one the sentence goes on from (`subscribed to "Country Matters," and read …`).
  const spokenAfter = after !== undefined && !CONTINUES.test(text.slice(d.close + 1, d.close + 12));
  // `"Rooms to Let" was painted over the door`, `"…" was the heading`: the sentence goes on to say
  // where the words are written.
  if (
    d.close >= 0 &&
    (WRITTEN_AFTER.test(text.slice(d.close + 1, d.close + 1 + WRITTEN_AFTER_CHARS)) ||
      TEXT_TAG_AFTER.test(text.slice(d.close + 1, d.close + 1 + WRITTEN_AFTER_CHARS)) ||
      d.tags.some(([s]) => TEXT_TAG_AFTER.test(text.slice(s, s + WRITTEN_AFTER_CHARS))))
  )
    return 'written';
  // `"Anything but trifle," it said.` after `she turned the screen`: a thing that says words, with a
  // phone, a screen or a text named just before, is the text.
  if (
    d.close >= 0 &&
    IT_SAID_AFTER.test(text.slice(d.close + 1, d.close + 1 + WRITTEN_AFTER_CHARS)) &&
    TEXT_NEAR.test(text.slice(Math.max(0, d.open - TEXT_NEAR_CHARS), d.open))
  )
    return 'written';
  if (!ctx.opensParagraph && !spokenAfter && isTitle(text, d, p.start, before.slice(-4))) return 'mention';
  if (!ctx.opensParagraph && !followsQuotation && after === undefined && wovenIn(text, d, ctx, p.start))
    return 'reported';
  if (!ctx.opensParagraph && !followsQuotation && after === undefined && clauseGoesOn(text, d, ctx))
    return 'reported';
  if (
    !ctx.opensParagraph &&
    after === undefined &&
    reportedContext(text, d, before, p.start) &&
    isReportedSpeech(text, d)
  )
    return 'reported';
  // `"Oh, do let's stay," it seemed to say.`, `"Not now," her eyes said.`: what a look or a smile
  // meant, told after the words.
  if (
    d.close >= 0 &&
    !closedBeforeNarration(text, d) &&
    MEANT_AFTER.test(
      text.slice(d.close + 1, Math.min(paragraphs[d.paragraphEnd]!.end, d.close + 1 + MEANT_AFTER_CHARS)),
    )
  )
    return 'imagined';
  if (!ctx.opensParagraph && after === undefined && isImaginedCue(text, p.start, d.open)) return 'imagined';
  if (tagged !== undefined && THOUGHT_VERBS.has(tagged)) return 'thought';
  if (toSelf(text, d, paragraphs)) return 'thought';
  if (tagged === 'write') return 'written';
  const cueWords = ctx.opensParagraph ? 8 : 4;
  if ((tagged === undefined || tagged === 'read') && writingCue(text, before, cueEnd, cueWords))
    return 'written';
  if (
    tagged === undefined &&
    cueEnd > cueStart &&
    textInWords(text, lastWords(text, cueStart, cueEnd, LEAD_IN_WORDS), cueEnd)
  )
    return 'written';

  if (ctx.fillsParagraph && ctx.words <= 4 && isSignature(text, d)) return 'written';
  if (tagged === undefined && !ctx.opensParagraph && isMention(text, d, ctx, p, before)) return 'mention';
  return 'speech';
}

/**
 * A reading or writing word among the last four words before the quotation, in the same clause
 * (`the note ran:`, `a card inscribed`, `he read out`), not a sentence earlier (`He pulled out the
 * letter again. "I don't know …"` is speech).
 */
function writingCue(text: string, before: readonly string[], cueEnd: number, window: number): boolean {
  let i = cueEnd - 1;
  while (i > 0 && isSpace(text.charCodeAt(i))) i--;
  const c = text.charCodeAt(i);
  if (c === 33 || c === 63) return false;
  // `She opened the letter and read as follows.` introduces the next paragraph; mid-paragraph a
  // sentence end cuts the cue off from the quotation.
  if (c === 46 && window <= 4) return false;
  // Across a full stop the cue closes its sentence (`…read as follows.`, `…to this effect.`); one
  // earlier in it is something else (`nor did he shake her purpose by his pleading.`).
  const cues = c === 46 ? INTRODUCING_CUES : WRITING_CUES;
  const last = before.length - 1;
  for (let k = last; k >= 0 && k >= before.length - (c === 46 ? INTRODUCING_WINDOW : window); k--) {
    const w = before[k]!;
    if (!cues.has(w)) continue;
    // `ran` is a text's wording only where the cue ends with it (`the note ran:`, `it ran thus:`);
    // `the girl ran out.` and `Syme ran on with a feverish irony.` are people moving or talking.
    // `a paper, addressed:` is a text's direction; `She addressed him:` speaks to someone.
    if (RAN.has(w) && !(k === last || (k === last - 1 && before[last] === 'thus'))) continue;
    if (w === 'addressed' && k !== last) continue;
    // `Lady Catherine began in the following manner:--`: words that announce any text announce
    // speech after a verb of speaking.
    if (INTRODUCING_CUES.has(w) && !RAN.has(w) && spokenBefore(before, k)) continue;
    return true;
  }
  return false;
}

/** Whether the narration from `at` opens with a tag's subject pronoun: `"…," he said`. */
function subjectAfter(text: string, at: number): boolean {
  let i = at;
  while (i < text.length && (isSpace(text.charCodeAt(i)) || text.charCodeAt(i) === 44)) i++;
  let k = i;
  while (k < text.length && isWordChar(text.charCodeAt(k))) k++;
  return k > i && SUBJECT_PRONOUNS.has(text.slice(i, k).toLowerCase());
}

const SUBJECT_PRONOUNS: ReadonlySet<string> = new Set(words('he she i they we'));

/** Prepositions after a verb of speaking that name who is spoken to: `said to her`, `called at her`. */
const TO_WHOM: ReadonlySet<string> = new Set(words('to at'));

/** Words of the lead-in sentence searched for the text that `in these words` introduces. */
const LEAD_IN_WORDS = 30;

/** `in these words:`, `in the following words.`, `the words:` closing a lead-in. */
const WORDS_CUE: ReadonlySet<string> = new Set(words('these following the'));

/**
 * `Her second note, which was written that morning, was in these words:`, `a paper inscribed with
 * the words:`: a lead-in that ends by announcing words, in a sentence about a text (a writing
 * cue anywhere in it). Without one (`he addressed her in these words:`) the words are spoken.
 */
function textInWords(text: string, lead: readonly string[], cueEnd: number): boolean {
  const n = lead.length;
  // `in these words:`, `with these idolatrous words:`
  const cue = WORDS_CUE.has(lead[n - 2] ?? '') ? n - 2 : WORDS_CUE.has(lead[n - 3] ?? '') ? n - 3 : -1;
  if (n < 3 || lead[n - 1] !== 'words' || cue < 0) return false;
  const c = lastCharBefore(text, cueEnd);
  if (c !== 58 && c !== 46 && c !== 45 && c !== 0x2014) return false;
  for (let k = 0; k < cue; k++) {
    const w = lead[k]!;
    // `addressed her in these words:` speaks to someone.
    if (WRITING_CUES.has(w) && !INTRODUCING_CUES.has(w) && w !== 'addressed') return true;
  }
  return false;
}

/** Whether one of the words before index k is a verb of speaking (not of writing or reading). */
function spokenBefore(before: readonly string[], k: number): boolean {
  for (let j = k - 1; j >= 0; j--) {
    const base = speechVerbBase(before[j]!);
    if (base !== undefined && !WRITING_VERBS.has(base) && !THOUGHT_VERBS.has(base)) return true;
  }
  return false;
}

/** Last words of a sentence ending in a full stop searched for a cue that introduces a text. */
const INTRODUCING_WINDOW = 3;

/** Cue words that are also verbs of motion: a cue only at the end of the lead-in. */
const RAN: ReadonlySet<string> = new Set(words('ran runs'));

function isMentionSized(text: string, d: DraftQuotation): boolean {
  if (d.spans.length !== 1) return false;
  const [s, e] = d.spans[0]!;
  return countWords(text, s, e) <= MENTION_WORDS;
}

/**
 * `a novel called "Middlemarch"`, `what he called every flood "a bit of weather"`: a naming verb
 * among the last three words, with no comma or colon before the mark (`she called, "Come!"` is
 * speech).
 */
function namedRightBefore(text: string, before: readonly string[], d: DraftQuotation): boolean {
  let i = d.open - 1;
  while (i > 0 && isSpace(text.charCodeAt(i))) i--;
  if (!isWordChar(text.charCodeAt(i))) return false;
  // `She called "Victor!"`, `called out "The race is over!"`: a cry is heard, not a name given.
  const [s, e] = d.spans[d.spans.length - 1]!;
  if (/[!?]/.test(text.slice(Math.max(s, e - 3), e))) return false;
  for (let k = before.length - 1; k >= 0 && k >= before.length - 3; k--) {
    const base = speechVerbBase(before[k]!);
    if (base !== undefined && NAMING_VERBS.has(base)) return before[k + 1] !== 'out';
  }
  return false;
}

/** Most words of a lower-case scare quote inside a sentence. */
const SCARE_WORDS = 3;

/**
 * `people said she "cared"`, `thought it "provincial"`, `as people said, "true Newlands"; tall`: a
 * short lower-case quotation with no punctuation of its own, inside a sentence, is a word or phrase
 * held up for show, even after a verb of saying. Spoken words carry their own capital or comma.
 */
function isScareQuote(text: string, d: DraftQuotation, ctx: Context): boolean {
  if (d.spans.length !== 1 || ctx.words === 0 || ctx.words > SCARE_WORDS) return false;
  const [s, e] = d.spans[0]!;
  const first = text.charCodeAt(s);
  if (!isWordChar(first) || isUpper(first) || text[s] === text[s]!.toUpperCase()) return false;
  for (let i = s; i < e; i++) {
    const c = text.charCodeAt(i);
    if (isClausePunct(c) || c === 0x2014 || c === 0x2013) return false;
  }
  // A broken-off word (`began "but--"`) is speech.
  if (text.charCodeAt(e - 1) === 45) return false;
  // Right after a verb of speaking (`muttered "damn it"`, `screamed "help"`) the words are spoken;
  // after "thought" or "called" they are held up for show.
  const before = wordBefore(text, d.open);
  const verb = before === undefined ? undefined : speechVerbBase(before);
  return verb === undefined || THOUGHT_VERBS.has(verb) || NAMING_VERBS.has(verb);
}

/** Words a title leaves in lower case: `The House of Life`, `Le Voyage de M. Perrichon`. */
const TITLE_SMALL_WORDS: ReadonlySet<string> = new Set(
  words('a an the of and or in on at to for with from by as but nor de du la le les des et von van der'),
);

/** `turned to her, "Good Morning,"`: a person addressed, not a work named. */
const OBJECT_PRONOUNS: ReadonlySet<string> = new Set(words('her him them me us you it'));

/** Most words of a title. */
const TITLE_WORDS = 10;

/**
 * `recited "The Maiden's Vow" for them`, `subscribed to "Good Words," and`: a phrase in title case
 * (every word capitalised but the small ones, at least two capitals) right after an ordinary word
 * inside a sentence names a book, song or place; it is not said. After a verb of speaking (`said
 * "Good Night"`) it is speech, and one with a sentence or clause inside it (`"Yes. Come on."`) is too.
 */
function isTitle(text: string, d: DraftQuotation, from: number, before: readonly string[] = []): boolean {
  if (d.spans.length !== 1) return false;
  let word = wordBefore(text, d.open, from);
  // `a chromo entitled, "Christ Among the Children"`, `singing, "Nelly of the Dell"`: a comma may
  // part a title from the verb that names or performs it.
  if (word === undefined) {
    let i = d.open - 1;
    while (i > from && isSpace(text.charCodeAt(i))) i--;
    if (text.charCodeAt(i) === 44) {
      const w = wordBefore(text, i, from);
      const base = w === undefined ? undefined : speechVerbBase(w);
      if (w !== undefined && (TITLE_NAMING.has(w) || (base !== undefined && PERFORMING_VERBS.has(base))))
        word = w;
      // `the first act of his lodge, "The Tribe of Benjamin," whose`, `a play of Labiche's, "Le
      // Voyage de M. Perrichon,"`: a title set after the noun it names, with no verb of speaking
      // among the words before.
      else if (
        w !== undefined &&
        base === undefined &&
        !OBJECT_PRONOUNS.has(w) &&
        !WRITING_CUES.has(w) &&
        !before.some((b) => speechVerbBase(b) !== undefined)
      )
        word = w;
    }
  }
  if (word === undefined) return false;
  const verb = speechVerbBase(word);
  if (verb !== undefined && !NAMING_VERBS.has(verb) && !PERFORMING_VERBS.has(verb)) return false;
  const [s, e] = d.spans[0]!;
  // `hailed her "Your Ladyship!"`: an exclamation or question is heard.
  if (/[!?]/.test(text.slice(Math.max(s, e - 3), e))) return false;
  let end = e;
  while (end > s && (isClausePunct(text.charCodeAt(end - 1)) || text.charCodeAt(end - 1) === 95)) end--;
  let capitals = 0;
  let count = 0;
  let ok = true;
  for (let i = s; i < end && ok; i++) {
    const c = text.charCodeAt(i);
    if (
      c === 33 ||
      c === 63 ||
      c === 59 ||
      c === 58 ||
      c === 0x2014 ||
      (c === 45 && text.charCodeAt(i + 1) === 45)
    )
      return false;
    // A comma or full stop followed by more words splits the quotation into clauses or sentences;
    // `M. Perrichon` keeps its initial.
    if (
      (c === 44 || c === 46) &&
      i + 1 < end &&
      isSpace(text.charCodeAt(i + 1)) &&
      !(c === 46 && afterTitle(text, i))
    )
      return false;
    if (!isWordChar(c) || (i > s && isWordChar(text.charCodeAt(i - 1)))) continue;
    // `Maiden's`, `Winter’s`: the letters after an apostrophe end the word before it.
    if (i > s + 1 && isApostrophe(text.charCodeAt(i - 1)) && isWordChar(text.charCodeAt(i - 2))) continue;
    let k = i;
    while (k < end && (isWordChar(text.charCodeAt(k)) || text.charCodeAt(k) === 39)) k++;
    if (++count > TITLE_WORDS) return false;
    if (isUpper(c)) capitals++;
    else if (!TITLE_SMALL_WORDS.has(text.slice(i, k).toLowerCase())) ok = false;
  }
  return ok && capitals >= 2;
}

/**
 * `asked him to "look in on his aunt now and then" while she was away`, `people said she "ought to
 * have gone on the stage."`, `begged him to "write often"`: a quotation opening in lower case right
 * after an ordinary word (no comma or colon between, no verb of speaking just before) carries on the
 * narrator's sentence. Someone's words are woven into the narration — reported, not a turn of the
 * dialogue told in the speaker's own voice. After a verb of speaking (`and answered "the railway."`)
 * the words are heard, so this is left to the other rules. They are `reported` rather than
 * `mention` so that attribution keeps them as turns.
 */
function wovenIn(text: string, d: DraftQuotation, ctx: Context, from: number): boolean {
  if (d.spans.length !== 1 || ctx.words === 0) return false;
  const [s] = d.spans[0]!;
  // Lower case only: `a "Good morning to you!"` is heard.
  if (text[s] === text[s]!.toUpperCase()) return false;
  const word = wordBefore(text, d.open, from);
  if (word === undefined || !afterWord(text, d.open, from)) return false;
  const base = speechVerbBase(word);
  return base === undefined || NAMING_VERBS.has(base);
}

/** Fewest words of a lower-case quotation that goes on with the narrator's sentence. */
const CLAUSE_WORDS = 4;

/**
 * Words that open the clause indirect speech is told in (`added, "that he would come"`, `such
 * as, "how they had met"`). Other lower-case openings are as often speech going on from its own
 * first words (`"and what is the use of a book,"`, `"would she like to see them?"`).
 */
const INDIRECT_OPENERS: ReadonlySet<string> = new Set(words('that how whether unless without lest'));

/**
 * `Mrs Weston added, "that he could only stay an hour"`, `such as, "how the two had met again"`:
 * a quotation that opens in lower case with the clause of the narrator's sentence the speaker's
 * words are told in — indirect speech, not the words as said.
 */
function clauseGoesOn(text: string, d: DraftQuotation, ctx: Context): boolean {
  if (ctx.words < CLAUSE_WORDS || d.spans.length !== 1 || d.tags.length > 0) return false;
  const [s, e] = d.spans[0]!;
  // `"--that begins with an M"` takes up words broken off before.
  const i = s;
  if (!isWordChar(text.charCodeAt(i)) || isUpper(text.charCodeAt(i))) return false;
  let k = i;
  while (k < e && isWordChar(text.charCodeAt(k))) k++;
  return INDIRECT_OPENERS.has(text.slice(i, k).toLowerCase());
}

/** Whether the quotation's last piece ends without punctuation of its own, or with a dash. */
function brokenOff(text: string, d: DraftQuotation): boolean {
  const [, e] = d.spans[d.spans.length - 1]!;
  const c = text.charCodeAt(e - 1);
  return isWordChar(c) || c === 45 || c === 0x2014 || c === 0x2013;
}

/** Whether the quotation's last piece ends with a comma: its sentence goes on after the tag. */
function endsWithComma(text: string, d: DraftQuotation): boolean {
  const [, e] = d.spans[d.spans.length - 1]!;
  return text.charCodeAt(e - 1) === 44;
}

/** Whether the character before the mark at `open` (spaces skipped) ends a word. */
function afterWord(text: string, open: number, from: number): boolean {
  let i = open - 1;
  while (i > from && isSpace(text.charCodeAt(i))) i--;
  return i >= from && isWordChar(text.charCodeAt(i));
}

/** The lower-case word ending right before `open` (spaces between allowed), or undefined. */
function wordBefore(text: string, open: number, from = 0): string | undefined {
  let i = open - 1;
  while (i > from && isSpace(text.charCodeAt(i))) i--;
  let k = i + 1;
  while (k > from && isWordChar(text.charCodeAt(k - 1))) k--;
  return k <= i ? text.slice(k, i + 1).toLowerCase() : undefined;
}

/** Nouns that present what follows as words, not as something said: `said the word "sorry"`. */
const WORD_NOUNS: ReadonlySet<string> = new Set(words('word words phrase expression term name'));

/**
 * `never once said the word "sorry"`, `the phrase "in due course"`: the quotation comes right
 * after a noun naming words, with no punctuation between, even when a speech verb comes before,
 * and carries no punctuation of its own.
 */
function wordAsWord(text: string, before: readonly string[], d: DraftQuotation): boolean {
  const last = before[before.length - 1];
  if (last === undefined || !WORD_NOUNS.has(last) || !isWordChar(text.charCodeAt(d.open - 2))) return false;
  // Words with a voice of their own are heard, not cited: `called the name "Alice!"`, `heard the
  // words "my son," and …`.
  const [, e] = d.spans[d.spans.length - 1]!;
  const end = text.charCodeAt(e - 1);
  // `the word "sorry."`: a full stop inside the marks ends the narrator's sentence, American style.
  return d.spans.length === 1 && (end === 46 || !isClausePunct(end));
}

/** Start of the last sentence of the paragraph before `pi`, when it ends with `:` or a dash. */
function previousCueStart(text: string, paragraphs: readonly Paragraph[], pi: number): number {
  const prev = paragraphs[pi - 1];
  if (prev?.kind !== 'prose') return Number.MAX_SAFE_INTEGER;
  const last = text.charCodeAt(prev.end - 1);
  // The cue ends the paragraph: `…read as follows:`, `…in these words.`; a paragraph ending in a
  // quotation (`…"`) is someone speaking, not an introduction.
  if (last !== 58 && last !== 0x2014 && last !== 45 && last !== 46) return Number.MAX_SAFE_INTEGER;
  return Math.max(prev.start, prev.end - 200);
}

/** The last `n` words of text[start, end), lower-cased, cut at a sentence end. */
function lastWords(text: string, start: number, end: number, n: number): string[] {
  // Back up to the last sentence end before `end` (but keep at least the closing words), looking
  // no further than a long clause.
  start = Math.max(start, end - LOOK_BACK);
  let from = end - 1;
  while (from > start) {
    const c = text.charCodeAt(from - 1);
    if ((c === 46 || c === 33 || c === 63) && isSpace(text.charCodeAt(from)) && end - from > 1) break;
    // A closing mark before the lead-in ends someone's words: `"He was thought so." "Did he…"`
    // takes no verb from inside them.
    if ((c === 34 || c === 0x201d) && isSpace(text.charCodeAt(from))) break;
    from--;
  }
  const out: string[] = [];
  eachWord(text, from, end, (lower) => {
    out.push(lower);
    return true;
  });
  return out.length > n ? out.slice(out.length - n) : out;
}

/**
 * Base of the speech verb of a tag right after a quotation: `" said Emma`, `" she asked`, `" the
 * old man whispered`. The verb must come first or second (third after a determiner or title), so
 * narration that merely contains such a verb later (`"the Avenue," so called by …`, `"oath" with a
 * laugh`) is no tag.
 */
function tagAfter(text: string, start: number, end: number): string | undefined {
  let found: string | undefined;
  let first: string | undefined;
  let n = 0;
  eachWord(text, start, Math.min(end, start + 60), (lower) => {
    if (n === 0) first = lower;
    const base = speechVerbBase(lower);
    if (base !== undefined && (n <= 1 || (n === 2 && first !== undefined && TAG_OPENERS.has(first)))) {
      found = base;
      return false;
    }
    return ++n < 3;
  });
  return found;
}

/**
 * The quotation's last piece ends a sentence (`.`, `?`, `!`) and the narration after its close opens
 * with a capitalised pronoun or determiner (`He`, `The`, `Her`): a new sentence. Names and `I`
 * (`"Where?" I asked`, `"Now!" Tom cried`) still tag.
 */
function newSentenceAfter(text: string, d: DraftQuotation): boolean {
  const c = lastCharOf(text, d);
  if (c !== 46 && c !== 33 && c !== 63) return false;
  const i = narrationAfter(text, d);
  if (!isUpper(text.charCodeAt(i))) return false;
  const k = wordEnd(text, i);
  const opener = text.slice(i, k).toLowerCase();
  if (!SENTENCE_OPENERS.has(opener)) return false;
  // `"Hi!" She said, smiling.`, `"What a mess!" He thought bitterly.`: a capitalised pronoun and a
  // verb of speaking or thinking is a tag all the same (common in fan fiction) — but not `He
  // thought it fine.`, where the thinking has an object.
  return !(SUBJECT_PRONOUNS.has(opener) && capitalisedTag(text, k));
}

/**
 * Words after the verb that give it an object or a clause (`He thought it fine.`, `She read the
 * letter.`): narration, not a tag. `him`, `her`, `them` only for thinking: `She asked him.` tags.
 */
const VERB_OBJECTS: ReadonlySet<string> = new Set(
  words("it that this so of about the a an his their how what whether it's"),
);
const THOUGHT_OBJECTS: ReadonlySet<string> = new Set(words('him her them'));

/** After a capitalised pronoun ending at `from`: a speech verb (`said`, `asked`, `thought bitterly`). */
function capitalisedTag(text: string, from: number): boolean {
  const i = skipBlanks(text, from);
  const k = wordEnd(text, i);
  const base = speechVerbBase(text.slice(i, k).toLowerCase());
  if (base === undefined) return false;
  const j = skipBlanks(text, k);
  const l = wordEnd(text, j, true);
  const next = text.slice(j, l).toLowerCase();
  return !VERB_OBJECTS.has(next) && !(base === 'think' && THOUGHT_OBJECTS.has(next));
}

/**
 * The narration after the quotation is a sentence of its own: the words end with a full stop and a
 * capital follows (`"Come here." Tom could imagine nothing better.`), or they end with any stop and a
 * capitalised pronoun or determiner follows (`"Where were you?" She was about to answer when …`).
 */
function closedBeforeNarration(text: string, d: DraftQuotation): boolean {
  if (newSentenceAfter(text, d)) return true;
  return lastCharOf(text, d) === 46 && isUpper(text.charCodeAt(narrationAfter(text, d)));
}

/** The quotation's last character, italics' underscores skipped. */
function lastCharOf(text: string, d: DraftQuotation): number {
  let end = d.spans[d.spans.length - 1]![1] - 1;
  while (end > 0 && text.charCodeAt(end) === 95) end--;
  return text.charCodeAt(end);
}

/** Where the narration after the quotation's closing mark starts (spaces and underscores skipped). */
function narrationAfter(text: string, d: DraftQuotation): number {
  let i = d.close + 1;
  while (i < text.length && (isSpace(text.charCodeAt(i)) || text.charCodeAt(i) === 95)) i++;
  return i;
}

/** The first offset from `i` that is no plain space. */
function skipBlanks(text: string, i: number): number {
  while (i < text.length && text.charCodeAt(i) === 32) i++;
  return i;
}

/** The end of the word starting at `i` (with its apostrophes when `apostrophes`: `it's`). */
function wordEnd(text: string, i: number, apostrophes = false): number {
  while (i < text.length && (isWordChar(text.charCodeAt(i)) || (apostrophes && text.charCodeAt(i) === 39)))
    i++;
  return i;
}

/** Capitalised words that open the narrator's next sentence rather than a tag. */
const SENTENCE_OPENERS: ReadonlySet<string> = new Set(
  words('he she they it we you there the a an this that these those his her their its our my'),
);

/** Narration going on after a quotation with a conjunction, not a tag (`"…," and read`). */
const CONTINUES = /^[\s,]*(?:and|but|or|then|so|yet)\b/i;

/** Words that can open a tag before its subject's noun: `the man said`, `Mr. Darcy said`. */
const TAG_OPENERS: ReadonlySet<string> = new Set(
  words('the a an mr mrs miss dr sir lady lord old young little poor his her my their our its this that'),
);

/** Writing cues that are verbs of reading or writing rather than names of texts. */
const WRITING_VERB_FORMS: ReadonlySet<string> = new Set(
  words('read reads reading wrote writes written writing'),
);

/** Particles that follow a verb of speaking: `called out`, `read aloud`, `shouted back`. */
const PARTICLES: ReadonlySet<string> = new Set(words('out aloud back'));

/** Characters after a quotation searched for `it seemed to say`, `her eyes said`. */
const MEANT_AFTER_CHARS = 48;

/**
 * A quotation's own sentence going on with what said it when nobody spoke: `" it seemed to say`,
 * `" his look plainly said`, `" her eyes asked`.
 */
const MEANT_AFTER =
  /^[\u201d\u2019"']?[\s,]*(?:(?:he|she|i|they|we)\s+(?:(?:was|were)\s+(?:going|about)\s+to\s+(?:say|exclaim|ask|cry|answer|reply|add)|felt\s+like\s+\w+ing)|(?:\w+\s+){1,3}could\s+(?:fancy|imagine|picture)\b|(?:it|which|this|that)\s+(?:seemed|seems|appeared)\s+to\s+(?:say|ask|cry|plead|answer|reply)|(?:his|her|their|the)\s+(?:look|looks|eyes|face|glance|expression|smile|nod|gesture|manner|silence)\s+(?:plainly\s+|clearly\s+|silently\s+|seemed\s+to\s+)?(?:said|say|asked|ask|cried|pleaded))\b/i;

/** Characters after a quotation searched for `was printed`, `was the heading`. */
const WRITTEN_AFTER_CHARS = 40;

/**
 * A quotation's own sentence going on with where its words are written: `" was painted on the
 * banner`, `" were marked in currants`, `" was the heading`, `" were the only words it held`.
 */
const WRITTEN_AFTER =
  /^[\u201d\u2019"']?[\s,]*(?:was|were|is|are)\s+(?:\w+\s+)?(?:printed|painted|written|inscribed|engraved|stamped|carved|lettered|marked|chalked|scrawled|typed|the\s+(?:heading|headline|title|inscription|legend|motto|address|only\s+words))\b/i;

/**
 * A tag whose speaker is a text: `" this letter ran,`, `" the note went on`, `" said the
 * _Standard_` (a title in italics), `" the telegram said`.
 */
const TEXT_TAG_AFTER =
  /^[\u201d\u2019"']?[\s,]*(?:(?:the|this|that|his|her|my|your|their|its)\s+(?:letter|note|telegram|wire|cable|postcard|card|message|notice|advertisement|paper|newspaper|article|paragraph|report|bill|placard|inscription)\s+(?:ran|runs|said|says|read|reads|went\s+on|goes\s+on|continued|continues|added|adds)|(?:said|says|added|adds|continued|remarked|went\s+on)\s+(?:the\s+)?_[A-Z])/;

/** `" it said.`, `" it read`: words said by a thing. */
const IT_SAID_AFTER = /^[\u201d\u2019"']?[\s,]*it\s+(?:said|says|read|reads|ran|runs)\b/;

/** Characters before a quotation searched for the device or text a thing's words come from. */
const TEXT_NEAR_CHARS = 200;

/** A device or text named near words a thing says: the screen, the phone, the message. */
const TEXT_NEAR =
  /\b(?:screen|phone|mobile|message|text|email|e-mail|letter|note|card|sign|notice|label)s?\b/i;

function isApostrophe(c: number): boolean {
  return c === 39 || c === 0x2019;
}

/**
 * Verbs of performing a piece: `sang "Annie Laurie"`, `recited "The Wreck of the Hesperus"`. A
 * title-cased quotation after one is the piece's title (a cry, `sang out "Hurrah!"`, is heard).
 */
const PERFORMING_VERBS: ReadonlySet<string> = new Set(words('sing recite hum chant repeat quote'));

/** Words that name a work before its title, even across a comma: `a print entitled, "…"`. */
const TITLE_NAMING: ReadonlySet<string> = new Set(words('entitled titled headed called named'));

/** Verbs that name rather than speak: `a novel called "Middlemarch"`, `what she termed "form"`. */
const NAMING_VERBS: ReadonlySet<string> = new Set(words('call name term dub entitle style label christen'));

/**
 * Where a quotation after narration can be reported speech: no speech tag inside it, and no speech
 * verb right before it unless the words run straight on from the verb with no comma or colon (`and
 * said "it was very true"` reports; `she said, "He was out."` and `"…," spoke Arobin, "it was …"`
 * quote) or the verb's sentence has ended (`…worth putting in. "He wondered …"`).
 */
function reportedContext(text: string, d: DraftQuotation, before: readonly string[], from: number): boolean {
  if (tagInside(text, d) !== undefined) return false;
  if (tagBefore(before) === undefined) return true;
  let i = d.open - 1;
  while (i > from && isSpace(text.charCodeAt(i))) i--;
  const c = text.charCodeAt(i);
  return isWordChar(c) || c === 46 || c === 33 || c === 63;
}

/** The last character before `end` that is not a space. */
function lastCharBefore(text: string, end: number): number {
  let i = end - 1;
  while (i > 0 && isSpace(text.charCodeAt(i))) i--;
  return text.charCodeAt(i);
}

/** Base of a speech verb among the last three words before the quotation (`she said, "`). */
function tagBefore(before: readonly string[]): string | undefined {
  for (let k = before.length - 1; k >= 0 && k >= before.length - 3; k--) {
    // `in this short note:`, `the notes ran:` name a text, not a speaker noting something.
    if (WRITING_CUES.has(before[k]!) && !WRITING_VERB_FORMS.has(before[k]!)) continue;
    const base = speechVerbBase(before[k]!);
    // `began to move`, `went on to explain`: a verb of beginning or going on before another verb.
    if (base !== undefined && before[k + 1] === 'to' && ASPECT_VERBS.has(base)) continue;
    if (base !== undefined) return NAMING_VERBS.has(base) ? undefined : base;
  }
  return undefined;
}

/** Speech verbs that also begin or carry on another action: `began to move`, `continued to read`. */
const ASPECT_VERBS: ReadonlySet<string> = new Set(words('begin start continue resume proceed'));

function tagInside(text: string, d: DraftQuotation): string | undefined {
  for (const [s, e] of d.tags) {
    const base = tagVerb(text, s, e, 5);
    if (base !== undefined) return base;
  }
  return undefined;
}

/** `said Anne to herself`, `she said to himself`: thought voiced inwardly. */
function toSelf(text: string, d: DraftQuotation, paragraphs: readonly Paragraph[]): boolean {
  const check = (s: number, e: number): boolean => {
    const slice = text.slice(s, Math.min(e, s + 60));
    return /\bto (?:her|him|my|them|it|your|our)sel(?:f|ves)\b/.test(slice);
  };
  for (const [s, e] of d.tags) if (check(s, e)) return true;
  return d.close >= 0 && check(d.close + 1, paragraphs[d.paragraphEnd]!.end);
}

/** Words of text[start, end), counted up to `cap` (every decision here needs only a few). */
function countWords(text: string, start: number, end: number, cap = WORD_CAP): number {
  let n = 0;
  let inWord = false;
  for (let i = start; i < end; i++) {
    const w = isWordChar(text.charCodeAt(i));
    if (w && !inWord && ++n >= cap) return n;
    inWord = w;
  }
  return n;
}

/**
 * `"HELEN."`, `"M. J. SCHLEGEL."`: a paragraph that is only a name in capitals. A question or an
 * exclamation (`"EMPIRE!"`, `"HOWARDS END?"`) is shouted, not signed.
 */
function isSignature(text: string, d: DraftQuotation): boolean {
  const [, end] = d.spans[d.spans.length - 1]!;
  if (/[!?]/.test(text.slice(Math.max(d.spans[0]![0], end - 3), end))) return false;
  let upper = 0;
  for (const [s, e] of d.spans) {
    for (let i = s; i < e; i++) {
      const c = text.charCodeAt(i);
      if (!isWordChar(c)) continue;
      if (!isUpper(c)) return false;
      upper++;
    }
  }
  return upper >= 2;
}

/**
 * A short quotation inside narration: the character before its opening mark ends an ordinary word
 * (`the "Coach and Horses"`, `called "eerie"`), or it is a lower-case fragment without clause
 * punctuation. A speech verb right before (`only said "Yes"`), or an exclamation or question,
 * makes it speech.
 */
function isMention(
  text: string,
  d: DraftQuotation,
  ctx: Context,
  p: Paragraph,
  before: readonly string[],
): boolean {
  if (d.spans.length !== 1 || ctx.words > MENTION_WORDS || ctx.words === 0) return false;
  const [s, e] = d.spans[0]!;
  const last = text.charCodeAt(e - 1);
  if (last === 33 || last === 63) return false;
  let i = d.open - 1;
  while (i >= p.start && isSpace(text.charCodeAt(i))) i--;
  if (i < p.start) return false;
  const word = wordBefore(text, d.open, p.start);
  if (word !== undefined) {
    // `called out "All change"`, `cried aloud "Help"`: the verb of speaking comes before its particle.
    // `called` alone names (`a dog called "Rex"`); `called out` speaks.
    if (PARTICLES.has(word) && before.length >= 2 && speechVerbBase(before[before.length - 2]!) !== undefined)
      return false;
    const base = speechVerbBase(word);
    return base === undefined || NAMING_VERBS.has(base);
  }
  // After punctuation: only a lower-case fragment without clause punctuation of its own.
  return ctx.words <= 3 && !isUpper(text.charCodeAt(s)) && !isClausePunct(last);
}

/**
 * Letters quoted in full: a quotation paragraph opening with a salutation (`"MY DEAR SIR,"`,
 * `"Dear Charlotte,"`) starts a letter; the quotation paragraphs that follow without narration
 * between are its body, sign-off and signature; a short one just before it is its date or address.
 */
/** Most quotation lines of date and address above a letter's salutation. */
const LETTER_HEAD_LINES = 2;

function markLetters(text: string, paragraphs: readonly Paragraph[], ordered: DraftQuotation[]): void {
  for (let k = 0; k < ordered.length; k++) {
    const d = ordered[k]!;
    if (d.open !== paragraphs[d.paragraph]!.start) continue;
    const ctx = contextOf(text, paragraphs, d);
    if (!opensWithSalutation(text, d, ctx) && !taggedSalutation(text, paragraphs, d, ctx)) continue;
    // `"My dear," he said, "you look tired."`, `"My dear,--I hardly know," she began.`: a tag
    // between the pieces or after them that speaks, not writes.
    if (d.tags.some(([s, e]) => spokenTag(tagVerb(text, s, e, 5)))) continue;
    if (d.close >= 0 && spokenTag(tagAfter(text, d.close + 1, paragraphs[d.paragraphEnd]!.end))) continue;
    d.kind = 'written';
    // The date and address lines before the salutation (`"Howards End,"` / `"Tuesday."`).
    let line = d.paragraph;
    for (let j = k - 1; j >= 0 && j >= k - LETTER_HEAD_LINES; j--) {
      const prev = ordered[j]!;
      const pctx = contextOf(text, paragraphs, prev);
      if (prev.paragraphEnd !== line - 1 || pctx.words > 6 || !pctx.fillsParagraph) break;
      prev.kind = 'written';
      line = prev.paragraph;
    }
    // The body, sign-off and signature: following quotation paragraphs with no narration between.
    // A letter signed in its first paragraph is over; a quotation with a tag of its own is speech.
    // One whose closing formula ends with a comma (`… Yours affectionately,"`) has its signature
    // in the next paragraph.
    if (isWholeLetter(text, d, ctx) && !endsWithComma(text, d)) continue;
    let end = d.paragraphEnd;
    let previous = d;
    for (let j = k + 1; j < ordered.length; j++) {
      const next = ordered[j]!;
      const nctx = contextOf(text, paragraphs, next);
      if (next.paragraph !== end + 1 || !nctx.fillsParagraph || next.tags.length > 0) break;
      next.kind = 'written';
      end = next.paragraphEnd;
      k = j;
      // `"JOHN WILLOUGHBY."`, or any short line after a closing formula's comma (`"Mary H."`).
      if (
        nctx.words <= 4 &&
        (isSignature(text, next) || (endsWithComma(text, previous) && signedOff(text, previous)))
      )
        break;
      previous = next;
    }
  }
}

/**
 * `"Dearest Jo" [wrote Meg],` / `"My dear Sir," he wrote:`: a salutation alone in its quotation,
 * already told written by its tag, opens a letter whose paragraphs follow — when the tag is all
 * the narration after it (`"Dear Mother," she wrote, and then she stopped and looked up.` begins
 * a letter nobody goes on with: the talk after it is speech).
 */
function taggedSalutation(
  text: string,
  paragraphs: readonly Paragraph[],
  d: DraftQuotation,
  ctx: Context,
): boolean {
  if (d.kind !== 'written' || d.spans.length !== 1 || ctx.words > 4 || d.close < 0) return false;
  let after = 0;
  eachWord(text, d.close + 1, paragraphs[d.paragraphEnd]!.end, () => ++after <= TAG_ONLY_WORDS);
  if (after > TAG_ONLY_WORDS) return false;
  const [s, e] = d.spans[0]!;
  const first: string[] = [];
  eachWord(text, s, e, (lower) => {
    first.push(lower);
    return first.length < 2;
  });
  if (NOT_ADDRESSED.has(first[1] ?? '')) return false;
  return SALUTATION_WORDS.has(first[0] ?? '') || (first[0] === 'my' && SALUTATION_WORDS.has(first[1] ?? ''));
}

/** A tag's verb that tells the words spoken: any but writing and reading. */
function spokenTag(verb: string | undefined): boolean {
  return verb !== undefined && verb !== 'write' && verb !== 'read';
}

/** Most words of narration after a salutation that can be only its tag (`wrote Mrs Hale`). */
const TAG_ONLY_WORDS = 4;

function opensWithSalutation(text: string, d: DraftQuotation, ctx: Context): boolean {
  const [s, e] = d.spans[0]!;
  const first: string[] = [];
  eachWord(text, s, Math.min(e, s + 40), (lower) => {
    first.push(lower);
    return first.length < 3;
  });
  const w0 = first[0];
  // "Dear me", "Dear Lord", "Dear God": exclamations, not salutations.
  if (w0 === undefined || NOT_ADDRESSED.has(first[1] ?? '')) return false;
  const salutation = SALUTATION_WORDS.has(w0) || (w0 === 'my' && SALUTATION_WORDS.has(first[1] ?? ''));
  if (!salutation) return false;
  // The salutation is a line of its own: a short paragraph ending with a comma, or one followed by
  // a dash (`My dear Anne,--I make no apology`), or in capitals; speech opening with "My dear," runs on.
  const comma = text.indexOf(',', s);
  if (comma < 0 || comma >= e || comma - s > 40) return false;
  if (ctx.fillsParagraph && ctx.words <= 5 && text.charCodeAt(e - 1) === 44) return true;
  // `My dear Anne,--I make no apology`, `Dearest, dearest Meg,--I do not know`: the salutation's
  // comma and a dash, within its first words.
  for (let c = comma; c >= 0 && c < e && c - s <= 40; c = text.indexOf(',', c + 1)) {
    const afterComma = text.charCodeAt(c + 1);
    if (afterComma === 45 || afterComma === 0x2014) return true;
  }
  // A whole letter in one paragraph: `"Dear Maggie, if you are reading this … Dad."`.
  if (isWholeLetter(text, d, ctx)) return true;
  return isUpper(text.charCodeAt(s + 1)) && isUpper(text.charCodeAt(s + 2));
}

/** Whether the full stop at `i` closes a short capitalised abbreviation (`Mr.`, `Dr.`, `St.`). */
function afterTitle(text: string, i: number): boolean {
  let k = i;
  while (k > 0 && isWordChar(text.charCodeAt(k - 1))) k--;
  return i - k <= 3 && i > k && isUpper(text.charCodeAt(k));
}

/** Fewest words of a letter written out in one paragraph, salutation to signature. */
const WHOLE_LETTER_WORDS = 20;

/** A one-paragraph letter: untagged, a few sentences long, and signed at the end. */
function isWholeLetter(text: string, d: DraftQuotation, ctx: Context): boolean {
  return (
    ctx.fillsParagraph &&
    d.tags.length === 0 &&
    countWords(text, d.spans[0]![0], d.spans[d.spans.length - 1]![1], WHOLE_LETTER_WORDS) >=
      WHOLE_LETTER_WORDS &&
    signedOff(text, d)
  );
}

/**
 * The quotation ends with a signature sentence after its last full stop: a closing formula and a
 * name (`… See you soon. Love, Jo.`, `Yours ever, Tom.`) or a family word alone (`… only do it
 * together. Dad.`, `Your mother.`). A bare name is not enough: `… Honestly, Tom.` and `… Sit.` are
 * what a speaker says, not how a letter ends.
 */
function signedOff(text: string, d: DraftQuotation): boolean {
  const [s, e] = d.spans[d.spans.length - 1]!;
  let i = e - 1;
  while (i > s && !isWordChar(text.charCodeAt(i))) {
    // A signature ends with a full stop, not a question (`… about Mr. Dorian Gray?`).
    if (text.charCodeAt(i) === 33 || text.charCodeAt(i) === 63) return false;
    i--;
  }
  const last = i + 1;
  for (; i > s; i--) {
    const c = text.charCodeAt(i);
    if ((c === 46 && !afterTitle(text, i)) || c === 33 || c === 63) break;
  }
  if (i <= s) return false;
  const signature =
    text
      .slice(i + 1, last)
      .toLowerCase()
      .match(/\p{L}+/gu) ?? [];
  if (signature.length === 0 || signature.length > 4) return false;
  const [first, second] = signature;
  if (signature.length === 1) return KIN_SIGNATURES.has(first!);
  if (first === 'your' && signature.length === 2) return KIN_SIGNATURES.has(second!);
  return CLOSINGS.has(first!);
}

/** Words after "Dear" that make an exclamation rather than a salutation. */
const NOT_ADDRESSED: ReadonlySet<string> = new Set(words('me lord god heaven heavens goodness'));

/** Words that open a letter's closing formula: `Love, Jo`, `Yours ever, Tom`, `Affectionately, M.` */
const CLOSINGS: ReadonlySet<string> = new Set(
  words('love yours ever affectionately regards sincerely faithfully truly cheers fondly warmly lovingly'),
);

/** Family words a letter may be signed with alone: `Dad.`, `Mother.`, `Your father.` */
const KIN_SIGNATURES: ReadonlySet<string> = new Set(
  words(
    'dad daddy papa pa father mum mummy mom mommy mama mamma ma mother gran granny grandma grandpa nan auntie aunt uncle',
  ),
);

/** Characters before a nested quotation searched for the verb or text that introduces it. */
const NESTED_LOOK_BACK = 80;

/** The word right before a nested quotation, past an object pronoun and `,` `:` or a dash: `told me, "`. */
const NESTED_LEAD = /(?:^|[^\p{L}'’])([\p{L}'’]+)(?:\s+(?:me|us|him|her|them|you))?[\s,:—-]*$/u;

/** Verbs that quote someone's own words inside speech (`She said "never again"`), not name a thing. */
const QUOTING_VERBS: ReadonlySet<string> = new Set(['tell', 'write', 'read', ...CORE_SPEECH_VERBS]);

/** Subjects that make a verb of saying a text's wording: `It says, "…"`, `the note said "…"`. */
const TEXT_SUBJECTS: ReadonlySet<string> = new Set(words('it this that which'));

/** Words that a text message or a typed note was sent with: `Mum texted on Thursday. Just, "…"`. */
const NESTED_TEXT_WINDOW = 6;

/**
 * Nested quotations: words quoted from a text (`It says, "…"`, `She texted, "…"`) are written;
 * words after a verb of saying are someone's words reported (`She said "never again", can you
 * believe it?`); other short fragments are mentions, the rest is quoted speech.
 */
function nestedKind(text: string, d: DraftQuotation): DraftQuotation['kind'] {
  const from = Math.max(d.parent?.open ?? 0, d.open - NESTED_LOOK_BACK);
  const lead = text.slice(from, d.open);
  const m = NESTED_LEAD.exec(lead);
  const verb = m ? speechVerbBase(m[1]!.toLowerCase()) : undefined;
  const leadWords: string[] = [];
  eachWord(text, from, d.open, (lower) => {
    leadWords.push(lower);
    return true;
  });
  if (verb !== undefined && QUOTING_VERBS.has(verb)) {
    const k = leadWords.lastIndexOf(m![1]!.toLowerCase());
    const subject = leadWords[k - 1] ?? '';
    if (WRITING_VERBS.has(verb) || TEXT_SUBJECTS.has(subject) || WRITING_CUES.has(subject)) return 'written';
    return 'reported';
  }
  if (leadWords.slice(-NESTED_TEXT_WINDOW).some((w) => TYPED_CUES.has(w))) return 'written';
  const [s, e] = d.spans[0]!;
  const words = countWords(text, s, e);
  const last = text.charCodeAt(e - 1);
  if (words <= 2 || (words <= 4 && !isClausePunct(last) && last !== 45)) return 'mention';
  return 'speech';
}
