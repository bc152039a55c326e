import type { StandardSchemaV1 } from '@standard-schema/spec';
import type { INestApplication } from '@nestjs/common';
import { ROUTE_ARGS_METADATA } from '@nestjs/common/constants.js';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum.js';
import { ModulesContainer, Reflector } from '@nestjs/core';
import {
  DocumentBuilder,
  type OpenAPIObject,
  type StandardSchemaConverter,
  SwaggerModule,
} from '@nestjs/swagger';
import { z } from 'zod';
import { IS_PUBLIC, REQUIRED_ROLES, REQUIRES_VERIFIED_EMAIL } from '../common/auth/decorators';

export type JsonSchema = Record<string, unknown>;

/** What a route answers on success, read from its declared return type (response-schemas.ts). */
export type ResponseBody =
  { kind: 'json'; schema: JsonSchema } | { kind: 'binary' } | { kind: 'text' } | { kind: 'empty' };

export interface ResponseContracts {
  /** By operation id, `Controller_method`. */
  operations: Record<string, ResponseBody>;
  /** Named types the bodies refer to, for `components/schemas`. */
  schemas: Record<string, JsonSchema>;
  /** The component that describes every error body. */
  errorSchema: string;
}

type Operation = OpenAPIObject['paths'][string]['get'] & object;
type Handler = { controller: new (...args: never[]) => unknown; method: string };

const SESSION_SCHEME = 'session';
const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;
const VALIDATED_ARGS = new Map<number, string>([
  [RouteParamtypes.BODY, '@Body'],
  [RouteParamtypes.QUERY, '@Query'],
  [RouteParamtypes.PARAM, '@Param'],
]);

/** The request halves (body, query, path) straight from the zod schemas the routes validate with. */
const zodInputSchemas: StandardSchemaConverter = (schema) => {
  if (!(schema instanceof z.ZodType)) {
    throw new Error('Route schemas must be zod schemas (the API contract converts them)');
  }
  const { $defs, $schema, ...root } = z.toJSONSchema(schema, {
    io: 'input',
    target: 'draft-2020-12',
    unrepresentable: 'throw',
  });
  void $schema;
  return { schema: root, components: ($defs ?? {}) as Record<string, JsonSchema> };
};

/**
 * The OpenAPI 3.1 document of the running app's routes: operations as Nest's swagger module
 * finds them, request schemas from the routes' zod schemas, success bodies from `responses`,
 * and every error as the one `ApiError` component. Keys are sorted, so equal APIs give equal
 * files.
 */
export function describeApi(app: INestApplication, responses: ResponseContracts): OpenAPIObject {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setOpenAPIVersion('3.1.0')
      .setTitle('Lensbridge API')
      .setDescription(
        'Errors are `{ statusCode, code, message, details? }`. Writes made with the session ' +
          'cookie must send the `X-CSRF-Token` header returned by /api/auth/me.',
      )
      .setVersion('1')
      .setLicense('UNLICENSED', 'https://lensbridge.example/terms')
      .addServer('/', 'This server')
      .addCookieAuth('lb_session', { type: 'apiKey', in: 'cookie' }, SESSION_SCHEME)
      .addSecurityRequirements(SESSION_SCHEME)
      .build(),
    {
      operationIdFactory: (controller, method) => `${controller}_${method}`,
      standardSchemaConverter: zodInputSchemas,
    },
  );
  const handlers = handlersById(app);
  const reflector = new Reflector();
  const schemas = { ...document.components?.schemas } as Record<string, JsonSchema>;
  for (const [name, schema] of Object.entries(responses.schemas)) {
    if (name in schemas) throw new Error(`Two schemas are called ${name} (zod and TypeScript)`);
    schemas[name] = schema;
  }

  for (const [route, item] of Object.entries(document.paths)) {
    for (const verb of HTTP_METHODS) {
      const operation = item[verb];
      if (!operation) continue;
      const id = operation.operationId ?? `${verb} ${route}`;
      const handler = handlers.get(id);
      const body = responses.operations[id];
      if (!handler) throw new Error(`${id} (${verb} ${route}) has no known handler`);
      if (!body) throw new Error(`${id}: no declared return type was found in its controller`);
      const target = [handler.controller.prototype[handler.method], handler.controller];
      const validates = validatedArgs(handler, id);
      const isPublic = reflector.getAllAndOverride<boolean>(IS_PUBLIC, target) === true;
      const restricted =
        reflector.getAllAndOverride<string[]>(REQUIRED_ROLES, target) !== undefined ||
        reflector.getAllAndOverride<boolean>(REQUIRES_VERIFIED_EMAIL, target) === true;
      const produces = Reflect.getMetadata('swagger/apiProduces', target[0]) as
        string[] | undefined;
      const requestBody = optionalIfEmptyAllowed(
        withFileFields(operation.requestBody, target[0], id),
        handler,
      );
      item[verb] = {
        ...operation,
        ...(requestBody ? { requestBody } : {}),
        ...(isPublic ? { security: [] } : {}),
        responses: {
          ...successResponse(operation, body, produces),
          ...(validates ? { '400': ref('BadRequest') } : {}),
          ...(isPublic ? {} : { '401': ref('Unauthenticated') }),
          ...(restricted ? { '403': ref('Forbidden') } : {}),
          default: ref('Error'),
        },
      };
    }
  }

  const errorBody = {
    'application/json': { schema: { $ref: `#/components/schemas/${responses.errorSchema}` } },
  };
  return sortKeys({
    ...document,
    components: {
      ...document.components,
      schemas,
      responses: {
        BadRequest: {
          description:
            'The request did not validate (`VALIDATION_FAILED`, `details` lists the fields)',
          content: errorBody,
        },
        Unauthenticated: { description: 'No live session (`UNAUTHENTICATED`)', content: errorBody },
        Forbidden: {
          description: 'Not allowed for this account (`FORBIDDEN`, `EMAIL_NOT_VERIFIED`, …)',
          content: errorBody,
        },
        Error: { description: 'Any other error, with its stable `code`', content: errorBody },
      },
    },
  });
}

