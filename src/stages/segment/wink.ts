import model from 'wink-eng-lite-web-model';
import winkNLP from 'wink-nlp';

/**
 * The one wink-nlp instance of the process. Loading the model takes ~100 ms and its state is
 * read-only afterwards, so it is created lazily and shared — with one correction, below.
 *
 * wink-nlp adds every out-of-vocabulary word it meets to its lexicon, and its tokeniser then
 * treats a word seen in an earlier text as known: after one novel has "one's" in a position where
 * it is kept whole, every later text keeps "one's" whole too, and its tags change around it. So
 * a text's tokens depended on what the process had read before — a batch worker gave different
 * results from a fresh `analyze`, and the order of chunks mattered. The tokeniser's lookup is
 * wrapped so that words added after loading are never "known" — not even those added earlier in
 * the same text — so a text's tokens depend on it alone. The lexicon still grows (an added word's features are computed once), so the
 * instance is renewed when it has gathered RENEW_AFTER new words, which keeps a long-running
 * worker's memory bounded without changing any result.
 */
type Nlp = ReturnType<typeof winkNLP>;

/** The part of wink-nlp's lexeme cache (its internal `cache.js`) that is wrapped. */
interface LexemeCache {
  lookup(text: string): number[] | null;
}

/** The part of the loaded core model whose size tells how many words were added. */
interface CoreModel {
  features: { lexeme: { list: unknown[] } };
}

type FeatureFns = Record<string, (text: string, category: number, cache: LexemeCache) => unknown>;

interface ModelHooks {
  core(): CoreModel;
  featureFn(config: unknown): FeatureFns;
}

/** Distinct new lexemes after which the instance is replaced by a fresh one (~40 MB of lexicon). */
export const RENEW_AFTER = 300_000;

let instance: Nlp | undefined;
let lexemes: unknown[] | undefined;
let loadedSize = 0;

function create(): Nlp {
  const hooks = model as unknown as ModelHooks;
  let core: CoreModel | undefined;
  let cache: LexemeCache | undefined;
  // The feature functions themselves look up the words just added: they keep the plain lookup.
  let unwrapped: LexemeCache | undefined;
  // The cache is internal to wink-nlp; it is handed to the feature functions that compute an
  // added word's features, which is where it is picked up.
  const tracked = Object.assign(Object.create(null), model, {
    core: () => {
      core = hooks.core();
      return core;
    },
    featureFn: (config: unknown) => {
      const fns = hooks.featureFn(config);
      const wrapped: FeatureFns = Object.create(null);
      for (const [name, fn] of Object.entries(fns)) {
        wrapped[name] = (text, category, methods) => {
          cache ??= methods;
          return fn(text, category, unwrapped ?? methods);
        };
      }
      return wrapped;
    },
  }) as typeof model;
  const nlp = winkNLP(tracked, ['sbd', 'pos']);
  if (!core) throw new Error('wink-nlp did not load its core model');
  const size = core.features.lexeme.list.length;
  // One unknown word makes wink compute features, and so reveals its cache.
  nlp.readDoc('qzxjvk');
  if (!cache) throw new Error('wink-nlp did not expose its lexeme cache');
  const lookup = cache.lookup;
  unwrapped = Object.assign(Object.create(null), cache) as LexemeCache;
  cache.lookup = (text) => {
    const found = lookup(text);
    return found !== null && found.length === 1 && found[0]! >= size ? null : found;
  };
  lexemes = core.features.lexeme.list;
  loadedSize = size;
  return nlp;
}

export function wink(): Nlp {
  if (instance === undefined || (lexemes !== undefined && lexemes.length - loadedSize > RENEW_AFTER)) {
    instance = create();
  }
  return instance;
}

/** New words the current instance has gathered since loading (what RENEW_AFTER is compared with). */
export function winkNewWords(): number {
  return lexemes === undefined ? 0 : lexemes.length - loadedSize;
}

/** Drops the instance so that the next call loads a fresh one (as renewal does). */
export function renewWink(): void {
  instance = undefined;
}
