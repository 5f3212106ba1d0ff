/**
 * Content sniffing: what the bytes are, independent of the file name.
 */

/** A magic-number signature of a file type that is not a story text. */
interface Signature {
  at: number;
  bytes: readonly number[];
  what: string;
  /** Extra check on the whole buffer when the magic alone is too weak. */
  also?: (b: Uint8Array) => boolean;
}

const ascii = (s: string): number[] => Array.from(s, (c) => c.charCodeAt(0));

const SIGNATURES: readonly Signature[] = [
  { at: 0, bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], what: 'a PNG image' },
  { at: 0, bytes: ascii('%PDF-'), what: 'a PDF document' },
  { at: 0, bytes: ascii('GIF87a'), what: 'a GIF image' },
  { at: 0, bytes: ascii('GIF89a'), what: 'a GIF image' },
  { at: 0, bytes: [0xff, 0xd8, 0xff], what: 'a JPEG image' },
  { at: 0, bytes: [0x7f, 0x45, 0x4c, 0x46], what: 'an ELF executable' },
  { at: 0, bytes: ascii('MZ'), what: 'a Windows executable', also: isPortableExecutable },
  { at: 0, bytes: [0xcf, 0xfa, 0xed, 0xfe], what: 'a Mach-O executable' },
  { at: 0, bytes: [0xfe, 0xed, 0xfa, 0xcf], what: 'a Mach-O executable' },
  { at: 0, bytes: [0xca, 0xfe, 0xba, 0xbe], what: 'a Mach-O or Java class file' },
  { at: 0, bytes: [0x00, 0x61, 0x73, 0x6d], what: 'a WebAssembly module' },
  { at: 0, bytes: [0x1f, 0x8b], what: 'a gzip archive' },
  {
    at: 0,
    bytes: [0x42, 0x5a, 0x68],
    what: 'a bzip2 archive',
    also: (b) => b[3] !== undefined && b[3] >= 0x31 && b[3] <= 0x39 && b[4] === 0x31 && b[5] === 0x41,
  },
  { at: 0, bytes: [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00], what: 'an xz archive' },
  { at: 0, bytes: [0x28, 0xb5, 0x2f, 0xfd], what: 'a zstd archive' },
  { at: 0, bytes: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c], what: 'a 7-Zip archive' },
  { at: 0, bytes: [0x52, 0x61, 0x72, 0x21, 0x1a, 0x07], what: 'a RAR archive' },
  {
    at: 0,
    bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1],
    what: 'a legacy Microsoft Office file (such as a .doc)',
  },
  { at: 0, bytes: ascii('{\\rtf'), what: 'an RTF document (save it as .docx or .txt)' },
  { at: 0, bytes: ascii('SQLite format 3\0'), what: 'an SQLite database' },
  { at: 0, bytes: ascii('II*\0'), what: 'a TIFF image' },
  { at: 0, bytes: ascii('MM\0*'), what: 'a TIFF image' },
  {
    at: 0,
    bytes: ascii('BM'),
    what: 'a BMP image',
    also: (b) => b.length > 26 && b[6] === 0 && b[7] === 0 && b[8] === 0 && b[9] === 0,
  },
  { at: 0, bytes: [0x00, 0x00, 0x01, 0x00], what: 'an icon image' },
  { at: 8, bytes: ascii('WEBP'), what: 'a WebP image', also: (b) => startsWith(b, ascii('RIFF'), 0) },
  { at: 8, bytes: ascii('WAVE'), what: 'a WAV audio file', also: (b) => startsWith(b, ascii('RIFF'), 0) },
  { at: 8, bytes: ascii('AVI '), what: 'an AVI video', also: (b) => startsWith(b, ascii('RIFF'), 0) },
  { at: 4, bytes: ascii('ftyp'), what: 'an MP4/QuickTime/HEIF media file' },
  { at: 0, bytes: ascii('ID3'), what: 'an MP3 audio file' },
  { at: 0, bytes: ascii('OggS'), what: 'an Ogg media file' },
  { at: 0, bytes: ascii('fLaC'), what: 'a FLAC audio file' },
  { at: 0, bytes: [0x1a, 0x45, 0xdf, 0xa3], what: 'a Matroska/WebM video' },
  { at: 0, bytes: ascii('wOFF'), what: 'a web font' },
  { at: 0, bytes: ascii('wOF2'), what: 'a web font' },
  { at: 0, bytes: [0x00, 0x01, 0x00, 0x00, 0x00], what: 'a font file' },
];

