import { createServer, Socket, type AddressInfo, type Server } from 'node:net';

/**
 * A TCP proxy in front of PostgreSQL that can make some connections go silent, as a NAT, a
 * firewall or a proxy that forgets a connection does: nothing passes either way any more, and
 * neither end is told (no reset, no close).
 *
 * Connections are told apart by the `application_name` of their start-up message (sent in the
 * clear: the tests do not use TLS).
 */
export class PgProxy {
  private readonly server: Server;
  private readonly connections = new Set<ProxiedConnection>();
  private readonly silenced = new Set<string>();

  private constructor(
    private readonly target: { host: string; port: number },
    server: Server,
  ) {
    this.server = server;
  }

  static async start(databaseUrl: string): Promise<PgProxy> {
    const url = new URL(databaseUrl);
    const target = { host: url.hostname, port: Number(url.port || 5432) };
    const server = createServer();
    const proxy = new PgProxy(target, server);
    server.on('connection', (socket) => proxy.accept(socket));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return proxy;
  }

  /** The same database URL, through this proxy. */
  url(databaseUrl: string): string {
    const url = new URL(databaseUrl);
    url.hostname = '127.0.0.1';
    url.port = String((this.server.address() as AddressInfo).port);
    return url.toString();
  }

  /**
   * From now on, connections of these applications (open ones, and new ones until `heal`) carry
   * nothing: their bytes are dropped both ways, and no one is told.
   */
  silence(...applicationNames: string[]): void {
    for (const name of applicationNames) this.silenced.add(name);
    for (const connection of this.connections) {
      if (this.silenced.has(connection.applicationName ?? '')) connection.silent = true;
    }
  }

  /** New connections pass again (the ones silenced stay dead, as they would on a real network). */
  heal(): void {
    this.silenced.clear();
  }

  async close(): Promise<void> {
    for (const connection of this.connections) connection.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private accept(client: Socket): void {
    const connection = new ProxiedConnection(client, this.target, (name) =>
      this.silenced.has(name),
    );
    this.connections.add(connection);
    client.on('close', () => this.connections.delete(connection));
  }
}

class ProxiedConnection {
  applicationName: string | undefined;
  silent = false;
  private readonly server: Socket;
  private startup: Buffer | null = Buffer.alloc(0);

  constructor(
    private readonly client: Socket,
    target: { host: string; port: number },
    isSilenced: (applicationName: string) => boolean,
  ) {
    this.server = new Socket();
    this.server.connect(target.port, target.host);
    for (const socket of [client, this.server]) {
      socket.on('error', () => this.destroy());
      socket.on('close', () => this.destroy());
    }
    this.server.on('data', (data) => {
      if (!this.silent) client.write(data);
    });
    client.on('data', (data) => {
      if (this.silent) return;
      if (this.startup === null) {
        this.server.write(data);
        return;
      }
      // Hold the start-up message until it is whole, to read who is connecting.
      this.startup = Buffer.concat([this.startup, data]);
      if (this.startup.length < 4 || this.startup.length < this.startup.readInt32BE(0)) return;
      const startup = this.startup;
      this.startup = null;
      this.applicationName = startupParameters(startup)['application_name'];
      if (this.applicationName !== undefined && isSilenced(this.applicationName)) {
        this.silent = true;
        return;
      }
      this.server.write(startup);
    });
  }

  destroy(): void {
    this.client.destroy();
    this.server.destroy();
  }
}

/** The parameters of a StartupMessage: length, protocol version, then name\0value\0 pairs. */
function startupParameters(message: Buffer): Record<string, string> {
  const length = message.readInt32BE(0);
  const parts = message.subarray(8, length).toString('utf8').split('\0');
  const parameters: Record<string, string> = {};
  for (let i = 0; i + 1 < parts.length && parts[i] !== ''; i += 2) {
    parameters[parts[i]] = parts[i + 1];
  }
  return parameters;
}
