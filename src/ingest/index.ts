/**
 * Ingestion: story files and stdin → `SourceText` (decoded text + format hints), and the
 * normalisation of a `SourceText` into the working text every stage reads.
 */
export { type Decoded, decodeBytes } from './encoding.js';
export { formatFromName, ingestBytes, ingestFile } from './ingest.js';
export { type NormalisedText, normalise, type ParagraphMode } from './normalise.js';
export { DEFAULT_MAX_BYTES, DEFAULT_MAX_EXPANDED_BYTES, type IngestOptions } from './options.js';
