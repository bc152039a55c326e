import sharp from 'sharp';
import request from 'supertest';
import type { App } from 'supertest/types';
import { DataSource } from 'typeorm';
import type { DraftVariantDto } from '../../shared/drafts/drafts.types';
import { frame } from '../../server/modules/drafts/domain/framing';
import { Draft } from '../../server/modules/drafts/draft.entity';
import { HD_MAX, PREVIEW_MAX } from '../../server/modules/drafts/render/render-sizes';
import { type SignedIn, signUp, writeHeaders } from '../support/accounts';
import {
  downloadImage,
  fixture,
  uploadPhoto,
  waitForDraft,
  waitForHd,
} from '../support/draft-fixtures';
import { startTestApp, type TestApp } from '../support/test-app';

jest.setTimeout(180_000);

/**
 * Honest resolution: no draft is enlarged beyond the photo's own pixels at its crop, the HD
 * image is never smaller than the free preview, and the report says when a photo is too small.
 */
describe('AI draft sizes (e2e)', () => {
  let t: TestApp;
  let server: App;
  let me: SignedIn;

  beforeAll(async () => {
    t = await startTestApp();
    server = t.app.getHttpServer() as App;
    me = await signUp(server, { role: 'client' });
  });
  afterAll(() => t.close());

  /** Uploads, waits, unlocks; returns the draft and each variant's HD and preview sizes. */
  async function renderAndUnlock(photo: Buffer) {
    const created = await uploadPhoto(server, me, photo).expect(202);
    const draft = await waitForDraft(server, me, created.body.id);
    expect(draft.status).toBe('ready');
    await request(server).post(`/api/drafts/${draft.id}/unlock`).set(writeHeaders(me)).expect(200);
    const unlocked = await waitForHd(server, me, draft.id);
    const stored = await t.app
      .get(DataSource)
      .getRepository(Draft)
      .findOneByOrFail({ id: draft.id });
    const sizes = await Promise.all(
      unlocked.variants.map(async (v) => ({
        variant: v,
        hd: await sharp(await downloadImage(server, me, v.hdUrl!)).metadata(),
        preview: await sharp(await downloadImage(server, me, v.previewUrl!)).metadata(),
        crop: cropPixels(stored, v),
      })),
    );
    return { draft: unlocked, sizes };
  }

  /** The crop's own pixels in the stored working copy, from the stored analysis. */
  function cropPixels(stored: Draft, v: DraftVariantDto) {
    const a = stored.analysis!;
    const { rect } = frame({
      image: a.working,
      eyes: a.face.eyes,
      chin: a.face.chin,
      hairTop: a.face.hairTop,
      roll: a.face.roll,
      straighten: v.params.straighten,
      crop: v.params.crop,
    });
    return { width: rect.width, height: rect.height };
  }

  it('a small photo: HD is the crop’s own pixels, the preview is no larger, the report says it is small', async () => {
    const { draft, sizes } = await renderAndUnlock(
      await sharp(fixture('astronaut.png')).jpeg({ quality: 92 }).toBuffer(),
    );
    for (const { variant, hd, preview, crop } of sizes) {
      // Never enlarged: at most the crop's pixels (one pixel of rounding).
      expect(hd.width).toBeLessThanOrEqual(Math.round(crop.width) + 1);
      expect(hd.height).toBeLessThanOrEqual(Math.round(crop.height) + 1);
      expect(hd.width).toBeGreaterThanOrEqual(Math.floor(crop.width) - 1);
      // The preview is never larger than HD (before: 1024 px previews over 556 px HD images).
      expect(preview.width).toBeLessThanOrEqual(hd.width);
      expect(preview.height).toBeLessThanOrEqual(hd.height);
      // The page knows the HD size before unlocking.
      expect([variant.width, variant.height]).toEqual([hd.width, hd.height]);
    }
    const finding = draft.report!.checks.find((c) => c.id === 'cropResolution')!;
    expect(finding.status).toBe('warn');
    expect(finding.measured).toMatch(/only HD \d+ × \d+ px/);
  });

  it('a large photo: HD is the largest the crop supports (≤ 2400 px), the preview ≤ 1024 px', async () => {
    // 3000 × 3000 px (reduced to the 2560 px working copy on arrival).
    const large = await sharp(fixture('astronaut.png'))
      .resize(3000, 3000, { kernel: 'lanczos3' })
      .jpeg({ quality: 90 })
      .toBuffer();
    const { draft, sizes } = await renderAndUnlock(large);
    for (const { hd, preview, crop } of sizes) {
      const long = Math.max(hd.width, hd.height);
      expect(long).toBeLessThanOrEqual(HD_MAX);
      expect(long).toBeGreaterThanOrEqual(
        Math.min(HD_MAX, Math.floor(Math.max(crop.width, crop.height))) - 1,
      );
      expect(long).toBeGreaterThan(PREVIEW_MAX);
      expect(Math.max(preview.width, preview.height)).toBe(PREVIEW_MAX);
      expect(preview.width).toBeLessThanOrEqual(hd.width);
    }
    expect(draft.report!.checks.find((c) => c.id === 'cropResolution')!.status).toBe('pass');
  });
});
