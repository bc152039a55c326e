import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SystemClock } from '../../server/common/clock';
import type { AppConfig } from '../../server/config/app-config';
import { ProvenanceService } from '../../server/modules/provenance/provenance.service';

/** A started ProvenanceService signing with a development chain made in a fresh folder. */
export async function developmentProvenance(): Promise<ProvenanceService> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'lensbridge-c2pa-'));
  const config = { provenance: { developmentChainFile: path.join(dir, 'development-signer.pem') } };
  const service = new ProvenanceService(config as AppConfig, new SystemClock());
  await service.onModuleInit();
  return service;
}
