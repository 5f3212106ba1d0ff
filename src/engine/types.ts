/**
 * The document model shared by every stage.
 *
 * One immutable decoded source text; a normalised working text with an offset map back to it;
 * stand-off layers of half-open [start, end) offsets into the *working* text. Offsets are turned
 * into source offsets only when the result is built (see engine/result.ts), so every stage works
 * in one coordinate space.
 */

/** A diagnostic about the user's text: never thrown, always reported next to the results. */
export interface Message {
  /** Stable machine-readable code, e.g. `quotes/unclosed`. */
  code: string;
  severity: 'error' | 'warning' | 'info';
  /** One human-readable sentence. */
  reason: string;
  /** Where in the text, as working-text offsets inside the engine and source offsets in the result. */
  span?: [number, number];
  /** The stage (or `ingest`) that raised it. */
  stage: string;
}

export type InputFormat = 'txt' | 'md' | 'html' | 'ao3' | 'epub' | 'docx';

/** Story metadata gathered at ingestion (AO3 tags, EPUB/DOCX title and author …). */
export interface StoryMeta {
  title?: string;
  author?: string;
  language?: string;
  /** AO3 work tags. */
  rating?: string;
  warnings?: string[];
  category?: string[];
  fandoms?: string[];
  relationships?: string[];
  characters?: string[];
  additionalTags?: string[];
  /** Word count as stated by the source (AO3 stats), not as counted by storylens. */
  words?: number;
  /** Chapter count as stated by the source (AO3 "3/10"). */
  chapters?: string;
  summary?: string;
  /** Project Gutenberg ebook number when a Gutenberg header was found. */
  gutenbergId?: string;
  [key: string]: unknown;
}

/** What ingestion produces: the decoded text plus hints that only the file format knows. */
export interface SourceText {
  /** File name (or `-` for stdin). */
  name: string;
  format: InputFormat;
  /** Encoding the bytes were decoded from (`utf-8`, `utf-16le`, `windows-1252` …). */
  encoding: string;
  /**
   * The decoded source text. Every offset in the analysis result indexes this string (UTF-16 code
   * units). For markup formats (HTML, EPUB, DOCX) it is the text extracted from the markup, with one
   * blank line between block elements.
   */
  text: string;
  meta: StoryMeta;
  /** Structure the markup made explicit, in source offsets. */
  structure: SourceStructure;
  messages: Message[];
}

export interface SourceStructure {
  /** Chapter starts known from markup (EPUB spine items, AO3 chapter headings), with titles. */
  chapters: { start: number; title: string }[];
  /** Explicit scene breaks known from markup (`<hr>`), as source offsets. */
  breaks: number[];
}

/** A half-open range of the working text. */
export interface Span {
  start: number;
  end: number;
}

export interface Paragraph extends Span {
  /** Index of the first sentence of the paragraph in the sentence layer. */
  sentenceStart: number;
  /** One past the last sentence. */
  sentenceEnd: number;
  /**
   * What the paragraph is: prose, a heading (chapter/part title), a scene-break line (`* * *`), or
   * front/back matter the engine should not analyse.
   */
  kind: 'prose' | 'heading' | 'break';
}

export interface Sentence extends Span {
  /** Index of the first token of the sentence in the token layer. */
  tokenStart: number;
  /** One past the last token. */
  tokenEnd: number;
  paragraph: number;
}

/**
 * Tokens as parallel arrays (allocation-free for the hot loops of later stages). Whitespace is not
 * a token.
 */
export interface TokenLayer {
  count: number;
  start: Int32Array;
  end: Int32Array;
  /** Universal POS tag id, see `POS_TAGS` in engine/pos.ts. */
  pos: Uint8Array;
  /** Sentence index of every token. */
  sentence: Int32Array;
  /** Lower-cased token text. */
  lower: string[];
}

export type QuotationKind = 'speech' | 'thought' | 'written' | 'mention' | 'reported' | 'imagined';

export type QuoteMark = 'double' | 'single' | 'guillemet' | 'german' | 'dash' | 'script' | 'italic' | 'given';

