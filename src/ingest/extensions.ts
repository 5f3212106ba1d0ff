/**
 * Story files by extension, as ingestion reads them. A module of its own with no heavy imports, so
 * that listing a folder for a batch does not load every ingest module into the main thread (a
 * re-run of a finished batch is mostly start-up).
 */
import { extname } from 'node:path';
import type { InputFormat } from '../engine/types.js';

export const STORY_EXTENSIONS: Readonly<Record<string, InputFormat>> = {
  '.txt': 'txt',
  '.text': 'txt',
  '.md': 'md',
  '.markdown': 'md',
  '.html': 'html',
  '.htm': 'html',
  '.xhtml': 'html',
  '.epub': 'epub',
  '.docx': 'docx',
};

/** The format a file name's extension names, or undefined (unknown extension, no extension, `-`). */
export function formatFromName(name: string): InputFormat | undefined {
  return STORY_EXTENSIONS[extname(name).toLowerCase()];
}
