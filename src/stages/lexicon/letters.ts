/**
 * The words that close a letter, as a regular-expression source to build on: the narrator stage
 * finds letters set out in the narration by them, the vocative test a signature read aloud.
 */

/** The words of a letter's close: "Your loving uncle", "Yours ever", "With love", "Sincerely". */
export const CLOSE_WORDS =
  String.raw`(?:(?:[Ee]ver\s+)?[Yy]ours(?:\s+\p{Ll}+){0,2}|[Yy]our(?:\s+\p{Ll}+){1,3}` +
  String.raw`|(?:[Ww]ith\s+)?(?:[Aa]ll\s+(?:my|our)\s+)?[Ll]ove|(?:[Yy]ours\s+)?(?:[Ss]incerely|[Ff]aithfully|[Tt]ruly|[Aa]ffectionately)` +
  String.raw`|(?:[Kk]ind(?:est)?|[Ww]arm(?:est)?|[Bb]est)\s+(?:regards|wishes)|[Ff]ondly)`;
