// The comparison: one request costs every candidate package and finds its earliest free slot.
// Sequential latency of GET /api/compare for a city (3 photographers) and for "anywhere" (the 12
// best rated), without and with the caller's draft-credit lookup. No budget of its own in docs/design.md §10;
// the HTTP read budget (p95 ≤ 50 ms) is the yardstick.
// Run: npm run build && node bench/compare.bench.mjs
import http from 'node:http';
import { login, percentile, startServer } from './lib/server.mjs';

const RUNS = Number(process.env.BENCH_RUNS ?? 200);
const agent = new http.Agent({ keepAlive: true });

function get(url, headers = {}) {
  return new Promise((resolve, reject) => {
    const req = http.get(url, { agent, headers }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode));
    });
    req.on('error', reject);
  });
}

async function measure(url, headers) {
  for (let i = 0; i < 20; i += 1) await get(url, headers);
  const latencies = [];
  for (let i = 0; i < RUNS; i += 1) {
    const sent = performance.now();
    const status = await get(url, headers);
    if (status !== 200) throw new Error(`${url} answered ${status}`);
    latencies.push(performance.now() - sent);
  }
  latencies.sort((a, b) => a - b);
  return {
    p50Ms: +percentile(latencies, 50).toFixed(1),
    p95Ms: +percentile(latencies, 95).toFixed(1),
  };
}

const server = await startServer();
try {
  const client = await login(server.url, 'client@demo.lensbridge.test');
  const results = {
    berlinAnonymous: await measure(`${server.url}/api/compare?useCase=executive&city=Berlin`),
    anywhereAnonymous: await measure(`${server.url}/api/compare?useCase=profile`),
    berlinSignedIn: await measure(`${server.url}/api/compare?useCase=executive&city=Berlin`, {
      cookie: client.cookie,
    }),
  };
  console.log(JSON.stringify({ bench: 'compare', runs: RUNS, ...results }));
} finally {
  await server.stop();
}
