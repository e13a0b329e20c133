/**
 * The signals that stop the API: SIGTERM from orchestrators and `kill`, SIGINT from Ctrl-C, SIGHUP
 * from a terminal that closed (whose default, dying on the spot, would leave an embedded database
 * running and holding its data folder).
 */
export const SHUTDOWN_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/** How to stop a process that is serving, step by step. */
export interface ShutdownPlan {
  /** At once: readiness fails, and responses ask their clients to close their connections. */
  beginDraining(): void;
  /** Stops accepting connections; those it has stay open. */
  stopAccepting(): Promise<void>;
  /** Resolves once every request received is answered and every connection closed. */
  drain(): Promise<void>;
  /** Then closes what requests used: the pool and LISTEN connections, then the embedded database. */
  release(): Promise<void>;
  /** Requests received and not yet answered. */
  requestsInFlight(): number;
  /** Past the timeout: destroys every connection, answered or not. */
  forceClose(): void;
}

export interface GracefulShutdownOptions {
  /** How long readiness fails while the server still accepts (SHUTDOWN_DELAY_MS). */
  delayMs: number;
  /** Bounds the whole drain, delay included (SHUTDOWN_TIMEOUT_MS). */
  timeoutMs: number;
  log(line: string): void;
  error(line: string): void;
  /** Ends the process (process.exit). */
  exit(code: number): void;
}

/**
 * Stops the API on SIGTERM/SIGINT without dropping a request it has received: readiness fails
 * at once, the server keeps accepting for `delayMs` (so a load balancer notices), then stops
 * accepting, answers what it has received and closes every connection; only then the database
 * connections close. Past `timeoutMs` it force-closes and exits 1. Another signal during the
 * drain is logged and changes nothing: under `npm start` one Ctrl-C already arrives twice (from
 * the terminal and forwarded by npm), and orchestrators repeat SIGTERM; SIGKILL stops at once.
 */
export class GracefulShutdown {
  private plan: ShutdownPlan | undefined;
  private planned: () => void = () => undefined;
  private readonly whenPlanned = new Promise<void>((resolve) => (this.planned = resolve));
  private signal: string | undefined;
  private ended = false;

  constructor(private readonly options: GracefulShutdownOptions) {}

  /** Handles the shutdown signals from now on: call it before starting anything to stop. */
  listen(): void {
    for (const signal of SHUTDOWN_SIGNALS) process.on(signal, () => this.begin(signal));
  }

  /** The process serves now, and this is how to stop it (a signal that came earlier waits). */
  serving(plan: ShutdownPlan): void {
    this.plan = plan;
    this.planned();
  }

  begin(signal: string): void {
    if (this.signal) {
      this.options.log(
        `${signal} received again: still draining (${this.inFlight()}); the drain ends within ` +
          `SHUTDOWN_TIMEOUT_MS (${this.options.timeoutMs} ms) of the first ${this.signal}. ` +
          'Send SIGKILL to stop at once.',
      );
      return;
    }
    this.signal = signal;
    this.options.log(`${signal} received: draining…`);
    const timer = setTimeout(() => this.timedOut(), this.options.timeoutMs);
    this.run().then(
      () => {
        clearTimeout(timer);
        this.end(0, () => this.options.log('Stopped cleanly.'));
      },
      (error: unknown) => {
        clearTimeout(timer);
        const reason = error instanceof Error ? error.message : String(error);
        this.end(1, () => this.options.error(`Shutdown failed: ${reason}`));
      },
    );
  }

  private async run(): Promise<void> {
    // A signal during start-up waits for it; otherwise readiness fails before anything else runs.
    if (!this.plan) await this.whenPlanned;
    const plan = this.plan as ShutdownPlan;
    plan.beginDraining();
    if (this.options.delayMs > 0) {
      await new Promise((resolve) => setTimeout(resolve, this.options.delayMs));
    }
    await plan.stopAccepting();
    this.options.log(`Stopped accepting connections; answering ${this.inFlight()}…`);
    await plan.drain();
    await plan.release();
  }

  private timedOut(): void {
    this.end(1, () => {
      this.options.error(
        `Shutdown timed out after ${this.options.timeoutMs} ms (SHUTDOWN_TIMEOUT_MS) with ` +
          `${this.inFlight()}: closing their connections and exiting with code 1.`,
      );
      this.plan?.forceClose();
    });
  }

  private inFlight(): string {
    if (!this.plan) return 'the API still starting';
    const count = this.plan.requestsInFlight();
    return `${count} request${count === 1 ? '' : 's'} in flight`;
  }

  private end(code: number, last: () => void): void {
    if (this.ended) return;
    this.ended = true;
    last();
    this.options.exit(code);
  }
}
