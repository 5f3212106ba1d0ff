import type { AnalysisResult } from '../engine/result.js';
import { renderHtml } from './html.js';
import { renderJson } from './json.js';
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
} satisfies Record<string, Renderer>;

export type RenderFormat = keyof typeof RENDERERS;
