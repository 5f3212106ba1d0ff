import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { StoryDocument } from '../engine/document.js';
import { createEngine } from '../engine/engine.js';
import type { GivenCharacter, Stage } from '../engine/stage.js';
import type { Character, Scene, SourceText } from '../engine/types.js';
import { ingestFile } from '../ingest/index.js';
import { nameKey } from '../stages/characters/match.js';
import { defaultStages } from '../stages/index.js';
import { paragraphAt } from '../stages/scenes/chapters.js';

/**
 * Scene boundaries and point of view against the project's own gold set (test/fixtures/scenes):
 * original stories in the repository and novel excerpts whose text is read from ../shared/data.
 *
 * A predicted boundary matches a gold one when their paragraphs are at most one paragraph apart
 * (one-to-one, nearest first). Explicit = chapter and break, implicit = time, place and cast; recall
 * is split by the gold boundary's class, precision by the predicted one's. The text's first
 * paragraph (or a range's) is never a boundary. Every text gets the gold cast (its `cast`, or the
 * PDNC `characters.json`), as `--characters` would give it, so the figures do not depend on cast
 * detection.
 *
 * POV: the focal character the pov stage gives the scene holding each gold pov offset, right when
 * it is the gold character (by name or alias); first-person scenes want the narrator. Scored twice:
 * on the engine's own scenes, and on the gold scenes (a scenes stage swapped for one that returns
 * the gold segmentation), which isolates the focal-character scorer from segmentation errors.
 */

export interface ScenesEvalOptions {
  /** The shared data folder holding `pdnc/` and `litbank/`. */
  data: string;
  /** Gold folder. Default: test/fixtures/scenes/gold in this repository. */
  gold?: string;
  /** Only these texts (gold file names without .json). Default: all. */
  texts?: readonly string[];
  /** Keep per-boundary rows for error analysis. Default false. */
  details?: boolean;
}

export interface PRF {
  gold: number;
  predicted: number;
  /** Gold boundaries matched. */
  found: number;
  /** Predicted boundaries matched. */
  correct: number;
  precision: number;
  recall: number;
  f1: number;
}

export interface TextOutcome {
  name: string;
  title: string;
  /** Labelled after the detector was tuned (`"split": "held-out"` in the label file). */
  heldOut: boolean;
  boundaries: { explicit: PRF; implicit: PRF; all: PRF };
  pov: { total: number; correct: number; correctOnGold: number };
  person: { gold: string; predicted: string };
}

export interface BoundaryDetail {
  text: string;
  /** Source offset of the paragraph. */
  offset: number;
  outcome: 'hit' | 'missed' | 'spurious';
  gold?: string;
  predicted?: string;
  cue?: string;
  confidence?: number;
  paragraph: string;
}

export interface PovDetail {
  text: string;
  offset: number;
  gold: string;
  /** Focal character on the engine's scenes and on the gold scenes (name, or null). */
  predicted: string | null;
  predictedOnGold: string | null;
  confidence: number;
}

export interface ScenesReport {
  texts: TextOutcome[];
  skipped: string[];
  explicit: PRF;
  implicit: PRF;
  all: PRF;
  /** The held-out texts alone: all and implicit boundaries. */
  heldOut: { texts: number; all: PRF; implicit: PRF };
  pov: { total: number; correct: number; accuracy: number; correctOnGold: number; accuracyOnGold: number };
  person: { total: number; correct: number };
  details: BoundaryDetail[];
  povDetails: PovDetail[];
}

interface GoldText {
  source: string;
  title?: string;
  split?: 'held-out';
  person: string;
  range?: [number, number];
  cast?: GivenCharacter[];
  boundaries: { offset: number; kind: string }[];
  pov: { offset: number; focal: string }[];
}

const EXPLICIT = new Set(['chapter', 'break']);
const DATA_PREFIXES = ['pdnc/', 'litbank/'];

/** The repository root, from dist/src/eval/ or src/eval/. */
function repositoryRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
}

