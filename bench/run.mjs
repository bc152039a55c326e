// `npm run bench [name]`: builds, then runs every bench/*.bench.mjs in turn (each prints one JSON
// line), with the runtime settings `npm start` uses (malloc tuning, --expose-gc, the API thread's
// young generation), read from package.json's start:prod script so the two never drift.
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';

const dir = import.meta.dirname;
const startProd = JSON.parse(readFileSync(path.join(dir, '../package.json'), 'utf8')).scripts[
  'start:prod'
].split(/\s+/);
const startEnv = Object.fromEntries(
  startProd.filter((w) => /^[A-Z_]+=/.test(w)).map((w) => w.split('=')),
);
const nodeFlags = startProd.slice(startProd.indexOf('node') + 1).filter((w) => w.startsWith('--'));
const only = process.argv[2];
execFileSync('npm', ['run', 'build'], { cwd: path.resolve(dir, '..'), stdio: 'inherit' });
for (const file of readdirSync(dir)
  .filter((f) => f.endsWith('.bench.mjs'))
  .sort()) {
  if (only && !file.includes(only)) continue;
  console.log(`\n# ${file}`);
  execFileSync(process.execPath, [...nodeFlags, path.join(dir, file)], {
    stdio: 'inherit',
    env: { ...startEnv, ...process.env },
  });
}
