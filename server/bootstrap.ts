import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { AppModule } from './app.module';
import type { Clock } from './common/clock';
import { configureApp } from './app.setup';
import type { AppConfig } from './config/app-config';
import { createLogger } from './config/logger';
import { SeedService } from './modules/seed/seed.service';

/**
 * Builds the whole HTTP application (not yet listening) for a configuration; e2e tests pass a
 * clock they can move.
 */
export async function createApp(config: AppConfig, clock?: Clock): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config, clock), {
    logger: createLogger(config),
    rawBody: true,
    bodyParser: true,
    forceCloseConnections: true,
  });
  configureApp(app);
  if (config.seedDemoData) {
    const seed = app.get(SeedService);
    if (await seed.isEmpty()) await seed.seedDemoData();
  }
  return app;
}
