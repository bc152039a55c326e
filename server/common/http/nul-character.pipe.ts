import type { ArgumentMetadata, PipeTransform } from '@nestjs/common';
import { CommonErrorCode } from '../../../shared/errors';
import { DomainError, ErrorKind } from '../errors/domain-error';

/**
 * One rule for every input: no text may contain a NUL character (U+0000). PostgreSQL cannot
 * store it in text and answered 500; SQLite stored it. Runs on every body, query and route
 * parameter (multipart fields included) before any schema, and answers 400 VALIDATION_FAILED
 * naming where the character is, on both engines.
 */
export class RejectNulCharacterPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    if (metadata.type === 'custom') return value;
    const at = nulPath(value, metadata.data ? [metadata.data] : []);
    if (at !== null) {
      throw new DomainError(
        CommonErrorCode.ValidationFailed,
        ErrorKind.Invalid,
        `${at || metadata.type}: must not contain a NUL character`,
        [{ path: at, message: 'must not contain a NUL character' }],
      );
    }
    return value;
  }
}

/** The dotted path of the first string with a NUL (keys included), or null. */
function nulPath(value: unknown, path: string[], depth = 0): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path.join('.') : null;
  if (depth > 32 || value === null || typeof value !== 'object' || Buffer.isBuffer(value))
    return null;
  for (const [key, item] of Object.entries(value)) {
    if (key.includes('\u0000')) return [...path, key].join('.');
    const found = nulPath(item, [...path, key], depth + 1);
    if (found !== null) return found;
  }
  return null;
}
