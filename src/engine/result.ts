import type { StoryDocument } from './document.js';
import {
  type EmotionResult,
  emotionResult,
  type NetworkResult,
  networkResult,
  type StatsResult,
  statsResult,
} from './result-story.js';
import {
  type ChapterResult,
  chaptersResult,
  type PovResult,
  povResult,
  type SceneResult,
  scenesResult,
} from './result-structure.js';
import type { GenderLabel, Message, Presence, QuotationKind, QuoteMark, StoryMeta } from './types.js';
import { VERSION } from './version.js';

/**
 * The analysis result: the versioned output contract. Every offset is a UTF-16 code-unit index into
 * the decoded source text (`source.text` at ingestion), so a user can highlight it in their own file.
 * The JSON Schema in engine/schema.json describes exactly this shape; bump SCHEMA_VERSION on any
 * change a consumer could notice.
 */
export const SCHEMA_VERSION = '1.5.0';

export interface AnalysisResult {
  schemaVersion: string;
  engine: { name: 'storylens'; version: string; stages: string[] };
  source: { name: string; format: string; encoding: string; length: number };
  meta: StoryMeta;
  characters: CharacterResult[];
  quotes: QuoteResult[];
  chapters: ChapterResult[];
  scenes: SceneResult[];
  paragraphs: ParagraphResult[];
  mentions: MentionResult[];
  /** Present once the respective stages run. */
  pov?: PovResult;
  emotion?: EmotionResult;
  network?: NetworkResult;
  stats?: StatsResult;
  messages: Message[];
}

export interface CharacterResult {
  id: string | number;
  name: string;
  aliases: string[];
  epithets: string[];
  gender: { label: GenderLabel; confidence: number };
  mentions: number;
  narrator: boolean;
  /** `on-stage` (speaks, is spoken to or acts) or `mentioned` (only talked about). */
  presence?: Presence;
}

export interface QuoteResult {
  id: string;
  spans: [number, number][];
  start: number;
  end: number;
  /** The quoted words: the spans' texts joined by a single space. */
  text: string;
  kind: QuotationKind;
  mark: QuoteMark;
  /** Id of the quotation this one is nested in, if any. */
  parent?: string;
  speaker: string | number | null;
  addressees: (string | number)[];
  confidence: number;
  method: string;
}

export type { ChapterResult, PovResult, SceneResult };

export interface ParagraphResult {
  start: number;
  end: number;
  kind: 'prose' | 'heading' | 'break';
}

export interface MentionResult {
  start: number;
  end: number;
  character: string | number | null;
  kind: string;
}

/**
 * Builds the result from a finished document, mapping every working offset to the source.
 * Layers that were not computed (a pipeline run with `--until`) come out empty.
 */
export function buildResult(doc: StoryDocument, stageNames: readonly string[]): AnalysisResult {
  const map = doc.map;
  const src = doc.source;
  const sourceText = src.text;
  const span = (start: number, end: number): [number, number] => [map.toSource(start), map.toSource(end)];

  const characters = doc.has('characters') ? doc.layer('characters') : [];
  const idOf = (index: number): string | number | null =>
    index >= 0 ? (characters[index]?.id ?? null) : null;

  const quotes: QuoteResult[] = [];
  if (doc.has('quotes')) {
    const attributions = doc.has('attributions') ? doc.layer('attributions') : undefined;
    doc.layer('quotes').forEach((q, i) => {
      // Given quotations (`--quotes`) keep their own source spans.
      const spans = q.sourceSpans
        ? q.sourceSpans.map(([s, e]) => [s, e] as [number, number])
        : q.spans.map(([s, e]) => span(s, e));
      const a = attributions?.[i];
      quotes.push({
        id: q.id,
        spans,
        start: spans[0]![0],
        end: spans[spans.length - 1]![1],
        text: spans.map(([s, e]) => sourceText.slice(s, e)).join(' '),
        kind: q.kind,
        mark: q.mark,
        ...(q.parent !== undefined ? { parent: q.parent } : {}),
        speaker: a ? idOf(a.speaker) : null,
        addressees: a ? a.addressees.map(idOf).filter((id): id is string | number => id !== null) : [],
        confidence: a ? round3(a.confidence) : 0,
        method: a ? a.method : 'none',
      });
    });
  }

  const pov = povResult(doc, idOf);
  const laterEpithets = doc.has('epithets') ? doc.layer('epithets') : undefined;
  const result: AnalysisResult = {
    schemaVersion: SCHEMA_VERSION,
    engine: { name: 'storylens', version: VERSION, stages: [...stageNames] },
    source: { name: src.name, format: src.format, encoding: src.encoding, length: sourceText.length },
    meta: { ...doc.meta, ...src.meta },
    characters: characters.map((c, i) => ({
      id: c.id,
      name: c.name,
      aliases: [...c.aliases],
      // Once attribution has run, its speakers and addressees decide; the characters stage's guess
      // from tags and recent mentions stands only when it has not.
      epithets: laterEpithets ? [...(laterEpithets[i] ?? [])] : [...c.epithets],
      gender: { label: c.gender.label, confidence: round3(c.gender.confidence) },
      mentions: c.mentionCount,
      narrator: c.narrator,
      ...(c.presence ? { presence: c.presence } : {}),
    })),
    quotes,
    chapters: chaptersResult(doc, span),
    scenes: scenesResult(doc, span, idOf),
    paragraphs: doc.has('paragraphs')
      ? doc.layer('paragraphs').map((p) => {
          const [start, end] = span(p.start, p.end);
          return { start, end, kind: p.kind };
        })
      : [],
    mentions: doc.has('mentions')
      ? doc.layer('mentions').map((m) => {
          const [start, end] = span(m.start, m.end);
          return { start, end, character: idOf(m.character), kind: m.kind };
        })
      : [],
    ...optional('emotion', emotionResult(doc)),
    ...optional('network', networkResult(doc)),
    ...optional('stats', statsResult(doc)),
    ...(pov ? { pov } : {}),
    messages: [...src.messages, ...doc.messages].map((m) =>
      m.span && m.stage !== 'ingest' ? { ...m, span: span(m.span[0], m.span[1]) } : m,
    ),
  };
  return result;
}

/** `{ [key]: value }` when the value exists, else nothing (for exactOptionalPropertyTypes). */
function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return value === undefined ? {} : ({ [key]: value } as { [P in K]?: V });
}

export function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}
