import path from 'node:path';

/**
 * How to start a worker thread on a module of ours. Worker threads load plain JavaScript: in
 * production `nest build` has compiled `<name>.ts` to `dist/.../<name>.js`, which is started
 * directly. When the server itself runs from TypeScript (jest, which compiles with swc), there
 * is no `.js` beside this file, so the worker starts from a few lines of JavaScript that teach
 * `require` to compile `.ts` files with the same swc settings jest uses, then load the module.
 */
export interface WorkerScript {
  filename: string;
  eval: boolean;
  workerData: { entry: string };
}

export function workerScriptFor(moduleBasename: string, fromDir = __dirname): WorkerScript {
  const compiled = path.extname(__filename) === '.js';
  const entry = path.join(fromDir, `${moduleBasename}${compiled ? '.js' : '.ts'}`);
  return compiled
    ? { filename: entry, eval: false, workerData: { entry } }
    : { filename: TYPESCRIPT_BOOTSTRAP, eval: true, workerData: { entry } };
}

const TYPESCRIPT_BOOTSTRAP = `
const { workerData } = require('node:worker_threads');
const { readFileSync } = require('node:fs');
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
require(workerData.entry);
`;
