import type { AnalysisResult } from '../engine/result.js';
import type { RenderOptions } from './index.js';

export function renderJson(result: AnalysisResult, options: RenderOptions): string {
  return JSON.stringify(result, null, options.compact ? undefined : 2) + '\n';
}
