/**
 * Linux thread accounting for the corpus benchmark: which thread a document ran on, and how much
 * CPU each thread of the process used. On a machine shared with other work, wall time says how
 * long a batch took; per-thread CPU time says where the work went.
 */
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';

/** The calling thread's Linux thread id (`/proc/thread-self` → `<pid>/task/<tid>`), or -1. */
export function threadId(): number {
  try {
    return Number(readlinkSync('/proc/thread-self').split('/').pop());
  } catch {
    return -1;
  }
}

// Linux reports utime and stime in clock ticks of 1/100 s (USER_HZ) on every common platform.
const TICKS_PER_SECOND = 100;

/** User + system CPU seconds of every live thread of this process, by thread id ({} off Linux). */
export function threadCpuSeconds(): Map<number, number> {
  const out = new Map<number, number>();
  let tasks: string[];
  try {
    tasks = readdirSync('/proc/self/task');
  } catch {
    return out;
  }
  for (const task of tasks) {
    try {
      const stat = readFileSync(`/proc/self/task/${task}/stat`, 'utf8');
      // Fields after the command name, which is in parentheses and may contain spaces.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      out.set(Number(task), (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND);
    } catch {
      // The thread ended meanwhile.
    }
  }
  return out;
}
