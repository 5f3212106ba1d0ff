/**
 * `I'm`, `I am`, `my name is`, `(everyone) calls me` right before a name: a speaker giving the name
 * as their own. Shared by the cast (kin.ts: "calls me Teddy … calls me Gran") and attribution
 * (units.ts: "Hi. I'm Rosalind." speaks that line).
 */
const SELF_NAMING =
  /(?:^|[^\p{L}])(?:I\s?['\u2019]?\s?m|I am|[Mm]y name(?:['\u2019]s| is)|[Cc]all(?:s|ed|ing)? me)[ \t]+$/u;

/**
 * Whether the name at [start, end) is given as the speaker's own, looking back no further than
 * `from`: not `"I'm Rosalind's cousin."` (a possessive; also `Schlegel s` in texts that lost their
 * apostrophes) nor `"I'm not Tom"`.
 */
export function namesSelfAt(text: string, from: number, start: number, end: number): boolean {
  if (/^['\u2019 ]s\b/.test(text.slice(end, end + 3))) return false;
  return SELF_NAMING.test(text.slice(Math.max(from, start - 20), start));
}
