// `npm run bench [name]`: builds, then runs every bench/*.bench.mjs in turn (each prints one JSON
// line), with the runtime settings `npm start` uses (see lib/start-settings.mjs).
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { startEnv, startNodeFlags } from './lib/start-settings.mjs';

const dir = import.meta.dirname;
const only = process.argv[2];
execFileSync('npm', ['run', 'build'], { cwd: path.resolve(dir, '..'), stdio: 'inherit' });
for (const file of readdirSync(dir)
  .filter((f) => f.endsWith('.bench.mjs'))
  .sort()) {
  if (only && !file.includes(only)) continue;
  console.log(`\n# ${file}`);
  execFileSync(process.execPath, [...startNodeFlags, path.join(dir, file)], {
    stdio: 'inherit',
    env: { ...startEnv, ...process.env },
  });
}