export async function evalScenes(options: Readonly<ScenesEvalOptions>): Promise<ScenesReport> {
  const root = repositoryRoot();
  const goldDir = options.gold ?? join(root, 'test/fixtures/scenes/gold');
  const names = readdirSync(goldDir)
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.slice(0, -5))
    .filter((n) => !options.texts || options.texts.includes(n))
    .sort();
  const report: ScenesReport = {
    texts: [],
    skipped: [],
    explicit: prf(0, 0, 0, 0),
    implicit: prf(0, 0, 0, 0),
    all: prf(0, 0, 0, 0),
    heldOut: { texts: 0, all: prf(0, 0, 0, 0), implicit: prf(0, 0, 0, 0) },
    pov: { total: 0, correct: 0, accuracy: 0, correctOnGold: 0, accuracyOnGold: 0 },
    person: { total: 0, correct: 0 },
    details: [],
    povDetails: [],
  };
  for (const name of names) {
    const gold = JSON.parse(readFileSync(join(goldDir, `${name}.json`), 'utf8')) as GoldText;
    const fromData = DATA_PREFIXES.some((p) => gold.source.startsWith(p));
    const path = fromData ? join(options.data, gold.source) : join(root, gold.source);
    if (!existsSync(path)) {
      report.skipped.push(name);
      continue;
    }
    const cast = gold.cast ?? pdncCast(path);
    const keep = options.details === true;
    const outcome = await scoreText(name, gold, path, cast, keep ? report : undefined);
    report.texts.push(outcome);
  }
  const sum = (pick: (t: TextOutcome) => PRF, texts = report.texts): PRF => {
    const parts = texts.map(pick);
    return prf(
      total(parts, 'gold'),
      total(parts, 'predicted'),
      total(parts, 'found'),
      total(parts, 'correct'),
    );
  };
  report.explicit = sum((t) => t.boundaries.explicit);
  report.implicit = sum((t) => t.boundaries.implicit);
  report.all = sum((t) => t.boundaries.all);
  const heldOut = report.texts.filter((t) => t.heldOut);
  report.heldOut = {
    texts: heldOut.length,
    all: sum((t) => t.boundaries.all, heldOut),
    implicit: sum((t) => t.boundaries.implicit, heldOut),
  };
  const pov = report.pov;
  for (const t of report.texts) {
    pov.total += t.pov.total;
    pov.correct += t.pov.correct;
    pov.correctOnGold += t.pov.correctOnGold;
    report.person.total++;
    if (t.person.gold === t.person.predicted) report.person.correct++;
  }
  pov.accuracy = pov.total > 0 ? pov.correct / pov.total : 0;
  pov.accuracyOnGold = pov.total > 0 ? pov.correctOnGold / pov.total : 0;
  return report;
}

function total(parts: readonly PRF[], key: 'gold' | 'predicted' | 'found' | 'correct'): number {
  return parts.reduce((s, p) => s + p[key], 0);
}

function prf(gold: number, predicted: number, found: number, correct: number): PRF {
  const precision = predicted > 0 ? correct / predicted : gold === 0 ? 1 : 0;
  const recall = gold > 0 ? found / gold : 1;
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  return { gold, predicted, found, correct, precision, recall, f1 };
}

/** The PDNC cast beside a novel's text.txt, if any. */
function pdncCast(textPath: string): GivenCharacter[] | undefined {
  const file = join(dirname(textPath), 'characters.json');
  if (!existsSync(file)) return undefined;
  const raw = JSON.parse(readFileSync(file, 'utf8')) as {
    id: number;
    name: string;
    aliases: string[];
    gender: string;
  }[];
  return raw.map((c) => ({ id: c.id, name: c.name, aliases: c.aliases, gender: c.gender }));
}

