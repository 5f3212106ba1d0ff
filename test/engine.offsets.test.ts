import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { OffsetMap } from '../src/engine/offsets.js';
import { normalise } from '../src/ingest/index.js';
import { sourceOf } from './layers.helper.js';

/** Builds a map the way the normaliser does: a list of copy / replace steps over the source. */
function mapOf(
  sourceLength: number,
  steps: (['copy', number, number] | ['replace', number, number, number])[],
) {
  const b = OffsetMap.builder(sourceLength);
  for (const step of steps) {
    if (step[0] === 'copy') b.copy(step[1], step[2]);
    else b.replace(step[1], step[2], step[3]);
  }
  return b.build();
}

describe('engine: OffsetMap', () => {
  it('offsets: the identity maps every offset to itself, both ways', () => {
    const map = OffsetMap.identity(40);
    assert.equal(map.pieces, 1);
    for (const x of [0, 1, 17, 39, 40]) {
      assert.equal(map.toSource(x), x);
      assert.equal(map.toWorking(x), x);
    }
    assert.deepEqual(map.spanToSource(3, 9), [3, 9]);
  });

  it('offsets: adjacent copies merge into one piece', () => {
    const map = mapOf(30, [
      ['copy', 0, 10],
      ['copy', 10, 30],
    ]);
    assert.equal(map.pieces, 1);
    assert.equal(map.toSource(25), 25);
  });

  it('offsets: a CRLF replaced by one LF shifts every later offset back by one per line end', () => {
    // source: "ab\r\ncd\r\nef"  working: "ab\ncd\nef"
    const source = 'ab\r\ncd\r\nef';
    const working = 'ab\ncd\nef';
    const map = mapOf(source.length, [
      ['copy', 0, 2],
      ['replace', 2, 4, 1],
      ['copy', 4, 6],
      ['replace', 6, 8, 1],
      ['copy', 8, 10],
    ]);
    // Every character outside a line end maps to the same character in the source.
    for (let w = 0; w < working.length; w++) {
      if (working[w] === '\n') continue;
      assert.equal(source[map.toSource(w)], working[w], `working offset ${w}`);
    }
    // A line end's start maps to the CR, its end past the LF.
    assert.equal(map.toSource(2), 2);
    assert.equal(map.toSource(3), 4);
    assert.equal(map.toSource(working.length), source.length);
    assert.deepEqual(map.spanToSource(3, 5), [4, 6]);
  });

  it('offsets: toWorking inverts toSource for every offset of copied text', () => {
    const map = mapOf(10, [
      ['copy', 0, 2],
      ['replace', 2, 4, 1],
      ['copy', 4, 10],
    ]);
    for (let w = 0; w <= 9; w++) {
      if (w === 2) continue; // the replacement itself
      assert.equal(map.toWorking(map.toSource(w)), w, `working offset ${w}`);
    }
    // Inside the replaced CRLF (between CR and LF) maps to the end of the replacement.
    assert.equal(map.toWorking(3), 3);
  });

  it('offsets: text dropped from the source has no working text and offsets jump over it', () => {
    // Source: 5 kept, 20 dropped (a licence), 5 kept.
    const map = mapOf(30, [
      ['copy', 0, 5],
      ['copy', 25, 30],
    ]);
    assert.equal(map.pieces, 2);
    assert.equal(map.toSource(4), 4);
    assert.equal(map.toSource(5), 25);
    assert.equal(map.toSource(10), 30);
    // A source offset inside the dropped range maps to the next kept working offset.
    assert.equal(map.toWorking(12), 5);
    assert.equal(map.toWorking(27), 7);
  });

  it('offsets: a leading dropped range (a Gutenberg header) maps source offsets before the text to 0', () => {
    const map = mapOf(50, [['copy', 20, 50]]);
    assert.equal(map.toSource(0), 20);
    assert.equal(map.toWorking(3), 0);
    assert.equal(map.toWorking(20), 0);
    assert.equal(map.toWorking(35), 15);
    assert.equal(map.toWorking(50), 30);
  });

  it('offsets: normalising a CRLF, hard-wrapped text keeps every non-space character at its source offset', () => {
    const source = sourceOf(
      'The Bridge\r\n\r\nOne line of a paragraph\r\nthat goes on here.\r\n\r\n  Another one,\r\nwrapped too.\r\n',
    );
    const n = normalise(source);
    assert.ok(n.text.length < source.text.length, 'CRLF line ends are shortened');
    for (let w = 0; w < n.text.length; w++) {
      const ch = n.text[w]!;
      if (/\s/.test(ch)) continue;
      assert.equal(source.text[n.map.toSource(w)], ch, `working offset ${w}`);
      assert.equal(n.map.toWorking(n.map.toSource(w)), w);
    }
  });
});
