import type { StoryDocument } from '../../engine/document.js';
import { paragraphAtOrAfter, tokenAtOrAfter } from '../../engine/tokens.js';
import type { TokenLayer } from '../../engine/types.js';
import { firstNameGender } from '../lexicon/first-names.js';
import { type CharacterCluster, type Clustering, isClipping } from './cluster.js';
import type { NameForm } from './forms.js';
import { CASE, type NameSpan, type TokenFacts } from './names.js';
import { namesSelfAt } from './self-naming.js';

/**
 * Two ways a character is called by something other than a name the text writes in narration:
 *
 * - A kin word used as a name ("Gran", "Mum", "Uncle"): it stands as a character of its own (many
 *   stories have a "Mum" never named), unless the text ties it to one named character: an
 *   apposition ("his grandmother, Theodora"), a self-description in the character's own paragraph
 *   ("Everyone calls me Teddy … who calls me Gran"), or "that is my grandmother" said right before a
 *   named character's first appearance.
 * - A pet name said only in speech ("Roz", "Rozzie" for Rosalind): a clipped given name with a
 *   spelling change at its end, or a diminutive in -ie/-y of a clipped form, when it fits one
 *   character alone. The name finder does not see such a word (capitalised only where English
 *   capitalises anyway, at the head of a quotation), so it is added here, where the cast is known.
 */

/** Kin words, as name and as noun, by kind of relation: the kind and the sex of the person. */
const KIN: ReadonlyMap<string, { kind: string; sex: 'male' | 'female' }> = (() => {
  const m = new Map<string, { kind: string; sex: 'male' | 'female' }>();
  const put = (kind: string, sex: 'male' | 'female', words: string): void => {
    for (const w of words.trim().split(/\s+/)) m.set(w, { kind, sex });
  };
  put(
    'grandmother',
    'female',
    'gran granny grandma grandmama grandmamma gramma grammy gran nana nanna nan grandmother',
  );
  put('grandfather', 'male', 'grandpa grandad granddad grandpapa gramps grandfather');
  put('mother', 'female', 'mum mom mam mama mamma mummy mommy mammy ma mother');
  put('father', 'male', 'dad daddy papa pa da pop pops father');
  put('aunt', 'female', 'auntie aunty aunt');
  put('uncle', 'male', 'uncle');
  return m;
})();

/** Possessives before a kin noun ("his grandmother"). */
const POSSESSIVES = new Set(['my', 'his', 'her', 'their', 'our', 'your']);
/** Verbs of calling: "who calls me Gran", "everyone calls me Teddy". */
const CALLS = new Set(['call', 'calls', 'called', 'calling']);

/** The kin kind of a bare one-word form used as a name ("gran" → grandmother), if any. */
export function kinKind(form: NameForm): string | undefined {
  if (form.title || form.words.length !== 1 || form.the) return undefined;
  return KIN.get(form.words[0]!)?.kind;
}

/**
 * Joins each character known only by a kin word to the one named character the text ties it to
 * (see the file comment). Mutates `clustering`; the kin character's forms move to the named one.
 */
