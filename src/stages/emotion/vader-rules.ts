import { words } from '../lexicon/words.js';

/**
 * The rule constants of VADER (Hutto & Gilbert 2014, "VADER: a parsimonious rule-based model for
 * sentiment analysis of social media text", ICWSM-14): the empirically derived increments and the
 * small closed word classes its rules look for. They are part of the method, kept here as data so
 * that vader.ts is code only. The numbers are the paper's; the word classes are the ones its
 * reference implementation uses, so that scores agree with it exactly.
 */

/** Mean rating increase from a booster ("very good") or decrease from a dampener ("slightly good"). */
export const BOOST_INCREMENT = 0.293;
export const BOOST_DECREMENT = -0.293;
/** Mean rating increase for a sentiment word in ALL CAPS among words that are not. */
export const CAPS_INCREMENT = 0.733;
/** A negated sentiment word flips and shrinks: "not good" ≈ -0.74 × "good". */
export const NEGATION_SCALAR = -0.74;
/** Each exclamation mark (up to four) adds this much intensity. */
export const EXCLAMATION_INCREMENT = 0.292;
export const EXCLAMATION_MAX = 4;
/** Two or three question marks add this much each; more add QUESTION_MAX in all. */
export const QUESTION_INCREMENT = 0.18;
export const QUESTION_MAX = 0.96;
/** Normalisation constant of the compound score: x / sqrt(x² + alpha). */
export const NORMALISATION_ALPHA = 15;
/** Weight of the words before and after a contrastive "but". */
export const BEFORE_BUT = 0.5;
export const AFTER_BUT = 1.5;

/** Words that negate the sentiment word they precede (matched case-sensitively, as VADER does). */
export const NEGATIONS: ReadonlySet<string> = new Set(
  words(`
  aint arent cannot cant couldnt darent didnt doesnt ain't aren't can't couldn't daren't didn't
  doesn't dont hadnt hasnt havent isnt mightnt mustnt neither don't hadn't hasn't haven't isn't
  mightn't mustn't neednt needn't never none nope nor not nothing nowhere oughtnt shant shouldnt
  uhuh wasnt werent oughtn't shan't shouldn't uh-uh wasn't weren't without wont wouldnt won't
  wouldn't rarely seldom despite
`),
);

const BOOSTERS = words(`
  absolutely amazingly awfully completely considerably decidedly deeply effing enormously entirely
  especially exceptionally extremely fabulously flipping flippin fricking frickin frigging friggin
  fully fucking greatly hella highly hugely incredibly intensely majorly more most particularly
  purely quite really remarkably so substantially thoroughly totally tremendously uber
  unbelievably unusually utterly very
`);

const DAMPENERS = words(`
  almost barely hardly kinda kindof kind-of less little marginally occasionally partly scarcely
  slightly somewhat sorta sortof sort-of
`);

/** Degree adverbs, lower-case, with the increment they give the sentiment word they precede. */
export const DEGREE_ADVERBS: ReadonlyMap<string, number> = new Map([
  ...BOOSTERS.map((w) => [w, BOOST_INCREMENT] as const),
  ...DAMPENERS.map((w) => [w, BOOST_DECREMENT] as const),
]);

/** Two-word dampeners, checked as bigrams before a sentiment word ("kind of nice"). */
export const DEGREE_BIGRAMS: ReadonlySet<string> = new Set(['just enough', 'kind of', 'sort of']);

/** Idioms whose valence replaces that of the sentiment word inside them. */
export const IDIOMS: ReadonlyMap<string, number> = new Map([
  ['the shit', 3],
  ['the bomb', 3],
  ['bad ass', 1.5],
  ['yeah right', -2],
  ['cut the mustard', 2],
  ['kiss of death', -1.5],
  ['hand to mouth', -2],
]);
