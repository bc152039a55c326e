// The worker half of draft-matte-look.mjs: teaches `require` to compile our TypeScript with swc
// (the settings jest uses), then runs the draft pipeline on one photo. Human's bundle must run
// in a worker thread.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import path from 'node:path';
import { workerData } from 'node:worker_threads';

const require = createRequire(import.meta.url);
const swc = require('@swc/core');

Module._extensions['.ts'] = (module, filename) => {
  const { code } = swc.transformSync(readFileSync(filename, 'utf8'), {
    filename,
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2023',
    },
    module: { type: 'commonjs' },
  });
  module._compile(code, filename);
};

const root = path.resolve(import.meta.dirname, '..');
const sharp = require('sharp');
const { STYLE_PRESET_PARAMS } = require(path.join(root, 'shared/drafts/style-presets.ts'));
const { HumanFaceAnalysis } = require(
  path.join(root, 'server/modules/drafts/face-analysis.gateway.ts'),
);
const { analysePhoto, renderDraftVariant } = require(
  path.join(root, 'server/modules/drafts/render/draft-pipeline.ts'),
);

async function main() {
  const { photo, outDir, tag } = workerData;
  mkdirSync(outDir, { recursive: true });
  const engine = await HumanFaceAnalysis.create();
  const started = performance.now();
  const analysed = await analysePhoto(engine, readFileSync(photo), () => undefined);
  const analyseMs = performance.now() - started;
  if (!analysed.outcome.ok) throw new Error(JSON.stringify(analysed.outcome.failure));
  const { analysis } = analysed.outcome;
  writeFileSync(path.join(outDir, `${tag}-mask.png`), analysed.mask);
  // The segmentation model's own mask, before the subject is isolated and matted.
  const small = await sharp(readFileSync(photo))
    .resize(768, 768, { fit: 'inside', withoutEnlargement: true })
    .removeAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  const people = await engine.segmentPerson({
    data: new Uint8Array(small.data),
    width: small.info.width,
    height: small.info.height,
  });
  await sharp(Buffer.from(people), {
    raw: { width: small.info.width, height: small.info.height, channels: 1 },
  }).toFile(path.join(outDir, `${tag}-model-mask.png`));
  const times = [];
  for (const [style, params] of Object.entries(STYLE_PRESET_PARAMS)) {
    const t = performance.now();
    const rendered = await renderDraftVariant({
      ...analysed,
      analysis,
      params,
      output: process.env.OUTPUT ?? 'hd',
    });
    times.push(`${style} ${Math.round(performance.now() - t)} ms`);
    writeFileSync(path.join(outDir, `${tag}-${style}.jpg`), rendered.image);
    // A 4× zoom of the top of the head, where hair meets the backdrop.
    const { width: w, height: h } = rendered;
    const box = {
      left: Math.round(w * 0.25),
      top: Math.round(h * 0.02),
      width: Math.round(w * 0.5),
      height: Math.round(h * 0.3),
    };
    await sharp(rendered.image)
      .extract(box)
      .resize(box.width * 4, box.height * 4, { kernel: 'nearest' })
      .toFile(path.join(outDir, `${tag}-${style}-zoom.png`));
  }
  console.log(`${tag}: analyse ${Math.round(analyseMs)} ms; ${times.join(', ')}`);
  await engine.close();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
