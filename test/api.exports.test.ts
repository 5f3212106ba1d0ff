import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
// Type exports cannot be listed at run time: importing each one here makes the build fail when
// one disappears from the public API.
import type {
  AnalysisResult,
  Attribution,
  Chapter,
  ChapterResult,
  Character,
  CharacterResult,
  EmotionResult,
  Engine,
  EngineOptions,
  GivenCharacter,
  GivenQuotation,
  IngestOptions,
  InputFormat,
  LayerName,
  Layers,
  Mention,
  MentionResult,
  Message,
  NetworkResult,
  Paragraph,
  ParagraphResult,
  PosTag,
  PovResult,
  Quotation,
  QuotationKind,
  QuoteMark,
  QuoteResult,
  Renderer,
  RenderFormat,
  RenderOptions,
  Scene,
  SceneResult,
  Sentence,
  SourceStructure,
  SourceText,
  Span,
  Stage,
  StageContext,
  StatsResult,
  StoryMeta,
  TokenLayer,
} from '../src/index.js';
import * as api from '../src/index.js';

type PinnedTypes = [
  AnalysisResult,
  Attribution,
  Chapter,
  ChapterResult,
  Character,
  CharacterResult,
  EmotionResult,
  Engine,
  EngineOptions,
  GivenCharacter,
  GivenQuotation,
  IngestOptions,
  InputFormat,
  LayerName,
  Layers,
  Mention,
  MentionResult,
  Message,
  NetworkResult,
  Paragraph,
  ParagraphResult,
  PosTag,
  PovResult,
  Quotation,
  QuotationKind,
  QuoteMark,
  QuoteResult,
  Renderer,
  RenderFormat,
  RenderOptions,
  Scene,
  SceneResult,
  Sentence,
  SourceStructure,
  SourceText,
  Span,
  Stage,
  StageContext,
  StatsResult,
  StoryMeta,
  TokenLayer,
];
void (undefined as unknown as PinnedTypes);

/** The run-time exports of src/index.ts. Adding or removing one is an API change: update here on purpose. */
const VALUE_EXPORTS = [
  'DEFAULT_MAX_BYTES',
  'DEFAULT_MAX_EXPANDED_BYTES',
  'InputError',
  'OffsetMap',
  'POS_TAGS',
  'PipelineError',
  'RENDERERS',
  'SCHEMA_VERSION',
  'StoryDocument',
  'UsageError',
  'UserError',
  'VERSION',
  'analysisSchema',
  'createEngine',
  'defaultStages',
  'ingestBytes',
  'ingestFile',
  'renderBooknlpQuotes',
  'renderBooknlpTokens',
  'renderCsv',
  'renderGexf',
  'renderGraphml',
  'renderHtml',
  'renderJson',
  'renderTei',
  'renderText',
  'validateAnalysis',
];

const PACKAGE_JSON = new URL('../../package.json', import.meta.url);

describe('public API', () => {
  it('api: src/index.ts exports exactly the pinned list of values', () => {
    assert.deepEqual(Object.keys(api).sort(), [...VALUE_EXPORTS].sort());
  });

  it('api: the package name resolves to the public API (package.json "exports")', async () => {
    // A variable keeps TypeScript from resolving the package while it is being built.
    const name = 'storylens';
    const byName = (await import(name)) as typeof api;
    assert.equal(byName.createEngine, api.createEngine);
    assert.equal(byName.VERSION, api.VERSION);
  });

  it('api: the schema is importable as storylens/schema.json and is the validator’s schema', async () => {
    const name = 'storylens/schema.json';
    const schema = (await import(name, { with: { type: 'json' } })) as { default: unknown };
    assert.deepEqual(schema.default, api.analysisSchema);
  });

  it('api: VERSION equals package.json’s version', () => {
    const pkg = JSON.parse(readFileSync(PACKAGE_JSON, 'utf8')) as { version: string };
    assert.equal(api.VERSION, pkg.version);
  });

  it('api: every renderer in RENDERERS is one of the exported render functions', () => {
    const exported = new Set<unknown>(Object.values(api).filter((v) => typeof v === 'function'));
    for (const [format, render] of Object.entries(api.RENDERERS)) {
      assert.ok(exported.has(render), `RENDERERS.${format} is not exported by name`);
    }
  });

  it('api: the user-facing errors carry their exit codes', () => {
    assert.equal(new api.UsageError('x').exitCode, 2);
    assert.equal(new api.InputError('x').exitCode, 3);
    assert.ok(new api.InputError('x') instanceof api.UserError);
  });
});
