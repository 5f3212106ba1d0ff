import type { Stage } from '../../engine/stage.js';
import { epithetsFromAttribution } from '../characters/epithets.js';

/**
 * Terms of endearment ("sweetheart", "my love") recorded on the character they address, once
 * attribution knows who speaks to whom. The characters stage has already guessed from tags and
 * recent mentions alone; once this stage has run, the result takes its answer instead.
 */
export const epithetsStage: Stage<'epithets'> = {
  name: 'epithets',
  requires: ['quotes', 'attributions', 'mentions', 'characters'],
  provides: ['epithets'],
  run(doc) {
    const characters = doc.layer('characters');
    const epithets = epithetsFromAttribution(
      doc.layer('quotes'),
      doc.layer('attributions'),
      doc.layer('mentions'),
      doc.text,
      characters.length,
      doc.layer('paragraphs'),
    );
    return { epithets };
  },
};
