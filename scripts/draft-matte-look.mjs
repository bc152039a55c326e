// Renders the three styles of a photo through the draft pipeline (TypeScript sources, models
// offline) and writes each HD variant, its mask and a 4× zoom of the hair edge, to look at the
// matte. Run: node scripts/draft-matte-look.mjs <photo> <out-dir> [tag]
import path from 'node:path';
import { Worker } from 'node:worker_threads';

const [photo, outDir, tag = 'look'] = process.argv.slice(2);
if (!photo || !outDir) throw new Error('usage: draft-matte-look.mjs <photo> <out-dir> [tag]');
const worker = new Worker(path.join(import.meta.dirname, 'draft-matte-look.worker.mjs'), {
  workerData: { photo: path.resolve(photo), outDir: path.resolve(outDir), tag },
});
worker.on('error', (error) => {
  console.error(error);
  process.exitCode = 1;
});