async function scoreText(
  name: string,
  gold: GoldText,
  path: string,
  cast: GivenCharacter[] | undefined,
  report: ScenesReport | undefined,
): Promise<TextOutcome> {
  const source = await ingestFile(path);
  const engine = createEngine(cast ? { characters: cast } : {});
  const doc = engine.process(source);
  const paragraphs = doc.layer('paragraphs');
  const at = (sourceOffset: number): number => paragraphAt(paragraphs, doc.map.toWorking(sourceOffset));
  const [from, to] = gold.range ? [at(gold.range[0]), at(gold.range[1])] : [0, paragraphs.length];
  const inRange = (p: number): boolean => p > from && p < to;

  const goldB = gold.boundaries.map((b) => ({ p: at(b.offset), kind: b.kind })).filter((b) => inRange(b.p));
  const scenes = doc.layer('scenes');
  const predB = scenes
    .filter((s) => s.boundary.kind !== 'start' && inRange(s.paragraphStart))
    .map((s) => ({ p: s.paragraphStart, kind: s.boundary.kind as string, scene: s }));
  const match = matchBoundaries(
    goldB.map((b) => b.p),
    predB.map((b) => b.p),
  );

  const count = (isClass: (kind: string) => boolean): PRF => {
    let g = 0;
    let found = 0;
    goldB.forEach((b, i) => {
      if (!isClass(b.kind)) return;
      g++;
      if (match.goldToPred[i]! >= 0) found++;
    });
    let pr = 0;
    let correct = 0;
    predB.forEach((b, j) => {
      if (!isClass(b.kind)) return;
      pr++;
      if (match.predToGold[j]! >= 0) correct++;
    });
    return prf(g, pr, found, correct);
  };
  const explicit = count((k) => EXPLICIT.has(k));
  const implicit = count((k) => !EXPLICIT.has(k));
  const all = count(() => true);

  if (report) {
    const details = report.details;
    const snippet = (p: number): string => {
      const para = paragraphs[p]!;
      return doc.text.slice(para.start, Math.min(para.end, para.start + 160));
    };
    const offsetOf = (p: number): number => doc.map.toSource(paragraphs[p]!.start);
    goldB.forEach((b, i) => {
      const j = match.goldToPred[i]!;
      const pred = j >= 0 ? predB[j] : undefined;
      details.push({
        text: name,
        offset: offsetOf(b.p),
        outcome: pred ? 'hit' : 'missed',
        gold: b.kind,
        ...(pred
          ? { predicted: pred.kind, cue: pred.scene.boundary.cue, confidence: pred.scene.boundary.confidence }
          : {}),
        paragraph: snippet(b.p),
      });
    });
    predB.forEach((b, j) => {
      if (match.predToGold[j]! >= 0) return;
      details.push({
        text: name,
        offset: offsetOf(b.p),
        outcome: 'spurious',
        predicted: b.kind,
        cue: b.scene.boundary.cue,
        confidence: b.scene.boundary.confidence,
        paragraph: snippet(b.p),
      });
    });
  }

  const characters = doc.layer('characters');
  const pov = doc.layer('pov');
  const goldScenesDoc = processWithScenes(source, cast, goldScenes(doc, gold, from, to));
  const goldPov = goldScenesDoc.layer('pov');
  const goldSceneList = goldScenesDoc.layer('scenes');
  let correct = 0;
  let correctOnGold = 0;
  for (const entry of gold.pov) {
    const p = at(entry.offset);
    if (p < from || p >= to) continue;
    const i = sceneAt(scenes, paragraphs[p]!.start);
    const focal = characters[pov.scenes[i]?.focal ?? -1];
    if (isCharacter(focal, entry.focal)) correct++;
    const k = sceneAt(goldSceneList, paragraphs[p]!.start);
    const focalOnGold = characters[goldPov.scenes[k]?.focal ?? -1];
    if (isCharacter(focalOnGold, entry.focal)) correctOnGold++;
    report?.povDetails.push({
      text: name,
      offset: entry.offset,
      gold: entry.focal,
      predicted: focal?.name ?? null,
      predictedOnGold: focalOnGold?.name ?? null,
      confidence: pov.scenes[i]?.confidence ?? 0,
    });
  }
  const povTotal = gold.pov.filter((e) => {
    const p = at(e.offset);
    return p >= from && p < to;
  }).length;
  return {
    name,
    title: gold.title ?? name,
    heldOut: gold.split === 'held-out',
    boundaries: { explicit, implicit, all },
    pov: { total: povTotal, correct, correctOnGold },
    person: { gold: gold.person, predicted: pov.person },
  };
}

function sceneAt(scenes: readonly Scene[], offset: number): number {
  let found = -1;
  for (let i = 0; i < scenes.length && scenes[i]!.start <= offset; i++) found = i;
  return found;
}

function isCharacter(character: Character | undefined, name: string): boolean {
  if (!character) return false;
  const key = nameKey(name);
  return [character.name, ...character.aliases].some((n) => nameKey(n) === key);
}

/**
 * One-to-one matching of gold and predicted paragraph indices within one paragraph, exact matches
 * first, then neighbours in text order.
 */
export function matchBoundaries(
  gold: readonly number[],
  predicted: readonly number[],
): { goldToPred: Int32Array; predToGold: Int32Array } {
  const goldToPred = new Int32Array(gold.length).fill(-1);
  const predToGold = new Int32Array(predicted.length).fill(-1);
  for (const distance of [0, 1]) {
    gold.forEach((g, i) => {
      if (goldToPred[i]! >= 0) return;
      for (let j = 0; j < predicted.length; j++) {
        if (predToGold[j]! >= 0 || Math.abs(predicted[j]! - g) !== distance) continue;
        goldToPred[i] = j;
        predToGold[j] = i;
        return;
      }
    });
  }
  return { goldToPred, predToGold };
}