export interface Quotation {
  /** `Q0`, `Q1` … in text order, or the id given with `--quotes`. */
  id: string;
  /** The quoted pieces, without their quotation marks, in working-text offsets. */
  spans: [number, number][];
  kind: QuotationKind;
  mark: QuoteMark;
  /** Paragraph index of the first and last span. */
  paragraph: number;
  paragraphEnd: number;
  /** Id of the quotation this one is nested in (`"He said 'go'."`); absent for top-level ones. */
  parent?: string;
  /**
   * A quotation given with `--quotes`: its spans in source offsets exactly as given, which the
   * result reports verbatim (mapping to the working text and back would move an offset that falls
   * inside a CRLF or in dropped text).
   */
  sourceSpans?: [number, number][];
}

export type MentionKind = 'proper' | 'nominal' | 'pronoun' | 'vocative' | 'narrator';

export interface Mention extends Span {
  /** Index into the character layer, or -1 when unresolved. */
  character: number;
  kind: MentionKind;
  /** Whether the mention lies inside a quotation (speech) rather than narration. */
  inQuote: boolean;
  /**
   * For a pronoun the coref stage resolved by salience: the next most salient character that
   * agrees, or -1 (none, or resolved otherwise).
   */
  runnerUp?: number;
  /** For such a pronoun: the antecedent's salience over the runner-up's (Infinity without one). */
  margin?: number;
}

export type GenderLabel = 'female' | 'male' | 'nonbinary' | 'unknown';

export interface Character {
  /** External id: the one given with `--characters`, else `C0`, `C1` … by first mention. */
  id: string | number;
  name: string;
  aliases: string[];
  /** Terms of endearment and epithets used to address this character ("sweetheart", "papa"). */
  epithets: string[];
  gender: { label: GenderLabel; confidence: number };
  /** Number of mentions resolved to the character (proper, nominal, pronoun, vocative). */
  mentionCount: number;
  /** True for the first-person narrator. */
  narrator: boolean;
  /**
   * `on-stage` when the text shows the character taking part (speaking, spoken to, or acting in
   * narration), `mentioned` when they are only talked about (stages/characters/presence.ts).
   */
  presence?: Presence;
}

export type Presence = 'on-stage' | 'mentioned';

export interface Attribution {
  /** Character index or -1 (abstained). */
  speaker: number;
  addressees: number[];
  confidence: number;
  /** The deciding cue: `explicit-tag`, `pronoun-tag`, `action-beat`, `vocative`, `turn-taking` … */
  method: string;
}

/** Every layer a stage can provide. Stages declare which keys they require and provide. */
export interface Layers {
  paragraphs: Paragraph[];
  sentences: Sentence[];
  tokens: TokenLayer;
  quotes: Quotation[];
  mentions: Mention[];
  /** Pronoun mentions in narration, resolved by the coref stage. */
  pronouns: Mention[];
  characters: Character[];
  attributions: Attribution[];
  /** Terms of endearment each character is addressed by, from the attributed addressees. */
  epithets: string[][];
  /** Chapters (scenes stage): headings, markup chapters. */
  chapters: Chapter[];
  /** Scenes (scenes stage): explicit breaks, chapter starts, implicit shifts. */
  scenes: Scene[];
  /** Point of view (pov stage). */
  pov: PointOfView;
  /** Sentence valence and the emotional arc (emotion stage). */
  emotion: Emotion;
  /** Conversation and co-occurrence network (network stage). */
  network: CharacterNetwork;
  stats: StoryStats;
}

export interface Chapter extends Span {
  title: string;
  /** Index of the heading paragraph, or -1 for chapters known from markup only. */
  heading: number;
}

export type SceneBoundaryKind = 'start' | 'chapter' | 'break' | 'time' | 'place' | 'cast';

export interface Scene extends Span {
  /** Chapter index the scene belongs to. */
  chapter: number;
  /** First and one-past-last paragraph index. */
  paragraphStart: number;
  paragraphEnd: number;
  boundary: { kind: SceneBoundaryKind; cue: string; confidence: number };
  /** Character indices present (mentioned or speaking), most present first. */
  characters: number[];
  /** Words in the scene, and the share of them inside speech and thought. */
  stats: { words: number; dialogueShare: number };
}