export function joinKinNames(
  doc: StoryDocument,
  facts: TokenFacts,
  spans: readonly NameSpan[],
  clustering: Clustering,
): void {
  const clusters = clustering.clusters;
  const kinClusters: CharacterCluster[] = [];
  for (const c of clusters) {
    let all = c.forms.length > 0;
    for (const f of c.forms) if (kinKind(f) === undefined) all = false;
    if (all) kinClusters.push(c);
  }
  if (kinClusters.length === 0) return;
  const tokens = doc.layer('tokens');
  const owner = new Map<string, CharacterCluster>();
  for (const c of clusters) for (const f of c.forms) owner.set(f.key, c);
  // Named characters at each span's first token, and the first span of each character.
  const at = new Map<number, CharacterCluster>();
  const endAt = new Map<number, CharacterCluster>();
  const spanEnd = new Map<number, number>();
  const firstSpan = new Map<CharacterCluster, number>();
  for (const s of spans) {
    const c = owner.get(s.key);
    if (!c || kinClusters.includes(c)) continue;
    at.set(s.first, c);
    spanEnd.set(s.first, s.last);
    endAt.set(s.last, c);
    if (!firstSpan.has(c)) firstSpan.set(c, s.first);
  }
  const ties = new Map<string, Set<CharacterCluster>>();
  const tie = (kind: string, c: CharacterCluster | undefined): void => {
    if (!c) return;
    const set = ties.get(kind) ?? new Set<CharacterCluster>();
    set.add(c);
    ties.set(kind, set);
  };
  const n = tokens.count;
  const lower = tokens.lower;
  const paragraphs = doc.layer('paragraphs');
  for (let t = 1; t < n; t++) {
    const kin = KIN.get(lower[t]!);
    if (!kin) continue;
    if (POSSESSIVES.has(lower[t - 1]!)) {
      // "his grandmother, Theodora" / "Theodora, his grandmother": an apposition, closed after the
      // name or the kin word (not "When he left his grandmother, Juno cried").
      if (lower[t + 1] === ',') {
        const c = at.get(t + 2);
        if (c && closesApposition(lower[spanEnd.get(t + 2)! + 1])) tie(kin.kind, c);
      }
      if (t >= 2 && lower[t - 2] === ',' && closesApposition(lower[t + 1])) tie(kin.kind, endAt.get(t - 3));
      // "That is my grandmother." said, and a character named for the first time in the next paragraph
      // (not "I miss my grandmother," said before someone comes in).
      if (
        lower[t - 1] === 'my' &&
        facts.inQuote[t] === 1 &&
        isClosing(lower[t + 1]) &&
        t >= 2 &&
        PRESENTING.has(lower[t - 2]!)
      ) {
        const p = paragraphOf(paragraphs, tokens, t);
        const next = p >= 0 ? paragraphs[p + 1] : undefined;
        if (next) tie(kin.kind, firstNamedIn(next.start, next.end, tokens, at, firstSpan));
      }
    }
    // "Everyone calls me Teddy … who calls me Gran": two names the speaker gives herself in one paragraph.
    if (
      lower[t - 1] === 'me' &&
      t >= 2 &&
      CALLS.has(lower[t - 2]!) &&
      facts.written[t] === CASE.capitalised
    ) {
      const p = paragraphOf(paragraphs, tokens, t);
      if (p >= 0) tie(kin.kind, selfNamed(doc.text, paragraphs[p]!.start, paragraphs[p]!.end, tokens, at, t));
    }
  }
  for (const k of kinClusters) {
    const kind = kinKind(k.forms[0]!)!;
    const sex = KIN.get(k.forms[0]!.words[0]!)!.sex;
    const found = ties.get(kind);
    if (found?.size !== 1) continue;
    const [target] = found;
    if (!target || !clusters.includes(target)) continue;
    if (target.gender && target.sure && target.gender !== sex) continue;
    for (const f of k.forms) {
      target.forms.push(f);
      target.count += f.count;
    }
    if (!target.gender) {
      target.gender = sex;
      target.sure = true;
    }
    clusters.splice(clusters.indexOf(k), 1);
    for (const [key, list] of clustering.shared) {
      const i = list.indexOf(k);
      if (i >= 0) list.splice(i, 1);
      if (list.length === 0) clustering.shared.delete(key);
    }
  }
}

/** "That is my grandmother", "this is my mum", "she's my gran": the words before "my" that present someone. */
const PRESENTING: ReadonlySet<string> = new Set(['is', 'was', "'s", '\u2019s', "that's", 'that\u2019s']);

/** The word after an apposition's second part: it ends there ("his gran, Ada, who…", "Ada, his gran."). */
function closesApposition(word: string | undefined): boolean {
  return (
    word === undefined ||
    word === ',' ||
    word === '.' ||
    word === ';' ||
    word === '!' ||
    word === '?' ||
    word === ')' ||
    word === '\u2014' ||
    word === '"' ||
    word === '\u201d'
  );
}

