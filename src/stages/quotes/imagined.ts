import { speechVerbBase } from '../lexicon/speech-verbs.js';
import { words } from '../lexicon/words.js';
import { isSpace } from './marks.js';
import { eachWord } from './tags.js';

/**
 * Words nobody says in the scene, introduced in the narrator's sentence right before the opening
 * mark: what someone wanted, was about to, would have or did not say (`He felt like answering:
 * "…"`, `It was on the tip of his tongue to ask: "…"`, `She was not going to say, "…"`, `Helen
 * would have exclaimed, "…"`, `he could imagine Tom adding: "…"`), and what a look, a gesture or a
 * tone meant (`as much as to say, "…"`, `her eyes said: "…"`, `which he took to mean: "…"`).
 * Words someone did say stay speech: `could only say, "…"`, `thought it best to say, "…"`.
 */

/** Characters before the opening mark searched for the cue. */
const CUE_CHARS = 90;
/** Words of the cue's clause kept, counting back from the opening mark. */
const CUE_WORDS = 12;
/** Most words between the verb of saying and the mark (`to his sister`, `back`, `with authority`). */
const AFTER_VERB = 3;

/** `wanted to say`, `longed to ask`, `was going to answer`, `on the tip of his tongue to reply`. */
const WANTING: ReadonlySet<string> = new Set(
  words(
    'wanted wished longed yearned tempted inclined ready going about tongue lips impulse temptation itching dying',
  ),
);

/** Modals of what would or might be said, not what is: `would have exclaimed`, `as who should say`. */
const MODALS: ReadonlySet<string> = new Set(
  words("would might could should must wouldn't couldn't shouldn't mightn't"),
);

/**
 * Words that may stand between a modal and its verb without making the words said: `would not
 * say`, `might have said`, `could he say`, `would usually say`. `only` and `just` are not among
 * them: `could only say, "…"` reports what was said.
 */
const MODAL_FILLERS: ReadonlySet<string> = new Set(
  words('not never have usually almost perhaps certainly gladly easily he she i they we you one it'),
);

/** `useless to say`, `impossible to answer`: words that could be said, not words said. */
const FUTILE: ReadonlySet<string> = new Set(words('useless vain idle impossible tempting'));

/** `on the point of saying`, `on the verge of asking`, `capable of remarking`. */
const UNSAID_OF: ReadonlySet<string> = new Set(words('point verge brink capable incapable'));

/** `had almost said`, `very nearly exclaimed`: the words did not come. */
const ALMOST: ReadonlySet<string> = new Set(words('almost nearly'));

/** Verbs whose words `almost` keeps back: `almost said`, `nearly asked`. */
const ALMOST_VERBS: ReadonlySet<string> = new Set(words('say ask answer reply exclaim add retort blurt'));

/** Subjects between `whether` and its verb: `whether she said`. */
const SUBJECTS: ReadonlySet<string> = new Set(words('he she i they we you one'));

/** `did not say`, `never answered`, `didn't ask`. */
const NEGATIONS: ReadonlySet<string> = new Set(words("not never didn't"));

/** `could imagine Tom adding`, `fancied her saying`. */
const IMAGINING: ReadonlySet<string> = new Set(
  words('imagine imagined imagining fancy fancied fancying picture pictured'),
);

/** Most words between a verb of imagining and the saying (`Sillerton Jackson`, `the old woman`). */
const IMAGINED_SUBJECT = 4;

/** Last words of a cue that name what a look or tone meant: `the curve that signified: "…"`. */
const MEANING: ReadonlySet<string> = new Set(words('signified implied meant expressed conveyed'));

/**
 * A look or a manner that "says" something without words, as the subject of `said` right before
 * the mark: `her eyes said: "…"`, `their look plainly said, "…"` (not `with a gayer look, said`).
 */
const LOOK_SAID =
  /\b(?:look|looks|eyes|face|glance|expression|smile|nod|gesture|manner|air|silence|attitude)\s+(?:plainly\s+|clearly\s+|silently\s+)?said\W{0,4}$/i;

