import type { Stage } from '../engine/stage.js';
import { attributionStage } from './attribution/index.js';
import { charactersStage } from './characters/index.js';
import { corefStage } from './coref/index.js';
import { quotesStage } from './quotes/index.js';
import { segmentStage } from './segment/index.js';
import { statsStage } from './stats/index.js';

/** The default pipeline, in order. */
export function defaultStages(): Stage[] {
  return [segmentStage, quotesStage, charactersStage, corefStage, attributionStage, statsStage] as Stage[];
}
