import { existsSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { parseArgs } from 'node:util';
import { UsageError } from '../engine/errors.js';
import { evalAttribution, formatAttributionReport } from '../eval/attribution.js';
import { evalCharacters, formatCharactersReport } from '../eval/characters.js';
import { evalCoref, formatCorefReport } from '../eval/coref.js';
import { evalLitbank, formatLitbankReport } from '../eval/litbank.js';
import { evalLitbankQuotes, formatLitbankQuotesReport } from '../eval/litbank-quotes.js';
import { listPdncNovels } from '../eval/pdnc.js';
import { evalQuotes, formatQuotesReport } from '../eval/quotes.js';
import { evalScenes, formatScenesReport } from '../eval/scenes.js';

/** Default location of the evaluation data, beside the project. */
export const DEFAULT_PDNC = '../shared/data/pdnc';
export const DEFAULT_LITBANK = '../shared/data/litbank';

interface EvalArgs {
  pdnc: string;
  litbank: string;
  novels?: string[];
  mode: string;
  details?: string;
  json: boolean;
}

/** One evaluation: returns the printed report. Data-backed ones skip with a one-line notice. */
type Evaluation = (args: EvalArgs) => Promise<string>;

const needsPdnc =
  (what: string, run: Evaluation): Evaluation =>
  async (args) =>
    existsSync(args.pdnc) ? run(args) : `eval ${what}: skipped — no PDNC data at ${args.pdnc}`;

const EVALUATIONS: Record<string, Evaluation> = {
  quotes: needsPdnc('quotes', async (args) => {
    const report = await evalQuotes(args.pdnc, args.novels ? { novels: args.novels } : {});
    return args.json ? JSON.stringify(report) : formatQuotesReport(report);
  }),
  attribution: needsPdnc('attribution', async (args) => {
    const modes = args.mode === 'both' ? (['gold', 'end-to-end'] as const) : [args.mode];
    const out: string[] = [];
    for (const mode of modes) {
      if (mode !== 'gold' && mode !== 'end-to-end')
        throw new UsageError('--mode must be gold, end-to-end or both');
      const report = evalAttribution(args.pdnc, {
        mode,
        ...(args.novels ? { novels: args.novels } : {}),
        details: args.details !== undefined,
      });
      if (args.details !== undefined) writeFileSync(args.details, JSON.stringify(report.details, null, 1));
      out.push(
        args.json ? JSON.stringify({ ...report, details: undefined }) : formatAttributionReport(report),
      );
    }
    return out.join('\n\n');
  }),
  // Cast detection against PDNC's cast lists, and proper-name person mentions against LitBank.
  characters: async (args) => {
    const out: string[] = [];
    if (existsSync(args.pdnc)) {
      const report = await evalCharacters(args.pdnc, {
        ...(args.novels ? { novels: args.novels } : {}),
        keepErrors: args.details !== undefined,
      });
      if (args.details !== undefined) {
        writeFileSync(
          args.details,
          JSON.stringify(
            report.novels.map((n) => ({ novel: n.novel, ...n.errors })),
            null,
            1,
          ),
        );
      }
      out.push(args.json ? JSON.stringify(report) : formatCharactersReport(report));
    } else out.push(`eval characters: skipped — no PDNC data at ${args.pdnc}`);
    if (existsSync(args.litbank)) {
      const report = evalLitbank(args.litbank);
      out.push(args.json ? JSON.stringify(report) : formatLitbankReport(report));
    } else out.push(`eval characters: LitBank skipped — no data at ${args.litbank}`);
    return out.join('\n\n');
  },
  // Held-out text: LitBank's quotation layer, which the attribution model never trained on.
  'litbank-quotes': async (args) => {
    if (!existsSync(args.litbank)) return `eval litbank-quotes: skipped — no LitBank data at ${args.litbank}`;
    const seen = existsSync(args.pdnc) ? await listPdncNovels(args.pdnc) : [];
    const report = evalLitbankQuotes(args.litbank, { seen, details: args.details !== undefined });
    if (args.details !== undefined) writeFileSync(args.details, JSON.stringify(report.details, null, 1));
    return args.json ? JSON.stringify({ ...report, details: undefined }) : formatLitbankQuotesReport(report);
  },
  // Pronoun resolution in narration: LitBank's coreference layer.
  coref: async (args) => {
    if (!existsSync(args.litbank)) return `eval coref: skipped — no LitBank data at ${args.litbank}`;
    const report = evalCoref(args.litbank, { details: args.details !== undefined });
    if (args.details !== undefined) writeFileSync(args.details, JSON.stringify(report.details, null, 1));
    return args.json ? JSON.stringify({ ...report, details: undefined }) : formatCorefReport(report);
  },
  // Runs without ../shared/data too: the project's own stories are scored, the novels skipped.
  scenes: async (args) => {
    const report = await evalScenes({
      data: dirname(args.pdnc),
      ...(args.novels ? { texts: args.novels } : {}),
      details: args.details !== undefined,
    });
    if (args.details !== undefined) {
      writeFileSync(
        args.details,
        JSON.stringify({ boundaries: report.details, pov: report.povDetails }, null, 1),
      );
    }
    return args.json
      ? JSON.stringify({ ...report, details: undefined, povDetails: undefined })
      : formatScenesReport(report);
  },
};

/** What `eval all` (and `npm run eval`) runs, in order. */
const ALL = ['quotes', 'characters', 'attribution', 'litbank-quotes', 'coref', 'scenes'];

export async function evalCommand(argv: string[]): Promise<void> {
  const [what, ...rest] = argv;
  const { values } = parseArgs({
    args: rest,
    options: {
      pdnc: { type: 'string', default: DEFAULT_PDNC },
      litbank: { type: 'string', default: DEFAULT_LITBANK },
      mode: { type: 'string' },
      novels: { type: 'string' },
      details: { type: 'string' },
      json: { type: 'boolean', default: false },
    },
  });
  const args: EvalArgs = {
    pdnc: values.pdnc as string,
    litbank: values.litbank as string,
    mode: values.mode ?? (what === 'all' ? 'both' : 'gold'),
    json: values.json === true,
    ...(values.novels ? { novels: values.novels.split(',').map((s) => s.trim()) } : {}),
    ...(values.details ? { details: values.details } : {}),
  };
  const names = what === 'all' ? ALL : what !== undefined && what in EVALUATIONS ? [what] : undefined;
  if (!names) throw new UsageError(`eval needs one of: ${[...Object.keys(EVALUATIONS), 'all'].join(', ')}`);
  for (const name of names) {
    const t0 = performance.now();
    const report = await EVALUATIONS[name]!(args);
    process.stdout.write(`${report}\n`);
    if (!args.json) process.stdout.write(`(${name}: ${((performance.now() - t0) / 1000).toFixed(1)} s)\n\n`);
  }
}