/** Reflexive objects: `would say to himself` is thought, which other rules tell. */
const REFLEXIVES: ReadonlySet<string> = new Set(
  words('myself yourself himself herself itself ourselves yourselves themselves oneself'),
);

/** Particles after a verb of saying: `shouting back`, `cry out`, `say aloud`. */
const PARTICLES: ReadonlySet<string> = new Set(words('back out aloud again'));

/** `took to mean`, `take it to mean`. */
const TAKING: ReadonlySet<string> = new Set(words('take took taken taking'));

/**
 * Whether the narration right before the opening mark at `open` (from `from`, the paragraph
 * start) introduces words nobody says. The cue must run up to the mark in the same sentence: a
 * full stop, question or exclamation between them cuts it off.
 */
export function isImaginedCue(text: string, from: number, open: number, meaningOnly = false): boolean {
  let i = open - 1;
  while (i >= from && isSpace(text.charCodeAt(i))) i--;
  if (i < from) return false;
  const last = text.charCodeAt(i);
  if (last === 46 || last === 33 || last === 63 || last === 34 || last === 0x201d) return false;
  const start = Math.max(from, open - CUE_CHARS);
  const cue: string[] = [];
  eachWord(text, start, open, (lower, at) => {
    // A sentence end before the word starts the cue afresh.
    let k = at - 1;
    while (k >= start && isSpace(text.charCodeAt(k))) k--;
    const c = k >= start ? text.charCodeAt(k) : 0;
    if (c === 46 || c === 33 || c === 63) cue.length = 0;
    cue.push(lower);
    return true;
  });
  const w = cue.length > CUE_WORDS ? cue.slice(cue.length - CUE_WORDS) : cue;
  const n = w.length;
  if (n === 0) return false;
  if (meaningCue(w) || LOOK_SAID.test(text.slice(start, open))) return true;
  // Between two pieces of one speaker's words a tag often says what they would or could say
  // (`"Well," she would say, "…"`, `as soon as she could speak, "…"`): there only what words meant
  // or an `as if` parts them.
  if (meaningOnly) return asIfSaid(w) || unsaidIng(w) || almostSaid(w);
  // The verb of saying: among the last few words, followed only by particles (`back`, `aloud`) or a
  // short object (`to his sister`, `with authority`).
  for (let k = n - 1; k >= 0 && k >= n - 1 - AFTER_VERB; k--) {
    const word = w[k]!;
    const base = speechVerbBase(word);
    if (base === undefined || base === 'read' || base === 'write') continue;
    const rest = w.slice(k + 1);
    if (rest.some((r) => REFLEXIVES.has(r))) return false;
    if (rest.length > 0 && !PARTICLES.has(rest[0]!) && rest[0] !== 'to' && rest[0] !== 'with') return false;
    return unsaidBefore(w, k, word);
  }
  return false;
}

/** `he felt like adding:`, `instead of saying,`, `on the point of asking`: never said. */
function unsaidIng(w: readonly string[]): boolean {
  const n = w.length;
  const verb = w[n - 1]!;
  if (!verb.endsWith('ing') || speechVerbBase(verb) === undefined) return false;
  const [prev, prev2] = [w[n - 2], w[n - 3]];
  if (prev === 'like') return /^(?:felt|feel|feels|feeling)$/.test(prev2 ?? '');
  return prev === 'of' && (prev2 === 'instead' || UNSAID_OF.has(prev2 ?? ''));
}

/** `She had almost said`, `he very nearly asked`: the words that follow never came. */
function almostSaid(w: readonly string[]): boolean {
  const n = w.length;
  return ALMOST.has(w[n - 2] ?? '') && ALMOST_VERBS.has(speechVerbBase(w[n - 1]!) ?? '');
}

