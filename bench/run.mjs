// `npm run bench [name]`: builds, then runs every bench/*.bench.mjs in turn (each prints one JSON
// line), with the runtime settings `npm start` uses (malloc tuning, --expose-gc).
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
  execFileSync(process.execPath, ['--expose-gc', path.join(dir, file)], {
    stdio: 'inherit',
    env: { MALLOC_ARENA_MAX: '2', MALLOC_MMAP_THRESHOLD_: '131072', ...process.env },
  });
}