export interface PointOfView {
  /** Narration person of the whole text. */
  person: 'first' | 'third' | 'second' | 'mixed';
  /** Per scene (same order as the scene layer): focal character index or -1, with confidence. */
  scenes: { person: 'first' | 'third' | 'second' | 'mixed'; focal: number; confidence: number }[];
}

/** One of the six emotional arcs of Reagan et al. (2016). */
export type ArcShape = 'rise' | 'fall' | 'fall-rise' | 'rise-fall' | 'rise-fall-rise' | 'fall-rise-fall';

export interface Emotion {
  /** VADER compound valence of every sentence, in sentence order. */
  sentence: Float32Array;
  /**
   * Smoothed arc over narrative time 0..100 (101 points): the low-pass (discrete cosine) filtered
   * valence of the prose sentences, on the sentences' own scale (not stretched), clamped to [-1, 1].
   */
  arc: number[];
  /** One of Reagan et al.'s six shapes. */
  shape: ArcShape;
  /** How clearly the arc has that shape: the chosen mode's share of the energy of the three, 0…1. */
  shapeFit: number;
  /**
   * Mean valence per character: of their speech (over `quotes` quotations), and of the narration
   * sentences that mention them (over `sentences` sentences, quotations left out). A mean over no
   * items is 0.
   */
  characters: { character: number; speech: number; narration: number; quotes: number; sentences: number }[];
  /** Mean valence of what one character says to another. */
  pairs: { from: number; to: number; valence: number; quotes: number }[];
}

export interface CharacterNetwork {
  /** speaker → addressee: quotations and words. */
  conversation: { from: number; to: number; quotes: number; words: number }[];
  /**
   * Characters appearing together, undirected (from < to): in how many scenes both are present,
   * and in how many paragraphs one is present while the other is within the paragraph window.
   */
  cooccurrence: { from: number; to: number; scenes: number; paragraphs: number }[];
}

/** Fan-fiction length terms, shortest first (see stages/stats/length.ts for the bounds). */
export type LengthTerm =
  | 'drabble'
  | 'double drabble'
  | 'ficlet'
  | 'one-shot'
  | 'short story'
  | 'novelette'
  | 'novella'
  | 'novel'
  | 'epic';

/** Writing statistics (stats stage). */
export interface StoryStats {
  words: number;
  tokens: number;
  sentences: number;
  paragraphs: number;
  /** Words inside speech and thought quotations. */
  dialogueWords: number;
  /** dialogueWords / words (0 for an empty text). */
  dialogueShare: number;
  lengthTerm: LengthTerm;
  /** Silent reading time of fiction in minutes, at 260 words a minute (Brysbaert 2019). */
  readingMinutes: number;
  /** Words of attributed speech and thought per character, most first; share of all attributed words. */
  speech: { character: number; words: number; quotes: number; share: number }[];
  /** Speech-tag verbs as written ("said", "whispered"), most used first; `plain` for said/asked forms. */
  tags: { verb: string; count: number; plain: boolean }[];
  /** Tagged quotations: with a plain tag (said/asked), another verb, and an adverb on the tag. */
  tagSummary: { tagged: number; plain: number; other: number; withAdverb: number };
  /** Adverbs on speech tags ("said softly"), most used first. */
  tagAdverbs: { adverb: string; count: number }[];
  /** Words per sentence (prose sentences). */
  sentenceLengths: SentenceLengths;
  /** Per scene (scene layer order), or per chapter when there are no scenes: words and dialogue. */
  pacing: Pacing[];
}

export interface SentenceLengths {
  mean: number;
  median: number;
  p90: number;
  max: number;
  /** Sentences by length in words: [1–5], [6–10] … [41–50], [51+] (`to` is -1 for the last). */
  histogram: { from: number; to: number; count: number }[];
}

export interface Pacing extends Span {
  /** Scene index (or chapter index when `unit` is 'chapter'). */
  index: number;
  unit: 'scene' | 'chapter' | 'text';
  words: number;
  dialogueWords: number;
  dialogueShare: number;
  /** Quotations (speech and thought) in the unit. */
  quotes: number;
}

export type LayerName = keyof Layers & string;
