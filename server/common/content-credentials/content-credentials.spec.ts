import sharp from 'sharp';
import { contentSigner, readCredentials, signJpeg } from './content-credentials';
import { credentialsReport } from './credentials-report';
import { draftManifest, finalManifest, finalParentIngredient, SOURCE_TYPE } from './manifests';
import { developmentSigningChain } from './signing-chain';

const LABEL_XMP =
  '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">' +
  '<rdf:Description rdf:about="" xmlns:Iptc4xmpExt="http://iptc.org/std/Iptc4xmpExt/2008-02-29/"' +
  ` Iptc4xmpExt:DigitalSourceType="${SOURCE_TYPE.aiComposite}"/></rdf:RDF></x:xmpmeta>`;

async function photo(colour = '#3a5f8c'): Promise<Buffer> {
  return sharp({ create: { width: 320, height: 400, channels: 3, background: colour } })
    .jpeg({ quality: 90 })
    .withXmp(LABEL_XMP)
    .toBuffer();
}

describe('Content Credentials', () => {
  let signer: ReturnType<typeof contentSigner>;
  let serialNumber: string;

  beforeAll(async () => {
    const chain = await developmentSigningChain('Lensbridge', new Date());
    signer = contentSigner(chain);
    const first = await signJpeg(await photo(), draftManifest({ output: 'preview' }), signer);
    const read = await readCredentials(first, 'image/jpeg');
    serialNumber =
      read.status === 'none'
        ? ''
        : (Object.values(read.store?.manifests ?? {})[0].signature_info?.cert_serial_number ?? '');
  });

  it('signs an AI draft that validates, names its source photo by hash and keeps the XMP label', async () => {
    const signed = await signJpeg(
      await photo(),
      draftManifest({ output: 'hd', sourceSha256: 'ab'.repeat(32) }),
      signer,
    );
    const report = credentialsReport(await readCredentials(signed, 'image/jpeg'), {
      serialNumber,
      development: true,
    });
    expect(report).toMatchObject({
      status: 'valid',
      trusted: false,
      problems: [],
      aiGenerated: true,
      claimGenerator: 'Lensbridge 1.0',
      signer: { ours: true, development: true, commonName: 'Lensbridge development signer' },
    });
    expect(report.actions[0]).toMatchObject({
      action: 'c2pa.created',
      digitalSourceType: SOURCE_TYPE.aiComposite,
    });
    expect(report.ingredients).toEqual([
      { title: 'The photo the client uploaded', relationship: 'inputTo', hasCredentials: false },
    ]);
    const read = await readCredentials(signed, 'image/jpeg');
    const manifest = read.status !== 'none' ? Object.values(read.store!.manifests!)[0] : undefined;
    expect(JSON.stringify(manifest?.ingredients)).toContain(`sha256:${'ab'.repeat(32)}`);
    expect((await sharp(signed).metadata()).xmp?.toString()).toContain(SOURCE_TYPE.aiComposite);
    // Still an ordinary JPEG of the same pixels.
    const pixels = await sharp(signed).raw().toBuffer();
    expect(
      pixels.equals(
        await sharp(await photo())
          .raw()
          .toBuffer(),
      ),
    ).toBe(true);
  });

  it('reports a changed byte of the pixels or of the XMP label as invalid, with the reason', async () => {
    const signed = await signJpeg(await photo(), draftManifest({ output: 'preview' }), signer);
    const inLabel = signed.indexOf('Iptc4xmpExt:DigitalSourceType="') + 40;
    expect(inLabel).toBeGreaterThan(0);
    for (const at of [signed.length - 40, inLabel]) {
      const tampered = Buffer.from(signed);
      tampered[at] ^= 0x01;
      const report = credentialsReport(await readCredentials(tampered, 'image/jpeg'), {
        serialNumber,
        development: true,
      });
      expect(report.status).toBe('invalid');
      expect(report.problems.map((p) => p.code)).toContain('assertion.dataHash.mismatch');
    }
  });

  it('trusts a signer only when its root is among the configured trust anchors', async () => {
    const chain = await developmentSigningChain('Acme', new Date());
    const signed = await signJpeg(
      await photo(),
      draftManifest({ output: 'hd' }),
      contentSigner(chain),
    );
    const root = chain.chainPem.match(
      /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g,
    )![1]!;
    const other = (await developmentSigningChain('Other', new Date())).chainPem;
    expect(await readCredentials(signed, 'image/jpeg', { trustAnchorsPem: root })).toMatchObject({
      status: 'valid',
      trusted: true,
    });
    expect(await readCredentials(signed, 'image/jpeg', { trustAnchorsPem: other })).toMatchObject({
      status: 'valid',
      trusted: false,
    });
    expect(await readCredentials(signed, 'image/jpeg')).toMatchObject({
      status: 'valid',
      trusted: false,
    });
  });

  it('says "none" for an image without credentials', async () => {
    expect(
      credentialsReport(await readCredentials(await photo(), 'image/jpeg'), {
        serialNumber,
        development: true,
      }),
    ).toMatchObject({ status: 'none', aiGenerated: false });
  });

  it('signs a final with author, copyright and licence, keeping a camera manifest as its parent', async () => {
    // A "camera" signed the upload; the final is a new encode of it.
    const camera = await signJpeg(
      await photo('#8c5f3a'),
      {
        claim_generator_info: [{ name: 'Test camera', version: '1' }],
        title: 'IMG_0001.jpg',
        format: 'image/jpeg',
        assertions: [
          {
            label: 'c2pa.actions.v2',
            data: {
              actions: [{ action: 'c2pa.created', digitalSourceType: SOURCE_TYPE.digitalCapture }],
            },
          },
        ],
      },
      signer,
    );
    const final = await sharp(camera).jpeg({ quality: 92 }).toBuffer();
    const signed = await signJpeg(
      final,
      finalManifest({
        title: 'IMG_0001.jpg',
        photographerName: 'Ana Photographer',
        copyright: '© 2026 Ana Photographer. All rights reserved.',
        licence: 'Lensbridge portrait licence',
        licenceUrl: 'http://localhost/api/licences/portrait',
      }),
      signer,
      { bytes: camera, format: 'image/jpeg', ingredient: finalParentIngredient('IMG_0001.jpg') },
    );
    const report = credentialsReport(await readCredentials(signed, 'image/jpeg'), {
      serialNumber,
      development: true,
    });
    expect(report).toMatchObject({
      status: 'valid',
      aiGenerated: false,
      authors: ['Ana Photographer'],
      copyright: '© 2026 Ana Photographer. All rights reserved.',
      licence: 'Lensbridge portrait licence',
    });
    expect(report.actions.map((a) => a.action)).toEqual(['c2pa.opened', 'c2pa.edited']);
    expect(report.actions[1].digitalSourceType).toBe(SOURCE_TYPE.digitalCapture);
    expect(report.ingredients).toEqual([
      { title: 'IMG_0001.jpg', relationship: 'parentOf', hasCredentials: true },
    ]);
  });

  it('signs a final whose upload has no credentials', async () => {
    const upload = await photo('#223344');
    const signed = await signJpeg(
      await sharp(upload).jpeg().toBuffer(),
      finalManifest({
        title: 'a.jpg',
        photographerName: 'B',
        copyright: 'c',
        licence: 'l',
        licenceUrl: 'http://x/l',
      }),
      signer,
      { bytes: upload, format: 'image/jpeg', ingredient: finalParentIngredient('a.jpg') },
    );
    const report = credentialsReport(await readCredentials(signed, 'image/jpeg'), {
      serialNumber,
      development: true,
    });
    expect(report.status).toBe('valid');
    expect(report.ingredients).toEqual([
      { title: 'a.jpg', relationship: 'parentOf', hasCredentials: false },
    ]);
  });
});
