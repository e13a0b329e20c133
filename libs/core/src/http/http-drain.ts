import type { Server, ServerResponse } from 'node:http';
import { Server as NetServer } from 'node:net';

/** Resolves after the event loop has polled for I/O at least once more. */
function afterNextPoll(): Promise<void> {
  // An immediate runs in the check phase, which follows the poll phase: two in a row have a
  // poll between them, even when the first was queued during a poll.
  return new Promise((resolve) => setImmediate(() => setImmediate(resolve)));
}

/**
 * Stops an HTTP server without dropping a request it has received. Node's `server.close()`
 * stops accepting and closes idle connections, but leaves a keep-alive connection open after
 * its current response until its keep-alive timeout; this asks every response during the drain
 * to close its connection (`Connection: close`) and closes connections as they turn idle.
 * Attach it before the server answers its first request.
 */
export class HttpDrain {
  private readonly responses = new Set<ServerResponse>();
  private draining = false;
  private stopped: Promise<void> | undefined;
  /** Settles when the server has stopped listening and its last connection has closed. */
  private allClosed: Promise<void> = Promise.resolve();
  private closingIdle = false;

  constructor(private readonly server: Server) {
    server.on('request', (_request, response: ServerResponse) => this.track(response));
  }

  /** Requests received and not yet answered. */
  get requestsInFlight(): number {
    return this.responses.size;
  }

  /** From now on every response asks its client to close the connection after it. */
  beginDraining(): void {
    this.draining = true;
    for (const response of this.responses) askToClose(response);
  }

  /**
   * Stops accepting connections (having accepted those already waiting in the kernel's backlog);
   * the connections it has stay open.
   */
  stopAccepting(): Promise<void> {
    this.stopped ??= this.stopListening();
    return this.stopped;
  }

  /**
   * Stops accepting connections and resolves once every request received has been answered and
   * every connection is closed.
   */
  async close(): Promise<void> {
    await this.stopAccepting();
    // A connection just accepted counts as idle until its request is read: give it a poll.
    await afterNextPoll();
    this.closingIdle = true;
    this.server.closeIdleConnections();
    await this.allClosed;
  }

  private async stopListening(): Promise<void> {
    this.beginDraining();
    // Synchronous work in requests (password checks) delays accepting; closing the listening
    // socket would reset connections still in the kernel's backlog: accept those first.
    await afterNextPoll();
    // net.Server's close, not http.Server's, which would also close idle connections at once.
    this.allClosed = new Promise<void>((resolve) => {
      NetServer.prototype.close.call(this.server, () => resolve());
    });
  }

  /** Destroys every connection, answered or not: for when the drain has run out of time. */
  forceClose(): void {
    this.server.closeAllConnections();
  }

  private track(response: ServerResponse): void {
    this.responses.add(response);
    if (this.draining) askToClose(response);
    response.once('close', () => {
      this.responses.delete(response);
      // A response whose headers went out before the drain began left its connection open:
      // close it as soon as it is idle rather than at its keep-alive timeout.
      if (this.closingIdle) setImmediate(() => this.server.closeIdleConnections());
    });
  }
}

function askToClose(response: ServerResponse): void {
  if (!response.headersSent) response.setHeader('Connection', 'close');
}
