import { normalise } from '../ingest/normalise.js';
import type { AttributionWeights } from '../stages/attribution/model.js';
import { defaultStages } from '../stages/index.js';
import { StoryDocument } from './document.js';
import { UsageError } from './errors.js';
import { checkPipeline, runPipeline } from './pipeline.js';
import { type AnalysisResult, buildResult } from './result.js';
import type { GivenCharacter, GivenQuotation, Stage, StageContext } from './stage.js';
import type { SourceText } from './types.js';

export interface EngineOptions {
  /** Stop after this stage (`--until quotes`). Default: run every stage. */
  until?: string;
  /** A cast to use instead of detecting one (`--characters`). Default: detect. */
  characters?: readonly GivenCharacter[];
  /** Quotations to attribute instead of detecting them (`--quotes`), in source offsets. Default: detect. */
  quotes?: readonly GivenQuotation[];
  /** Stages to use instead of the defaults, e.g. to swap one. Default: `defaultStages()`. */
  stages?: readonly Stage[];
  /** Attribution weights instead of the shipped model's (evaluation on held-out folds). Default: shipped. */
  attributionWeights?: AttributionWeights;
  /** Called after each stage with its wall time, for profiling. Default: none. */
  onStage?: (name: string, ms: number) => void;
}

/** A configured, frozen engine: analyse any number of documents with the same settings. */
export interface Engine {
  /** Stage names in pipeline order. */
  readonly stages: readonly string[];
  /** Runs the pipeline and builds the JSON-ready result. */
  analyze(source: SourceText): AnalysisResult;
  /** Runs the pipeline and returns the document with all its layers (for evaluation and renderers). */
  process(source: SourceText): StoryDocument;
}

export function createEngine(options: Readonly<EngineOptions> = {}): Engine {
  let stages = [...(options.stages ?? defaultStages())];
  if (options.until !== undefined) {
    const at = stages.findIndex((s) => s.name === options.until);
    if (at < 0) {
      throw new UsageError(
        `unknown stage "${options.until}" for --until (stages: ${stages.map((s) => s.name).join(', ')})`,
      );
    }
    stages = stages.slice(0, at + 1);
  }
  const pipeline = checkPipeline(stages);
  const context: StageContext = Object.freeze({
    ...(options.characters ? { givenCast: Object.freeze([...options.characters]) } : {}),
    ...(options.quotes ? { givenQuotes: Object.freeze([...options.quotes]) } : {}),
    ...(options.attributionWeights ? { attributionWeights: options.attributionWeights } : {}),
  });
  const names = Object.freeze(pipeline.map((s) => s.name));
  const onStage = options.onStage;

  const process = (source: SourceText): StoryDocument => {
    const { text, map, body, meta } = normalise(source);
    const doc = new StoryDocument(source, text, map, body, meta);
    return runPipeline(doc, pipeline, context, onStage);
  };

  return Object.freeze({
    stages: names,
    process,
    analyze: (source: SourceText) => buildResult(process(source), names),
  });
}
