import { Injectable, Logger, NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { randomUUID } from 'node:crypto';

const REQUEST_ID = /^[\w.:-]{1,100}$/;

/**
 * Gives every request an id (the caller's `X-Request-Id` when it is sane, else a new UUID),
 * echoes it in the response, and logs one structured line when the response is finished.
 */
@Injectable()
export class RequestLoggerMiddleware implements NestMiddleware {
  private readonly logger = new Logger('HTTP');

  use(request: Request, response: Response, next: NextFunction): void {
    const incoming = request.header('x-request-id');
    request.id = incoming && REQUEST_ID.test(incoming) ? incoming : randomUUID();
    response.setHeader('X-Request-Id', request.id);
    const started = process.hrtime.bigint();
    response.on('finish', () => {
      const entry = {
        requestId: request.id,
        method: request.method,
        path: request.originalUrl.split('?')[0],
        status: response.statusCode,
        durationMs: Number((process.hrtime.bigint() - started) / 1000n) / 1000,
        userId: request.auth?.userId,
      };
      if (response.statusCode >= 500) this.logger.error(entry);
      else this.logger.log(entry);
    });
    next();
  }
}
