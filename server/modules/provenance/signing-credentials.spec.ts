import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { developmentSigningChain } from '../../common/content-credentials/signing-chain';
import { loadSigningChain } from './signing-credentials';

describe('the C2PA signing chain', () => {
  const now = new Date('2026-12-03T10:00:00Z');
  const folder = () =>
    path.join(mkdtempSync(path.join(os.tmpdir(), 'c2pa-chain-')), 'c2pa', 'development-signer.pem');

  it('makes a development chain at first start and keeps using it after a restart', async () => {
    const developmentChainFile = folder();
    const first = await loadSigningChain({ developmentChainFile }, now);
    expect(first.development).toBe(true);
    expect(first.leaf.subject).toContain('CN=Lensbridge development signer');
    expect(readFileSync(developmentChainFile, 'utf8')).toContain('BEGIN PRIVATE KEY');
    const again = await loadSigningChain({ developmentChainFile }, now);
    expect(again.leaf.serialNumber).toBe(first.leaf.serialNumber);
  });

  it('gives every process starting at once on one data folder the same chain', async () => {
    const developmentChainFile = folder();
    const chains = await Promise.all(
      Array.from({ length: 6 }, () => loadSigningChain({ developmentChainFile }, now)),
    );
    expect(new Set(chains.map((c) => c.leaf.serialNumber)).size).toBe(1);
  });

  it('uses the configured chain, checking that the key is the first certificate’s and that it is valid now', async () => {
    const a = await developmentSigningChain('Acme Studios', now);
    const b = await developmentSigningChain('Other', now);
    const developmentChainFile = folder();
    const configured = await loadSigningChain(
      { signingCertPem: a.chainPem, signingKeyPem: a.keyPem, developmentChainFile },
      now,
    );
    expect(configured.development).toBe(false);
    expect(configured.leaf.subject).toContain('O=Acme Studios');
    await expect(
      loadSigningChain(
        { signingCertPem: a.chainPem, signingKeyPem: b.keyPem, developmentChainFile },
        now,
      ),
    ).rejects.toThrow(/does not belong to the first certificate/);
    await expect(
      loadSigningChain(
        { signingCertPem: a.chainPem, signingKeyPem: a.keyPem, developmentChainFile },
        new Date('2030-01-01T00:00:00Z'),
      ),
    ).rejects.toThrow(/not valid now/);
  });
});
