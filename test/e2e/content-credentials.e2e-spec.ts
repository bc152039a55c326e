import sharp from 'sharp';
import request from 'supertest';
import type { App } from 'supertest/types';
import {
  contentSigner,
  signJpeg,
} from '../../server/common/content-credentials/content-credentials';
import { draftManifest } from '../../server/common/content-credentials/manifests';
import {
  developmentSigningChain,
  pemCertificates,
  type SigningChainPem,
} from '../../server/common/content-credentials/signing-chain';
import { type DraftDto, IPTC_DIGITAL_SOURCE_TYPE } from '../../shared/drafts/drafts.types';
import { type SignedIn, signUp, writeHeaders } from '../support/accounts';
import {
  downloadImage,
  photos,
  uploadPhoto,
  waitForDraft,
  waitForHd,
} from '../support/draft-fixtures';
import { independentC2paCheck, verifyCredentials as verify } from '../support/content-credentials';
import { startTestApp, type TestApp } from '../support/test-app';

jest.setTimeout(180_000);

const AI_COMPOSITE =
  'http://cv.iptc.org/newscodes/digitalsourcetype/compositeWithTrainedAlgorithmicMedia';

describe('Content Credentials on AI drafts, and the verify API (e2e)', () => {
  let t: TestApp;
  let server: App;
  let me: SignedIn;
  let draft: DraftDto;

  beforeAll(async () => {
    t = await startTestApp();
    server = t.app.getHttpServer() as App;
    me = await signUp(server, { role: 'client' });
    const created = await uploadPhoto(server, me, await photos.astronaut()).expect(202);
    await waitForDraft(server, me, created.body.id);
    await request(server)
      .post(`/api/drafts/${created.body.id}/unlock`)
      .set(writeHeaders(me))
      .expect(200);
    draft = await waitForHd(server, me, created.body.id);
  });
  afterAll(() => t.close());

  it('signs every preview and HD image: valid, AI-generated, made from the photo, by our development certificate', async () => {
    expect(draft.variants).toHaveLength(3);
    for (const v of draft.variants) {
      for (const url of [v.previewUrl!, v.hdUrl!]) {
        const image = await downloadImage(server, me, url);
        const report = await verify(server, image);
        expect(report).toMatchObject({
          status: 'valid',
          trusted: false,
          problems: [],
          aiGenerated: true,
          claimGenerator: 'Lensbridge 1.0',
          signer: { ours: true, development: true, organisation: 'Lensbridge' },
          ingredients: [
            {
              title: 'The photo the client uploaded',
              relationship: 'inputTo',
              hasCredentials: false,
            },
          ],
        });
        expect(report.actions).toEqual([
          expect.objectContaining({ action: 'c2pa.created', digitalSourceType: AI_COMPOSITE }),
        ]);
        // The XMP label stays beside the credentials.
        expect((await sharp(image).metadata()).xmp?.toString()).toContain(IPTC_DIGITAL_SOURCE_TYPE);
      }
    }
  });

  it('passes an independent reading of the signature, chain and data hash (Python, no c2pa-rs)', async () => {
    const image = await downloadImage(server, me, draft.variants[0]!.hdUrl!);
    expect(independentC2paCheck(image)).toEqual({
      manifest: true,
      coseTag: 18,
      algorithm: -7,
      detachedPayload: true,
      signer: 'O=Lensbridge,CN=Lensbridge development signer',
      chainLength: 2,
      signatureValid: true,
      chainValid: true,
      dataHashValid: true,
      actions: ['c2pa.created'],
      digitalSourceTypes: [AI_COMPOSITE],
      claimGenerator: 'Lensbridge',
    });
    const tampered = Buffer.from(image);
    tampered[tampered.length - 64] ^= 0x01;
    expect(independentC2paCheck(tampered)).toMatchObject({
      signatureValid: true,
      dataHashValid: false,
    });
  });

  it('reports an AI image with one changed byte as invalid, saying the hash no longer matches', async () => {
    const image = await downloadImage(server, me, draft.variants[0]!.hdUrl!);
    const tampered = Buffer.from(image);
    tampered[tampered.length - 64] ^= 0x01;
    const report = await verify(server, tampered);
    expect(report.status).toBe('invalid');
    expect(report.problems).toContainEqual(
      expect.objectContaining({ code: 'assertion.dataHash.mismatch' }),
    );
  });

  it('says an image re-encoded by someone else has no credentials', async () => {
    const image = await downloadImage(server, me, draft.variants[0]!.previewUrl!);
    const stripped = await sharp(image).jpeg().toBuffer();
    expect(await verify(server, stripped)).toMatchObject({
      status: 'none',
      aiGenerated: false,
      actions: [],
    });
    const png = await sharp(image).png().toBuffer();
    expect((await verify(server, png, 'x.png')).status).toBe('none');
  });

  it('refuses a missing file and a file that is not an image with clear codes', async () => {
    for (const sent of [
      request(server).post('/api/provenance/verify').field('note', 'no file'),
      request(server).post('/api/provenance/verify'),
    ]) {
      const missing = await sent.expect(400);
      expect(missing.body.code).toBe('FILE_MISSING');
    }
    const text = await request(server)
      .post('/api/provenance/verify')
      .attach('image', Buffer.from('hello, not an image'), 'notes.jpg')
      .expect(415);
    expect(text.body).toMatchObject({ code: 'CREDENTIALS_FORMAT_UNSUPPORTED' });
    expect(text.body.message).toMatch(/JPEG, PNG/);
  });

  it('tells the pages how it signs: a development certificate until C2PA_SIGNING_CERT is set', async () => {
    const signer = await request(server).get('/api/provenance/signer').expect(200);
    expect(signer.body).toEqual({
      development: true,
      commonName: 'Lensbridge development signer',
      organisation: 'Lensbridge',
      notAfter: expect.any(String),
    });
  });
});

describe('Content Credentials with a configured chain and trust list (e2e)', () => {
  let t: TestApp;
  let server: App;
  let chain: SigningChainPem;

  beforeAll(async () => {
    chain = await developmentSigningChain('Acme Portraits', new Date());
    const root = pemCertificates(chain.chainPem)[1]!;
    t = await startTestApp({
      C2PA_SIGNING_CERT: chain.chainPem,
      C2PA_SIGNING_KEY: chain.keyPem,
      C2PA_TRUST_ANCHORS: root,
    });
    server = t.app.getHttpServer() as App;
  });
  afterAll(() => t.close());

  it('signs with the configured certificate, and reports signers under a configured root as trusted', async () => {
    const signer = await request(server).get('/api/provenance/signer').expect(200);
    expect(signer.body).toMatchObject({ development: false, organisation: 'Acme Portraits' });
    const ours = await signJpeg(
      await sharp(await photos.astronaut())
        .jpeg()
        .toBuffer(),
      draftManifest({ output: 'preview' }),
      contentSigner(chain),
    );
    expect(await verify(server, ours)).toMatchObject({
      status: 'valid',
      trusted: true,
      signer: { ours: true, development: false, organisation: 'Acme Portraits' },
    });
    const stranger = await signJpeg(
      await sharp(await photos.astronaut())
        .jpeg()
        .toBuffer(),
      draftManifest({ output: 'preview' }),
      contentSigner(await developmentSigningChain('Somebody Else', new Date())),
    );
    expect(await verify(server, stranger)).toMatchObject({
      status: 'valid',
      trusted: false,
      signer: { ours: false, development: false, organisation: 'Somebody Else' },
    });
  });
});
