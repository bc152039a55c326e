import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import type { App } from 'supertest/types';
import type { CredentialsReport } from '../../shared/provenance/provenance.types';
import {
  contentSigner,
  signJpeg,
} from '../../server/common/content-credentials/content-credentials';
import { SOURCE_TYPE } from '../../server/common/content-credentials/manifests';
import { developmentSigningChain } from '../../server/common/content-credentials/signing-chain';

/** What anybody sees when they check an image's Content Credentials. */
export async function verifyCredentials(
  server: App,
  image: Buffer,
  name = 'image.jpg',
): Promise<CredentialsReport> {
  const res = await request(server)
    .post('/api/provenance/verify')
    .attach('image', image, name)
    .expect(200);
  return res.body as CredentialsReport;
}

/** A JPEG as a C2PA-capable camera writes it: its own signed manifest, "captured", by a camera maker. */
export async function aCameraSignedJpeg(jpeg: Buffer): Promise<Buffer> {
  const camera = contentSigner(await developmentSigningChain('Test Camera Co', new Date()));
  return signJpeg(
    jpeg,
    {
      claim_generator_info: [{ name: 'Test Camera firmware', version: '2.1' }],
      title: 'DSC_0001.JPG',
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
    camera,
  );
}

/** What test/tools/c2pa_independent_check.py (Python, cbor2 and cryptography; no c2pa-rs) finds. */
export interface IndependentCheck {
  manifest: boolean;
  coseTag?: number;
  algorithm?: number;
  detachedPayload?: boolean;
  signer?: string;
  chainLength?: number;
  signatureValid?: boolean;
  chainValid?: boolean;
  dataHashValid?: boolean;
  actions?: string[];
  digitalSourceTypes?: string[];
  claimGenerator?: string;
}

export function independentC2paCheck(image: Buffer): IndependentCheck {
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'c2pa-check-')), 'image.jpg');
  writeFileSync(file, image);
  // Debian's interpreter, where python3-cbor2 and python3-cryptography are installed.
  const python = existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';
  const script = path.join(__dirname, '..', 'tools', 'c2pa_independent_check.py');
  return JSON.parse(execFileSync(python, [script, file], { encoding: 'utf8' })) as IndependentCheck;
}
