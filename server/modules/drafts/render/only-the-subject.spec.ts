import { readFileSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import type { VariantParams } from '../../../../shared/drafts/drafts.types';
import { STYLE_PRESET_PARAMS } from '../../../../shared/drafts/style-presets';
import type { AppConfig } from '../../../config/app-config';
import { frame, toOutput } from '../domain/framing';
import type { AnalyseResult } from './render-protocol';
import { RenderWorkerPool } from './render-worker-pool';
import { developmentProvenance } from '../../../../test/support/provenance';

/**
 * "Only the subject", in pixels: a photo with a neighbour's shoulder and arm at the frame's edge
 * goes through the real analysis (segmentation included) and renderer in a worker thread. The
 * segmentation model marks the neighbour as a person too (seen: most of the strip above 50 %);
 * the draft must show backdrop there, and the subject intact.
 */
jest.setTimeout(120_000);

const fixture = (name: string) =>
  readFileSync(path.join(__dirname, '..', '..', '..', '..', 'test', 'fixtures', name));
const BACKDROP = [0x00, 0xc0, 0x40];

/**
 * The neighbour: the astronaut's own shoulder and arm (orange suit, no face), mirrored, at the
 * left edge, level with the subject's shoulders.
 */
const NEIGHBOUR = { x: 0, y: 110, width: 110, height: 312 };
/** The subject: the astronaut (her flag cut off), 30 px of a gap right of the neighbour. */
const SUBJECT_LEFT = 160;
const SUBJECT_CUT = 60;

async function photoWithNeighbour(): Promise<Buffer> {
  const strip = await sharp(fixture('astronaut.png'))
    .extract({ left: 20, top: 200, width: NEIGHBOUR.width, height: NEIGHBOUR.height })
    .flop()
    .toBuffer();
  const subject = await sharp(fixture('astronaut.png'))
    .extract({ left: SUBJECT_CUT, top: 0, width: 512 - SUBJECT_CUT, height: 512 })
    .toBuffer();
  return sharp({
    create: {
      width: SUBJECT_LEFT + 512 - SUBJECT_CUT,
      height: 512,
      channels: 3,
      background: { r: 222, g: 214, b: 212 },
    },
  })
    .composite([
      { input: strip, left: NEIGHBOUR.x, top: NEIGHBOUR.y },
      { input: subject, left: SUBJECT_LEFT, top: 0 },
    ])
    .jpeg({ quality: 92 })
    .toBuffer();
}

/** The suit's orange: where a person surely is in the photo. */
const isSuit = (r: number, g: number, b: number) => r > 150 && g < 140 && b < 110;

describe('a draft keeps only the person whose face was analysed (pixels)', () => {
  let pool: RenderWorkerPool;
  let analysed: AnalyseResult;
  afterAll(() => pool.onModuleDestroy());
  let photo: { data: Buffer; width: number };
  beforeAll(async () => {
    pool = new RenderWorkerPool(
      { drafts: { workers: 1 } } as AppConfig,
      await developmentProvenance(),
    );
    const source = await photoWithNeighbour();
    const { data, info } = await sharp(source).raw().toBuffer({ resolveWithObject: true });
    photo = { data, width: info.width };
    analysed = await pool.analyse(source, () => undefined);
  });

  const look: VariantParams = {
    ...STYLE_PRESET_PARAMS.creative,
    backdrop: 'solid',
    backdropColor: '#00c040',
    contrast: 0,
    retouch: 0,
    crop: '3:2',
  };

  async function shares(mask: Uint8Array, edgeColours: Uint8Array | undefined) {
    if (!analysed.outcome.ok) throw new Error(analysed.outcome.failure.message);
    const { analysis } = analysed.outcome;
    const result = await pool.render({
      analysis,
      working: analysed.working!,
      mask,
      edgeColours,
      params: look,
      output: 'hd',
    });
    const framing = frame({
      image: analysis.working,
      eyes: analysis.face.eyes,
      chin: analysis.face.chin,
      hairTop: analysis.face.hairTop,
      roll: analysis.face.roll,
      straighten: look.straighten,
      crop: look.crop,
    });
    const { data, info } = await sharp(Buffer.from(result.image))
      .raw()
      .toBuffer({ resolveWithObject: true });
    /** Of the photo's suit-coloured points in a box that land in the draft: how many show the backdrop. */
    const backdropShare = (box: typeof NEIGHBOUR) => {
      let inFrame = 0;
      let backdrop = 0;
      for (let y = box.y + 2; y < box.y + box.height - 2; y += 2) {
        for (let x = box.x + 2; x < box.x + box.width - 2; x += 2) {
          const p = (y * photo.width + x) * 3;
          if (!isSuit(photo.data[p]!, photo.data[p + 1]!, photo.data[p + 2]!)) continue;
          const o = toOutput({ x, y }, framing, info.width);
          const ox = Math.round(o.x);
          const oy = Math.round(o.y);
          if (ox < 0 || oy < 0 || ox >= info.width || oy >= info.height) continue;
          inFrame += 1;
          const i = (oy * info.width + ox) * 3;
          if (BACKDROP.every((v, c) => Math.abs(data[i + c]! - v) <= 24)) backdrop += 1;
        }
      }
      return { inFrame, share: backdrop / Math.max(1, inFrame) };
    };
    return {
      neighbour: backdropShare(NEIGHBOUR),
      // Her suit.
      subject: backdropShare({ x: SUBJECT_LEFT, y: 200, width: 512 - SUBJECT_CUT, height: 312 }),
    };
  }

  it('shows the backdrop where the neighbour was, and the subject whole', async () => {
    const { neighbour, subject } = await shares(analysed.mask!, analysed.edgeColours);
    expect(neighbour.inFrame).toBeGreaterThan(40);
    expect(neighbour.share).toBeGreaterThan(0.97);
    expect(subject.inFrame).toBeGreaterThan(100);
    expect(subject.share).toBeLessThan(0.02);
  });

  it('still renders a draft made before the matte (a mask at the model’s size, no edge colours)', async () => {
    const { width, height } = await sharp(Buffer.from(analysed.mask!)).metadata();
    const oldMask = await sharp(Buffer.from(analysed.mask!))
      .resize(Math.round(width / 2), Math.round(height / 2))
      .png()
      .toBuffer();
    const { neighbour, subject } = await shares(new Uint8Array(oldMask), undefined);
    expect(neighbour.share).toBeGreaterThan(0.97);
    expect(subject.share).toBeLessThan(0.02);
  });
});
