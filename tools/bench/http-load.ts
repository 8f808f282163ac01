/**
 * A closed-loop HTTP load generator: `concurrency` clients, each on its own
 * keep-alive connection, send one request after the other until the time is
 * up (or the requests run out), and every request's latency is kept. The
 * same loop drives the ceiling and the endpoints under test.
 */
import { Agent, request } from 'node:http';
import { distribution, type Distribution } from './figures';

export interface LoadRequest {
  readonly method: 'GET' | 'POST';
  readonly path: string;
  readonly headers?: Record<string, string>;
  readonly body?: string;
}

export interface LoadResult {
  readonly requests: number;
  readonly perSecond: number;
  readonly latencyMs: Distribution;
  /** Answers by status; anything but the expected status is counted as an error. */
  readonly statuses: Map<number, number>;
  readonly errors: number;
  readonly firstError?: string;
  /** The requests ran out before the time was up. */
  readonly exhausted: boolean;
}

/**
 * One request. The body of an expected answer is read and dropped without
 * decoding (the generator shares the machine with the service under test,
 * so it spends as little CPU as it can); an unexpected answer's body is kept
 * for the error message.
 */
function send(agent: Agent, base: URL, req: LoadRequest, expectStatus: number): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string | number> = { ...req.headers };
    if (req.body !== undefined) {
      headers['content-type'] = 'application/json';
      headers['content-length'] = Buffer.byteLength(req.body);
    }
    const outgoing = request({ agent, host: base.hostname, port: base.port, method: req.method, path: req.path, headers }, (response) => {
      const status = response.statusCode ?? 0;
      const chunks: Buffer[] = [];
      if (status !== expectStatus) response.on('data', (chunk: Buffer) => chunks.push(chunk));
      else response.resume();
      response.on('end', () => resolve({ status, body: Buffer.concat(chunks).toString('utf8') }));
      response.on('error', reject);
    });
    outgoing.on('error', reject);
    outgoing.end(req.body);
  });
}

/**
 * Runs the load: `warmupMs` first (not measured), then `durationMs`
 * measured. `next` gives each request; undefined means there are no more.
 */
export async function runLoad(options: {
  readonly baseUrl: string;
  readonly concurrency: number;
  readonly warmupMs: number;
  readonly durationMs: number;
  readonly expectStatus: number;
  readonly next: () => LoadRequest | undefined;
  readonly progress?: (done: number) => void;
}): Promise<LoadResult> {
  const base = new URL(options.baseUrl);
  const agent = new Agent({ keepAlive: true, maxSockets: options.concurrency });
  const latencies: number[] = [];
  const statuses = new Map<number, number>();
  let errors = 0;
  let firstError: string | undefined;
  let exhausted = false;
  const started = performance.now();
  const measureFrom = started + options.warmupMs;
  const end = measureFrom + options.durationMs;
  const ticker = options.progress ? setInterval(() => options.progress!(latencies.length), 2_000) : undefined;
  try {
    await Promise.all(
      Array.from({ length: options.concurrency }, async () => {
        while (performance.now() < end) {
          const next = options.next();
          if (!next) {
            exhausted = true;
            return;
          }
          const sentAt = performance.now();
          let status = 0;
          try {
            const answer = await send(agent, base, next, options.expectStatus);
            status = answer.status;
            if (status !== options.expectStatus && firstError === undefined) firstError = `${status} ${answer.body.slice(0, 300)}`;
          } catch (error) {
            firstError ??= error instanceof Error ? error.message : String(error);
          }
          if (sentAt < measureFrom) continue;
          latencies.push(performance.now() - sentAt);
          statuses.set(status, (statuses.get(status) ?? 0) + 1);
          if (status !== options.expectStatus) errors += 1;
        }
      }),
    );
  } finally {
    clearInterval(ticker);
    agent.destroy();
  }
  const measuredMs = Math.min(performance.now(), end) - measureFrom;
  return { requests: latencies.length, perSecond: latencies.length / (measuredMs / 1000), latencyMs: distribution(latencies), statuses, errors, firstError, exhausted };
}
