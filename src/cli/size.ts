import { UsageError } from '../engine/errors.js';

/**
 * Default `--max-size` of `storylens analyze`: 16 MiB. The whole pipeline holds the document and
 * its layers in memory and runs at roughly 200,000 tokens a second, and a million words (about
 * 6 MB of text) peaks near 450 MB of memory; 16 MiB is some 2.7 million words — four times the
 * longest published novels — analysed in about a minute and a half in under 1.5 GB. A larger
 * input is refused at once (exit 3) rather than left to run for many minutes or exhaust memory;
 * `--max-size` raises the limit for whoever really means it.
 */
export const DEFAULT_MAX_SIZE = 16 * 1024 * 1024;

const UNITS: Record<string, number> = { '': 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 };

/** `--max-size` values: a number of bytes, optionally with K, M or G (binary: 1K = 1024; "MB", "MiB" too). */
export function parseSize(value: string, option = '--max-size'): number {
  const m = /^\s*(\d+(?:\.\d+)?)\s*([kmg]?)(?:i?b)?\s*$/i.exec(value);
  const bytes = m ? Math.floor(Number(m[1]) * UNITS[m[2]!.toLowerCase()]!) : Number.NaN;
  if (!Number.isFinite(bytes) || bytes < 1) {
    throw new UsageError(`${option} takes a size such as 500K, 16M or 1G, not "${value}"`);
  }
  return bytes;
}
