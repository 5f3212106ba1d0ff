import { words } from '../lexicon/words.js';

/**
 * Time-skip phrases: the words a narration uses to move time on between scenes ("The next
 * morning", "Three weeks later", "That night", "By the time he got home"). Slot words are listed
 * once and combined into patterns below; patterns are matched case-insensitively against the
 * opening of a paragraph (see implicit.ts for how strongly each counts, and where).
 */

export const DAY_PARTS = words(`
  morning afternoon evening night day dawn daybreak dusk nightfall noon midday midnight sunrise
  sunset twilight forenoon`);

export const WEEKDAYS = words('monday tuesday wednesday thursday friday saturday sunday sabbath');

export const MONTHS = words(`
  january february march april may june july august september october november december`);

export const SEASONS = words(`
  spring summer autumn fall winter christmas easter whitsun whitsuntide michaelmas midsummer
  lent advent`);

/** Counts before a unit of time: "three weeks later", "a few days later", "some months after". */
export const COUNTS = words(`
  a an one two three four five six seven eight nine ten eleven twelve fifteen twenty thirty forty
  fifty hundred several some few couple many two-three`);

export const UNITS = words(`
  day days night nights week weeks fortnight fortnights month months year years season seasons
  summer summers winter winters`);

/** Short spans of time: "ten minutes later" is usually still the same scene, so only medium. */
export const SHORT_UNITS = words('moment moments minute minutes hour hours');

/** Meals, which open a scene after any of "after, before, at, to, for": "came down to supper". */
export const MEALS = words('breakfast lunch luncheon dinner supper tea');

/** Fixed points of a day that open a scene only after "after" or "before": "After church". */
export const ROUTINES = words('church service school work mass chapel');

const alt = (list: readonly string[]): string => list.join('|');
const PART = alt(DAY_PARTS);
const WHEN = `${alt(WEEKDAYS)}|${alt(MONTHS)}|${alt(SEASONS)}`;
const COUNT = `(?:\\d+|${alt(COUNTS)})`;
const UNIT = alt(UNITS);
const ORDINAL = `(?:first|second|third|fourth|fifth|last|next|following|same|previous|final|\\d+(?:st|nd|rd|th))`;
const CLOCK = `(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\\d{1,2}(?:[.:]\\d{2})?)`;

/**
 * A time skip with its strength. `strong`: the phrase itself says the story has jumped ("The next
 * morning", "Three weeks later", "By the time …"); `medium`: a fresh point in time that usually,
 * but not always, opens a scene ("That evening", "On Sunday", "At eight o'clock", "One morning");
 * `weak`: a step in time that as often stays inside the scene ("Ten minutes later", "Meanwhile").
 */
export interface TimePattern {
  strength: 'strong' | 'medium' | 'weak';
  source: string;
  /**
   * Whether the phrase also opens a scene a few words into the first sentence ("The notary came on
   * the Friday"). Not so for a time that points back ("that morning") or a plan ("tennis before
   * supper"): those count in full only as the paragraph's first words.
   */
  early?: boolean;
}

export const TIME_PATTERNS: readonly TimePattern[] = [
  // The next morning, the following day, next week, on the following Sunday, early next morning
  {
    strength: 'strong',
    source: `(?:(?:very )?early |late )?(?:on )?(?:the )?(?:very )?(?:next|following|ensuing) (?:${PART}|${WHEN}|week|month|year|time)`,
  },
  // The morning after, the day after the funeral, the evening before
  { strength: 'strong', source: `(?:the )?(?:${PART}|week|month|year) (?:after|following)\\b` },
  // Three weeks later, a few days afterwards, some months passed, two hours went by
  {
    strength: 'strong',
    source: `(?:(?:about|nearly|almost|some|a good|fully) )?(?:a )?${COUNT} (?:(?:more|long|short|whole) )?(?:${UNIT}) (?:later|afterwards?|after(?:ward)?s?|passed|went by|had passed|had gone by|elapsed)`,
  },
  // Weeks passed; months went by; time passed
  { strength: 'strong', source: `(?:${UNIT}|time) (?:passed|went by|wore on|slipped by)` },
  // Ten minutes later, an hour afterwards: mostly still the same scene
  {
    strength: 'weak',
    source: `(?:(?:about|nearly|almost|some|a good|fully) )?(?:a )?${COUNT} (?:${alt(SHORT_UNITS)}) (?:later|afterwards?|passed|went by|had passed)`,
  },
  // Later that night, later in the day, later the same evening
  { strength: 'strong', source: `later (?:that|this|in the|on that|on the|the same) (?:${PART}|day|week)` },
  // By the time he got home
  { strength: 'strong', source: 'by the time\\b' },
  // On the last Saturday of the holidays, on the first day of the survey
  { strength: 'strong', source: `on the ${ORDINAL} (?:${PART}|${WHEN}|week)` },
  // That night, that evening, this morning
  { strength: 'medium', source: `(?:that|this) (?:very )?(?:${PART})\\b` },
  // On Sunday, on the Thursday, by October, in May, one Sunday
  {
    strength: 'medium',
    early: true,
    // Not "in May's drawing-room": a month that is also a name, in the possessive.
    source: `(?:on|by|in|one|early in|late in|towards|toward) (?:the )?(?:${WHEN})\\b(?!['\u2019]s\\b)`,
  },
  // One morning, one fine evening, one day
  {
    strength: 'medium',
    source: `one (?:fine |bright |cold |wet |grey |gray |hot |dark |early |late )?(?:${PART})\\b`,
  },
  // At eight, at half past eleven, at a quarter to seven, it was eleven o'clock, at noon
  {
    strength: 'medium',
    early: true,
    source: `(?:it was |at |about |towards |toward |by )(?:about |exactly |precisely |nearly |almost |half past |a quarter (?:past|to) |ten (?:past|to) |twenty (?:past|to) )?(?:${CLOCK}(?: o'clock| o\u2019clock)?|noon|midnight|dawn|daybreak|dusk|nightfall|sunrise|sunset)\\b`,
  },
  // After dinner, before breakfast, after church, came down to supper
  {
    strength: 'medium',
    source: `(?:(?:after|before|at|to|for) (?:${alt(MEALS)})|(?:after|before) (?:${alt(ROUTINES)}))\\b`,
  },
  // Later, afterwards, meanwhile: a move to another thread, or just the next thing in this one
  {
    strength: 'weak',
    source: '(?:later|afterwards|afterward|meanwhile|in the meantime|in the meanwhile)\\b',
  },
  // The 16th of July; on the 3rd of June
  { strength: 'medium', early: true, source: `(?:on )?the \\d{1,2}(?:st|nd|rd|th)? of (?:${alt(MONTHS)})` },
];

/**
 * A paragraph opening with a strong time skip ("The next morning, …", "Three weeks later …"), after
 * an optional "And"/"But"/"So"/"Then": the scene finder counts it as a scene shift, and the
 * attribution stage ends a conversation there, so turn-taking restarts after the jump.
 */
export const TIME_STRONG_AT_START = new RegExp(
  `^(?:(?:and|but|so|then|now|yet|thus|well|still)\\b[,]?\\s+)?(?:${TIME_PATTERNS.filter(
    (p) => p.strength === 'strong',
  )
    .map((p) => p.source)
    .join('|')})\\b`,
  'i',
);