function isClosing(word: string | undefined): boolean {
  return word === '.' || word === '!' || word === ',' || word === undefined;
}

/** The paragraph holding token t, or -1 when it lies between paragraphs. */
function paragraphOf(
  paragraphs: readonly { start: number; end: number }[],
  tokens: TokenLayer,
  t: number,
): number {
  const at = tokens.start[t]!;
  const p = paragraphAtOrAfter(paragraphs, at);
  return p < paragraphs.length && paragraphs[p]!.start <= at ? p : -1;
}

/** The character first named between `start` and `end`, when that is its first appearance in the text. */
function firstNamedIn(
  start: number,
  end: number,
  tokens: TokenLayer,
  at: ReadonlyMap<number, CharacterCluster>,
  firstSpan: ReadonlyMap<CharacterCluster, number>,
): CharacterCluster | undefined {
  for (let t = tokenAtOrAfter(tokens, start); t < tokens.count; t++) {
    if (tokens.start[t]! >= end) return undefined;
    const c = at.get(t);
    if (c) return firstSpan.get(c) === t ? c : undefined;
  }
  return undefined;
}

/** The character a paragraph's speaker names as herself ("calls me Teddy", "I'm Teddy"), other than at `kin`. */
function selfNamed(
  text: string,
  start: number,
  end: number,
  tokens: TokenLayer,
  at: ReadonlyMap<number, CharacterCluster>,
  kin: number,
): CharacterCluster | undefined {
  let found: CharacterCluster | undefined;
  for (let t = tokenAtOrAfter(tokens, start); t < tokens.count; t++) {
    if (tokens.start[t]! >= end) break;
    if (t === kin) continue;
    const c = at.get(t);
    if (!c || !namesSelfAt(text, start, tokens.start[t]!, tokens.end[t]!)) continue;
    if (found && found !== c) return undefined;
    found = c;
  }
  return found;
}

/** Endings of a diminutive ("Rozzie", "Callie", "Jenny"). */
const DIMINUTIVE = ['ie', 'y', 'ey', 'sie', 'zie'];
/** Letters a clipped name may respell at its end ("Roz" of "Rosalind"). */
const END_VARIANTS: ReadonlyMap<string, readonly string[]> = new Map([
  ['s', ['z']],
  ['z', ['s']],
  ['c', ['k']],
  ['k', ['c']],
]);

/**
 * Whether `short` is a clipped form of the given name `long`, plainly ("cal" of "callum") or with its
 * last letter respelt, s/z or c/k only ("roz" of "rosalind", "nik" of "nicola").
 */
function isRespeltClipping(short: string, long: string): boolean {
  if (isClipping(short, long)) return true;
  if (short.length < 3 || long.length < short.length + 2) return false;
  const head = short.slice(0, -1);
  if (!long.startsWith(head)) return false;
  const variants = END_VARIANTS.get(long[head.length]!);
  return variants?.includes(short[short.length - 1]!) === true;
}

/**
 * Whether a word is a pet form of the given name `long`: a clipped form, respelt at its end or not
 * ("Roz", "Cal"), or a diminutive of one, with or without the last consonant doubled ("Rozzie",
 * "Callie").
 */
export function isPetForm(word: string, long: string): boolean {
  if (word === long) return false;
  if (isRespeltClipping(word, long)) return true;
  for (const ending of DIMINUTIVE) {
    if (!word.endsWith(ending) || word.length <= ending.length + 2) continue;
    let base = word.slice(0, -ending.length);
    if (isRespeltClipping(base, long)) return true;
    // "Rozz-ie", "Call-ie": the doubled consonant.
    if (base.length >= 4 && base[base.length - 1] === base[base.length - 2]) {
      base = base.slice(0, -1);
      if (isRespeltClipping(base, long)) return true;
    }
  }
  return false;
}

/**
 * A pet name is someone's the story names often: not "Humph!" for a Humphrey named once in a list
 * of cousins.
 */
const PET_OWNER_MIN = 3;

