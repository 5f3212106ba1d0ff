/**
 * A batch whose threads fill every core restarts itself once with V8's `--single-threaded`
 * (src/cli/v8-threads.ts): when that happens, when it does not, and that Ctrl-C still stops it.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { wantsSingleThreadedV8 } from '../src/cli/v8-threads.js';
import { withTempDir, writeCorpus } from './corpus-stories.js';

const BIN = fileURLToPath(new URL('../../bin/storylens.js', import.meta.url));

describe('cli: V8 helper threads in a batch', () => {
  it('restarts single-threaded only when two or more threads fill every core, once, unless told not to', () => {
    assert.equal(wantsSingleThreadedV8(2, 2, [], {}), true);
    assert.equal(wantsSingleThreadedV8(8, 4, [], {}), true);
    assert.equal(wantsSingleThreadedV8(1, 1, [], {}), false, 'one thread: nothing to compete with');
    assert.equal(
      wantsSingleThreadedV8(1, 2, [], {}),
      false,
      'one thread of two cores: the helpers use the idle one',
    );
    assert.equal(wantsSingleThreadedV8(3, 4, [], {}), false, 'a core left idle');
    assert.equal(wantsSingleThreadedV8(2, 2, ['--single-threaded'], {}), false, 'already');
    assert.equal(
      wantsSingleThreadedV8(2, 2, [], { STORYLENS_V8_RESTARTED: '1' }),
      false,
      'the restarted child',
    );
    assert.equal(wantsSingleThreadedV8(2, 2, [], { STORYLENS_V8_THREADS: 'keep' }), false, 'turned off');
    assert.equal(wantsSingleThreadedV8(2, 2, [], {}, 'win32'), false, 'not on Windows');
    assert.equal(wantsSingleThreadedV8(2, 2, [], {}, 'linux'), true);
  });

  it('a batch with a thread per core runs in a single-threaded child, stores everything, and stops on Ctrl-C', async () => {
    await withTempDir(async (dir) => {
      await writeCorpus(dir, 6, 1200);
      const dbPath = join(dir, 'corpus.sqlite');
      const workers = String(Math.max(2, availableParallelism()));
      const args = [BIN, 'batch', join(dir, 'stories'), '--db', dbPath, '--workers', workers];
      const parent = spawn(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'] });
      let stderr = '';
      parent.stderr.on('data', (d: Buffer) => {
        stderr += d.toString();
      });
      const exited = new Promise<number | null>((resolve) => parent.on('exit', (code) => resolve(code)));
      // The child's command line (Linux shows it under /proc).
      let childArgs: string[] | undefined;
      let stored = 0;
      for (let i = 0; i < 1500 && stored === 0; i++) {
        await new Promise((r) => setTimeout(r, 20));
        try {
          const kids = readFileSync(`/proc/${parent.pid}/task/${parent.pid}/children`, 'utf8').trim();
          // Read again each time: just after fork the child still shows the parent's command line.
          if (kids !== '') {
            childArgs = readFileSync(`/proc/${kids.split(' ')[0]}/cmdline`, 'utf8').split('\0');
          }
        } catch {
          // Not Linux, or the child is not there yet.
        }
        try {
          const db = new Database(dbPath, { readonly: true, fileMustExist: true });
          stored = (db.prepare('SELECT COUNT(*) AS n FROM documents').get() as { n: number }).n;
          db.close();
        } catch {
          // Not created or not migrated yet.
        }
      }
      if (process.platform === 'linux') {
        assert.ok(childArgs?.includes('--single-threaded'), `child: ${childArgs?.join(' ')}`);
      }
      assert.ok(stored > 0, 'a document was stored before the interrupt');
      parent.kill('SIGINT');
      assert.equal(await exited, 130, stderr);
      assert.match(stderr, /stopped by Ctrl-C/);
      // Run again to the end: every document stored once.
      const rest = spawn(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'] });
      let restErr = '';
      rest.stderr.on('data', (d: Buffer) => {
        restErr += d.toString();
      });
      assert.equal(await new Promise((resolve) => rest.on('exit', resolve)), 0, restErr);
      const db = new Database(dbPath, { readonly: true });
      assert.equal((db.prepare('SELECT COUNT(*) AS n FROM documents').get() as { n: number }).n, 6);
      db.close();
    });
  });
});
