import type { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import cookieParser from 'cookie-parser';
import express, { type NextFunction, type Request, type Response } from 'express';
import helmet from 'helmet';
import { existsSync } from 'node:fs';
import path from 'node:path';
import openApiDocument from '../docs/api/openapi.json';
import { RequestLoggerMiddleware } from './common/http/request-logger.middleware';
import type { AppConfig } from './config/app-config';
import { APP_CONFIG } from './config/config.module';
import { removeUploadsAfterResponse } from './common/http/uploads';

export const API_PREFIX = 'api';

/**
 * Everything the HTTP app needs beyond its modules. Shared by `main.ts` and the e2e tests so
 * that tests exercise the same stack (headers, cookies, body limits, static client).
 */
export function configureApp(app: NestExpressApplication): AppConfig {
  const config = app.get<AppConfig>(APP_CONFIG);
  app.set('trust proxy', config.http.trustProxy);
  app.disable('x-powered-by');
  const requestLogger = new RequestLoggerMiddleware();
  app.use((req: Request, res: Response, next: NextFunction) => requestLogger.use(req, res, next));
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          imgSrc: ["'self'", 'data:', 'blob:'],
          // Swagger UI at /api/docs styles itself inline.
          styleSrc: ["'self'", "'unsafe-inline'"],
          scriptSrc: ["'self'"],
          connectSrc: ["'self'"],
          upgradeInsecureRequests: config.session.cookieSecure ? [] : null,
        },
      },
    }),
  );
  app.use(cookieParser());
  app.use(removeUploadsAfterResponse);
  app.useBodyParser('json', { limit: config.http.jsonBodyLimit });
  app.useBodyParser('urlencoded', { limit: config.http.jsonBodyLimit, extended: false });
  app.setGlobalPrefix(API_PREFIX);
  setUpOpenApi(app);
  if (config.client.serve) serveClient(app, config.client.distDir);
  app.enableShutdownHooks();
  return config;
}

/**
 * Serves the committed API contract (docs/api/openapi.json), the same file the client's types
 * come from. `npm run openapi:generate` builds it from the code; CI fails when it drifts.
 */
function setUpOpenApi(app: INestApplication): void {
  SwaggerModule.setup(`${API_PREFIX}/docs`, app, openApiDocument as unknown as OpenAPIObject, {
    jsonDocumentUrl: `${API_PREFIX}/docs/openapi.json`,
  });
}

const isApiPath = (p: string) => p === `/${API_PREFIX}` || p.startsWith(`/${API_PREFIX}/`);

/**
 * Serves the built SPA: its files, and index.html for any other non-API GET. API requests never
 * pass through the file server: it would look each one up on disk through libuv's thread pool,
 * which sharp keeps busy while photos are processed, and every API call would wait behind them.
 */
function serveClient(app: NestExpressApplication, distDir: string): void {
  const indexHtml = path.join(distDir, 'index.html');
  if (!existsSync(indexHtml)) return;
  const files = express.static(distDir, {
    index: false,
    setHeaders: (res, file) => {
      const hashed = file.includes(`${path.sep}assets${path.sep}`);
      res.setHeader('Cache-Control', hashed ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  app.use((req: Request, res: Response, next: NextFunction) =>
    isApiPath(req.path) ? next() : files(req, res, next),
  );
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET' || isApiPath(req.path) || !req.accepts('html')) return next();
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(indexHtml);
  });
}
