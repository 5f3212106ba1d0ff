import { createRequire } from 'node:module';
import { Ajv, type ErrorObject } from 'ajv';

const require = createRequire(import.meta.url);
/** The JSON Schema of the analysis result (engine/schema.json), shipped with the package. */
export const analysisSchema: Record<string, unknown> = require('./schema.json');

let compiled: ReturnType<Ajv['compile']> | undefined;

/**
 * Validates an analysis result against the schema. Returns the problems as readable lines (empty
 * when valid). The one validator used by tests, CLI (`storylens validate`) and the HTML viewer.
 */
export function validateAnalysis(result: unknown): string[] {
  compiled ??= new Ajv({ allErrors: true, strict: false }).compile(analysisSchema);
  if (compiled(result)) return [];
  return (compiled.errors ?? []).map(describe);
}

function describe(e: ErrorObject): string {
  return `${e.instancePath || '/'} ${e.message ?? 'is invalid'}`;
}
