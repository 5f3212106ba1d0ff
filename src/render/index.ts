import type { AnalysisResult } from '../engine/result.js';
import { renderBooknlpQuotes, renderBooknlpTokens } from './booknlp.js';
import { renderCsv } from './csv.js';
import { renderGexf, renderGraphml } from './graph.js';
import { renderHtml } from './html.js';
import { renderJson } from './json.js';
import { renderTei } from './tei.js';
import { renderText } from './text.js';

export interface RenderOptions {
  /** The decoded source text the result's offsets index (the HTML report shows it). */
  sourceText: string;
  /** JSON on one line. Default false. */
  compact?: boolean;
}

/** Renderers are pure functions of the analysis result (and the source text it indexes). */
export type Renderer = (result: AnalysisResult, options: RenderOptions) => string;

export const RENDERERS = {
  json: renderJson,
  html: renderHtml,
  text: renderText,
  tei: renderTei,
  gexf: renderGexf,
  graphml: renderGraphml,
  csv: renderCsv,
  'booknlp-tokens': renderBooknlpTokens,
  'booknlp-quotes': renderBooknlpQuotes,
} satisfies Record<string, Renderer>;

export type RenderFormat = keyof typeof RENDERERS;
