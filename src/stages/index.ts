import type { Stage } from '../engine/stage.js';
import { attributionStage } from './attribution/index.js';
import { charactersStage } from './characters/index.js';
import { corefStage } from './coref/index.js';
import { emotionStage } from './emotion/index.js';
import { epithetsStage } from './epithets/index.js';
import { networkStage } from './network/index.js';
import { povStage } from './pov/index.js';
import { quotesStage } from './quotes/index.js';
import { scenesStage } from './scenes/index.js';
import { segmentStage } from './segment/index.js';
import { statsStage } from './stats/index.js';

/**
 * The default pipeline, in order. The story-level stages (emotion, network, stats) come last:
 * they read scenes and chapters when a structure stage before them provided those.
 */
export function defaultStages(): Stage[] {
  return [
    segmentStage,
    quotesStage,
    charactersStage,
    corefStage,
    attributionStage,
    epithetsStage,
    scenesStage,
    povStage,
    emotionStage,
    networkStage,
    statsStage,
  ] as Stage[];
}
