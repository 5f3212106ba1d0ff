import { words } from '../lexicon/words.js';

/**
 * Words just before a quotation that show it is written or read rather than spoken: `the letter
 * ran:`, `she read`, `a placard inscribed`, `the telegram said`.
 */
export const WRITING_CUES: ReadonlySet<string> = new Set(
  words(`
    read reads reading wrote writes written writing ran runs inscribed inscription inscriptions
    printed headed heading engraved scrawled scribbled letter letters note notes telegram
    telegrams wire cable postcard card notice advertisement placard label labelled labeled marked message
    postscript document diary journal entry entries manuscript epitaph motto legend sign
    signboard poster bill handwriting paper follows following effect purpose contents missive
    indited enclosed contained contains addressed superscription
    typed texted emailed e-mailed tweeted
  `),
);

/**
 * Words of typing and texting: a quotation in someone's words shortly after one is the text sent
 * (`Mum texted on Thursday. Just, "Have you heard?"`).
 */
export const TYPED_CUES: ReadonlySet<string> = new Set(
  words('typed texted text texts message messages emailed email e-mailed tweeted wrote writes written'),
);

/**
 * Cues that introduce a quoted text even across a full stop: `It was as follows.`, `to this
 * effect.` Not `thus`, which introduces speech as often (`and it ended thus.`).
 */
export const INTRODUCING_CUES: ReadonlySet<string> = new Set(
  words('follows following effect purpose ran runs'),
);

/** First words of a letter's salutation: `Dear Sir,`, `My dearest Jane,`, `Madam,`. */
export const SALUTATION_WORDS: ReadonlySet<string> = new Set(
  words('dear dearest sir madam gentlemen honoured'),
);
