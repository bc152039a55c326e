#!/usr/bin/env node
// Busy time from external calendars, then slots (issue #15). Uses the compiled server:
//   npm run build:server && node --expose-gc bench/calendar-busy.bench.mjs   (or `npm run bench calendar-busy`)
// Three generated calendars × 500 events (single timed events, weekly series with BYDAY, EXDATE
// and an override, all-day events; TZIDs with and without VTIMEZONE, UTC and floating times).
// Measures, for 31 days: (a) warm: expandBusy on calendars parsed once, whose expansion the
// engine remembers for 92 days ahead (the request path when a sync keeps the parsed calendar) +
// computeSlots; (b) cold: parse the .ics text and expand from scratch on every request;
// (c) stored: what the product does — a sync computes each calendar's busy snapshot once for
// 368 days ahead (timed separately, with its JSON size), and a slot list reads the stored JSON
// (parsed once per revision) and filters it for the window + computeSlots.
// Budget from the issue: p95 ≤ 30 ms in-process. `BENCH_RUNS` (default 200).
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { aCalendar, FROM } from './lib/calendars.mjs';
import { weeklyRules } from './lib/slot-rules.mjs';

const require = createRequire(import.meta.url);
const dist = path.resolve(import.meta.dirname, '../dist');
const { parseCalendar, expandBusy } = require(
  `${dist}/server/modules/calendars/domain/busy-time.js`,
);
const { computeSlots } = require(`${dist}/shared/photographers/slots.js`);
const { takeSnapshot, BusySnapshot } = require(
  `${dist}/server/modules/calendars/domain/busy-snapshot.js`,
);

const DAY = 86_400_000;
const RUNS = Number(process.env.BENCH_RUNS ?? 200);
const BUDGET_P95_MS = 30;
const ZONE = 'Europe/Berlin';

const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
};
const ms = (v) => `${v.toFixed(2)} ms`;

const rules = weeklyRules(ZONE);
const window = { from: new Date(FROM), until: new Date(FROM + 31 * DAY) };

function slotsFrom(calendars) {
  const busy = [];
  let skipped = 0;
  for (const calendar of calendars) {
    const result = expandBusy(calendar, window, ZONE);
    busy.push(...result.ranges);
    skipped += result.skipped.length;
  }
  const slots = computeSlots(rules, {
    durationMinutes: 60,
    from: window.from,
    to: window.until,
    now: window.from,
    busy,
  });
  return { busy: busy.length, skipped, slots: slots.length };
}

function measure(run) {
  for (let i = 0; i < 10; i += 1) run();
  globalThis.gc?.();
  const times = [];
  let last;
  for (let i = 0; i < RUNS; i += 1) {
    const t0 = performance.now();
    last = run();
    times.push(performance.now() - t0);
  }
  return { p50: percentile(times, 50), p95: percentile(times, 95), ...last };
}

const texts = [aCalendar(1, true), aCalendar(2, false), aCalendar(3, true)];
const parsed = texts.map(parseCalendar);
const report = { bench: 'calendar-busy', runs: RUNS, budgetP95Ms: BUDGET_P95_MS };
console.log(`node ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model}`);

report.parsedOnce = measure(() => slotsFrom(parsed));

// (c) The sync: one snapshot per calendar, then stored as JSON.
const syncWindow = { from: new Date(FROM - DAY), until: new Date(FROM + 368 * DAY) };
const syncTimes = [];
let stored;
for (let i = 0; i < 5; i += 1) {
  const t0 = performance.now();
  stored = texts.map((text) => takeSnapshot([text], syncWindow, ZONE).snapshot.toJSON());
  syncTimes.push((performance.now() - t0) / texts.length);
}
report.sync = {
  perCalendarMs: percentile(syncTimes, 50),
  storedBytes: stored.reduce((sum, json) => sum + json.length, 0) / stored.length,
};
const snapshots = stored.map((json) => BusySnapshot.parse(json));
report.stored = measure(() => {
  const busy = [];
  for (const snapshot of snapshots) {
    for (const event of snapshot.overlapping(
      window.from.getTime() - DAY,
      window.until.getTime() + DAY,
    )) {
      busy.push({ from: new Date(event.from), until: new Date(event.until) });
    }
  }
  const slots = computeSlots(rules, {
    durationMinutes: 60,
    from: window.from,
    to: window.until,
    now: window.from,
    busy,
  });
  return { busy: busy.length, skipped: 0, slots: slots.length };
});
report.fromText = measure(() => slotsFrom(texts.map(parseCalendar)));
for (const [name, label] of [
  ['parsedOnce', 'warm (parsed once, expansion remembered) + slots'],
  ['fromText', 'cold (parse + expand every time) + slots'],
  ['stored', 'stored snapshots (the product path) + slots'],
]) {
  const r = report[name];
  console.log(
    `3 calendars × 500 events, 31 days, ${label}: p50 ${ms(r.p50)}, p95 ${ms(r.p95)} ` +
      `(${r.busy} busy ranges, ${r.skipped} skipped, ${r.slots} slots) — budget p95 ≤ ${BUDGET_P95_MS} ms: ${r.p95 <= BUDGET_P95_MS ? 'met' : 'NOT met'}`,
  );
}
console.log(
  `sync: busy snapshot of one 500-event calendar for 368 days: ${ms(report.sync.perCalendarMs)}, ` +
    `${Math.round(report.sync.storedBytes / 1024)} KiB stored`,
);
console.log(JSON.stringify(report));
