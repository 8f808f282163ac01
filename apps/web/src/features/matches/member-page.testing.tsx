import { render } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { createMemoryRouter } from 'react-router';
import { createApiClient } from '../../api/client';
import { App, createQueryClient } from '../../app/App';
import { routes } from '../../app/routes';
import { SessionKeeper } from '../../app/session-keeper';
import { createI18n, type Language } from '../../i18n/i18n';

export type Reply = { status: number; body?: unknown };
/** The services' answer to one call, by `METHOD /path` (no query string); undefined answers 404. */
export type Services = (call: string, body: unknown) => Reply | undefined;

export const json = (status: number, body?: unknown) => ({ status, body });

/**
 * A member page of the application, signed in, on services the test
 * answers: every call is recorded with its body, so a test can check what
 * was sent as well as what is shown.
 */
export function renderMemberPage(path: string, services: Services, language: Language = 'fr') {
  const calls: { call: string; body: unknown }[] = [];
  const keeper = new SessionKeeper({
    open: async () => ({ kind: 'unreachable' }),
    renew: async () => ({ accessToken: 'token', expiresIn: 900 }),
    close: async () => undefined,
  });
  const fetch = async (request: Request) => {
    const url = new URL(request.url);
    const text = request.method === 'GET' ? '' : await request.text();
    const body = text ? JSON.parse(text) : undefined;
    const call = `${request.method} ${url.pathname}`;
    calls.push({ call, body });
    const reply = services(call, body) ?? { status: 404, body: { statusCode: 404, error: 'Not Found', message: 'No such thing.', details: [] } };
    return new Response(reply.body === undefined ? null : JSON.stringify(reply.body), { status: reply.status, headers: { 'content-type': 'application/json' } });
  };
  const api = createApiClient({ baseUrl: 'http://app.test', fetch: (request: Request) => keeper.fetch(request) });
  globalThis.fetch = fetch as typeof globalThis.fetch;
  const router = createMemoryRouter(routes, { initialEntries: [path] });
  render(
    <I18nextProvider i18n={createI18n(language)}>
      <App wiring={{ keeper, api, queryClient: createQueryClient(), router }} />
    </I18nextProvider>,
  );
  return { calls, router };
}
