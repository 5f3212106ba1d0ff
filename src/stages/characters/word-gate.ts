/**
 * A cheap first test for membership in a word set: a bit per (first letter, second letter, length)
 * slot. Looking a token up in a `Set` hashes the whole string; the gate reads two characters and
 * turns away most words of running text before that ("the", "and", "was" share no slot with
 * "sweetheart" or "Highbury"). A `true` answer still needs the exact test.
 */
export class WordGate {
  private readonly slots = new Uint8Array(1 << 15);

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
  return ((word.charCodeAt(0) & 31) << 10) | ((word.charCodeAt(1) & 31) << 5) | Math.min(length, 31);
}