/** The gold segmentation of the scored range as a scene layer (outside it: one scene each side). */
function goldScenes(doc: StoryDocument, gold: GoldText, from: number, to: number): Scene[] {
  const paragraphs = doc.layer('paragraphs');
  const starts = new Set<number>([0]);
  if (from > 0) starts.add(from);
  if (to < paragraphs.length) starts.add(to);
  for (const b of gold.boundaries) {
    const p = paragraphAt(paragraphs, doc.map.toWorking(b.offset));
    if (p > from && p < to) starts.add(p);
  }
  const sorted = [...starts].sort((a, b) => a - b);
  return sorted.map((p, i) => {
    const end = i + 1 < sorted.length ? sorted[i + 1]! : paragraphs.length;
    return {
      start: paragraphs[p]!.start,
      end: paragraphs[end - 1]!.end,
      chapter: 0,
      paragraphStart: p,
      paragraphEnd: end,
      boundary: { kind: p === 0 ? 'start' : 'break', cue: 'gold', confidence: 1 },
      characters: [],
      stats: { words: 0, dialogueShare: 0 },
    } satisfies Scene;
  });
}

/** Runs the default pipeline with the scenes stage replaced by one that returns `scenes`. */
function processWithScenes(
  source: SourceText,
  cast: GivenCharacter[] | undefined,
  scenes: Scene[],
): StoryDocument {
  const stages = defaultStages().map((s): Stage => {
    if (s.name !== 'scenes') return s;
    const given: Stage<'chapters' | 'scenes'> = {
      name: 'scenes',
      requires: s.requires,
      provides: ['chapters', 'scenes'],
      run: () => ({ chapters: [], scenes }),
    };
    return given as Stage;
  });
  return createEngine({ stages, ...(cast ? { characters: cast } : {}) }).process(source);
}

export function formatScenesReport(r: ScenesReport): string {
  const pct = (x: number): string => `${(100 * x).toFixed(1)}%`;
  const line = (label: string, p: PRF): string =>
    `${label.padEnd(10)} P ${pct(p.precision).padStart(6)}  R ${pct(p.recall).padStart(6)}  F1 ${pct(p.f1).padStart(6)}   (gold ${p.gold}, predicted ${p.predicted}, matched ${p.found}/${p.correct})`;
  const out = [
    `Scene boundaries — ${r.texts.length} texts, ${r.all.gold} gold boundaries, tolerance one paragraph`,
    line('all', r.all),
    line('explicit', r.explicit),
    line('implicit', r.implicit),
    ...(r.heldOut.texts > 0
      ? [
          `held-out (${r.heldOut.texts} texts labelled after tuning): all F1 ${pct(r.heldOut.all.f1)} (${r.heldOut.all.found}/${r.heldOut.all.gold} found, ${r.heldOut.all.predicted - r.heldOut.all.correct} spurious), implicit F1 ${pct(r.heldOut.implicit.f1)} (${r.heldOut.implicit.found}/${r.heldOut.implicit.gold} found, ${r.heldOut.implicit.predicted - r.heldOut.implicit.correct} spurious)`,
        ]
      : []),
    `POV focal character: ${pct(r.pov.accuracy)} (${r.pov.correct}/${r.pov.total}) on the engine's scenes, ${pct(r.pov.accuracyOnGold)} (${r.pov.correctOnGold}/${r.pov.total}) on the gold scenes`,
    `Narration person: ${r.person.correct}/${r.person.total} texts`,
    '',
    'per text                          all F1   explicit     implicit      pov',
  ];
  for (const t of r.texts) {
    const b = t.boundaries;
    out.push(
      `${(t.heldOut ? `${t.name}*` : t.name).padEnd(32)} ${pct(b.all.f1).padStart(6)}   ${`${b.explicit.found}/${b.explicit.gold} +${b.explicit.predicted - b.explicit.correct}`.padEnd(11)}  ${`${b.implicit.found}/${b.implicit.gold} +${b.implicit.predicted - b.implicit.correct}`.padEnd(11)}   ${t.pov.correct}/${t.pov.total}${t.person.gold === t.person.predicted ? '' : `  person ${t.person.predicted} (gold ${t.person.gold})`}`,
    );
  }
  if (r.skipped.length > 0) out.push(`skipped (no data): ${r.skipped.join(', ')}`);
  out.push('(per text: found/gold +spurious; * held out)');
  return out.join('\n');
}
