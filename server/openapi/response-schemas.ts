import { createRequire } from 'node:module';
import path from 'node:path';
import {
  type BaseType,
  type CompletedConfig,
  Context,
  createFormatter,
  createParser,
  createProgram,
  DEFAULT_CONFIG,
  DefinitionType,
  type Definition,
} from 'ts-json-schema-generator';
import type * as TypeScript from 'ts-json-schema-generator/node_modules/typescript';
import type { JsonSchema, ResponseContracts } from './openapi-document';

// ts-json-schema-generator brings its own TypeScript: syntax kinds differ between versions, so
// the nodes it parses must be walked with that same copy, not ours.
const ts = createRequire(require.resolve('ts-json-schema-generator'))(
  'typescript',
) as typeof TypeScript;

const HTTP_DECORATORS = new Set([
  'Get',
  'Post',
  'Put',
  'Patch',
  'Delete',
  'Head',
  'Options',
  'All',
]);
/** Where the error body's type lives, and the name the document gives it. */
const ROOT = '(response)';
const ERROR_TYPE = { file: 'shared/errors.ts', name: 'ApiErrorBody', component: 'ApiError' };

/**
 * The success body of every route, read at build time from the TypeScript source: each
 * controller method's declared return type (`Promise<BookingDto>` → `BookingDto`), converted
 * to JSON Schema with every named type a shared `components/schemas` entry.
 */
export function readResponseContracts(rootDir: string): ResponseContracts {
  const config: CompletedConfig = {
    ...DEFAULT_CONFIG,
    path: path.join(rootDir, 'server/modules/**/*.controller.ts'),
    tsconfig: path.join(rootDir, 'tsconfig.json'),
    skipTypeCheck: true, // `npm run typecheck` does that; here it would only double the time
    expose: 'export',
    // Keeps a named return type (`BookingDto`) a `$ref`; inline ones are wrapped as ROOT.
    type: ROOT,
    topRef: true,
    jsDoc: 'basic',
    sortProps: true,
    encodeRefs: false,
    additionalProperties: false,
  };
  const program = createProgram(config);
  const parser = createParser(program, config);
  const formatter = createFormatter(config);
  const definitions = new Map<string, Definition>();
  const ids = new Map<string, string>();

  const toSchema = (type: BaseType): JsonSchema => {
    for (const child of formatter.getChildren(type)) {
      if (!(child instanceof DefinitionType) || child.getName() === ROOT) continue;
      const name = child.getName();
      const id = child.getId().replace(/def-/g, '');
      if (ids.get(name) === id) continue;
      // Two different types with one name would share one component: refuse, as the library does.
      if (ids.has(name)) throw new Error(`Two different response types are called ${name}`);
      ids.set(name, id);
      definitions.set(name, formatter.getDefinition(child.getType()));
    }
    const root = type instanceof DefinitionType && type.getName() === ROOT ? type.getType() : type;
    return pointAtComponents(formatter.getDefinition(root)) as JsonSchema;
  };

  const operations: ResponseContracts['operations'] = {};
  for (const file of program.getRootFileNames()) {
    const source = program.getSourceFile(file);
    if (!source) continue;
    for (const controller of source.statements.filter((node) => ts.isClassDeclaration(node))) {
      const classDecorators = decoratorNames(controller);
      if (!classDecorators.includes('Controller')) continue;
      if (classDecorators.includes('ApiExcludeController')) continue;
      for (const member of controller.members.filter(ts.isMethodDeclaration)) {
        const decorators = decoratorNames(member);
        if (!decorators.some((name) => HTTP_DECORATORS.has(name))) continue;
        if (decorators.includes('ApiExcludeEndpoint')) continue; // not in the document
        const operationId = `${controller.name?.text}_${member.name.getText(source)}`;
        if (!member.type) {
          throw new Error(
            `${path.relative(rootDir, file)}: ${operationId} has no declared return type; ` +
              'declare it (e.g. Promise<BookingDto>) so the API contract can describe the answer',
          );
        }
        const body = awaited(member.type);
        operations[operationId] = describeBody(body, source, (node) =>
          toSchema(parser.createType(node, new Context())),
        );
      }
    }
  }

  const errorSource = program.getSourceFile(path.join(rootDir, ERROR_TYPE.file));
  const errorType = errorSource?.statements
    .filter(ts.isInterfaceDeclaration)
    .find((node) => node.name.text === ERROR_TYPE.name);
  if (!errorType) throw new Error(`${ERROR_TYPE.file} no longer declares ${ERROR_TYPE.name}`);
  const error = parser.createType(errorType, new Context());
  definitions.set(
    ERROR_TYPE.component,
    formatter.getDefinition(error instanceof DefinitionType ? error.getType() : error),
  );

  const schemas = Object.fromEntries(
    [...definitions].map(([name, schema]) => [
      componentName(name),
      pointAtComponents(schema) as JsonSchema,
    ]),
  );
  return { operations, schemas, errorSchema: ERROR_TYPE.component };
}

function decoratorNames(node: TypeScript.HasDecorators): string[] {
  return (ts.getDecorators(node) ?? []).flatMap((decorator) => {
    const call = decorator.expression;
    return ts.isCallExpression(call) && ts.isIdentifier(call.expression)
      ? [call.expression.text]
      : [];
  });
}

function awaited(node: TypeScript.TypeNode): TypeScript.TypeNode {
  if (
    ts.isTypeReferenceNode(node) &&
    ts.isIdentifier(node.typeName) &&
    node.typeName.text === 'Promise' &&
    node.typeArguments?.length === 1
  ) {
    return node.typeArguments[0]!;
  }
  return node;
}

function describeBody(
  node: TypeScript.TypeNode,
  source: TypeScript.SourceFile,
  toSchema: (node: TypeScript.TypeNode) => JsonSchema,
): ResponseContracts['operations'][string] {
  const text = node.getText(source);
  if (node.kind === ts.SyntaxKind.VoidKeyword || node.kind === ts.SyntaxKind.UndefinedKeyword) {
    return { kind: 'empty' };
  }
  // Bytes (images, ZIPs) whose media type the handler sets; `@ApiProduces` may name it.
  if (text === 'StreamableFile') return { kind: 'binary' };
  if (node.kind === ts.SyntaxKind.StringKeyword) return { kind: 'text' };
  return { kind: 'json', schema: toSchema(node) };
}

/** OpenAPI component names allow only `A-Z a-z 0-9 . _ -`: `Page<BookingDto>` → `Page_BookingDto`. */
function componentName(name: string): string {
  return name.replace(/[<,]\s*/g, '_').replace(/[^A-Za-z0-9._-]/g, '');
}

/** Points every `$ref` at `#/components/schemas/`, under the renamed names. */
function pointAtComponents(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(pointAtComponents);
  if (!value || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, child]) =>
      key === '$ref' && typeof child === 'string'
        ? [key, `#/components/schemas/${componentName(child.replace(/^#\/definitions\//, ''))}`]
        : [key, pointAtComponents(child)],
    ),
  );
}
