// HTTP: mixed reads at a fixed arrival rate (open loop) against the built server on loopback.
// Budget (docs/design.md §10): 300 rps, p95 ≤ 50 ms, 0 errors. Run: npm run build && node bench/http-reads.bench.mjs
import http from 'node:http';
import { login, percentile, startServer } from './lib/server.mjs';

const RATE = Number(process.env.BENCH_RPS ?? 300);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });

function get(url, headers) {
  return new Promise((resolve, reject) => {
    const req = http.get(url, { agent, headers }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode));
    });
    req.on('error', reject);
  });
}

const server = await startServer();
try {
  const client = await login(server.url, 'client@demo.lensbridge.test');
  const reads = [
    { path: '/api/health', headers: {} },
    { path: '/api/auth/me', headers: { cookie: client.cookie } },
    { path: '/api/photographers', headers: {} },
  ];
  // Warm up.
  for (let i = 0; i < 60; i += 1)
    await get(server.url + reads[i % reads.length].path, reads[i % reads.length].headers);

  const latencies = [];
  let errors = 0;
  const statuses = {};
  const total = RATE * SECONDS;
  const started = performance.now();
  const pending = [];
  for (let i = 0; i < total; i += 1) {
    const due = started + (i * 1000) / RATE;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    const read = reads[i % reads.length];
    const sent = performance.now();
    pending.push(
      get(server.url + read.path, read.headers)
        .then((status) => {
          statuses[status] = (statuses[status] ?? 0) + 1;
          if (status >= 500) errors += 1;
          latencies.push(performance.now() - sent);
        })
        .catch(() => (errors += 1)),
    );
  }
  await Promise.all(pending);
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const result = {
    bench: 'http-reads',
    targetRps: RATE,
    achievedRps: Math.round(latencies.length / elapsed),
    requests: latencies.length,
    errors,
    statuses,
    p50Ms: +percentile(latencies, 50).toFixed(1),
    p95Ms: +percentile(latencies, 95).toFixed(1),
    p99Ms: +percentile(latencies, 99).toFixed(1),
  };
  console.log(JSON.stringify(result));
} finally {
  await server.stop();
}
