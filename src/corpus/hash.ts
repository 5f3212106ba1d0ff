import { createHash } from 'node:crypto';

/** A document's identity in the corpus: the SHA-256 of its bytes, hex. */
export function contentHash(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}
