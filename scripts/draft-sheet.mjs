// Renders a before/after sheet of varied portraits through the compiled draft pipeline (the
// same worker pool the server uses, models offline): one row per photo, columns source |
// professional | creative | relaxed. Writes docs/drafts/sheet.jpg (and prints what it did).
// Run: npm run build:server && node scripts/draft-sheet.mjs [out.jpg]
import { createRequire } from 'node:module';
import { existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const require = createRequire(import.meta.url);
const sharp = require('sharp');
const compiled = (p) => path.join(root, 'dist', p);
if (!existsSync(compiled('server/modules/drafts/render/render-worker-pool.js')))
  throw new Error('Run `npm run build:server` first: the sheet uses the compiled pipeline.');
const { RenderWorkerPool } = require(
  compiled('server/modules/drafts/render/render-worker-pool.js'),
);
const { STYLE_PRESET_PARAMS } = require(compiled('shared/drafts/style-presets.js'));
const { ProvenanceService } = require(compiled('server/modules/provenance/provenance.service.js'));
const { SystemClock } = require(compiled('server/common/clock.js'));

// Drafts are signed on the render thread (Content Credentials): a development chain made in a
// fresh folder, as in development.
const provenance = new ProvenanceService(
  {
    provenance: {
      developmentChainFile: path.join(
        mkdtempSync(path.join(os.tmpdir(), 'lensbridge-c2pa-')),
        'development-signer.pem',
      ),
    },
  },
  new SystemClock(),
);
await provenance.onModuleInit();

const out = process.argv[2] ?? path.join(root, 'docs/drafts/sheet.jpg');
const fixture = (name) => path.join(root, 'test/fixtures', name);
const portrait = (name) => fixture(path.join('portraits', name));
const jpeg = (image) => image.jpeg({ quality: 92 }).toBuffer();

/** Each row: a label and the uploaded bytes (derived in code where a case needs it). */
const ROWS = [
  ['astronaut (NASA, public domain)', () => jpeg(sharp(portrait('skimage_astronaut.png')))],
  [
    'astronaut, camera tilted 15° (cropped inside, shoulders at the edge)',
    async () => {
      const rotated = await sharp(portrait('skimage_astronaut.png')).rotate(15).png().toBuffer();
      const { width } = await sharp(rotated).metadata();
      const side = Math.floor(512 / (Math.cos(Math.PI / 12) + Math.sin(Math.PI / 12)));
      const o = Math.ceil((width - side) / 2);
      return jpeg(sharp(rotated).extract({ left: o, top: o, width: side, height: side }));
    },
  ],
  [
    'Grace Hopper (US Navy, public domain)',
    () => jpeg(sharp(portrait('facedetect_grace_hopper_512x512.jpg'))),
  ],
  [
    'camera operator, turned (CC0, L. Varshney)',
    () => jpeg(sharp(portrait('skimage_camera.png')).toColourspace('srgb')),
  ],
  [
    'Jesper, head rolled ~25° (CC-BY-SA-4.0, J. K. Pedersen)',
    () => jpeg(sharp(portrait('kphotoalbum_jesper.jpg'))),
  ],
  [
    'Jesper, talking (CC-BY-SA-4.0, J. K. Pedersen)',
    () => jpeg(sharp(portrait('kphotoalbum_jesper_2.jpg'))),
  ],
  [
    'Anne Helene (CC-BY-SA-4.0, J. K. Pedersen)',
    () => jpeg(sharp(portrait('kphotoalbum_anne_helene.jpg'))),
  ],
  [
    'party crop, glasses (CC-BY-SA-4.0, J. K. Pedersen)',
    () => jpeg(sharp(portrait('kphotoalbum_bar55_glasses.jpg'))),
  ],
  ...['solvay1927_10_back_wide.png', 'solvay1927_13_mid_wide.png'].map((name) => [
    `Solvay 1927, neighbours at the edge, enlarged ×2 (public domain, B. Couprie)`,
    // The group photo's faces are ~62 px, under the 80 px minimum: enlarged for the sheet.
    () => jpeg(sharp(portrait(name)).resize({ width: 2 * 161, kernel: 'lanczos3' })),
  ]),
];

const CELL = 300;
const LABEL = 34;
const STYLES = ['professional', 'creative', 'relaxed'];

const pool = new RenderWorkerPool({ drafts: { workers: 1 } }, provenance);
const rows = [];
try {
  for (const [label, load] of ROWS) {
    const source = await load();
    const analysed = await pool.analyse(source, () => undefined);
    if (!analysed.outcome.ok) {
      console.log(`- ${label}: refused — ${analysed.outcome.failure.message}`);
      continue;
    }
    const { analysis } = analysed.outcome;
    const variants = [];
    for (const style of STYLES) {
      const started = performance.now();
      const result = await pool.render({
        analysis,
        working: analysed.working,
        mask: analysed.mask,
        params: STYLE_PRESET_PARAMS[style],
        output: 'preview',
        ...(analysed.edgeColours ? { edgeColours: analysed.edgeColours } : {}),
      });
      variants.push({ style, result, ms: Math.round(performance.now() - started) });
    }
    console.log(
      `- ${label}: roll ${analysis.measurements.roll.toFixed(1)}°, ` +
        variants
          .map(
            (v) =>
              `${v.style} HD ${v.result.width}×${v.result.height}${v.result.tight ? ' (tight)' : ''} ${v.ms} ms`,
          )
          .join(', '),
    );
    rows.push({ label, source, variants });
  }
} finally {
  await pool.onModuleDestroy();
}

/** A cell: the image fitted into CELL × CELL on white, with a caption under it. */
async function cell(image, caption) {
  const fitted = await sharp(Buffer.from(image))
    .resize(CELL, CELL, { fit: 'contain', background: '#ffffff' })
    .flatten({ background: '#ffffff' })
    .toBuffer();
  const text = caption.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${CELL}" height="${LABEL}"><rect width="100%" height="100%" fill="#ffffff"/><text x="4" y="22" font-family="DejaVu Sans, sans-serif" font-size="13" fill="#222">${text}</text></svg>`;
  return sharp({
    create: { width: CELL, height: CELL + LABEL, channels: 3, background: '#ffffff' },
  })
    .composite([
      { input: fitted, left: 0, top: 0 },
      { input: Buffer.from(svg), left: 0, top: CELL },
    ])
    .png()
    .toBuffer();
}

const GAP = 8;
const width = 4 * CELL + 5 * GAP;
const rowHeight = CELL + LABEL + GAP;
const composites = [];
for (const [r, row] of rows.entries()) {
  const cells = [
    await cell(row.source, row.label.length > 44 ? `${row.label.slice(0, 42)}…` : row.label),
    ...(await Promise.all(
      row.variants.map((v) =>
        cell(v.result.image, `${v.style} · HD ${v.result.width}×${v.result.height}`),
      ),
    )),
  ];
  cells.forEach((input, c) =>
    composites.push({ input, left: GAP + c * (CELL + GAP), top: GAP + r * rowHeight }),
  );
}
mkdirSync(path.dirname(out), { recursive: true });
await sharp({
  create: { width, height: GAP + rows.length * rowHeight, channels: 3, background: '#ffffff' },
})
  .composite(composites)
  .jpeg({ quality: 82 })
  .toFile(out);
console.log(`${rows.length} portraits → ${path.relative(root, out)}`);

// The README's single images beside the sheet (same pipeline): the astronaut in each style, in
// high-key black and white, and the 15°-tilted camera straightened.
if (!process.argv[2]) {
  const docs = path.join(root, 'docs/drafts');
  const save = (name, bytes) => sharp(Buffer.from(bytes)).toFile(path.join(docs, name));
  const pool2 = new RenderWorkerPool({ drafts: { workers: 1 } }, provenance);
  try {
    for (const [tag, row] of [
      ['astronaut', rows[0]],
      ['rotated-15', rows[1]],
    ]) {
      if (!row) continue;
      await sharp(row.source).toFile(path.join(docs, `source-${tag}.jpg`));
      for (const v of row.variants) {
        if (tag === 'astronaut' || v.style === 'professional')
          await save(`${tag}-${v.style}.jpg`, v.result.image);
      }
    }
    const analysed = await pool2.analyse(rows[0].source, () => undefined);
    if (analysed.outcome.ok) {
      const bw = await pool2.render({
        analysis: analysed.outcome.analysis,
        working: analysed.working,
        mask: analysed.mask,
        params: {
          ...STYLE_PRESET_PARAMS.creative,
          monochrome: true,
          backdropColor: '#f2f2f0',
          brightness: 0.15,
        },
        output: 'preview',
        ...(analysed.edgeColours ? { edgeColours: analysed.edgeColours } : {}),
      });
      await save('astronaut-creative-bw.jpg', bw.image);
    }
  } finally {
    await pool2.onModuleDestroy();
  }
  console.log('README images → docs/drafts/{source-,}astronaut*.jpg, rotated-15*.jpg');
}
