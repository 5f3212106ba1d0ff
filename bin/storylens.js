#!/usr/bin/env node
import { main } from '../dist/src/cli/main.js';

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    // Only programming errors reach here: user errors are one line and an exit code in main().
    process.stderr.write(`storylens: internal error: ${error?.stack ?? error}\n`);
    process.exitCode = 70;
  },
);