function startsWith(b: Uint8Array, sig: readonly number[], at: number): boolean {
  if (b.length < at + sig.length) return false;
  for (let i = 0; i < sig.length; i++) if (b[at + i] !== sig[i]) return false;
  return true;
}

function isPortableExecutable(b: Uint8Array): boolean {
  if (b.length < 0x40) return false;
  const pe = (b[0x3c] ?? 0) | ((b[0x3d] ?? 0) << 8) | ((b[0x3e] ?? 0) << 16);
  return startsWith(b, [0x50, 0x45, 0x00, 0x00], pe);
}

/** True for the local-file-header or empty-archive signature of a ZIP archive (EPUB, DOCX …). */
export function isZip(b: Uint8Array): boolean {
  return startsWith(b, [0x50, 0x4b, 0x03, 0x04], 0) || startsWith(b, [0x50, 0x4b, 0x05, 0x06], 0);
}

/** Byte-order mark, if any. UTF-32 is checked before UTF-16 (FF FE 00 00 starts both). */
export function detectBom(b: Uint8Array): { encoding: string; length: number } | null {
  if (startsWith(b, [0xef, 0xbb, 0xbf], 0)) return { encoding: 'utf-8', length: 3 };
  if (startsWith(b, [0xff, 0xfe, 0x00, 0x00], 0)) return { encoding: 'utf-32le', length: 4 };
  if (startsWith(b, [0x00, 0x00, 0xfe, 0xff], 0)) return { encoding: 'utf-32be', length: 4 };
  if (startsWith(b, [0xff, 0xfe], 0)) return { encoding: 'utf-16le', length: 2 };
  if (startsWith(b, [0xfe, 0xff], 0)) return { encoding: 'utf-16be', length: 2 };
  return null;
}

/**
 * UTF-16 without a BOM shows up as NUL bytes in every other position (for Latin text). Returns the
 * byte order, or null. Looks at the first 4 KiB only.
 */
export function detectBomlessUtf16(b: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(b.length, 4096) & ~1;
  if (n < 8) return null;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (b[i] === 0) evenZero++;
    if (b[i + 1] === 0) oddZero++;
  }
  const pairs = n / 2;
  if (oddZero > pairs * 0.4 && evenZero < pairs * 0.05) return 'utf-16le';
  if (evenZero > pairs * 0.4 && oddZero < pairs * 0.05) return 'utf-16be';
  return null;
}

/**
 * What kind of non-text file the bytes are (`'a PNG image'`), or null when they may be text. ZIP
 * archives are not reported here (see `isZip`): they may be EPUB or DOCX.
 */
export function binaryKind(b: Uint8Array): string | null {
  if (detectBom(b)) return null;
  for (const sig of SIGNATURES) {
    if (startsWith(b, sig.bytes, sig.at) && (sig.also === undefined || sig.also(b))) return sig.what;
  }
  if (detectBomlessUtf16(b)) return null;
  // Text never contains NUL; a few stray ones are tolerated, a binary format has many.
  const n = Math.min(b.length, 8192);
  let nul = 0;
  for (let i = 0; i < n; i++) if (b[i] === 0) nul++;
  if (nul > 2 && nul > n * 0.01) return 'a binary file';
  return null;
}

/** Whether decoded text is an HTML document: starts (after whitespace, comments, an XML declaration) with `<!DOCTYPE html` or `<html`. */
export function looksLikeHtml(text: string): boolean {
  const head = text.slice(0, 4096).replace(/^\uFEFF/, '');
  const stripped = head.replace(/^(?:\s+|<\?xml[^>]*\?>|<!--[\s\S]*?-->)*/, '');
  return (
    /^<!doctype\s+html\b/i.test(stripped) ||
    /^<html[\s>]/i.test(stripped) ||
    /^<(?:head|body)[\s>]/i.test(stripped)
  );
}

/**
 * The charset an HTML/XHTML document declares in its first 4 KiB (`<meta charset>`, the
 * `http-equiv` content type, or the XML declaration), lower-cased, or null.
 */
export function declaredCharset(b: Uint8Array): string | null {
  const head = Buffer.from(b.buffer, b.byteOffset, Math.min(b.length, 4096)).toString('latin1');
  const m =
    /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head) ??
    /<\?xml[^>]+encoding\s*=\s*["']([\w.:-]+)["']/i.exec(head);
  return m?.[1]?.toLowerCase() ?? null;
}
