import type { Response } from 'express';

/**
 * Server-Sent Events framing (WHATWG HTML, "Server-sent events"). Data is
 * JSON on one line, so no payload can inject a field or end a frame early.
 */
export interface SseEvent {
  readonly event?: string;
  readonly id?: string;
  readonly data?: unknown;
  readonly retryMs?: number;
}

export function sseFrame(event: SseEvent): string {
  let frame = '';
  if (event.retryMs !== undefined) frame += `retry: ${Math.round(event.retryMs)}\n`;
  if (event.id !== undefined) frame += `id: ${oneLine(event.id)}\n`;
  if (event.event !== undefined) frame += `event: ${oneLine(event.event)}\n`;
  if (event.data !== undefined) frame += `data: ${JSON.stringify(event.data)}\n`;
  return `${frame}\n`;
}

/** A comment line: clients ignore it; proxies see traffic and keep the connection. */
export function sseComment(text: string): string {
  return `: ${oneLine(text)}\n\n`;
}

function oneLine(text: string): string {
  return text.replace(/[\r\n]/g, ' ');
}

/** A queued frame, with the message id it carries (to skip what a replay already sent). */
interface Pending {
  readonly frame: string;
  readonly messageId?: string;
}

/**
 * One open `text/event-stream` response. Frames sent before `start` are
 * queued (a message may commit while a replay is being read), then written
 * after it. A client that stops reading is cut off once `maxBufferedBytes`
 * pile up: it reconnects with `Last-Event-ID` and gets what it missed.
 */
export class SseStream {
  private started = false;
  private closed = false;
  private pending: Pending[] = [];
  private readonly closeListeners: Array<() => void> = [];

  constructor(
    private readonly response: Response,
    readonly userId: string,
    readonly networkId: string,
    private readonly maxBufferedBytes = 1_000_000,
  ) {
    response.on('close', () => this.markClosed());
  }

  get isClosed(): boolean {
    return this.closed;
  }

  onClose(listener: () => void): void {
    if (this.closed) listener();
    else this.closeListeners.push(listener);
  }

  /** Sends the headers and `initial` frames, then what was queued meanwhile (skipping `alreadySent` message ids). */
  start(initial: readonly string[], alreadySent: ReadonlySet<string> = new Set()): void {
    if (this.closed || this.started) return;
    const response = this.response;
    response.socket?.setNoDelay(true);
    response.socket?.setKeepAlive(true);
    response.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-cache, no-transform',
      Connection: 'keep-alive',
      // nginx (and so ingress-nginx) would otherwise buffer the stream.
      'X-Accel-Buffering': 'no',
    });
    this.started = true;
    for (const frame of initial) this.write(frame);
    const queued = this.pending;
    this.pending = [];
    for (const entry of queued) if (!entry.messageId || !alreadySent.has(entry.messageId)) this.write(entry.frame);
  }

  send(frame: string, messageId?: string): void {
    if (this.closed) return;
    if (!this.started) this.pending.push({ frame, messageId });
    else this.write(frame);
  }

  end(finalFrame?: string): void {
    if (this.closed) return;
    if (this.started) {
      if (finalFrame) this.response.write(finalFrame);
      this.response.end();
    } else {
      this.response.destroy();
    }
    this.markClosed();
  }

  private write(frame: string): void {
    if (this.closed) return;
    this.response.write(frame);
    if (this.response.writableLength > this.maxBufferedBytes) this.end();
  }

  private markClosed(): void {
    if (this.closed) return;
    this.closed = true;
    this.pending = [];
    for (const listener of this.closeListeners.splice(0)) listener();
  }
}
