import { UsageError } from '../engine/errors.js';

/**
 * Default `--max-size` of `storylens analyze`: 16 MiB, some 2.8 million words of plain text (four
 * times the longest published novels). The pipeline holds the document and all its layers in
 * memory: 14 MB of concatenated novels (2.5 million words) took 23 s of CPU and peaked at 0.9 GB,
 * so a 100 MB file would need minutes and 6 GB or more, past Node's default heap. A larger input is
 * refused at once (exit 3) instead; `--max-size` raises the limit for whoever really means it.
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
