/**
 * The batch progress bar: documents done, words/s and ETA on one line of stderr, redrawn in place.
 * Drawn only on a terminal; in a pipe or a log file the batch prints its one-line summary only.
 */

export interface BatchProgress {
  /** Documents finished (analysed, failed or skipped). */
  done: number;
  total: number;
  analysed: number;
  skipped: number;
  failed: number;
  words: number;
  /** Bytes of finished documents (skipped ones included) and of all documents. */
  bytesDone: number;
  bytesTotal: number;
  /** Bytes of analysed documents only: the rate the ETA is computed from. */
  bytesAnalysed: number;
  elapsedMs: number;
  /** True once a stop was requested: the bar says so. */
  stopping: boolean;
}

export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return '--:--';
  const s = Math.round(seconds);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const pad = (n: number): string => String(n).padStart(2, '0');
  return h > 0 ? `${h}:${pad(m)}:${pad(s % 60)}` : `${m}:${pad(s % 60)}`;
}

export function formatCount(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}

/** One line, at most `width` characters. */
export function progressLine(p: Readonly<BatchProgress>, width = 100): string {
  const seconds = p.elapsedMs / 1000;
  const wordsPerSecond = seconds > 0 ? p.words / seconds : 0;
  const byteRate = seconds > 0 ? p.bytesAnalysed / seconds : 0;
  const remaining = p.bytesTotal - p.bytesDone;
  const eta = remaining <= 0 ? 0 : byteRate > 0 ? remaining / byteRate : Number.NaN;
  const fraction =
    p.bytesTotal > 0 ? Math.min(1, p.bytesDone / p.bytesTotal) : p.total > 0 ? p.done / p.total : 1;
  const parts = [
    `${formatCount(p.done)}/${formatCount(p.total)} docs`,
    `${formatCount(wordsPerSecond)} words/s`,
    `ETA ${formatDuration(eta)}`,
  ];
  if (p.skipped > 0) parts.push(`${formatCount(p.skipped)} skipped`);
  if (p.failed > 0) parts.push(`${formatCount(p.failed)} failed`);
  if (p.stopping) parts.push('stopping…');
  const text = parts.join(' · ');
  const barWidth = Math.max(0, Math.min(30, width - text.length - 3));
  if (barWidth < 5) return text.slice(0, width);
  const filled = Math.round(fraction * barWidth);
  return `[${'#'.repeat(filled)}${'-'.repeat(barWidth - filled)}] ${text}`;
}

export interface ProgressView {
  update(p: Readonly<BatchProgress>): void;
  /** Clears the bar (before the summary is printed). */
  end(): void;
}

/** A bar on `stream` when it is a terminal, redrawn at most ten times a second; else nothing. */
export function createProgressView(stream: NodeJS.WriteStream): ProgressView {
  if (!stream.isTTY) return { update() {}, end() {} };
  let last = 0;
  let drawn = false;
  return {
    update(p) {
      const now = Date.now();
      if (now - last < 100 && p.done < p.total) return;
      last = now;
      // A terminal that reports no size (0 columns) gets a standard width.
      const width = Math.max(20, (stream.columns || 100) - 1);
      stream.write(`\r${progressLine(p, width).padEnd(width)}`);
      drawn = true;
    },
    end() {
      if (drawn) stream.write(`\r${' '.repeat(Math.max(20, (stream.columns || 100) - 1))}\r`);
      drawn = false;
    },
  };
}
