#!/usr/bin/env node
// The mock command: `npm start` in this repository, `partner-center-qualifications-mock` from the package.
// The process around command.ts, which does the work: its arguments, environment, output, exit and signals.
import { runCommand } from "./command.js";

// Left out: this line runs only as a process of its own (test/mock/start.test.ts), where Stryker's test runner
// cannot switch mutants on.
// Stryker disable all
void runCommand(process.argv.slice(2), process.env, {
  log: console.log,
  error: console.error,
  exit: (code) => process.exit(code),
  onSignal: (signal, handler) => process.on(signal, handler),
});
