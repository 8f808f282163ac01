/** A parsed JSON body, typed as JSON.parse types it: the tests assert its shape. */
export type Json = ReturnType<typeof JSON.parse>;

/** One HTTP answer: status, parsed JSON body (or text), headers. */
export interface Answer<T = Json> {
  readonly status: number;
  readonly body: T;
  readonly text: string;
}

export interface CallOptions {
  readonly token?: string;
  readonly body?: unknown;
  readonly query?: Record<string, string | number | boolean | undefined>;
}

/** A thin client of one service's public HTTP API, as an integrator would write it (fetch, JSON, Bearer tokens). */
export class Api {
  constructor(readonly base: string) {}

  async call<T = Json>(method: string, path: string, options: CallOptions = {}): Promise<Answer<T>> {
    const url = new URL(path, this.base);
    for (const [key, value] of Object.entries(options.query ?? {})) if (value !== undefined) url.searchParams.set(key, String(value));
    const headers: Record<string, string> = {};
    if (options.token) headers['authorization'] = `Bearer ${options.token}`;
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(url, { method, headers, body: options.body === undefined ? undefined : JSON.stringify(options.body) });
    const text = await response.text();
    let body: unknown = text;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      // Not JSON (CSV, HTML): the text stays the body.
    }
    return { status: response.status, body: body as T, text };
  }

  get<T = Json>(path: string, options?: CallOptions) {
    return this.call<T>('GET', path, options);
  }
  post<T = Json>(path: string, options?: CallOptions) {
    return this.call<T>('POST', path, options);
  }
  put<T = Json>(path: string, options?: CallOptions) {
    return this.call<T>('PUT', path, options);
  }
  delete<T = Json>(path: string, options?: CallOptions) {
    return this.call<T>('DELETE', path, options);
  }

  /** The call, failing with what the service said unless it answered `status`. */
  async expect<T = Json>(status: number, method: string, path: string, options?: CallOptions): Promise<T> {
    const answer = await this.call<T>(method, path, options);
    if (answer.status !== status) {
      throw new Error(`${method} ${path} answered ${answer.status}, expected ${status}: ${answer.text.slice(0, 600)}`);
    }
    return answer.body;
  }

  /** Every item of a keyset-paginated list (`items`, `nextCursor`). */
  async all<T = Json>(path: string, options: CallOptions = {}): Promise<T[]> {
    const items: T[] = [];
    let cursor: string | undefined;
    do {
      const page = await this.expect<{ items: T[]; nextCursor: string | null }>(200, 'GET', path, { ...options, query: { ...options.query, limit: 100, cursor } });
      items.push(...page.items);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    return items;
  }
}

/** Runs `work` over `items` with at most `limit` in flight, keeping the order of the results. */
export async function inParallel<T, R>(items: readonly T[], limit: number, work: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index], index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
