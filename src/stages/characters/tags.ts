import type { Character } from '../../engine/types.js';
import { honorificKey } from '../lexicon/honorifics.js';
import { nameKey } from './match.js';

/**
 * A character tag cleaned of its fandom disambiguator: "Declan Frost (Original Character)" is
 * "Declan Frost", "Priya (Lantern Room)" is "Priya". Empty when nothing is left.
 */
export function cleanCharacterTag(tag: string): string {
  return tag
    .replace(/\s*[([][^)\]]*[)\]]/g, ' ')
    .replace(/[\s\u00a0]+/g, ' ')
    .trim();
}

/**
 * The story's character tags (an AO3 download's "Characters:" list, in `meta.characters`) give the
 * full names of characters the text calls by one name only ("Declan said" of "Declan Frost"). A
 * detected character whose name is one word (an honorific aside: "Mr. Frost") that is the first
 * or the last word of exactly one tagged full name, and of no other tag, gets that full name as its
 * name, its own name kept as an alias. A tag two detected characters would both claim ("Declan"
 * and "Frost" found apart) is left alone, and no character is made from a tag alone: the tags list
 * who the author tagged, not who is in the text. Changes `characters` in place.
 */
export function applyCharacterTags(characters: Character[], tags: readonly string[] | undefined): void {
  if (!tags || tags.length === 0) return;
  const full: string[] = [];
  const fullKeys = new Set<string>();
  for (const tag of tags) {
    const name = cleanCharacterTag(tag);
    const key = nameKey(name);
    if (!name || fullKeys.has(key)) continue;
    fullKeys.add(key);
    full.push(name);
  }
  // Each first or last word of a tag with two words or more, and the tags it is a part of.
  const partOf = new Map<string, Set<number>>();
  full.forEach((name, i) => {
    const words = name.split(' ');
    if (words.length > 0 && honorificKey(words[0]!) !== undefined) words.shift();
    if (words.length < 2) return;
    for (const w of [words[0]!, words[words.length - 1]!]) {
      const key = w.toLowerCase();
      const set = partOf.get(key) ?? new Set<number>();
      set.add(i);
      partOf.set(key, set);
    }
  });
  const claims = new Map<number, number[]>();
  characters.forEach((c, ci) => {
    if (c.narrator && c.mentionCount === 0) return;
    const names = [c.name, ...c.aliases];
    // Already carries a tagged name: nothing to add.
    if (names.some((n) => fullKeys.has(nameKey(n)))) return;
    let found = -1;
    for (const n of names) {
      const words = n.split(/[\s\u00a0]+/).filter(Boolean);
      if (words.length > 0 && honorificKey(words[0]!) !== undefined) words.shift();
      if (words.length !== 1) continue;
      const owners = partOf.get(words[0]!.toLowerCase());
      if (owners?.size !== 1) continue;
      const owner = owners.values().next().value!;
      if (found >= 0 && found !== owner) return;
      found = owner;
    }
    if (found < 0) return;
    const list = claims.get(found) ?? [];
    list.push(ci);
    claims.set(found, list);
  });
  for (const [tag, claimants] of claims) {
    if (claimants.length !== 1) continue;
    const c = characters[claimants[0]!]!;
    const name = full[tag]!;
    c.aliases = [c.name, ...c.aliases.filter((a) => a !== name)];
    c.name = name;
  }
}
