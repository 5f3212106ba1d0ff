import { words } from '../lexicon/words.js';
import type { DraftQuotation } from './detect.js';
import { eachWord } from './tags.js';

/** Fewest words of a quotation that can be told as reported speech. */
const REPORTED_WORDS = 5;
/** Fewest past-tense finite verbs it needs: one is too easily a direct `he was here`. */
const REPORTED_PAST = 2;

/** Pronouns of a speaker talking as themselves or to someone: direct speech. */
const FIRST_SECOND: ReadonlySet<string> = new Set(
  words(`
    i me my mine myself we us our ours ourselves you your yours yourself yourselves
    thee thou thy thine ye
  `),
);

/** Present-tense and imperative-making words: `is`, `has`, `will`, `let`, `don't`. */
const PRESENT: ReadonlySet<string> = new Set(
  words(`
    is are am has have do does will shall can may let isn't aren't ain't hasn't haven't don't doesn't
    won't shan't can't cannot don doesn isn aren hasn haven shan
  `),
);

/** Finite verbs that can only be past (or past-subjunctive) tense. */
const PAST: ReadonlySet<string> = new Set(
  words(`
    was were had could would should might did wasn't weren't hadn't couldn't wouldn't shouldn't
    didn't
  `),
);

/** Past modals after which `do` is an infinitive: `would do`, `should not do`. */
const PAST_MODALS: ReadonlySet<string> = new Set(words('would could should might must'));

/** Words ending in `-ed` that are no past tense. */
const NOT_PAST_ED: ReadonlySet<string> = new Set(
  words(`
    indeed need seed speed deed creed breed proceed exceed succeed bleed greed steed weed heed bed
    red hundred kindred sacred naked wicked wretched rugged ragged beloved
  `),
);

/** Words naming a third person the quotation talks about: the speaker seen from outside. */
const HE_SHE: ReadonlySet<string> = new Set(words('he she him himself herself'));

/** Subjects whose `-s` verb is present tense: `he knows`, `she seems`. */
const THIRD_SUBJECTS: ReadonlySet<string> = new Set(words('he she it'));

/** Words ending in `-s` that follow a subject without being a present-tense verb. */
const NOT_S_VERBS: ReadonlySet<string> = new Set(
  words('was has is his hers its always perhaps sometimes thus afterwards towards besides unless as us yes'),
);

/** Stems whose `'s` is `is` or `has`: `he's`, `there's`; any other `'s` is a possessive. */
const IS_STEMS: ReadonlySet<string> = new Set(words('he she it that there here what who where how this'));

/** Contraction endings of the present or the first person: `'ll`, `'ve`, `'re`, `'m`. */
const PRESENT_SUFFIXES: ReadonlySet<string> = new Set(words('ll ve re m'));

/**
 * Indirect or free indirect speech set in quotation marks: the narrator's report of what someone
 * said, in the third person and past tense — `"He should be glad to come, and would bring his
 * sister."`. The quotation has no first- or second-person pronoun, no present-tense or imperative
 * word (`is`, `will`, `let`, `he's`, `she knows`, `don't`), at least two past-tense finite verbs,
 * and refers to someone as he or she. The caller decides the context (no speech tag, narration
 * before it in the paragraph); this only reads the quoted words.
 */
export function isReportedSpeech(text: string, d: DraftQuotation): boolean {
  let count = 0;
  let past = 0;
  let third = false;
  let direct = false;
  let previous = '';
  let earlier = '';
  for (const [s, e] of d.spans) {
    eachWord(text, s, e, (lower) => {
      count++;
      // `should do`, `would not do`: an infinitive after a past modal, not the present tense. `have`
      // stays direct: `"She could have told him."` after a beat is someone speaking far more often
      // than a report in marks.
      const infinitive =
        lower !== 'have' && (PAST_MODALS.has(previous) || (previous === 'not' && PAST_MODALS.has(earlier)));
      if (FIRST_SECOND.has(lower) || (PRESENT.has(lower) && !infinitive) || presentForm(lower, previous)) {
        direct = true;
        return false;
      }
      if (PAST.has(lower) || (lower.length >= 4 && lower.endsWith('ed') && !NOT_PAST_ED.has(lower))) past++;
      if (HE_SHE.has(lower)) third = true;
      earlier = previous;
      previous = lower;
      return true;
    });
    if (direct) return false;
  }
  return count >= REPORTED_WORDS && past >= REPORTED_PAST && third;
}

/** `he's`, `they'll`, `she s` (apostrophe lost), `he knows`: present tense or first person. */
function presentForm(lower: string, previous: string): boolean {
  const apostrophe = Math.max(lower.lastIndexOf("'"), lower.lastIndexOf('\u2019'));
  if (apostrophe > 0) {
    const stem = lower.slice(0, apostrophe);
    const suffix = lower.slice(apostrophe + 1);
    return PRESENT_SUFFIXES.has(suffix) || (suffix === 's' && IS_STEMS.has(stem));
  }
  // A contraction whose apostrophe was lost in transcription: `she s`, `they ll`, `we re`.
  if (PRESENT_SUFFIXES.has(lower)) return true;
  if (lower === 's') return IS_STEMS.has(previous);
  return (
    THIRD_SUBJECTS.has(previous) &&
    lower.length > 3 &&
    lower.endsWith('s') &&
    !lower.endsWith('ss') &&
    !NOT_S_VERBS.has(lower)
  );
}
