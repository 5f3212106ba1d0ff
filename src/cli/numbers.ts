import { UsageError } from '../engine/errors.js';

/** A count option (`--workers 2`): a whole number ≥ 1, else a usage error naming the option. */
export function positiveInt(value: string | undefined, option: string, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1)
    throw new UsageError(`${option} takes a whole number ≥ 1, not "${value}"`);
  return n;
}
