// Loaded into the API process by `npm run bench:floor -- --probe` (node --import …/floor-probe.js):
// what the process itself sees while a cell runs. Each SIGUSR2 toggles a window: the first resets
// and starts watching, the second writes `<FLOOR_PROBE_DIR>/window-<n>.json` with
// - the event loop's delay (perf_hooks.monitorEventLoopDelay): how late the loop got round to a
//   timer, i.e. how long synchronous work held it;
// - every garbage collection (PerformanceObserver on 'gc'): its kind and pause;
// and, with FLOOR_PROBE_PROFILE=1, `window-<n>.cpuprofile`: V8's sampling CPU profile of the
// window (open it in Chrome DevTools, or summarise it with cpu-profile-summary.js); with
// FLOOR_PROBE_HEAP=1, `window-<n>.heapprofile`: V8's sampling heap profile of what was allocated
// in the window and was still on the heap at its end (what survived the scavenges).
// Nothing here runs unless the benchmark asks for it; the API's own code does not know of it.
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import { join } from 'node:path';
import {
  constants,
  monitorEventLoopDelay,
  PerformanceObserver,
  type PerformanceEntry,
} from 'node:perf_hooks';

const dir = process.env['FLOOR_PROBE_DIR'] ?? '.';
const profile = process.env['FLOOR_PROBE_PROFILE'] === '1';
const heap = process.env['FLOOR_PROBE_HEAP'] === '1';
/** ms between the timer's checks: finer sees shorter stalls, and wakes the loop more often. */
const RESOLUTION_MS = 5;

const GC_KINDS: Record<number, string> = {
  [constants.NODE_PERFORMANCE_GC_MINOR]: 'scavenge',
  [constants.NODE_PERFORMANCE_GC_MAJOR]: 'mark-compact',
  [constants.NODE_PERFORMANCE_GC_INCREMENTAL]: 'incremental marking',
  [constants.NODE_PERFORMANCE_GC_WEAKCB]: 'weak callbacks',
};

const delay = monitorEventLoopDelay({ resolution: RESOLUTION_MS });
let pauses: { kind: string; ms: number; at: number }[] = [];
const observer = new PerformanceObserver((list) => {
  for (const entry of list.getEntries() as (PerformanceEntry & { detail?: { kind?: number } })[]) {
    const kind = GC_KINDS[entry.detail?.kind ?? 0] ?? `kind ${entry.detail?.kind}`;
    pauses.push({ kind, ms: entry.duration, at: entry.startTime });
  }
});
observer.observe({ entryTypes: ['gc'] });

const session = new Session();
if (profile || heap) session.connect();
const post = (method: string, params?: object): Promise<unknown> =>
  new Promise((resolve, reject) =>
    session.post(method, params ?? {}, (error, result) =>
      error ? reject(error) : resolve(result),
    ),
  );

let window = 0;
let open = false;
let openedAt = 0;
let cpuAtOpen = process.cpuUsage();

async function toggle(): Promise<void> {
  if (!open) {
    open = true;
    window += 1;
    pauses = [];
    delay.reset();
    delay.enable();
    openedAt = performance.now();
    cpuAtOpen = process.cpuUsage();
    if (profile) {
      await post('Profiler.enable');
      await post('Profiler.setSamplingInterval', { interval: 250 });
      await post('Profiler.start');
    }
    if (heap) await post('HeapProfiler.startSampling', { samplingInterval: 4096 });
    return;
  }
  open = false;
  delay.disable();
  const elapsedMs = performance.now() - openedAt;
  const cpu = process.cpuUsage(cpuAtOpen);
  const ms = (ns: number): number => Math.round(ns / 1e4) / 100;
  const byKind: Record<string, { count: number; totalMs: number; maxMs: number }> = {};
  for (const pause of pauses) {
    const sum = (byKind[pause.kind] ??= { count: 0, totalMs: 0, maxMs: 0 });
    sum.count += 1;
    sum.totalMs += pause.ms;
    sum.maxMs = Math.max(sum.maxMs, pause.ms);
  }
  const report = {
    window,
    elapsedMs,
    cpuUserMs: cpu.user / 1000,
    cpuSystemMs: cpu.system / 1000,
    heapUsedMiB: process.memoryUsage().heapUsed / 2 ** 20,
    eventLoopDelay: {
      resolutionMs: RESOLUTION_MS,
      samples: delay.count,
      meanMs: ms(delay.mean),
      p50Ms: ms(delay.percentile(50)),
      p99Ms: ms(delay.percentile(99)),
      maxMs: ms(delay.max),
      over10Ms: countOver(10),
    },
    gc: byKind,
    longestGc: [...pauses].sort((a, b) => b.ms - a.ms).slice(0, 5),
  };
  if (profile) {
    const { profile: cpuProfile } = (await post('Profiler.stop')) as { profile: unknown };
    writeFileSync(join(dir, `window-${window}.cpuprofile`), JSON.stringify(cpuProfile));
  }
  if (heap) {
    const { profile: heapProfile } = (await post('HeapProfiler.stopSampling')) as {
      profile: unknown;
    };
    writeFileSync(join(dir, `window-${window}.heapprofile`), JSON.stringify(heapProfile));
  }
  // Last: the benchmark waits for this file, so everything else is written by then.
  writeFileSync(join(dir, `window-${window}.json`), JSON.stringify(report, null, 2));
}

/** Samples of the delay histogram above `thresholdMs` (how many checks found the loop stalled). */
function countOver(thresholdMs: number): number {
  let over = 0;
  let previous = 0;
  for (const [percentile, value] of delay.percentiles) {
    if (value / 1e6 > thresholdMs) {
      over = Math.round(delay.count * (1 - previous / 100));
      break;
    }
    previous = percentile;
  }
  return over;
}

process.on('SIGUSR2', () => {
  toggle().catch((error: unknown) => console.error('floor probe:', error));
});
