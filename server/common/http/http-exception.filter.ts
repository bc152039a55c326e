import {
  ArgumentsHost,
  Catch,
  ExceptionFilter,
  HttpException,
  HttpStatus,
  Logger,
  NotFoundException,
} from '@nestjs/common';
import { ThrottlerException } from '@nestjs/throttler';
import type { Request, Response } from 'express';
import type { ApiErrorBody } from '../../../shared/errors';
import { CommonErrorCode } from '../../../shared/errors';
import { dependencyDown } from '../errors/dependency-unavailable.error';
import { DomainError } from '../errors/domain-error';
import { codeByStatus, statusByKind } from './error-status';

/** Errors thrown by body-parser carry a `type` and a `status`. */
interface BodyParserError extends Error {
  type: string;
  status: number;
}

function isBodyParserError(error: unknown): error is BodyParserError {
  return (
    error instanceof Error &&
    typeof (error as BodyParserError).type === 'string' &&
    typeof (error as BodyParserError).status === 'number'
  );
}

/**
 * Renders every error as `{ statusCode, code, message, details? }`. Unexpected errors are
 * logged with the request id and answered with a generic 500 that leaks nothing.
 */
@Catch()
export class HttpExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpExceptionFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<Request>();
    const response = http.getResponse<Response>();
    // The database, Redis or the storage being away is a 503 the client can retry, not a bug.
    const down =
      exception instanceof DomainError && exception.code !== CommonErrorCode.DependencyUnavailable
        ? null
        : dependencyDown(exception);
    if (down) {
      this.logger.warn(
        `${request.method} ${request.originalUrl}: ${down.dependency} unavailable (${String(down.cause)})`,
      );
      exception = down;
    }
    const body = this.toBody(exception, request);
    if (body.statusCode >= 500 && !down) {
      this.logger.error(
        { requestId: request.id, method: request.method, url: request.originalUrl, err: exception },
        exception instanceof Error ? exception.stack : undefined,
      );
    }
    if (response.headersSent) return;
    if (exception instanceof DomainError && exception.retryAfterSeconds !== undefined) {
      response.setHeader('Retry-After', String(exception.retryAfterSeconds));
    }
    response.status(body.statusCode).json(body);
  }

  private toBody(exception: unknown, request: Request): ApiErrorBody {
    if (exception instanceof DomainError) {
      return {
        statusCode: statusByKind[exception.kind],
        code: exception.code,
        message: exception.message,
        ...(exception.details === undefined ? {} : { details: exception.details }),
      };
    }
    if (exception instanceof ThrottlerException) {
      return {
        statusCode: HttpStatus.TOO_MANY_REQUESTS,
        code: CommonErrorCode.RateLimited,
        message: 'Too many attempts. Wait a moment and try again.',
      };
    }
    if (exception instanceof NotFoundException && isUnknownRoute(exception)) {
      return {
        statusCode: HttpStatus.NOT_FOUND,
        code: CommonErrorCode.RouteNotFound,
        message: `No route for ${request.method} ${request.originalUrl.split('?')[0]}`,
      };
    }
    const parserError = exception instanceof HttpException ? exception.cause : exception;
    if (isBodyParserError(parserError)) {
      return fromBodyParser(parserError);
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      return {
        statusCode: status,
        code: codeByStatus[status] ?? (status >= 500 ? CommonErrorCode.Internal : 'HTTP_ERROR'),
        message: status >= 500 ? 'Something went wrong on our side.' : messageOf(exception),
      };
    }
    return {
      statusCode: HttpStatus.INTERNAL_SERVER_ERROR,
      code: CommonErrorCode.Internal,
      message: 'Something went wrong on our side. The error was logged.',
    };
  }
}

function fromBodyParser(error: BodyParserError): ApiErrorBody {
  switch (error.type) {
    case 'entity.parse.failed':
      return {
        statusCode: HttpStatus.BAD_REQUEST,
        code: CommonErrorCode.MalformedJson,
        message: 'The request body is not valid JSON.',
      };
    case 'entity.too.large':
      return {
        statusCode: HttpStatus.PAYLOAD_TOO_LARGE,
        code: CommonErrorCode.PayloadTooLarge,
        message: 'The request body is too large.',
      };
    default:
      return {
        statusCode: error.status >= 400 && error.status < 500 ? error.status : 400,
        code: codeByStatus[error.status] ?? 'BAD_REQUEST',
        message: 'The request body could not be read.',
      };
  }
}

function isUnknownRoute(exception: NotFoundException): boolean {
  return /^Cannot (GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS) /.test(exception.message);
}

function messageOf(exception: HttpException): string {
  const response = exception.getResponse();
  if (typeof response === 'string') return response;
  const message = (response as { message?: unknown }).message;
  if (Array.isArray(message)) return message.join('; ');
  return typeof message === 'string' ? message : exception.message;
}
