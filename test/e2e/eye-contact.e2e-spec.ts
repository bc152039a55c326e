import sharp from 'sharp';
import type { App } from 'supertest/types';
import type { DraftDto, QualityCheckId } from '../../shared/drafts/drafts.types';
import { type SignedIn, signUp } from '../support/accounts';
import { fixture, uploadPhoto, waitForDraft } from '../support/draft-fixtures';
import { startTestApp, type TestApp } from '../support/test-app';

jest.setTimeout(180_000);

/** A labelled portrait from test/fixtures/portraits as a phone would send it (small crops 2×). */
async function portrait(name: string): Promise<Buffer> {
  const image = sharp(fixture(`portraits/${name}`));
  const { width, height } = await image.metadata();
  const enlarge = Math.max(width, height) < 400 ? 2 : 1;
  return image
    .resize(width * enlarge, height * enlarge, { kernel: 'lanczos3' })
    .toColourspace('srgb')
    .jpeg({ quality: 92 })
    .toBuffer();
}

describe('Eye contact on real portraits (e2e, the real analysis pipeline)', () => {
  let t: TestApp;
  let server: App;
  let me: SignedIn;

  beforeAll(async () => {
    t = await startTestApp();
    server = t.app.getHttpServer() as App;
    me = await signUp(server, { role: 'client' });
  });
  afterAll(() => t.close());

  const draftOf = async (
    name: string,
    gazePreference: 'direct' | 'averted' = 'direct',
  ): Promise<DraftDto> => {
    const created = await uploadPhoto(server, me, await portrait(name), { gazePreference }).expect(
      202,
    );
    const draft = await waitForDraft(server, me, created.body.id);
    expect(draft.status).toBe('ready');
    return draft;
  };
  const check = (draft: DraftDto, id: QualityCheckId) =>
    draft.report!.checks.find((c) => c.id === id)!;

  it('passes the astronaut, who looks into the lens', async () => {
    const draft = await draftOf('skimage_astronaut.png');
    expect(check(draft, 'eyeContact')).toMatchObject({
      status: 'pass',
      measured: 'looking into the lens',
    });
    expect(check(draft, 'headTurn').status).toBe('pass');
  });

  it('fails the cameraman, whose head and eyes are turned to his viewfinder', async () => {
    const draft = await draftOf('skimage_camera.png');
    expect(check(draft, 'eyeContact').status).toBe('fail');
    expect(check(draft, 'eyeContact').fix).toMatch(/look into the lens/);
    expect(check(draft, 'headTurn').status).toBe('fail');
  });

  it('passes eye contact when the head is turned a little and the eyes come back to the lens', async () => {
    // Solvay 1927: head turned to his right (about 7°), eyes on the camera.
    const draft = await draftOf('solvay1927_29_front.png');
    expect(check(draft, 'eyeContact')).toMatchObject({
      status: 'pass',
      measured: 'looking into the lens',
    });
    expect(check(draft, 'headTurn').status).toBe('pass');
  });

  it('judges eyes turned away and a turned face as two findings', async () => {
    // At a party: head turned about 17° to the image right, eyes further that way.
    const draft = await draftOf('kphotoalbum_bar55_glasses.jpg');
    expect(check(draft, 'eyeContact').status).not.toBe('pass');
    expect(check(draft, 'eyeContact').measured).toMatch(
      /^looking past the lens, about \d+° to the right$/,
    );
    expect(check(draft, 'headTurn')).toMatchObject({ status: 'warn' });
    expect(check(draft, 'headTurn').measured).toMatch(/^face turned \d+° to the right$/);
  });

  it('judges a glance just past the lens against the chosen preference', async () => {
    // Solvay 1927: eyes a little to the side of the camera.
    const direct = await draftOf('solvay1927_26_front.png');
    expect(check(direct, 'eyeContact').status).not.toBe('pass');
    expect(check(direct, 'eyeContact').fix).toMatch(/look into the lens/);
    const averted = await draftOf('solvay1927_26_front.png', 'averted');
    expect(averted.report!.gazePreference).toBe('averted');
    expect(check(averted, 'eyeContact')).toMatchObject({ status: 'pass' });
    expect(check(averted, 'eyeContact').measured).toMatch(/, as you prefer$/);
  });

  it('fails eye contact for eyes squeezed to slits against the sun', async () => {
    const draft = await draftOf('kphotoalbum_grand_canyon_1_man.jpg');
    expect(check(draft, 'eyeContact')).toMatchObject({
      status: 'fail',
      measured: 'eyes half closed',
    });
  });
});
