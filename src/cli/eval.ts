import { existsSync } from 'node:fs';
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { UsageError } from '../engine/errors.js';
import { evalAttribution, formatAttributionReport } from '../eval/attribution.js';

/** Default location of the evaluation data, beside the project. */
export const DEFAULT_PDNC = '../shared/data/pdnc';

export async function evalCommand(args: string[]): Promise<void> {
  const [what, ...rest] = args;
  const { values } = parseArgs({
    args: rest,
    options: {
      pdnc: { type: 'string', default: DEFAULT_PDNC },
      mode: { type: 'string', default: 'gold' },
      novels: { type: 'string' },
      details: { type: 'string' },
      json: { type: 'boolean', default: false },
    },
  });
  const dir = values.pdnc as string;
  if (!existsSync(dir)) {
    process.stdout.write(`eval ${what ?? ''}: skipped — no PDNC data at ${dir}\n`);
    return;
  }
  const novels = values.novels?.split(',').map((s) => s.trim());
  switch (what) {
    case 'attribution': {
      const mode = values.mode;
      if (mode !== 'gold' && mode !== 'end-to-end') throw new UsageError('--mode must be gold or end-to-end');
      const report = evalAttribution(dir, {
        mode,
        ...(novels ? { novels } : {}),
        details: values.details !== undefined,
      });
      if (values.details !== undefined) writeFileSync(values.details, JSON.stringify(report.details, null, 1));
      process.stdout.write(values.json ? JSON.stringify({ ...report, details: undefined }) + '\n' : formatAttributionReport(report) + '\n');
      return;
    }
    default:
      throw new UsageError('eval needs one of: quotes, characters, attribution, scenes');
  }
}