/** `as if she had said:`, `as much as to say,`, `as if to say`: what someone's manner meant. */
function asIfSaid(w: readonly string[]): boolean {
  const n = w.length;
  const base = speechVerbBase(w[n - 1]!);
  if (base === undefined || base === 'read' || base === 'write') return false;
  const [a, b, c, d] = [w[n - 2], w[n - 3], w[n - 4], w[n - 5]];
  if (a === 'had' && (c === 'if' || c === 'though') && d === 'as') return true;
  if (a === 'to' && (b === 'if' || b === 'though') && c === 'as') return true;
  return a === 'to' && b === 'as' && c === 'much' && d === 'as';
}

/** `which he took to mean`, `the curve that signified`, `her eyes said`, `as much as to say`. */
function meaningCue(w: readonly string[]): boolean {
  const n = w.length;
  const last = w[n - 1]!;
  if (MEANING.has(last)) return true;
  if (
    last === 'mean' &&
    w[n - 2] === 'to' &&
    (TAKING.has(w[n - 3] ?? '') || (w[n - 3] === 'it' && TAKING.has(w[n - 4] ?? '')))
  )
    return true;
  return false;
}

/** What comes before the verb of saying at `k` makes the words unsaid. */
function unsaidBefore(w: readonly string[], k: number, verb: string): boolean {
  const prev = w[k - 1];
  const prev2 = w[k - 2];
  if (prev === undefined) return false;
  // `wanted to say`, `seemed to say`, `as much as to say`, `as if to say` (not `went so far as to say`).
  if (prev === 'to' && prev2 !== undefined) {
    if (WANTING.has(prev2)) return true;
    // `It was useless to say to him`, `it was impossible to answer`.
    if (FUTILE.has(prev2)) return true;
    const base = speechVerbBase(verb);
    if ((prev2 === 'seemed' || prev2 === 'seems' || prev2 === 'seem') && (base === 'say' || base === 'ask'))
      return true;
    if (prev2 === 'as' && w[k - 3] === 'much' && w[k - 4] === 'as') return true;
    if ((prev2 === 'if' || prev2 === 'though') && w[k - 3] === 'as') return true;
  }
  // `did not say`, `never answered`, `did he not say`; `had almost said`, `very nearly exclaimed`.
  // `almost screamed` tells how loud, not that the words never came.
  if (NEGATIONS.has(prev) || (ALMOST.has(prev) && ALMOST_VERBS.has(speechVerbBase(verb) ?? ''))) return true;
  // `without saying`.
  if (prev === 'without' && verb.endsWith('ing')) return true;
  // `whether she said`: one of the things that might be said.
  if (prev2 === 'whether' && SUBJECTS.has(prev)) return true;
  if (prev === 'to' && prev2 !== undefined) {
    // `It was all very well to say`.
    if (prev2 === 'well' && (w[k - 3] === 'very' || w[k - 3] === 'all')) return true;
    // `It would have been easy to say`: what might have been said, not what was.
    for (let j = k - 3; j >= 1 && j >= k - 5; j--) if (w[j] === 'have' && MODALS.has(w[j - 1]!)) return true;
  }
  // `felt like answering`, `was very far from saying`.
  if (verb.endsWith('ing')) {
    if (prev === 'like' && /^(?:felt|feel|feels|feeling)$/.test(prev2 ?? '')) return true;
    if (prev === 'from' && prev2 === 'far') return true;
    // `on the point of saying`, `quite capable of remarking`: words that might come, not words said.
    if (prev === 'of' && UNSAID_OF.has(prev2 ?? '')) return true;
    // `instead of saying`.
    if (prev === 'of' && prev2 === 'instead') return true;
    for (let j = k - 1; j >= 0 && j >= k - 1 - IMAGINED_SUBJECT; j--) if (IMAGINING.has(w[j]!)) return true;
  }
  // `would have exclaimed`, `might have said`, `how could he say`, `as who should say`.
  for (let j = k - 1; j >= 0 && j >= k - 4; j--) {
    const word = w[j]!;
    if (MODALS.has(word)) return true;
    if (!MODAL_FILLERS.has(word)) break;
  }
  // `as if she had said`.
  if (prev === 'had' && (w[k - 3] === 'if' || w[k - 3] === 'though') && w[k - 4] === 'as') return true;
  return false;
}
