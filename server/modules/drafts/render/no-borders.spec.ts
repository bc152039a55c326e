import { readFileSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import type { VariantParams } from '../../../../shared/drafts/drafts.types';
import { STYLE_PRESET_PARAMS } from '../../../../shared/drafts/style-presets';
import type { AppConfig } from '../../../config/app-config';
import type { DraftAnalysis } from '../domain/draft-analysis';
import type { Point } from '../domain/face-geometry';
import { frame, type Framing, toOutput } from '../domain/framing';
import { RenderWorkerPool } from './render-worker-pool';
import { developmentProvenance } from '../../../../test/support/provenance';

/**
 * Pixel test of "no borders, ever": real photos go through the real analysis and renderer (in a
 * worker thread), and the rendered draft is inspected along the photo's own edges, mapped into
 * the output. Where an edge crosses the frame, the two sides of it must look alike: either both
 * are backdrop, or the body continues. A body cut off by the (rotated) photo edge shows a
 * subject-coloured side next to a backdrop-coloured side.
 */
jest.setTimeout(120_000);

const fixture = (name: string) =>
  readFileSync(path.join(__dirname, '..', '..', '..', '..', 'test', 'fixtures', name));
const BACKDROP = '#00c040';

const sources: Record<string, () => Promise<Buffer>> = {
  /** A tilted camera: the astronaut rotated 15° and cropped inside (no fill), shoulders at the bottom. */
  'astronaut rotated 15°': async () => {
    const rotated = await sharp(fixture('astronaut.png')).rotate(15).png().toBuffer();
    const { width } = await sharp(rotated).metadata();
    const side = Math.floor(512 / (Math.cos(Math.PI / 12) + Math.sin(Math.PI / 12)));
    const offset = Math.ceil((width - side) / 2);
    return sharp(rotated)
      .extract({ left: offset, top: offset, width: side, height: side })
      .jpeg({ quality: 92 })
      .toBuffer();
  },
  /** Shoulders run out of the photo at the bottom and both sides, head close to the top. */
  'astronaut cropped tight': () =>
    sharp(fixture('astronaut.png'))
      .extract({ left: 110, top: 10, width: 300, height: 330 })
      .jpeg({ quality: 92 })
      .toBuffer(),
  /** The same, rolled 10° and cropped tight: the frame reaches past rotated photo edges. */
  'tight and rotated 10°': async () => {
    const rotated = await sharp(fixture('astronaut.png')).rotate(-10).png().toBuffer();
    return sharp(rotated)
      .extract({ left: 170, top: 80, width: 320, height: 360 })
      .jpeg({ quality: 92 })
      .toBuffer();
  },
};

interface EdgeReport {
  /** Samples along the photo's edges that lie inside the frame. */
  inFrame: number;
  /** Of those, samples where a subject-coloured side meets a backdrop-coloured side. */
  cuts: number;
}

/** Walks the photo's four edges, comparing the draft 3 px inside against 3 px outside. */
function edgeCuts(
  rgb: Buffer,
  size: { width: number; height: number },
  photo: { width: number; height: number },
  framing: Framing,
): EdgeReport {
  const backdrop = [0x00, 0xc0, 0x40];
  const at = (p: Point) => {
    const x = Math.round(p.x);
    const y = Math.round(p.y);
    if (x < 1 || y < 1 || x >= size.width - 1 || y >= size.height - 1) return null;
    const i = (y * size.width + x) * 3;
    return [rgb[i]!, rgb[i + 1]!, rgb[i + 2]!];
  };
  const isBackdrop = (c: number[]) => c.every((v, k) => Math.abs(v - backdrop[k]!) <= 24);
  const edges: { from: Point; to: Point; out: Point }[] = [
    { from: { x: 0, y: 0 }, to: { x: photo.width, y: 0 }, out: { x: 0, y: -1 } },
    {
      from: { x: 0, y: photo.height },
      to: { x: photo.width, y: photo.height },
      out: { x: 0, y: 1 },
    },
    { from: { x: 0, y: 0 }, to: { x: 0, y: photo.height }, out: { x: -1, y: 0 } },
    {
      from: { x: photo.width, y: 0 },
      to: { x: photo.width, y: photo.height },
      out: { x: 1, y: 0 },
    },
  ];
  const report: EdgeReport = { inFrame: 0, cuts: 0 };
  const scale = size.width / framing.rect.width;
  const step = 3 / scale; // 3 output pixels, in source pixels
  for (const edge of edges) {
    const length = Math.hypot(edge.to.x - edge.from.x, edge.to.y - edge.from.y);
    for (let t = 0; t <= length; t += 1 / scale) {
      const q = {
        x: edge.from.x + ((edge.to.x - edge.from.x) * t) / length,
        y: edge.from.y + ((edge.to.y - edge.from.y) * t) / length,
      };
      const inside = at(
        toOutput({ x: q.x - edge.out.x * step, y: q.y - edge.out.y * step }, framing, size.width),
      );
      const outside = at(
        toOutput({ x: q.x + edge.out.x * step, y: q.y + edge.out.y * step }, framing, size.width),
      );
      if (!inside || !outside) continue;
      report.inFrame += 1;
      if (isBackdrop(inside) !== isBackdrop(outside)) report.cuts += 1;
    }
  }
  return report;
}

describe('drafts never show the photo’s edge (pixels)', () => {
  let pool: RenderWorkerPool;
  beforeAll(async () => {
    pool = new RenderWorkerPool(
      { drafts: { workers: 1 } } as AppConfig,
      await developmentProvenance(),
    );
  });
  afterAll(() => pool.onModuleDestroy());

  async function render(source: Buffer, params: VariantParams, output: 'hd' | 'preview' = 'hd') {
    const analysed = await pool.analyse(source, () => undefined);
    if (!analysed.outcome.ok) throw new Error(analysed.outcome.failure.message);
    const analysis: DraftAnalysis = analysed.outcome.analysis;
    const result = await pool.render({
      analysis,
      working: analysed.working!,
      mask: analysed.mask!,
      params,
      output,
    });
    const framing = frame({
      image: analysis.working,
      eyes: analysis.face.eyes,
      chin: analysis.face.chin,
      hairTop: analysis.face.hairTop,
      roll: analysis.face.roll,
      straighten: params.straighten,
      crop: params.crop,
    });
    const { data, info } = await sharp(Buffer.from(result.image))
      .raw()
      .toBuffer({ resolveWithObject: true });
    return { result, framing, analysis, edges: edgeCuts(data, info, analysis.working, framing) };
  }

  const look = (crop: VariantParams['crop']): VariantParams => ({
    ...STYLE_PRESET_PARAMS.creative,
    backdrop: 'solid',
    backdropColor: BACKDROP,
    contrast: 0,
    retouch: 0,
    crop,
  });

  it.each([
    ['astronaut rotated 15°', '4:5'],
    ['astronaut rotated 15°', '1:1'],
    ['astronaut cropped tight', '4:5'],
    ['astronaut cropped tight', '3:2'],
    ['tight and rotated 10°', '4:5'],
  ] as const)('%s, %s: no hard photo edge inside the frame', async (name, crop) => {
    const { result, edges } = await render(await sources[name]!(), look(crop));
    expect(result.width).toBeGreaterThan(0);
    // Where the photo's edge is inside the frame, at most a few samples differ across it
    // (natural texture, a soft fade); a body cut off by the edge differs along its whole width
    // (22 % and 80 % of the samples of the two tight cases with the old black-padded mask).
    expect(edges.cuts).toBeLessThanOrEqual(Math.max(2, edges.inFrame * 0.05));
  });

  it.each(['hd', 'preview'] as const)(
    'a large tilted photo, tight: no hard photo edge in the %s (shrunk before it is straightened)',
    async (output) => {
      // 7.5× the pixels: the preview is made from a crop shrunk to its scale before rotating.
      const large = await sharp(await sources['tight and rotated 10°']!())
        .resize({ width: 2400 })
        .jpeg({ quality: 92 })
        .toBuffer();
      const { result, edges } = await render(large, look('4:5'), output);
      const { width } = await sharp(Buffer.from(result.image)).metadata();
      // The HD image is the crop's own pixels; the preview is smaller.
      if (output === 'preview') expect(width).toBeLessThan(result.width);
      else expect(width).toBe(result.width);
      expect(edges.inFrame).toBeGreaterThan(50);
      expect(edges.cuts).toBeLessThanOrEqual(Math.max(2, edges.inFrame * 0.05));
    },
  );

  it.each([
    // The preview is about 0.6 of the crop's pixels: made from the full-size working copy.
    ['astronaut rotated 15°, 2400 px', () => sources['astronaut rotated 15°']!(), 2400],
    // About 0.4: made from the working copy decoded at half its size.
    ['astronaut cropped tight, 2560 px', () => sources['astronaut cropped tight']!(), 2560],
  ] as const)(
    '%s: the preview is the HD image made smaller, the same crop in the same place',
    async (_name, source, size) => {
      const large = await sharp(await source())
        .resize({ width: size })
        .jpeg({ quality: 92 })
        .toBuffer();
      const [hd, preview] = await Promise.all([
        render(large, look('4:5'), 'hd'),
        render(large, look('4:5'), 'preview'),
      ]);
      const previewImage = await sharp(Buffer.from(preview.result.image))
        .greyscale()
        .raw()
        .toBuffer({ resolveWithObject: true });
      const { width, height } = previewImage.info;
      expect(width).toBeLessThan(hd.result.width);
      const shrunk = await sharp(Buffer.from(hd.result.image))
        .resize(width, height, { fit: 'fill' })
        .greyscale()
        .raw()
        .toBuffer();
      // Above the "AI draft" mark: the mean difference of a few levels is resampling and JPEG;
      // a crop off by 1 % of its width differs by far more on this detailed photo.
      let sum = 0;
      let n = 0;
      for (let y = 0; y < Math.floor(height * 0.8); y++) {
        for (let x = 0; x < width; x++) {
          sum += Math.abs(previewImage.data[y * width + x]! - shrunk[y * width + x]!);
          n += 1;
        }
      }
      expect(sum / n).toBeLessThan(4);
    },
  );

  it('straightens a 15° tilted camera with the body inside the photo (not a tight frame)', async () => {
    // Above the chin the frame's corners may pass the tilted photo's top (backdrop there);
    // below the chin, where a cut body would show, the frame stays inside the photo.
    const { result, edges, analysis } = await render(
      await sources['astronaut rotated 15°']!(),
      look('4:5'),
    );
    expect(Math.abs(analysis.face.roll)).toBeGreaterThan(10);
    expect(result.tight).toBe(false);
    expect(edges.cuts).toBeLessThanOrEqual(Math.max(2, edges.inFrame * 0.05));
  });

  it('a photo too tight for the crop reaches past its edges, and the body continues there', async () => {
    const { result, edges } = await render(
      await sources['astronaut cropped tight']!(),
      look('3:2'),
    );
    expect(result.tight).toBe(true);
    expect(edges.inFrame).toBeGreaterThan(50);
  });
});
