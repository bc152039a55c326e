import 'reflect-metadata';
import { Body, Controller, type INestApplication, Module, Param, Post } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { z } from 'zod';
import { Public } from '../common/auth/decorators';
import { driftReport } from './contract-drift';
import { describeApi, type ResponseContracts } from './openapi-document';

const DOCUMENT = 'docs/api/openapi.json';
const idParamSchema = z.object({ id: z.uuid() });

/** A one-route app whose note body is validated by `noteSchema`. */
async function appWithNoteSchema(noteSchema: z.ZodType): Promise<INestApplication> {
  @Controller('notes')
  class NotesController {
    @Public()
    @Post(':id')
    add(
      @Param({ schema: idParamSchema }) params: { id: string },
      @Body({ schema: noteSchema }) note: unknown,
    ): Promise<void> {
      void params;
      void note;
      return Promise.resolve();
    }
  }
  @Module({ controllers: [NotesController] })
  class NotesModule {}
  const app = await NestFactory.create(NotesModule, { logger: false });
  app.setGlobalPrefix('api');
  return app;
}

const responses: ResponseContracts = {
  operations: { NotesController_add: { kind: 'empty' } },
  schemas: { ApiError: { type: 'object' } },
  errorSchema: 'ApiError',
};

async function documentText(noteSchema: z.ZodType): Promise<string> {
  const app = await appWithNoteSchema(noteSchema);
  try {
    return JSON.stringify(describeApi(app, responses), null, 2);
  } finally {
    await app.close();
  }
}

describe('the API contract drift check', () => {
  const before = z.object({ text: z.string().max(200) }).strict();

  it('passes when the code still gives the committed document', async () => {
    const committed = await documentText(before);
    expect(driftReport({ [DOCUMENT]: committed }, { [DOCUMENT]: await documentText(before) })).toBe(
      undefined,
    );
  });

  it('names the operation whose zod schema changed, and says how to fix it', async () => {
    const committed = await documentText(before);
    const after = z.object({ text: z.string().max(500), pinned: z.boolean().optional() }).strict();
    const report = driftReport(
      { [DOCUMENT]: committed },
      { [DOCUMENT]: await documentText(after) },
    );
    expect(report).toContain('~ POST /api/notes/{id} (changed)');
    expect(report).toContain('npm run openapi:generate');
  });

  it('puts the request schema in the document from the zod schema the route validates with', async () => {
    const document = JSON.parse(await documentText(before)) as {
      paths: Record<string, { post: Record<string, unknown> }>;
    };
    const operation = document.paths['/api/notes/{id}']!.post;
    expect(operation.requestBody).toEqual({
      content: {
        'application/json': {
          schema: {
            additionalProperties: false,
            properties: { text: { maxLength: 200, type: 'string' } },
            required: ['text'],
            type: 'object',
          },
        },
      },
      required: true,
    });
    expect(operation.security).toEqual([]);
    expect(Object.keys(operation.responses as object)).toEqual(['201', '400', 'default']);
  });

  it('reports a changed client file by its first different line', () => {
    const report = driftReport(
      { 'client/src/lib/api-schema.d.ts': 'a\nb\n' },
      { 'client/src/lib/api-schema.d.ts': 'a\nc\n' },
    );
    expect(report).toContain('line 2: committed "b", generated "c"');
  });
});
