import { createServer, type Server, type Socket, connect } from 'net';

/**
 * A TCP hop between an app and a real server (e.g. PostgreSQL, SMTP) that a
 * test can cut, stall and restore, to see what the app does when the path to
 * that server goes away or hangs. The server behind it stays the real one.
 */
export class TcpProxy {
  private server?: Server;
  private readonly sockets = new Set<Socket>();
  private cut = false;
  private stalled = false;
  port = 0;

  constructor(
    private readonly targetHost: string,
    private readonly targetPort: number,
  ) {}

  async start(): Promise<this> {
    this.server = createServer((client) => {
      if (this.cut) {
        client.destroy();
        return;
      }
      if (this.stalled) {
        // Accepted, then silence: the client waits for a greeting that never comes.
        this.sockets.add(client);
        client.on('close', () => this.sockets.delete(client));
        client.on('error', () => client.destroy());
        return;
      }
      const upstream = connect(this.targetPort, this.targetHost);
      for (const socket of [client, upstream]) {
        this.sockets.add(socket);
        socket.on('close', () => this.sockets.delete(socket));
        socket.on('error', () => socket.destroy());
      }
      client.pipe(upstream).pipe(client);
      client.on('close', () => upstream.destroy());
      upstream.on('close', () => client.destroy());
    });
    await new Promise<void>((resolve) => this.server!.listen(this.port, '127.0.0.1', resolve));
    this.port = (this.server.address() as { port: number }).port;
    return this;
  }

  /** Drops every open connection and refuses new ones until `restore()`. */
  disconnect(): void {
    this.cut = true;
    for (const socket of this.sockets) socket.destroy();
  }

  /**
   * Accepts new connections but never answers them (a server that hangs),
   * until `restore()`; connections already open are dropped.
   */
  stall(): void {
    this.stalled = true;
    for (const socket of this.sockets) socket.destroy();
  }

  /** Back to forwarding; connections held by `stall()` are dropped, so their clients fail now rather than at their timeout. */
  restore(): void {
    if (this.stalled) for (const socket of this.sockets) socket.destroy();
    this.cut = false;
    this.stalled = false;
  }

  async stop(): Promise<void> {
    this.disconnect();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
