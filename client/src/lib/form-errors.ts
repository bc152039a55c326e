import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';
import { CommonErrorCode } from '@shared/errors';
import { ApiError, type ApiErrorDetail } from './api-client';

function validationDetails(error: unknown): ApiErrorDetail[] {
  if (!(error instanceof ApiError) || error.code !== CommonErrorCode.ValidationFailed) return [];
  return error.fieldErrors;
}

/** Puts the server's VALIDATION_FAILED details on the matching form fields, focusing the first. */
export function applyServerFieldErrors<T extends FieldValues>(
  error: unknown,
  fields: readonly Path<T>[],
  setError: UseFormSetError<T>,
): void {
  let first = true;
  for (const detail of validationDetails(error)) {
    const field = fields.find((name) => name === detail.path);
    if (!field) continue;
    setError(field, { type: 'server', message: detail.message }, { shouldFocus: first });
    first = false;
  }
}

/** The VALIDATION_FAILED messages that belong to no field of the form, to show above it. */
export function unmatchedServerErrors(error: unknown, fields: readonly string[]): string[] {
  return validationDetails(error)
    .filter((detail) => !fields.includes(detail.path))
    .map((detail) => detail.message);
}
