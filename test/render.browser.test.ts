/**
 * The HTML report in a real browser (Debian's chromium through playwright-core): it opens from a
 * file with the network cut off, draws its charts, colours every quotation and jumps to a scene
 * from the strip. Skips with one line where chromium is not installed (`.ci/run` installs it).
 */
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { type Browser, chromium, type Page } from 'playwright-core';
import { createEngine } from '../src/engine/engine.js';
import { ingestFile } from '../src/ingest/index.js';
import { renderHtml } from '../src/render/html.js';

// Browser globals used inside page callbacks (the project compiles without the DOM library).
declare const window: { scrollY: number };
declare function getComputedStyle(element: unknown): { backgroundColor: string };

const CHROMIUM = process.env.STORYLENS_CHROMIUM ?? '/usr/bin/chromium';
const SAMPLE = fileURLToPath(new URL('../../samples/the-lighthouse-keepers-daughter.txt', import.meta.url));
const skip = existsSync(CHROMIUM) ? false : `no chromium at ${CHROMIUM} (apt-get install chromium)`;
if (skip) process.stderr.write(`render: browser tests skipped: ${skip}\n`);

describe('render: the HTML report in a browser', { skip }, () => {
  let browser: Browser;
  let page: Page;
  let dir: string;
  const requests: string[] = [];
  const errors: string[] = [];

  before(async () => {
    const source = await ingestFile(SAMPLE);
    const result = createEngine().analyze(source);
    dir = mkdtempSync(join(tmpdir(), 'storylens-browser-'));
    const path = join(dir, 'report.html');
    writeFileSync(path, renderHtml(result, { sourceText: source.text }));
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
    const context = await browser.newContext({ offline: true, viewport: { width: 1200, height: 800 } });
    page = await context.newPage();
    page.on('request', (r) => requests.push(r.url()));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(pathToFileURL(path).href);
  });

  after(async () => {
    await browser?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('browser: the report opens offline, asks for nothing but itself and logs no error', () => {
    assert.equal(requests.length, 1, requests.join('\n'));
    assert.match(requests[0]!, /^file:.*report\.html$/);
    assert.deepEqual(errors, []);
  });

  it('browser: the arc, the network and the scene strip are drawn at a visible size', async () => {
    const boxes = await page.$$eval('svg', (svgs) =>
      svgs.map((s) => {
        const r = s.getBoundingClientRect();
        return [r.width, r.height];
      }),
    );
    assert.ok(boxes.length >= 3, `${boxes.length} charts`);
    for (const [w, h] of boxes) assert.ok(w! > 100 && h! > 20, `chart of ${w}×${h}`);
  });

  it('browser: every attributed quotation is coloured and says who speaks on hover', async () => {
    const marks = await page.$$eval('mark.q', (ms) =>
      ms.map((m) => [m.className, getComputedStyle(m).backgroundColor, m.getAttribute('title') ?? '']),
    );
    assert.ok(marks.length >= 50, `${marks.length} quotations`);
    for (const [cls, background, title] of marks) {
      if (cls!.includes('su')) continue;
      assert.notEqual(background, 'rgba(0, 0, 0, 0)', `${cls} has no colour`);
      assert.match(title!, /\w/, `${cls} has no hover text`);
    }
    const colours = new Set(marks.map(([, b]) => b));
    assert.ok(colours.size >= 3, `${colours.size} speaker colours`);
  });

  it('browser: a scene in the strip jumps to that scene in the text', async () => {
    assert.equal(await page.evaluate(() => window.scrollY), 0);
    await page.click('a[href="#scene-2"]');
    await page.waitForFunction(() => window.scrollY > 0);
    const top = await page.$eval('#scene-2', (e) => e.getBoundingClientRect().top);
    assert.ok(top >= -5 && top < 800, `scene 2 at ${top}px`);
  });
});
