import model from 'wink-eng-lite-web-model';
import winkNLP from 'wink-nlp';

/**
 * The one wink-nlp instance of the process. Loading the model takes ~100 ms and its state is
 * read-only afterwards, so it is created lazily and shared.
 */
let instance: ReturnType<typeof winkNLP> | undefined;

export function wink(): ReturnType<typeof winkNLP> {
  instance ??= winkNLP(model, ['sbd', 'pos']);
  return instance;
}