/**
 * Pet names said only in speech, as a call ("Roz.", "Rozzie, you know you want to."), for the one
 * character whose given name they fit: each becomes a form of that character with its spans. The
 * word must never be written in lower case, must not be a name the text already knows, and must
 * not tell another sex than the character's.
 */
export function addPetNames(
  doc: StoryDocument,
  facts: TokenFacts,
  spans: NameSpan[],
  forms: Map<string, NameForm>,
  clustering: Clustering,
): void {
  const tokens = doc.layer('tokens');
  const n = tokens.count;
  const lowerUse = new Set<string>();
  const covered = new Uint8Array(n);
  for (const s of spans) for (let t = s.first; t <= s.last; t++) covered[t] = 1;
  for (let t = 0; t < n; t++) if (facts.written[t] === CASE.lower) lowerUse.add(tokens.lower[t]!);
  const found = new Map<string, { cluster: CharacterCluster; at: number[]; display: string }>();
  const rejected = new Set<string>();
  for (let t = 0; t < n; t++) {
    if (covered[t] === 1 || facts.inQuote[t] !== 1 || facts.written[t] !== CASE.capitalised) continue;
    const word = tokens.lower[t]!;
    if (rejected.has(word) || word.length < 3 || !/^[a-z]+$/.test(word)) continue;
    if (forms.has(word) || lowerUse.has(word) || KIN.has(word)) continue;
    if (!isCall(facts, tokens, t)) continue;
    const prior = found.get(word);
    if (prior) {
      prior.at.push(t);
      continue;
    }
    const fits: CharacterCluster[] = [];
    for (const c of clustering.clusters) {
      if (c.the || c.count < PET_OWNER_MIN) continue;
      for (const g of c.given) {
        if (isPetForm(word, g)) {
          fits.push(c);
          break;
        }
      }
    }
    const sex = firstNameGender(word);
    const c = fits[0];
    if (
      fits.length !== 1 ||
      !c ||
      ((sex === 'male' || sex === 'female') && c.gender && c.sure && c.gender !== sex)
    ) {
      rejected.add(word);
      continue;
    }
    found.set(word, { cluster: c, at: [t], display: doc.text.slice(tokens.start[t]!, tokens.end[t]!) });
  }
  if (found.size === 0) return;
  const added: NameSpan[] = [];
  for (const [word, { cluster, at, display }] of found) {
    const form: NameForm = {
      key: word,
      title: '',
      words: [word],
      display,
      count: at.length,
      afterThe: 0,
      speech: 0,
      vocative: at.length,
      subject: 0,
      locative: 0,
      owned: 0,
      the: false,
      described: 0,
      lowerUses: 0,
      modifier: 0,
      compound: 0,
      hyphened: 0,
      inQuote: at.length,
      pronounFemale: 0,
      pronounMale: 0,
      spans: [],
      written: new Map([[display, at.length]]),
    };
    forms.set(word, form);
    cluster.forms.push(form);
    cluster.count += form.count;
    for (const t of at)
      added.push({
        first: t,
        last: t,
        title: '',
        words: [word],
        the: false,
        described: false,
        afterThe: false,
        key: word,
        vocative: true,
      });
  }
  spans.push(...added);
  spans.sort((a, b) => a.first - b.first);
  // Each form's span indexes, renumbered after the sort.
  for (const f of forms.values()) f.spans.length = 0;
  for (let i = 0; i < spans.length; i++) forms.get(spans[i]!.key)?.spans.push(i);
}

/**
 * A call: the word alone as a quotation's sentence ("Roz."), or heading a sentence before a comma
 * ("Rozzie, you know …"), or after a comma at a sentence's end (", Rozzie.").
 */
function isCall(facts: TokenFacts, tokens: TokenLayer, t: number): boolean {
  const next = tokens.lower[t + 1];
  const prev = t > 0 ? tokens.lower[t - 1] : undefined;
  const ends = next === '.' || next === '!' || next === '?';
  if (facts.initial[t] === 1 && (next === ',' || ends)) return true;
  return prev === ',' && ends;
}
