import { render } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { createMemoryRouter } from 'react-router';
import { createApiClient } from '../api/client';
import { createI18n, type Language } from '../i18n/i18n';
import { App, createQueryClient } from './App';
import { routes } from './routes';
import { type OpenOutcome, type Renewal, SessionKeeper } from './session-keeper';

/** A request as the services' double saw it: its path without the query, the token it carried, its JSON body parsed. */
export interface SeenRequest {
  readonly method: string;
  readonly path: string;
  readonly search: string;
  readonly query: URLSearchParams;
  readonly token: string;
  readonly body: unknown;
}

/**
 * What the double answers: a response as it is, a status with a JSON body
 * (as an object or a pair), or undefined for a 404 in the services' error shape.
 */
export type Answer = Response | { status: number; body?: unknown } | [status: number, body: unknown] | undefined;

/** Answers by `METHOD /path` (the path without its query); a function sees the request. */
export type Routes = Record<string, Answer | ((request: SeenRequest) => Answer | Promise<Answer>)>;

export interface WiringOptions {
  readonly language?: Language;
  /** Whether the session restores on load (the default); false starts signed out. */
  readonly signedIn?: boolean;
  /** What signing in through the login form gives (signed in by default). */
  readonly signIn?: OpenOutcome;
  /** The tokens the session's renewals give in turn (one token for good by default). */
  readonly renewals?: Renewal[];
}

export const json = (status: number, body: unknown) =>
  new Response(body === undefined ? null : JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

export const noContent = () => new Response(null, { status: 204 });

/** A refusal's body, in the services' error shape. */
export const problem = (statusCode: number, details: { path: string; issue: string }[] = [], message = 'The request is invalid.') => ({
  statusCode,
  error: statusCode === 400 ? 'Bad Request' : 'Refused',
  message,
  details,
});

export const refusal = (statusCode: number, details: { path: string; issue: string }[] = []) => json(statusCode, problem(statusCode, details));

function responseOf(answer: Answer, request: SeenRequest): Response {
  if (answer === undefined) return json(404, problem(404, [], `no answer for ${request.method} ${request.path}`));
  if (answer instanceof Response) return answer;
  return Array.isArray(answer) ? json(answer[0], answer[1]) : json(answer.status, answer.body);
}

function answerFrom(answers: Routes | ((request: SeenRequest) => Answer | Promise<Answer>)) {
  if (typeof answers === 'function') return answers;
  return (request: SeenRequest) => {
    const answer = answers[`${request.method} ${request.path}`];
    return typeof answer === 'function' ? answer(request) : answer;
  };
}

/**
 * The whole application at `path` in front of a services' double that
 * answers with `answers` (a function seeing each request, or answers by
 * `METHOD /path`) and records every request. Signed in by default (the
 * session restores on load). Queries do not retry, so a refusal shows at once.
 */
export function renderApp(
  path: string,
  answers: Routes | ((request: SeenRequest) => Answer | Promise<Answer>),
  options: WiringOptions | Language = {},
) {
  const { language = 'fr', signedIn = true, signIn, renewals } = typeof options === 'string' ? { language: options } : options;
  const closed: string[] = [];
  const renewed = [...(renewals ?? [])];
  const keeper = new SessionKeeper({
    open: async () => signIn ?? { kind: 'signed-in', accessToken: 'token', expiresIn: 900 },
    renew: async () => (!signedIn ? null : renewals ? (renewed.shift() ?? null) : { accessToken: 'token', expiresIn: 900 }),
    close: async () => {
      closed.push('closed');
    },
  });
  const api = createApiClient({ baseUrl: 'http://app.test', fetch: (request: Request) => keeper.fetch(request) });
  const answer = answerFrom(answers);
  const seen: SeenRequest[] = [];
  globalThis.fetch = (async (request: Request) => {
    const url = new URL(request.url);
    const text = await request.text();
    const seenRequest: SeenRequest = {
      method: request.method,
      path: url.pathname,
      search: url.search,
      query: url.searchParams,
      token: request.headers.get('authorization')?.replace('Bearer ', '') ?? '',
      body: text ? JSON.parse(text) : undefined,
    };
    seen.push(seenRequest);
    return responseOf(await answer(seenRequest), seenRequest);
  }) as typeof fetch;
  const queryClient = createQueryClient();
  queryClient.setDefaultOptions({ queries: { ...queryClient.getDefaultOptions().queries, retry: false }, mutations: { retry: 0 } });
  const router = createMemoryRouter(routes, { initialEntries: [path] });
  const i18n = createI18n(language);
  render(
    <I18nextProvider i18n={i18n}>
      <App wiring={{ keeper, api, queryClient, router }} />
    </I18nextProvider>,
  );
  return {
    seen,
    router,
    keeper,
    i18n,
    /** One entry per time the session was closed (signing out, erasure). */
    closed,
    /** The requests other than the menu's unread count, which every member page asks. */
    calls: () => seen.filter((request) => !(request.path === '/v1/notifications' && request.query.get('unreadOnly') === 'true')),
    /** The requests that change something, as a test compares them. */
    writes: () => seen.filter((request) => request.method !== 'GET').map(({ method, path, search, body }) => ({ method, path, search, body })),
  };
}

/** The same application, named for the pages of a signed-in member. */
export const renderSignedIn = renderApp;

/** What a screen reader reads after a field's label: its hint and its error, through aria-describedby. */
export function descriptionOf(element: HTMLElement): string {
  const ids = (element.getAttribute('aria-describedby') ?? '').split(' ').filter(Boolean);
  return ids.map((id) => document.getElementById(id)?.textContent ?? '').join(' ');
}

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
