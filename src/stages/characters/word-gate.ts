/**
 * A cheap first test for membership in a word set: a byte per (first, second and last letter,
 * length) slot. Looking a token up in a `Set` hashes the whole string; the gate reads two characters and
 * turns away most words of running text before that ("the", "and", "was" share no slot with
 * "sweetheart" or "Highbury"). A `true` answer still needs the exact test.
 */
export class WordGate {
  private readonly slots = new Uint8Array(1 << 16);

  constructor(words: Iterable<string> = []) {
    for (const w of words) this.add(w, w.length);
  }

  /** Opens the slot of `word` as if it were `length` characters long. */
  add(word: string, length: number): void {
    this.slots[slot(word, length)] = 1;
  }

  /** Whether `word`, read as `length` characters long, may be in the set. */
  mayHave(word: string, length: number = word.length): boolean {
    return this.slots[slot(word, length)] === 1;
  }
}

function slot(word: string, length: number): number {
  // First, second and last letter (of the first `length` characters) and the length, folded into
  // 16 bits: common words rarely share a slot with the words of a small set.
  const last = length > 0 ? word.charCodeAt(length - 1) & 31 : 0;
  return (
    (((word.charCodeAt(0) & 31) << 11) ^
      ((word.charCodeAt(1) & 31) << 6) ^
      (last << 3) ^
      Math.min(length, 31)) &
    0xffff
  );
}
