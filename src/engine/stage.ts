import type { AttributionWeights } from '../stages/attribution/model.js';
import type { StoryDocument } from './document.js';
import type { LayerName, Layers } from './types.js';

/** Engine-wide settings a stage may read; frozen when the engine is created. */
export interface StageContext {
  /** The cast given with `--characters`, if any (the characters stage then resolves to it). */
  readonly givenCast?: readonly GivenCharacter[];
  /** Quotations given with `--quotes`, in source offsets, if any. */
  readonly givenQuotes?: readonly GivenQuotation[];
  /** Attribution weights to use instead of the shipped model (evaluation of held-out folds). */
  readonly attributionWeights?: AttributionWeights;
}

export interface GivenCharacter {
  id: string | number;
  name: string;
  aliases: string[];
  gender?: string;
}

export interface GivenQuotation {
  id: string;
  spans: [number, number][];
}

/**
 * A pipeline stage: declares what it needs and what it adds, and returns only its new layers.
 * `run` must not mutate the document's layers (it may call `doc.message`).
 */
export interface Stage<P extends LayerName = LayerName> {
  readonly name: string;
  readonly requires: readonly LayerName[];
  readonly provides: readonly P[];
  run(doc: StoryDocument, context: StageContext): Pick<Layers, P>;
}
