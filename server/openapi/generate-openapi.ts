import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { OpenAPIObject } from '@nestjs/swagger';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AppModule } from '../app.module';
import { API_PREFIX } from '../app.setup';
import { loadConfig } from '../config/app-config';
import { describeApi } from './openapi-document';
import { readResponseContracts } from './response-schemas';

/**
 * Builds the API contract from the code: the app's routes (on a throwaway embedded SQLite
 * database, so no PostgreSQL, Redis or S3 is needed) and the TypeScript source under `rootDir`.
 * Used by `scripts/openapi.mjs` (npm run openapi:generate / openapi:check).
 */
export async function generateOpenApiDocument(rootDir: string): Promise<OpenAPIObject> {
  const responses = readResponseContracts(rootDir);
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'lensbridge-openapi-'));
  try {
    const config = loadConfig({
      LOG_LEVEL: 'silent',
      SEED_DEMO_DATA: 'false',
      SERVE_CLIENT: 'false',
      DATA_DIR: dataDir,
    });
    const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), {
      logger: false,
    });
    try {
      app.setGlobalPrefix(API_PREFIX);
      return describeApi(app, responses);
    } finally {
      await app.close();
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}
