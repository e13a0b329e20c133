import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { GracefulShutdown, type ShutdownPlan } from './graceful-shutdown.js';

/** A promise the test settles. */
function gate(): { promise: Promise<void>; open(): void; fail(error: Error): void } {
  let open = (): void => undefined;
  let fail = (_error: Error): void => undefined;
  const promise = new Promise<void>((resolve, reject) => {
    open = resolve;
    fail = reject;
  });
  return { promise, open, fail };
}

/** A plan that records its steps; `drained` and `released` decide when those steps end. */
function aPlan(inFlight = 0) {
  const steps: string[] = [];
  const drained = gate();
  const released = gate();
  const plan: ShutdownPlan = {
    beginDraining: () => void steps.push('beginDraining'),
    stopAccepting: () => {
      steps.push('stopAccepting');
      return Promise.resolve();
    },
    drain: () => {
      steps.push('drain');
      return drained.promise;
    },
    release: () => {
      steps.push('release');
      return released.promise;
    },
    requestsInFlight: () => inFlight,
    forceClose: () => void steps.push('forceClose'),
  };
  return { plan, steps, drained, released };
}

function aShutdown(delayMs = 1_000, timeoutMs = 10_000) {
  const lines: string[] = [];
  const exits: number[] = [];
  const shutdown = new GracefulShutdown({
    delayMs,
    timeoutMs,
    log: (line) => void lines.push(line),
    error: (line) => void lines.push(`error: ${line}`),
    exit: (code) => void exits.push(code),
  });
  return { shutdown, lines, exits };
}

describe('GracefulShutdown', () => {
  beforeEach(() => {
    jest.useFakeTimers();
  });
  afterEach(() => {
    jest.useRealTimers();
  });

  it('fails readiness at once, accepts for the delay, drains, releases, then exits 0', async () => {
    const { shutdown, lines, exits } = aShutdown(1_000);
    const { plan, steps, drained, released } = aPlan(3);
    shutdown.serving(plan);

    shutdown.begin('SIGTERM');
    expect(steps).toEqual(['beginDraining']);
    await jest.advanceTimersByTimeAsync(999);
    expect(steps).toEqual(['beginDraining']);
    await jest.advanceTimersByTimeAsync(1);
    expect(steps).toEqual(['beginDraining', 'stopAccepting', 'drain']);

    drained.open();
    await jest.advanceTimersByTimeAsync(0);
    expect(steps).toEqual(['beginDraining', 'stopAccepting', 'drain', 'release']);
    expect(exits).toEqual([]);
    released.open();
    await jest.advanceTimersByTimeAsync(0);
    expect(exits).toEqual([0]);
    expect(lines).toEqual([
      'SIGTERM received: draining…',
      'Stopped accepting connections; answering 3 requests in flight…',
      'Stopped cleanly.',
    ]);
  });

  it('notes another signal during the drain and carries on', async () => {
    const { shutdown, lines, exits } = aShutdown(0);
    const { plan, steps, drained, released } = aPlan(1);
    shutdown.serving(plan);

    shutdown.begin('SIGINT');
    shutdown.begin('SIGINT');
    shutdown.begin('SIGTERM');
    await jest.advanceTimersByTimeAsync(0);
    drained.open();
    released.open();
    await jest.advanceTimersByTimeAsync(0);

    expect(steps).toEqual(['beginDraining', 'stopAccepting', 'drain', 'release']);
    expect(exits).toEqual([0]);
    expect(lines.filter((line) => line.includes('received again'))).toEqual([
      expect.stringMatching(/^SIGINT received again: still draining \(1 request in flight\)/),
      expect.stringMatching(/^SIGTERM received again: still draining .* first SIGINT/),
    ]);
  });

  it('past the timeout, force-closes and exits 1, once', async () => {
    const { shutdown, lines, exits } = aShutdown(1_000, 5_000);
    const { plan, steps, drained, released } = aPlan(2);
    shutdown.serving(plan);

    shutdown.begin('SIGTERM');
    await jest.advanceTimersByTimeAsync(4_999);
    expect(exits).toEqual([]);
    await jest.advanceTimersByTimeAsync(1);
    expect(exits).toEqual([1]);
    expect(steps).toContain('forceClose');
    expect(lines).toContain(
      'error: Shutdown timed out after 5000 ms (SHUTDOWN_TIMEOUT_MS) with 2 requests in flight: ' +
        'closing their connections and exiting with code 1.',
    );

    drained.open();
    released.open();
    await jest.advanceTimersByTimeAsync(0);
    expect(exits).toEqual([1]);
    expect(lines).not.toContain('Stopped cleanly.');
  });

  it('stops once started when the signal comes during start-up', async () => {
    const { shutdown, exits } = aShutdown(0);
    const { plan, steps, drained, released } = aPlan();

    shutdown.begin('SIGTERM');
    await jest.advanceTimersByTimeAsync(100);
    expect(steps).toEqual([]);

    shutdown.serving(plan);
    drained.open();
    released.open();
    await jest.advanceTimersByTimeAsync(0);
    expect(steps).toEqual(['beginDraining', 'stopAccepting', 'drain', 'release']);
    expect(exits).toEqual([0]);
  });

  it('exits 1 naming the reason when releasing fails', async () => {
    const { shutdown, lines, exits } = aShutdown(0);
    const { plan, drained, released } = aPlan();
    shutdown.serving(plan);

    shutdown.begin('SIGTERM');
    drained.open();
    released.fail(new Error('the pool would not close'));
    await jest.advanceTimersByTimeAsync(0);
    expect(exits).toEqual([1]);
    expect(lines).toContain('error: Shutdown failed: the pool would not close');
  });
});
