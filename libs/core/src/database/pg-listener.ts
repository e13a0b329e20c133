import { randomUUID } from 'node:crypto';
import pg from 'pg';
import type { HealthDetails } from '../health/health-report.js';

/** Reconnection waits double from the first to the last, each drawn from its upper half. */
const RECONNECT_FIRST_MS = 1_000;
const RECONNECT_MAX_MS = 10_000;
/** Heartbeats missed in a row before the feed counts as lost. */
export const MISSED_HEARTBEATS = 3;

export interface PgListenerOptions {
  url: string;
  channels: readonly string[];
  /** Shown in pg_stat_activity, so operators (and tests) can find the connection. */
  applicationName: string;
  /**
   * How often the listener notifies itself through the server. No heartbeat back for
   * MISSED_HEARTBEATS times this long, and the feed is lost: torn down and reconnected.
   */
  heartbeatMs: number;
  onNotification(channel: string, payload: string): void;
  /** The feed was lost: notifications sent from now until `onRestored` are lost too. */
  onLost(error: Error | undefined): void;
  /** Listening again after a loss; whatever depends on the feed should catch up now. */
  onRestored(): void;
}

export type PgListenerState = 'connecting' | 'listening' | 'reconnecting' | 'stopped';

/** The wait before reconnection attempt `attempt` (1-based), jittered so processes spread out. */
export function reconnectDelayMs(attempt: number, random: () => number = Math.random): number {
  const bound = Math.min(RECONNECT_MAX_MS, RECONNECT_FIRST_MS * 2 ** (attempt - 1));
  return Math.round(bound / 2 + (random() * bound) / 2);
}

/**
 * A session-level connection that LISTENs on some channels and reconnects when it drops,
 * telling its owner when notifications may have been missed. (LISTEN needs its own connection:
 * a pooled one would be handed to other queries, and PgBouncer in transaction mode drops it.)
 *
 * A connection can die without either end hearing of it (a NAT or firewall forgetting it, a
 * proxy, dropped packets): the kernel's keepalive notices after minutes at best, while the owner
 * trusts a feed that delivers nothing. So the listener NOTIFYs itself on a channel of its own
 * every `heartbeatMs`, through the same connection and back: a heartbeat that does not return in
 * time means the feed is lost, exactly as if the connection had dropped.
 */
export class PgListener {
  private client: pg.Client | null = null;
  private state: PgListenerState = 'connecting';
  private readonly heartbeatChannel = `preceptor_heartbeat_${randomUUID().replaceAll('-', '')}`;
  private heartbeatTimer: NodeJS.Timeout | undefined;
  private reconnectTimer: NodeJS.Timeout | undefined;
  /** When the current connection last heard its heartbeat (or was made), on the monotonic clock. */
  private lastHeartbeatAt = 0;
  private heartbeatInFlight: pg.Client | null = null;
  private reconnectAttempts = 0;
  private losses = 0;
  private lostAt: number | null = null;

  constructor(private readonly options: PgListenerOptions) {}

  /** True while notifications are being received. */
  get listening(): boolean {
    return this.state === 'listening';
  }

  /** How long without a heartbeat makes the feed lost. */
  get deadlineMs(): number {
    return this.options.heartbeatMs * MISSED_HEARTBEATS;
  }

  /** Connects and listens; rejects if the first connection fails. */
  async start(): Promise<void> {
    await this.connect();
    this.heartbeatTimer = setInterval(() => this.beat(), this.options.heartbeatMs);
    this.heartbeatTimer.unref();
  }

  async stop(): Promise<void> {
    this.state = 'stopped';
    clearInterval(this.heartbeatTimer);
    clearTimeout(this.reconnectTimer);
    const client = this.client;
    this.client = null;
    if (!client) return;
    // A goodbye on a connection that went silent would wait for ever: give it the deadline.
    const force = setTimeout(() => client.connection.stream.destroy(), this.deadlineMs);
    await client.end().catch(() => undefined);
    clearTimeout(force);
  }

  /** For GET /health/ready: whether the feed is live and how recently it proved it. */
  status(): HealthDetails {
    const now = performance.now();
    return {
      state: this.state,
      lastHeartbeatAgeMs: this.client ? Math.round(now - this.lastHeartbeatAt) : null,
      heartbeatMs: this.options.heartbeatMs,
      lostForMs: this.lostAt === null ? null : Math.round(now - this.lostAt),
      losses: this.losses,
    };
  }

  private async connect(): Promise<void> {
    const client = new pg.Client({
      connectionString: this.options.url,
      application_name: this.options.applicationName,
      // A connection or a LISTEN that does not complete by the deadline is as lost as a feed.
      connectionTimeoutMillis: this.deadlineMs,
      query_timeout: this.deadlineMs,
      // Heartbeats find a dead connection; keepalive probes also release its socket.
      keepAlive: true,
      keepAliveInitialDelayMillis: 10_000,
    });
    client.on('notification', (message) => {
      if (this.client !== client) return;
      if (message.channel === this.heartbeatChannel) {
        this.lastHeartbeatAt = performance.now();
      } else if (message.payload !== undefined) {
        this.options.onNotification(message.channel, message.payload);
      }
    });
    client.on('error', (error) => this.lost(client, error));
    client.on('end', () => this.lost(client));
    try {
      await client.connect();
      for (const channel of [...this.options.channels, this.heartbeatChannel]) {
        await client.query(`LISTEN ${channel}`);
      }
    } catch (error) {
      client.connection.stream.destroy();
      throw error;
    }
    if (this.state === 'stopped') {
      await client.end().catch(() => undefined);
      return;
    }
    this.client = client;
    this.state = 'listening';
    this.lastHeartbeatAt = performance.now();
  }

  /** Sends the next heartbeat, or declares the feed lost if the last ones never came back. */
  private beat(): void {
    const client = this.client;
    if (!client) return;
    const silentMs = performance.now() - this.lastHeartbeatAt;
    if (silentMs > this.deadlineMs) {
      this.lost(client, new Error(`no heartbeat for ${Math.round(silentMs)} ms`));
      return;
    }
    // One at a time: on a stalled connection they would only queue up.
    if (this.heartbeatInFlight === client) return;
    this.heartbeatInFlight = client;
    client
      .query("SELECT pg_notify($1, '')", [this.heartbeatChannel])
      // A heartbeat that fails simply does not come back; the deadline decides.
      .catch(() => undefined)
      .finally(() => {
        if (this.heartbeatInFlight === client) this.heartbeatInFlight = null;
      });
  }

  private lost(client: pg.Client, error?: Error): void {
    if (this.state === 'stopped' || this.client !== client) return;
    this.client = null;
    this.state = 'reconnecting';
    this.losses += 1;
    this.lostAt = performance.now();
    // Not a polite goodbye: on a silent connection that would wait for an answer that never
    // comes. Closing the socket is all that is left to do.
    client.connection.stream.destroy();
    this.options.onLost(error);
    this.scheduleReconnect();
  }

  private scheduleReconnect(): void {
    this.reconnectAttempts += 1;
    this.reconnectTimer = setTimeout(() => {
      if (this.state === 'stopped') return;
      this.connect().then(
        () => {
          if (this.state === 'stopped') return;
          this.reconnectAttempts = 0;
          this.lostAt = null;
          this.options.onRestored();
        },
        () => this.scheduleReconnect(),
      );
    }, reconnectDelayMs(this.reconnectAttempts));
  }
}
