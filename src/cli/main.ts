import { UserError } from '../engine/errors.js';
import { VERSION } from '../engine/version.js';
import { BATCH_USAGE } from './batch.js';
import { STATUS_USAGE } from './status.js';
import { WORKER_USAGE } from './worker.js';

export const USAGE = `storylens ${VERSION} — narrative analysis for prose fiction

Usage:
  storylens analyze <file|-> [--format <fmt>] [-o <path>] [options]
  storylens eval quotes|characters|attribution|litbank-quotes|scenes|all [--pdnc <dir>] [--litbank <dir>] [options]
  storylens demo [<out-dir>]          analyse the bundled sample story (what npm start runs)
  storylens batch <dir|files…> --db <corpus.sqlite|postgres://…> [--workers N] [--format txt,…]
  storylens batch <dir|files…> --queue redis://HOST:PORT      enqueue for workers on other machines
  storylens worker --queue redis://… --db postgres://…      analyse queued documents
  storylens status --queue redis://… [--db …]               waiting/active/done/failed counts
  storylens --help | --version

analyze options:
  -f, --format <fmt>        json (default), html, text, tei, gexf, graphml, csv,
                            booknlp-tokens, booknlp-quotes (see docs/formats.md)
  -o, --output <path>       write there instead of stdout
      --characters <file>   use this cast [{id, name, aliases}] instead of detecting one
      --quotes <file>       attribute these quotations {id, spans} (.json or .jsonl) instead of detecting
      --until <stage>       stop after this stage
      --max-size <size>     refuse larger input (exit 3), e.g. 500K, 64M (default: 16M)
      --compact             JSON on one line (default: indented)

${BATCH_USAGE}

${WORKER_USAGE}

${STATUS_USAGE}

Exit codes: 0 done, 2 bad usage, 3 unreadable or unsupported input, 130 batch stopped by Ctrl-C.`;

/** A command resolves when done, or to an exit code of its own (a restarted child's). */
type Command = (args: string[]) => Promise<unknown>;

// Each command's module is loaded when it runs: the engine and its language model cost about half
// a second of start-up that `batch` (whose threads load their own), `status` and `--help` never need.
const COMMANDS: Record<string, Command> = {
  analyze: async (args) => (await import('./analyze.js')).analyzeCommand(args),
  batch: async (args) => (await import('./batch.js')).batchCommand(args),
  demo: async (args) => (await import('./demo.js')).demoCommand(args),
  eval: async (args) => (await import('./eval.js')).evalCommand(args),
  status: async (args) => (await import('./status.js')).statusCommand(args),
  worker: async (args) => (await import('./worker.js')).workerCommand(args),
};

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    process.stdout.write(USAGE + '\n');
    return command === undefined ? 2 : 0;
  }
  if (command === '--version' || command === '-v') {
    process.stdout.write(VERSION + '\n');
    return 0;
  }
  const run = COMMANDS[command];
  if (!run) {
    process.stderr.write(`storylens: unknown command "${command}" (try: storylens --help)\n`);
    return 2;
  }
  try {
    const code = await run(rest);
    return typeof code === 'number' ? code : 0;
  } catch (e) {
    if (e instanceof UserError) {
      process.stderr.write(`storylens: ${e.message}\n`);
      return e.exitCode;
    }
    // node:util parseArgs reports unknown or malformed options this way: a usage error.
    if ((e as NodeJS.ErrnoException).code?.startsWith('ERR_PARSE_ARGS')) {
      process.stderr.write(`storylens: ${(e as Error).message.split('\n')[0]}\n`);
      return 2;
    }
    throw e;
  }
}