type RequestBody = Operation['requestBody'];
type MediaType = NonNullable<Exclude<RequestBody, { $ref: string }>>['content'][string];
type Schema = NonNullable<MediaType['schema']>;
type ObjectSchema = { properties?: Record<string, Schema>; required?: string[] };

/**
 * A multipart body with its file fields. Files never reach a zod schema (multer takes them),
 * so an upload route names them with `@ApiBody({ schema })` beside `@ApiConsumes`; the swagger
 * module keeps only the zod schema of the other fields when both exist, so they are joined here.
 */
function withFileFields(body: RequestBody, method: object, id: string): RequestBody {
  const declared = (
    (Reflect.getMetadata('swagger/apiParameters', method) ?? []) as {
      in?: string;
      schema?: ObjectSchema;
    }[]
  ).find((param) => param.in === 'body')?.schema;
  if (!declared) return body;
  const multipart = body && 'content' in body ? body.content['multipart/form-data'] : undefined;
  if (!body || !('content' in body) || !multipart)
    throw new Error(`${id}: @ApiBody file fields need @ApiConsumes('multipart/form-data')`);
  const fields = (multipart.schema ?? {}) as ObjectSchema;
  const required = [...new Set([...(fields.required ?? []), ...(declared.required ?? [])])];
  const schema = {
    ...fields,
    type: 'object',
    properties: { ...fields.properties, ...declared.properties },
    ...(required.length ? { required } : {}),
  };
  return { ...body, content: { ...body.content, 'multipart/form-data': { ...multipart, schema } } };
}

function ref(name: string) {
  return { $ref: `#/components/responses/${name}` };
}

const STATUS_TEXT: Record<string, string> = {
  '200': 'OK',
  '201': 'Created',
  '202': 'Accepted',
  '204': 'No Content',
};

function successResponse(operation: Operation, body: ResponseBody, produces?: string[]) {
  const status = Object.keys(operation.responses).find((code) => /^2\d\d$/.test(code)) ?? '200';
  const description = STATUS_TEXT[status] ?? 'Success';
  const media = (fallback: string, schema: JsonSchema) =>
    Object.fromEntries(
      (produces?.length ? produces : [fallback]).map((type) => [type, { schema }]),
    );
  switch (body.kind) {
    case 'empty':
      return { [status]: { description } };
    case 'binary':
      return {
        [status]: {
          description,
          content: media('application/octet-stream', { type: 'string', format: 'binary' }),
        },
      };
    case 'text':
      return { [status]: { description, content: media('text/plain', { type: 'string' }) } };
    case 'json':
      return {
        [status]: { description, content: { 'application/json': { schema: body.schema } } },
      };
  }
}

/** Every route handler, by the operation id the swagger module gives it. */
function handlersById(app: INestApplication): Map<string, Handler> {
  const handlers = new Map<string, Handler>();
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as Handler['controller'] | null;
      if (!controller) continue;
      for (const method of Object.getOwnPropertyNames(controller.prototype)) {
        if (method !== 'constructor')
          handlers.set(`${controller.name}_${method}`, { controller, method });
      }
    }
  }
  return handlers;
}

/**
 * Whether the route validates a body, query or path: then it may answer 400. A body, query or
 * path read without a zod schema would be missing from the contract, so it fails the build.
 */
/**
 * A body whose schema accepts no body at all (a decline without a reason) is not required, so
 * the typed client may leave it out.
 */
function optionalIfEmptyAllowed(body: RequestBody, handler: Handler): RequestBody {
  if (!body || !('content' in body)) return body;
  const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, handler.controller, handler.method) ??
    {}) as Record<string, { schema?: StandardSchemaV1 }>;
  const schema = Object.entries(args).find(
    ([key]) => Number(key.split(':')[0]) === RouteParamtypes.BODY,
  )?.[1].schema;
  const verdict = schema?.['~standard'].validate(undefined);
  const acceptsNothing = verdict !== undefined && !('then' in verdict) && !verdict.issues;
  return acceptsNothing ? { ...body, required: false } : body;
}

function validatedArgs(handler: Handler, id: string): boolean {
  const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, handler.controller, handler.method) ??
    {}) as Record<string, { schema?: unknown }>;
  let validates = false;
  for (const [key, arg] of Object.entries(args)) {
    const decorator = VALIDATED_ARGS.get(Number(key.split(':')[0]));
    if (!decorator) continue;
    if (!arg.schema)
      throw new Error(`${id}: ${decorator}() without a zod schema is not in the contract`);
    validates = true;
  }
  return validates;
}

/** A copy with every object's keys in order, so the file only changes when the API does. */
export function sortKeys<T>(value: T): T {
  if (Array.isArray(value)) return value.map(sortKeys) as T;
  if (!value || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((key) => [key, sortKeys((value as Record<string, unknown>)[key])]),
  ) as T;
}
