/**
 * Byte decoding: BOM first, then strict UTF-8, then (for bytes that are not UTF-8) either UTF-8 with
 * replacement characters, when the bytes are mostly well-formed UTF-8, or the encoding `chardet`
 * detects, decoded with `iconv-lite`.
 */
import { isUtf8 } from 'node:buffer';
import chardet from 'chardet';
import iconv from 'iconv-lite';
import type { Message } from '../engine/types.js';
import { detectBom, detectBomlessUtf16 } from './sniff.js';

export interface Decoded {
  /** The decoded text, without the byte-order mark. */
  text: string;
  /** The encoding used, lower-case WHATWG-style label: `utf-8`, `utf-16le`, `windows-1252` … */
  encoding: string;
  /** Warnings about the decoding (invalid bytes, a guessed encoding). */
  messages: Message[];
}

export interface DecodeOptions {
  /** A charset the document declares (HTML `<meta charset>`), used when the bytes are not UTF-8. */
  declared?: string | null;
}

const UTF8 = new TextDecoder('utf-8', { ignoreBOM: true });

/** Decodes a file's bytes to text. Never throws for odd bytes: invalid input becomes U+FFFD plus a warning. */
export function decodeBytes(bytes: Uint8Array, options: DecodeOptions = {}): Decoded {
  const messages: Message[] = [];
  const bom = detectBom(bytes);
  if (bom) {
    const body = bytes.subarray(bom.length);
    if (bom.encoding === 'utf-8') return decodeUtf8(body, messages);
    return { text: decodeWith(body, bom.encoding, messages), encoding: bom.encoding, messages };
  }
  // Before the UTF-8 check: ASCII in UTF-16 is also valid (NUL-riddled) UTF-8.
  const utf16 = detectBomlessUtf16(bytes);
  if (utf16) return { text: decodeWith(bytes, utf16, messages), encoding: utf16, messages };

  if (isUtf8(bytes)) return { text: UTF8.decode(bytes), encoding: 'utf-8', messages };

  // Mostly-UTF-8 with a few broken bytes (a truncated or damaged file) stays UTF-8.
  const stats = utf8Stats(bytes);
  if (stats.validMultiByte > 0 && stats.invalid <= stats.validMultiByte) return decodeUtf8(bytes, messages);

  const declared = options.declared ? canonicalEncoding(options.declared) : null;
  if (declared && declared !== 'utf-8' && iconv.encodingExists(declared)) {
    return { text: decodeWith(bytes, declared, messages), encoding: declared, messages };
  }

  const detected = detectLegacy(bytes);
  if (detected) return { text: decodeWith(bytes, detected, messages), encoding: detected, messages };

  messages.push({
    code: 'ingest/encoding-guessed',
    severity: 'info',
    reason: 'The text is not UTF-8 and its encoding could not be detected; it was read as windows-1252.',
    stage: 'ingest',
  });
  return { text: decodeWith(bytes, 'windows-1252', messages), encoding: 'windows-1252', messages };
}

function decodeUtf8(bytes: Uint8Array, messages: Message[]): Decoded {
  const text = UTF8.decode(bytes);
  if (!isUtf8(bytes)) {
    // Each maximal invalid subsequence became one U+FFFD; real U+FFFD characters in the input are EF BF BD.
    const replaced = countChar(text, 0xfffd) - countReplacementBytes(bytes);
    messages.push({
      code: 'ingest/invalid-bytes',
      severity: 'warning',
      reason: `${replaced} invalid UTF-8 byte sequence${replaced === 1 ? ' was' : 's were'} replaced by U+FFFD (\uFFFD).`,
      stage: 'ingest',
    });
  }
  return { text, encoding: 'utf-8', messages };
}

