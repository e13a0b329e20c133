import pg from 'pg';

const RECONNECT_MS = 1_000;

export interface PgListenerOptions {
  url: string;
  channels: readonly string[];
  /** Shown in pg_stat_activity, so operators (and tests) can find the connection. */
  applicationName: string;
  onNotification(channel: string, payload: string): void;
  /** The connection dropped: notifications sent from now until `onRestored` are lost. */
  onLost(error: Error | undefined): void;
  /** Listening again after a loss; whatever depends on the feed should catch up now. */
  onRestored(): void;
}

/**
 * A session-level connection that LISTENs on some channels and reconnects when it drops,
 * telling its owner when notifications may have been missed. (LISTEN needs its own connection:
 * a pooled one would be handed to other queries, and PgBouncer in transaction mode drops it.)
 */
export class PgListener {
  private client: pg.Client | null = null;
  private stopped = false;
  private reconnectTimer: NodeJS.Timeout | undefined;

  constructor(private readonly options: PgListenerOptions) {}

  /** True while notifications are being received. */
  get listening(): boolean {
    return this.client !== null;
  }

  /** Connects and listens; rejects if the first connection fails. */
  async start(): Promise<void> {
    await this.connect();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.reconnectTimer);
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    const client = new pg.Client({
      connectionString: this.options.url,
      application_name: this.options.applicationName,
      // A listener only reads: without keepalive probes a silently dropped connection (a
      // restarted NAT or firewall) would look healthy while notifications go nowhere.
      keepAlive: true,
      keepAliveInitialDelayMillis: 10_000,
    });
    client.on('notification', (message) => {
      if (this.client === client && message.payload !== undefined) {
        this.options.onNotification(message.channel, message.payload);
      }
    });
    client.on('error', (error) => this.lost(client, error));
    client.on('end', () => this.lost(client));
    try {
      await client.connect();
      for (const channel of this.options.channels) await client.query(`LISTEN ${channel}`);
    } catch (error) {
      await client.end().catch(() => undefined);
      throw error;
    }
    if (this.stopped) {
      await client.end().catch(() => undefined);
      return;
    }
    this.client = client;
  }

  private lost(client: pg.Client, error?: Error): void {
    if (this.stopped || this.client !== client) return;
    this.client = null;
    client.end().catch(() => undefined);
    this.options.onLost(error);
    const retry = (): void => {
      this.reconnectTimer = setTimeout(() => {
        if (this.stopped) return;
        this.connect().then(
          () => {
            if (!this.stopped) this.options.onRestored();
          },
          () => retry(),
        );
      }, RECONNECT_MS);
    };
    retry();
  }
}
