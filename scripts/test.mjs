#!/usr/bin/env node
// `npm test`: the unit and e2e suites (jest) and the client's component tests (vitest), then one
// plain summary line. Set TEST_DATABASE_URL to run the e2e suites on PostgreSQL instead of SQLite.
// Usage: node scripts/test.mjs [--only unit|e2e|client|browser ...] [--summary FILE]
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const only = args.flatMap((arg, i) => (args[i - 1] === '--only' ? [arg] : []));
const summaryFile = args.find((_, i) => args[i - 1] === '--summary');
const wanted = (name) => (only.length === 0 ? name !== 'browser' : only.includes(name));
const tmp = mkdtempSync(path.join(os.tmpdir(), 'lensbridge-test-'));
const bin = (name) => path.join(root, 'node_modules', '.bin', name);

let passed = 0;
let failed = 0;
let ok = true;

function count(file, read) {
  if (!existsSync(file)) return false;
  const [p, f] = read(JSON.parse(readFileSync(file, 'utf8')));
  passed += p;
  failed += f;
  return true;
}

const jestProjects = ['unit', 'e2e', 'browser'].filter(wanted);
if (jestProjects.length > 0) {
  const out = path.join(tmp, 'jest.json');
  const run = spawnSync(
    bin('jest'),
    // --forceExit: a suite whose setup timed out can leave a server or worker behind; the
    // run must still end (its failure is already counted).
    ['--selectProjects', ...jestProjects, '--json', `--outputFile=${out}`, '--forceExit'],
    {
      cwd: root,
      stdio: 'inherit',
    },
  );
  if (!count(out, (r) => [r.numPassedTests, r.numFailedTests + r.numRuntimeErrorTestSuites]))
    failed += 1;
  ok &&= run.status === 0;
}

if (wanted('client')) {
  const out = path.join(tmp, 'vitest.json');
  const run = spawnSync(
    bin('vitest'),
    [
      'run',
      '--config',
      'client/vite.config.mts',
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${out}`,
    ],
    { cwd: root, stdio: 'inherit' },
  );
  if (!count(out, (r) => [r.numPassedTests, r.numFailedTests])) failed += 1;
  ok &&= run.status === 0;
}

rmSync(tmp, { recursive: true, force: true });
if (!ok && failed === 0) failed = 1;
if (summaryFile) writeFileSync(summaryFile, JSON.stringify({ passed, failed }));
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(ok && failed === 0 ? 0 : 1);
