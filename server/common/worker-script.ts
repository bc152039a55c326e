import path from 'node:path';

/**
 * Where piscina finds a worker module of ours. Worker threads load plain JavaScript: in
 * production `nest build` has compiled `<name>.ts` to `dist/.../<name>.js`, which is loaded
 * directly. When the server itself runs from TypeScript (jest, which compiles with swc), there
 * is no `.js` beside this file, so each thread first imports a few lines (`--import`, a data
 * URL) that teach `require` to compile `.ts` files with the same swc settings jest uses.
 */
export interface WorkerScript {
  filename: string;
  /** Only from TypeScript; otherwise the threads inherit the process's flags (`--expose-gc`). */
  execArgv?: string[];
}

export function workerScriptFor(moduleBasename: string, fromDir = __dirname): WorkerScript {
  const compiled = path.extname(__filename) === '.js';
  const filename = path.join(fromDir, `${moduleBasename}${compiled ? '.js' : '.ts'}`);
  if (compiled) return { filename };
  return { filename, execArgv: ['--import', `data:text/javascript,${typescriptHook()}`] };
}

function typescriptHook(): string {
  return encodeURIComponent(`
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
const require = createRequire(${JSON.stringify(__filename)});
const Module = require('node:module');
const swc = require('@swc/core');
Module._extensions['.ts'] = (module, filename) => {
  const { code } = swc.transformSync(readFileSync(filename, 'utf8'), {
    filename,
    sourceMaps: 'inline',
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2023',
    },
    module: { type: 'commonjs' },
  });
  module._compile(code, filename);
};
`);
}
