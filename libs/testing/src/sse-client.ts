import { type ClientRequest, type IncomingMessage, request as httpRequest } from 'http';
import { expectEventually } from './expect-eventually';

export interface StreamEvent {
  readonly event: string;
  readonly id?: string;
  readonly data: { [key: string]: unknown };
}

/** A Server-Sent Events client on node's http: what a browser's EventSource does, minus the reconnection. */
export class SseClient {
  readonly events: StreamEvent[] = [];
  readonly comments: string[] = [];
  body = '';
  ended = false;
  private buffer = '';

  private constructor(
    private readonly request: ClientRequest,
    readonly response: IncomingMessage,
  ) {
    response.setEncoding('utf8');
    response.on('data', (chunk: string) => (response.statusCode === 200 ? this.push(chunk) : (this.body += chunk)));
    response.on('end', () => (this.ended = true));
    response.on('close', () => (this.ended = true));
  }

  static open(baseUrl: string, path: string, headers: Record<string, string>): Promise<SseClient> {
    return new Promise((resolve, reject) => {
      const request = httpRequest(new URL(path, baseUrl), { headers: { accept: 'text/event-stream', ...headers } }, (response) => {
        const client = new SseClient(request, response);
        if (response.statusCode === 200) resolve(client);
        else response.on('end', () => resolve(client));
      });
      request.on('error', reject);
      request.end();
    });
  }

  get status(): number | undefined {
    return this.response.statusCode;
  }

  ofType(type: string): StreamEvent[] {
    return this.events.filter((event) => event.event === type);
  }

  waitFor(predicate: (event: StreamEvent) => boolean, timeoutMs = 10_000): Promise<StreamEvent> {
    return expectEventually(
      () => {
        const found = this.events.find(predicate);
        if (!found) throw new Error(`no such event among ${JSON.stringify(this.events.map((event) => [event.event, event.id]))}`);
        return found;
      },
      { timeoutMs, intervalMs: 20 },
    );
  }

  waitForComment(text: string, timeoutMs = 5_000): Promise<void> {
    return expectEventually(() => expect(this.comments).toContain(text), { timeoutMs, intervalMs: 50 });
  }

  close(): void {
    this.request.destroy();
  }

  private push(chunk: string): void {
    this.buffer += chunk;
    for (let end = this.buffer.indexOf('\n\n'); end >= 0; end = this.buffer.indexOf('\n\n')) {
      const block = this.buffer.slice(0, end);
      this.buffer = this.buffer.slice(end + 2);
      this.parse(block);
    }
  }

  private parse(block: string): void {
    let event = 'message';
    let id: string | undefined;
    let data: string | undefined;
    for (const line of block.split('\n')) {
      if (line.startsWith(':')) {
        this.comments.push(line.slice(1).trim());
        continue;
      }
      const colon = line.indexOf(':');
      const field = colon < 0 ? line : line.slice(0, colon);
      const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
      if (field === 'event') event = value;
      else if (field === 'id') id = value;
      else if (field === 'data') data = data === undefined ? value : `${data}\n${value}`;
    }
    if (data !== undefined) this.events.push({ event, id, data: JSON.parse(data) });
  }
}
