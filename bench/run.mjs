// `npm run bench`: builds, then runs every bench/*.bench.mjs in turn (each prints one JSON line).
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';

const dir = import.meta.dirname;
const only = process.argv[2];
execFileSync('npm', ['run', 'build'], { cwd: path.resolve(dir, '..'), stdio: 'inherit' });
for (const file of readdirSync(dir)
  .filter((f) => f.endsWith('.bench.mjs'))
  .sort()) {
  if (only && !file.includes(only)) continue;
  console.log(`\n# ${file}`);
  execFileSync(process.execPath, [path.join(dir, file)], { stdio: 'inherit' });
}
