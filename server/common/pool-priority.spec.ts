import { execFileSync } from 'node:child_process';
import path from 'node:path';

/**
 * In a fresh Node process (the pool of this one is long started): lower the pool's priority,
 * run sharp pipelines, then read every thread's nice value from /proc.
 */
const child = `
process.env.UV_THREADPOOL_SIZE = '6';
const fs = require('node:fs');
const swc = require('@swc/core');
const source = fs.readFileSync(${JSON.stringify(path.join(__dirname, 'pool-priority.ts'))}, 'utf8');
const { code } = swc.transformSync(source, {
  filename: 'pool-priority.ts',
  jsc: { parser: { syntax: 'typescript' }, target: 'es2023' },
  module: { type: 'commonjs' },
});
const loaded = { exports: {} };
new Function('module', 'exports', 'require', code)(loaded, loaded.exports, require);
const lowered = loaded.exports.lowerThreadPoolPriority();
const sharp = require('sharp');
(async () => {
  const image = await sharp({ create: { width: 2000, height: 2000, channels: 3, background: '#888' } }).jpeg().toBuffer();
  await Promise.all(Array.from({ length: 6 }, () => sharp(image).resize(500).jpeg().toBuffer()));
  const threads = fs.readdirSync('/proc/self/task').map((tid) => {
    const stat = fs.readFileSync('/proc/self/task/' + tid + '/stat', 'utf8');
    return {
      tid: Number(tid),
      name: fs.readFileSync('/proc/self/task/' + tid + '/comm', 'utf8').trim(),
      nice: Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16]),
    };
  });
  console.log(JSON.stringify({ pid: process.pid, lowered, threads }));
})();
`;

describe('the thread pool yields the CPU to the event loop', () => {
  (process.platform === 'linux' ? it : it.skip)(
    'runs the pool threads and the libvips threads they start at nice +10, the event loop at 0',
    () => {
      const out = execFileSync(process.execPath, ['-e', child], {
        cwd: path.resolve(__dirname, '../..'),
        encoding: 'utf8',
      });
      const { pid, lowered, threads } = JSON.parse(out) as {
        pid: number;
        lowered: number[];
        threads: { tid: number; name: string; nice: number }[];
      };
      expect(lowered).toHaveLength(6);
      const niceOf = (tid: number) => threads.find((t) => t.tid === tid)!.nice;
      expect(niceOf(pid)).toBe(0);
      expect(lowered.map(niceOf)).toEqual([10, 10, 10, 10, 10, 10]);
      const vips = threads.filter((t) => t.name.startsWith('libvips'));
      expect(vips.length).toBeGreaterThan(0);
      expect(vips.every((t) => t.nice === 10)).toBe(true);
    },
  );
});
