import type { StoryDocument } from './document.js';
import type { Stage, StageContext } from './stage.js';
import type { LayerName } from './types.js';

/** Thrown when a pipeline is assembled wrongly: a programming or configuration mistake. */
export class PipelineError extends Error {
  override name = 'PipelineError';
}

/**
 * Checks that every stage's requirements are provided by an earlier stage and that no layer is
 * provided twice (spaCy's analyze_pipes). Returns the stages unchanged, frozen.
 */
export function checkPipeline(stages: readonly Stage[]): readonly Stage[] {
  const provided = new Map<LayerName, string>();
  const names = new Set<string>();
  for (const stage of stages) {
    if (names.has(stage.name)) throw new PipelineError(`stage "${stage.name}" appears twice in the pipeline`);
    names.add(stage.name);
    for (const need of stage.requires) {
      if (!provided.has(need)) {
        throw new PipelineError(
          `stage "${stage.name}" requires layer "${need}", which no earlier stage provides`,
        );
      }
    }
    for (const layer of stage.provides) {
      const by = provided.get(layer);
      if (by !== undefined) {
        throw new PipelineError(`layer "${layer}" is provided by both "${by}" and "${stage.name}"`);
      }
      provided.set(layer, stage.name);
    }
  }
  return Object.freeze([...stages]);
}

/** Runs the stages in order, attaching each stage's layers to the document. */
export function runPipeline(
  doc: StoryDocument,
  stages: readonly Stage[],
  context: StageContext,
  onStage?: (name: string, ms: number) => void,
): StoryDocument {
  for (const stage of stages) {
    const t0 = performance.now();
    const out = stage.run(doc, context);
    for (const layer of stage.provides) {
      const value = out[layer];
      if (value === undefined)
        throw new PipelineError(`stage "${stage.name}" did not return layer "${layer}"`);
      doc.attach(layer, value);
    }
    onStage?.(stage.name, performance.now() - t0);
  }
  return doc;
}
