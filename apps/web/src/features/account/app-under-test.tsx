import { QueryClient } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { createMemoryRouter } from 'react-router';
import { createApiClient } from '../../api/client';
import { App } from '../../app/App';
import { routes } from '../../app/routes';
import { type OpenOutcome, type SessionCalls, SessionKeeper } from '../../app/session-keeper';
import { createI18n } from '../../i18n/i18n';

/** One request the application sent, as the services saw it. */
export type SentRequest = { method: string; path: string; search: string; body: unknown };

export const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
export const noContent = () => new Response(null, { status: 204 });
export const refusal = (statusCode: number, details: { path: string; issue: string }[]) =>
  json(statusCode, { statusCode, error: statusCode === 400 ? 'Bad Request' : 'Refused', message: 'The request is invalid.', details });

/**
 * The whole application at `path`, on a session the test chooses, in front
 * of services the test answers for (`answer` sees each request; the
 * requests are recorded with their JSON bodies).
 */
export function renderAppAt(
  path: string,
  answer: (request: SentRequest) => Response | Promise<Response>,
  options: { signedIn?: boolean; signIn?: OpenOutcome } = {},
) {
  const closed: string[] = [];
  const calls: SessionCalls = {
    open: async () => options.signIn ?? { kind: 'signed-in', accessToken: 'token', expiresIn: 900 },
    renew: async () => (options.signedIn ? { accessToken: 'token', expiresIn: 900 } : null),
    close: async () => {
      closed.push('closed');
    },
  };
  const keeper = new SessionKeeper(calls);
  const api = createApiClient({ baseUrl: 'http://app.test', fetch: (request: Request) => keeper.fetch(request) });
  const requests: SentRequest[] = [];
  globalThis.fetch = (async (request: Request) => {
    const url = new URL(request.url);
    const text = await request.text();
    const sent = { method: request.method, path: url.pathname, search: url.search, body: text ? JSON.parse(text) : undefined };
    requests.push(sent);
    return answer(sent);
  }) as typeof fetch;
  const router = createMemoryRouter(routes, { initialEntries: [path] });
  const i18n = createI18n('fr');
  // No retry: a test shows what an error looks like at once.
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: 0 } } });
  render(
    <I18nextProvider i18n={i18n}>
      <App wiring={{ keeper, api, queryClient, router }} />
    </I18nextProvider>,
  );
  return { router, requests, keeper, i18n, closed, writes: () => requests.filter((request) => request.method !== 'GET') };
}

/** What a screen reader reads after a field's label: its hint and its error, through aria-describedby. */
export function descriptionOf(element: HTMLElement): string {
  const ids = (element.getAttribute('aria-describedby') ?? '').split(' ').filter(Boolean);
  return ids.map((id) => document.getElementById(id)?.textContent ?? '').join(' ');
}
