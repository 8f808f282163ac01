import { render } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { createMemoryRouter } from 'react-router';
import { createApiClient } from '../api/client';
import { createI18n, type Language } from '../i18n/i18n';
import { App, createQueryClient } from './App';
import { routes } from './routes';
import { SessionKeeper } from './session-keeper';

/** A request as the services' double saw it: its JSON body parsed. */
export interface SeenRequest {
  readonly method: string;
  readonly path: string;
  readonly query: URLSearchParams;
  readonly body: unknown;
}

/** The double's answer; undefined falls through to a 404 in the services' error shape. */
export type Answer = { status: number; body?: unknown } | undefined;

const json = (status: number, body: unknown) =>
  new Response(body === undefined ? null : JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

export const problem = (statusCode: number, details: { path: string; issue: string }[] = []) => ({
  statusCode,
  error: 'Refused',
  message: 'refused',
  details,
});

/**
 * The whole application at `path`, signed in (the session restores on load),
 * in front of a services' double that answers with `answer` and records
 * every request. Queries do not retry, so a refusal shows at once.
 */
export function renderSignedIn(path: string, answer: (request: SeenRequest) => Answer | Promise<Answer>, language: Language = 'fr') {
  const keeper = new SessionKeeper({
    open: async () => ({ kind: 'unreachable' }),
    renew: async () => ({ accessToken: 'token', expiresIn: 900 }),
    close: async () => undefined,
  });
  const api = createApiClient({ baseUrl: 'http://app.test', fetch: (request: Request) => keeper.fetch(request) });
  const seen: SeenRequest[] = [];
  globalThis.fetch = (async (request: Request) => {
    const url = new URL(request.url);
    const text = await request.text();
    const seenRequest = { method: request.method, path: url.pathname, query: url.searchParams, body: text ? JSON.parse(text) : undefined };
    seen.push(seenRequest);
    const given = await answer(seenRequest);
    return given ? json(given.status, given.body) : json(404, problem(404));
  }) as typeof fetch;
  const queryClient = createQueryClient();
  queryClient.setDefaultOptions({ queries: { ...queryClient.getDefaultOptions().queries, retry: false } });
  const router = createMemoryRouter(routes, { initialEntries: [path] });
  render(
    <I18nextProvider i18n={createI18n(language)}>
      <App wiring={{ keeper, api, queryClient, router }} />
    </I18nextProvider>,
  );
  /** The requests other than the menu's unread count, which every member page asks. */
  const calls = () => seen.filter((request) => !(request.path === '/v1/notifications' && request.query.get('unreadOnly') === 'true'));
  return { seen, calls, router };
}
