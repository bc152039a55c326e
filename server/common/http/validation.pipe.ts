import { StandardSchemaValidationPipe } from '@nestjs/common';
import type { StandardSchemaV1 } from '@standard-schema/spec';
import { CommonErrorCode } from '../../../shared/errors';
import { DomainError, ErrorKind, type ErrorDetail } from '../errors/domain-error';

export function toValidationError(issues: readonly StandardSchemaV1.Issue[]): DomainError {
  const details: ErrorDetail[] = issues.map((issue) => ({
    path: (issue.path ?? [])
      .map((segment) => String(typeof segment === 'object' ? segment.key : segment))
      .join('.'),
    message: issue.message,
  }));
  const first = details[0];
  const summary = first?.path ? `${first.path}: ${first.message}` : (first?.message ?? 'Invalid');
  return new DomainError(
    CommonErrorCode.ValidationFailed,
    ErrorKind.Invalid,
    details.length > 1 ? `${summary} (and ${details.length - 1} more)` : summary,
    details,
  );
}

/** Validates `@Body({ schema })`, `@Query({ schema })` and `@Param({ schema })` with zod. */
export function createValidationPipe(): StandardSchemaValidationPipe {
  return new StandardSchemaValidationPipe({ exceptionFactory: toValidationError });
}
