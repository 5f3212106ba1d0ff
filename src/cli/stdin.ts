import { InputError } from '../engine/errors.js';
import { formatBytes } from '../ingest/options.js';

/**
 * Reads all of standard input as bytes, but never more than `maxBytes`: a larger input is refused
 * as soon as it goes past the limit, so an endless pipe cannot exhaust memory.
 */
export async function readStdin(maxBytes = Number.POSITIVE_INFINITY): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of process.stdin) {
    total += (chunk as Buffer).length;
    if (total > maxBytes) {
      process.stdin.destroy();
      throw new InputError(
        `standard input is more than ${formatBytes(maxBytes)}, over the --max-size limit (raise it with --max-size)`,
      );
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks, total);
}
