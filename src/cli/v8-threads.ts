/**
 * V8 collects garbage and optimises code on helper threads of its own (four per process, shared by
 * every worker thread). With one analysis thread on a machine of several cores they use the idle
 * cores, which is free speed. When the analysis threads fill every core they only compete with
 * them, and parallel garbage collection, whose helper tasks wait for one another, loses time to
 * every descheduling: on 40 LitBank novels with 2 worker threads on 2 cores the helper threads
 * burned 17 CPU seconds against 31 for the analysis itself, and V8's `--single-threaded` (all of
 * that work done on the thread that needs it) cut the process's CPU time by a third.
 *
 * V8 reads the flag only when the process starts, so `batch` and `worker` start themselves once
 * more with it when their threads fill the cores (`STORYLENS_V8_THREADS=keep` turns this off).
 */
import { spawn } from 'node:child_process';

const FLAG = '--single-threaded';
/** Set in the restarted process, so that it never restarts again. */
const RESTARTED = 'STORYLENS_V8_RESTARTED';

/** Whether a command running `threads` analysis threads on `cores` cores should restart single-threaded. */
export function wantsSingleThreadedV8(
  threads: number,
  cores: number,
  execArgv: readonly string[] = process.execArgv,
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
): boolean {
  // On Windows a child in a process group of its own gets a console window of its own.
  if (platform === 'win32') return false;
  if (threads < 2 || threads < cores) return false;
  if (env.STORYLENS_V8_THREADS === 'keep' || env[RESTARTED] === '1') return false;
  return !execArgv.includes(FLAG);
}

/**
 * Runs this same command line again in a child process with V8's `--single-threaded`, sharing the
 * terminal, and resolves to its exit code. The child has a process group of its own, so Ctrl-C at
 * the terminal reaches the parent only, which passes each SIGINT and SIGTERM on once: the first
 * Ctrl-C stops the batch after the documents in progress, a second abandons them, as without the
 * restart.
 */
export function rerunSingleThreaded(): Promise<number> {
  const script = process.argv[1];
  if (script === undefined) return Promise.resolve(70);
  const child = spawn(process.execPath, [FLAG, ...process.execArgv, script, ...process.argv.slice(2)], {
    stdio: 'inherit',
    env: { ...process.env, [RESTARTED]: '1' },
    detached: true,
  });
  const interrupt = (): void => {
    child.kill('SIGINT');
  };
  const terminate = (): void => {
    child.kill('SIGTERM');
  };
  process.on('SIGINT', interrupt);
  process.on('SIGTERM', terminate);
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      process.off('SIGINT', interrupt);
      process.off('SIGTERM', terminate);
      resolve(code ?? (signal === 'SIGINT' ? 130 : 1));
    });
  });
}
