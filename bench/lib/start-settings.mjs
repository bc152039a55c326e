// The runtime settings `npm start` uses (node's flags and the environment it sets: malloc
// tuning, --expose-gc, the API thread's young generation), read from package.json's start:prod
// script so the benches and the product never drift apart.
import { readFileSync } from 'node:fs';
import path from 'node:path';

const words = JSON.parse(
  readFileSync(path.resolve(import.meta.dirname, '../../package.json'), 'utf8'),
).scripts['start:prod'].split(/\s+/);

export const startEnv = Object.fromEntries(
  words.filter((w) => /^[A-Z_]+=/.test(w)).map((w) => w.split('=')),
);
export const startNodeFlags = words
  .slice(words.indexOf('node') + 1)
  .filter((w) => w.startsWith('--'));
