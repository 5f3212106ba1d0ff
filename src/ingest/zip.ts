/**
 * Guarded ZIP reading (EPUB, DOCX) with yauzl. Two zip-bomb checks: the total *declared*
 * uncompressed size of all entries, and the bytes *actually* inflated while reading (an archive can
 * lie about its sizes), both against `maxExpandedBytes`. Any archive error is an `InputError`.
 */
import type { Readable } from 'node:stream';
import yauzl from 'yauzl';
import { InputError } from '../engine/errors.js';
import { formatBytes } from './options.js';

export interface ZipReader {
  /** Entry names (as stored, `/`-separated). */
  readonly names: readonly string[];
  has(name: string): boolean;
  /** Declared uncompressed size of an entry. */
  size(name: string): number;
  /** The entry's bytes; counts against the expansion budget. Throws InputError when missing. */
  read(name: string): Promise<Buffer>;
  /** Streams every entry through the budget without keeping the bytes. */
  verifyAll(): Promise<void>;
}

export interface ZipContext {
  /** `EPUB` or `DOCX`, for messages. */
  kind: string;
  /** The file name, for messages. */
  name: string;
  maxExpandedBytes: number;
}

export function damaged(ctx: ZipContext, detail: string): InputError {
  return new InputError(`cannot read ${ctx.kind} "${ctx.name}": the archive is damaged (${detail})`);
}

function tooBig(ctx: ZipContext, how: string): InputError {
  return new InputError(
    `cannot read ${ctx.kind} "${ctx.name}": its contents ${how} more than ${formatBytes(ctx.maxExpandedBytes)} ` +
      '(a possible zip bomb; if the book is genuine, raise the limit: --max-size, or maxExpandedBytes in the API)',
  );
}

function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** Opens a ZIP archive held in memory and reads its central directory. */
export async function openZip(bytes: Uint8Array, ctx: ZipContext): Promise<ZipReader> {
  const buffer = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  let zip: yauzl.ZipFile;
  try {
    zip = await new Promise<yauzl.ZipFile>((resolve, reject) => {
      yauzl.fromBuffer(
        buffer,
        { lazyEntries: true, decodeStrings: true, validateEntrySizes: false, strictFileNames: false },
        (err, z) => (err ? reject(err) : resolve(z)),
      );
    });
  } catch (err) {
    throw damaged(ctx, errorText(err));
  }

  const entries = new Map<string, yauzl.Entry>();
  try {
    await new Promise<void>((resolve, reject) => {
      zip.on('entry', (entry: yauzl.Entry) => {
        if (!entry.fileName.endsWith('/')) entries.set(entry.fileName.replace(/^\.?\//, ''), entry);
        zip.readEntry();
      });
      zip.on('end', () => resolve());
      zip.on('error', reject);
      zip.readEntry();
    });
  } catch (err) {
    throw damaged(ctx, errorText(err));
  }

  let declared = 0;
  for (const entry of entries.values()) declared += entry.uncompressedSize;
  if (declared > ctx.maxExpandedBytes) throw tooBig(ctx, `declare ${formatBytes(declared)}, which is`);

  let inflated = 0;
  const readEntry = async (entry: yauzl.Entry, keep: boolean): Promise<Buffer> => {
    let stream: Readable;
    try {
      stream = await new Promise<Readable>((resolve, reject) =>
        zip.openReadStream(entry, (err, s) => (err ? reject(err) : resolve(s))),
      );
    } catch (err) {
      throw damaged(ctx, errorText(err));
    }
    const chunks: Buffer[] = [];
    try {
      for await (const chunk of stream) {
        const buf = chunk as Buffer;
        inflated += buf.length;
        if (inflated > ctx.maxExpandedBytes) {
          stream.destroy();
          throw tooBig(ctx, 'expand to');
        }
        if (keep) chunks.push(buf);
      }
    } catch (err) {
      if (err instanceof InputError) throw err;
      throw damaged(ctx, errorText(err));
    }
    return Buffer.concat(chunks);
  };

  const names = [...entries.keys()];
  return {
    names,
    has: (name) => entries.has(name),
    size: (name) => entries.get(name)?.uncompressedSize ?? 0,
    read: async (name) => {
      const entry = entries.get(name);
      if (!entry)
        throw new InputError(`cannot read ${ctx.kind} "${ctx.name}": "${name}" is missing from the archive`);
      return readEntry(entry, true);
    },
    verifyAll: async () => {
      for (const entry of entries.values()) await readEntry(entry, false);
    },
  };
}

/** What a ZIP archive holds: an EPUB, a DOCX, or something else. Reads only the central directory. */
export async function zipKind(
  bytes: Uint8Array,
  ctx: ZipContext,
): Promise<{ kind: 'epub' | 'docx' | 'other'; zip: ZipReader }> {
  const zip = await openZip(bytes, ctx);
  if (zip.has('META-INF/container.xml') || zip.has('mimetype')) {
    if (zip.has('META-INF/container.xml')) return { kind: 'epub', zip };
    const mime = (await zip.read('mimetype')).toString('latin1').trim();
    if (mime === 'application/epub+zip') return { kind: 'epub', zip };
  }
  if (zip.has('word/document.xml')) return { kind: 'docx', zip };
  if (zip.has('[Content_Types].xml')) {
    const types = (await zip.read('[Content_Types].xml')).toString('utf8');
    if (/wordprocessingml\.document\.main/.test(types)) return { kind: 'docx', zip };
  }
  return { kind: 'other', zip };
}
