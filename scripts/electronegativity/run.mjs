// `npm run security`: Doyensec's Electronegativity over the app's sources, offline. Fails on any
// finding above LOW that is not explained in accepted.json (and in the README's security section).
// Run through `node --import ./scripts/electronegativity/offline-hooks.mjs` (see that file for why).
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const require = createRequire(import.meta.url);
const run = require('@doyensec/electronegativity/dist/runner.js');
const accepted = JSON.parse(readFileSync(new URL('./accepted.json', import.meta.url), 'utf8'));

// Sources only: a copy, so built bundles (dist/, dist-electron/) and tests do not blur the report.
const input = mkdtempSync(join(tmpdir(), 'rungs-electronegativity-'));
for (const part of ['electron', 'shared', 'data', 'host', 'renderer', 'package.json']) {
  cpSync(join(root, part), join(input, part), { recursive: true, filter: (src) => !src.endsWith('.test.ts') });
}
let result;
try {
  const log = console.log;
  console.log = () => {}; // its offline warnings; the verdict below is what matters
  try {
    result = await run({
      input,
      output: undefined,
      isSarif: false,
      customScan: [],
      excludeFromScan: [],
      isRelative: true,
      isVerbose: false,
      parserPlugins: [],
    });
  } finally {
    console.log = log;
  }
} finally {
  rmSync(input, { recursive: true, force: true });
}

const isAccepted = (issue) => accepted.some((a) => a.id === issue.id && a.file === issue.file);
let failed = 0;
for (const issue of result.issues) {
  const above = issue.severity.value > 1;
  const verdict = !above ? 'low, allowed' : isAccepted(issue) ? 'accepted (README)' : 'FAIL';
  if (verdict === 'FAIL') failed++;
  console.log(`${issue.severity.name.padEnd(6)} ${issue.id.padEnd(28)} ${issue.file}:${issue.location.line}  ${verdict}`);
}
if (result.errors.length > 0) {
  console.error(
    `Electronegativity could not parse ${result.errors.length} file(s):`,
    result.errors.map((e) => e.file ?? e),
  );
  failed++;
}
console.log(
  `Electronegativity: ${result.atomicChecks + result.globalChecks} checks, ${result.issues.length} finding(s), ${failed === 0 ? 'none unexplained above LOW' : `${failed} unexplained above LOW`}.`,
);
process.exit(failed === 0 ? 0 : 1);
