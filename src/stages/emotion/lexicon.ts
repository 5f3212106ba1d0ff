import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/**
 * The VADER sentiment lexicon (Hutto & Gilbert 2014; MIT licence): about 7,500 words, emoticons
 * and slang with a mean valence rated by ten people on a -4…+4 scale.
 *
 * It is read from the `vader-sentiment` package, which ships the lexicon as `vader_lexicon.txt`
 * (tab-separated: token, mean, standard deviation, the ten ratings). Only that data file is used;
 * the package's own code is far too slow for a whole novel and is never loaded on this path. The
 * file lists two tokens twice; the later line wins, as in every VADER implementation.
 */
export type ValenceLexicon = ReadonlyMap<string, number>;

let cached: ValenceLexicon | undefined;

/** The lexicon, parsed once per process (a cache of immutable data, not configuration). */
export function vaderLexicon(): ValenceLexicon {
  cached ??= parseVaderLexicon(readFileSync(vaderLexiconPath(), 'utf8'));
  return cached;
}

export function vaderLexiconPath(): string {
  return createRequire(import.meta.url).resolve('vader-sentiment/vader_lexicon.txt');
}

export function parseVaderLexicon(text: string): ValenceLexicon {
  const lexicon = new Map<string, number>();
  let at = 0;
  while (at < text.length) {
    let eol = text.indexOf('\n', at);
    if (eol < 0) eol = text.length;
    const tab = text.indexOf('\t', at);
    if (tab > at && tab < eol) {
      const next = text.indexOf('\t', tab + 1);
      const valence = Number.parseFloat(text.slice(tab + 1, next > tab && next < eol ? next : eol));
      if (Number.isFinite(valence)) lexicon.set(text.slice(at, tab), valence);
    }
    at = eol + 1;
  }
  return lexicon;
}