function decodeWith(bytes: Uint8Array, encoding: string, messages: Message[]): string {
  if (encoding === 'utf-8') return UTF8.decode(bytes);
  const text = iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length), encoding, {
    stripBOM: false,
  });
  if (
    (encoding.startsWith('utf-16') && bytes.length % 2 !== 0) ||
    (encoding.startsWith('utf-32') && bytes.length % 4 !== 0)
  ) {
    messages.push({
      code: 'ingest/invalid-bytes',
      severity: 'warning',
      reason: `The ${encoding} text ends with an incomplete character, which was replaced by U+FFFD (\uFFFD).`,
      stage: 'ingest',
    });
  }
  return text;
}

/** Lower-case encoding label, with the aliases browsers use (Latin-1 and ASCII labels mean windows-1252). */
export function canonicalEncoding(label: string): string {
  const l = label.trim().toLowerCase();
  if (l === 'utf8' || l === 'unicode-1-1-utf-8') return 'utf-8';
  if (/^(?:iso[-_]?8859[-_]1|latin-?1|l1|cp819|ibm819|us-ascii|ascii|iso-ir-100|cp1252|x-cp1252)$/.test(l)) {
    return 'windows-1252';
  }
  return l;
}

/** Legacy single- or multi-byte encoding per chardet, restricted to what iconv-lite decodes. */
function detectLegacy(bytes: Uint8Array): string | null {
  // chardet on a sample that starts just before the first non-ASCII byte: the interesting part.
  let first = 0;
  while (first < bytes.length && bytes[first]! < 0x80) first++;
  const from = Math.max(0, first - 1024);
  const sample = bytes.subarray(from, Math.min(bytes.length, from + 256 * 1024));
  const name = chardet.detect(sample);
  if (!name) return null;
  const enc = canonicalEncoding(name);
  // chardet's UTF-8/ASCII guesses are wrong here: the bytes are not UTF-8, and we already decided
  // they are not mostly UTF-8.
  if (enc === 'utf-8' || enc.startsWith('utf-16') || enc.startsWith('utf-32')) return null;
  return iconv.encodingExists(enc) ? enc : null;
}

/** Counts well-formed multi-byte UTF-8 sequences and invalid bytes (linear, only run on non-UTF-8 input). */
export function utf8Stats(b: Uint8Array): { validMultiByte: number; invalid: number } {
  let validMultiByte = 0;
  let invalid = 0;
  const n = b.length;
  let i = 0;
  while (i < n) {
    const c = b[i]!;
    if (c < 0x80) {
      i++;
      continue;
    }
    let need = 0;
    let min = 0;
    if (c >= 0xc2 && c <= 0xdf) {
      need = 1;
      min = 0x80;
    } else if (c >= 0xe0 && c <= 0xef) {
      need = 2;
      min = 0x800;
    } else if (c >= 0xf0 && c <= 0xf4) {
      need = 3;
      min = 0x10000;
    } else {
      invalid++;
      i++;
      continue;
    }
    let cp = c & (0x3f >> need);
    let ok = i + need < n;
    for (let k = 1; ok && k <= need; k++) {
      const cc = b[i + k]!;
      if ((cc & 0xc0) !== 0x80) ok = false;
      else cp = (cp << 6) | (cc & 0x3f);
    }
    if (ok && cp >= min && cp <= 0x10ffff && !(cp >= 0xd800 && cp <= 0xdfff)) {
      validMultiByte++;
      i += need + 1;
    } else {
      invalid++;
      i++;
    }
  }
  return { validMultiByte, invalid };
}

function countChar(s: string, code: number): number {
  const ch = String.fromCharCode(code);
  let count = 0;
  for (let i = s.indexOf(ch); i !== -1; i = s.indexOf(ch, i + 1)) count++;
  return count;
}

function countReplacementBytes(b: Uint8Array): number {
  let count = 0;
  const buf = Buffer.from(b.buffer, b.byteOffset, b.length);
  const needle = Buffer.from([0xef, 0xbf, 0xbd]);
  for (let i = buf.indexOf(needle); i !== -1; i = buf.indexOf(needle, i + 3)) count++;
  return count;
}
