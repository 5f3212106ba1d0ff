/**
 * storylens' public API. Re-exports only: everything a program needs to analyse stories, validate
 * and render results, and write or swap a pipeline stage. Anything not listed here is internal and
 * may change without notice; test/api.exports.test.ts pins this list.
 *
 *   import { createEngine, ingestFile, RENDERERS } from 'storylens';
 *   const engine = createEngine({ until: 'quotes' });
 *   const source = await ingestFile('story.epub');
 *   const result = engine.analyze(source);
 *   const html = RENDERERS.html(result, { sourceText: source.text });
 */

// The document model, for writing a stage of one's own.
export { StoryDocument } from './engine/document.js';
// Engine: configure once, then analyse many documents.
export { createEngine, type Engine, type EngineOptions } from './engine/engine.js';
// Errors meant for the user (exit codes 2 and 3) and for a wrongly assembled pipeline.
export { InputError, UsageError, UserError } from './engine/errors.js';
export { OffsetMap } from './engine/offsets.js';
export { PipelineError } from './engine/pipeline.js';
export { POS_TAGS, type PosTag } from './engine/pos.js';
// The output contract: result types, schema and its validator.
export {
  type AnalysisResult,
  type ChapterResult,
  type CharacterResult,
  type MentionResult,
  type ParagraphResult,
  type PovResult,
  type QuoteResult,
  SCHEMA_VERSION,
  type SceneResult,
} from './engine/result.js';
export type { EmotionResult, NetworkResult, StatsResult } from './engine/result-story.js';
export type { GivenCharacter, GivenQuotation, Stage, StageContext } from './engine/stage.js';
export type {
  Attribution,
  Chapter,
  Character,
  InputFormat,
  LayerName,
  Layers,
  Mention,
  Message,
  Paragraph,
  Quotation,
  QuotationKind,
  QuoteMark,
  Scene,
  Sentence,
  SourceStructure,
  SourceText,
  Span,
  StoryMeta,
  TokenLayer,
} from './engine/types.js';
export { analysisSchema, validateAnalysis } from './engine/validate.js';
export { VERSION } from './engine/version.js';
// Ingestion: files, bytes and standard input to a decoded source text.
export {
  DEFAULT_MAX_BYTES,
  DEFAULT_MAX_EXPANDED_BYTES,
  type IngestOptions,
  ingestBytes,
  ingestFile,
} from './ingest/index.js';
// Renderers: pure functions of the result and the source text it indexes.
export { renderBooknlpQuotes, renderBooknlpTokens } from './render/booknlp.js';
export { renderCsv } from './render/csv.js';
export { renderGexf, renderGraphml } from './render/graph.js';
export { renderHtml } from './render/html.js';
export { RENDERERS, type Renderer, type RenderFormat, type RenderOptions } from './render/index.js';
export { renderJson } from './render/json.js';
export { renderTei } from './render/tei.js';
export { renderText } from './render/text.js';
// The default pipeline, to run a prefix of it or swap a stage.
export { defaultStages } from './stages/index.js';
