import { applyDecorators } from '@nestjs/common';
import { ApiBody, ApiConsumes } from '@nestjs/swagger';

/**
 * Declares a multipart route's required file field for the API contract: one file (`'image'`)
 * or several (`'images[]'`). The route's zod body schema adds the text fields (joined in
 * server/openapi/openapi-document.ts).
 */
export function ApiFileUpload(field: string, options: { maxItems?: number } = {}) {
  const many = field.endsWith('[]');
  const name = many ? field.slice(0, -2) : field;
  const file = { type: 'string', format: 'binary' };
  return applyDecorators(
    ApiConsumes('multipart/form-data'),
    ApiBody({
      schema: {
        type: 'object',
        required: [name],
        properties: { [name]: many ? { type: 'array', items: file, ...options } : file },
      },
    }),
  );
}
