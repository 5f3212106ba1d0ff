/** Limits that protect ingestion from oversized or malicious input. */
export interface IngestOptions {
  /**
   * Largest input accepted, in bytes, for any file or stdin (for EPUB and DOCX: the compressed file).
   * Default 512 MiB. Larger input is refused with an `InputError` before it is decoded.
   */
  maxBytes?: number;
  /**
   * Largest total uncompressed size of the ZIP entries of an EPUB or DOCX, in bytes. Default 200 MiB.
   * Checked twice: against the sizes the archive declares, and against the bytes actually inflated
   * while reading (an archive can lie about its sizes). Exceeding it is an `InputError` (zip bomb).
   */
  maxExpandedBytes?: number;
}

export const DEFAULT_MAX_BYTES = 512 * 1024 * 1024;
export const DEFAULT_MAX_EXPANDED_BYTES = 200 * 1024 * 1024;

export interface Limits {
  maxBytes: number;
  maxExpandedBytes: number;
}

export function resolveLimits(options: IngestOptions | undefined): Limits {
  return {
    maxBytes: positive(options?.maxBytes, DEFAULT_MAX_BYTES, 'maxBytes'),
    maxExpandedBytes: positive(options?.maxExpandedBytes, DEFAULT_MAX_EXPANDED_BYTES, 'maxExpandedBytes'),
  };
}

function positive(value: number | undefined, fallback: number, name: string): number {
  if (value === undefined) return fallback;
  if (!Number.isFinite(value) || value < 0)
    throw new RangeError(`IngestOptions.${name} must be a non-negative number`);
  return value;
}

/**
 * The limits of `--max-size`: input up to that size, and an EPUB or DOCX may expand to it when it
 * is above the default expansion limit.
 */
export function maxSizeLimits(maxSize: number): IngestOptions {
  return { maxBytes: maxSize, maxExpandedBytes: expansionLimit(maxSize) };
}

/** What an EPUB or DOCX may expand to under `--max-size`: the default, or the size when larger. */
export function expansionLimit(maxSize: number): number {
  return Math.max(DEFAULT_MAX_EXPANDED_BYTES, maxSize);
}

/** The one-line reason for input over `--max-size`: `"x.txt" is 20 MiB, over the 16 MiB limit (…)`. */
export function overMaxSize(what: string, maxSize: number): string {
  return `${what}, over the ${formatBytes(maxSize)} limit (raise it with --max-size)`;
}

/** `1536` → `1.5 KiB`, for one-line error messages. */
export function formatBytes(n: number): string {
  const units = ['bytes', 'KiB', 'MiB', 'GiB'];
  let value = n;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  if (unit === 0) return `${n} bytes`;
  return `${Number.isInteger(value) ? value : value.toFixed(1)} ${units[unit]}`;
}
