import { render } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { createMemoryRouter } from 'react-router';
import { createApiClient } from '../../api/client';
import { App, createQueryClient } from '../../app/App';
import { routes } from '../../app/routes';
import { type Renewal, SessionKeeper } from '../../app/session-keeper';
import { createI18n, type Language } from '../../i18n/i18n';

export const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

/** A call the page made: method, path with its query, the token it carried, and its JSON body. */
export interface Call {
  readonly method: string;
  readonly path: string;
  readonly token: string;
  readonly body: unknown;
}

type Answer = (call: Call) => Response | Promise<Response>;

/**
 * The browser's EventSource, played by the test: it records the address it
 * was opened with, and the test sends events through it or breaks it.
 */
export class TestEventSource {
  static opened: TestEventSource[] = [];
  readyState = 0;
  private readonly listeners = new Map<string, Array<(event: MessageEvent) => void>>();

  constructor(readonly url: string) {
    TestEventSource.opened.push(this);
  }

  static latest(): TestEventSource {
    const source = TestEventSource.opened[TestEventSource.opened.length - 1];
    if (!source) throw new Error('no stream opened');
    return source;
  }

  addEventListener(type: string, listener: (event: MessageEvent) => void): void {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }

  close(): void {
    this.readyState = 2;
  }

  emit(type: string, data: unknown, lastEventId = ''): void {
    if (type === 'ready') this.readyState = 1;
    const event = new MessageEvent(type, { data: JSON.stringify(data), lastEventId });
    for (const listener of this.listeners.get(type) ?? []) listener(event);
  }

  fail(): void {
    for (const listener of this.listeners.get('error') ?? []) listener(new MessageEvent('error'));
  }
}

/**
 * The application signed in (the session restored with `renewals`' first
 * token), on a fake of the services answering by `METHOD /path` (the query
 * left out of the key), and recording every call.
 */
export function renderMemberApp(path: string, answers: Record<string, Answer>, options: { language?: Language; renewals?: Renewal[] } = {}) {
  const renewals = [...(options.renewals ?? [{ accessToken: 'token-1', expiresIn: 900 }])];
  const keeper = new SessionKeeper({
    open: async () => ({ kind: 'unreachable' }),
    renew: async () => renewals.shift() ?? null,
    close: async () => undefined,
  });
  const api = createApiClient({ baseUrl: 'http://app.test', fetch: (request: Request) => keeper.fetch(request) });
  const calls: Call[] = [];
  globalThis.fetch = (async (request: Request) => {
    const url = new URL(request.url);
    const text = await request.text();
    const call: Call = {
      method: request.method,
      path: `${url.pathname}${url.search}`,
      token: request.headers.get('authorization')?.replace('Bearer ', '') ?? '',
      body: text ? JSON.parse(text) : undefined,
    };
    calls.push(call);
    const answer = answers[`${request.method} ${url.pathname}`];
    return answer ? answer(call) : json(404, { statusCode: 404, error: 'Not Found', message: `no answer for ${call.method} ${call.path}`, details: [] });
  }) as typeof fetch;
  const router = createMemoryRouter(routes, { initialEntries: [path] });
  render(
    <I18nextProvider i18n={createI18n(options.language ?? 'fr')}>
      <App wiring={{ keeper, api, queryClient: createQueryClient(), router }} />
    </I18nextProvider>,
  );
  return { calls, router, keeper };
}
