/**
 * @jest-environment ./tools/testing/web.environment.js
 */
import { act, fireEvent, render, screen } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { createMemoryRouter } from 'react-router';
import { createApiClient } from '../api/client';
import { createI18n } from '../i18n/i18n';
import { App, createQueryClient } from './App';
import { routes } from './routes';
import { type Renewal, type SessionCalls, SessionKeeper } from './session-keeper';

const camille = {
  id: '7b0c9a52-3f1e-4b8e-9a51-2c6f0d4e8a11',
  networkId: '1e2d3c4b-5a69-4788-9a0b-c1d2e3f40516',
  email: 'camille.durand@example.org',
  displayName: 'Camille Durand',
  graduationYear: 2012,
  degree: null,
  industry: null,
  employer: null,
  city: null,
  country: null,
  timeZone: null,
  languages: ['fr'],
  bio: null,
  roles: ['mentor'],
};

const network = {
  id: camille.networkId,
  name: 'Alumni Sorbonne',
  slug: 'alumni-sorbonne',
  allowedEmailDomains: [],
  registrationPolicy: 'invitation',
  createdAt: '2026-09-01T08:00:00.000Z',
};

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

/**
 * The shell on a session the test drives, and a services' double that
 * answers `/v1/users/me` to the token it was told is valid, 401 otherwise.
 */
function renderApp(initialPath: string, renewals: Renewal[]) {
  const validTokens = new Set<string>();
  const calls: SessionCalls = {
    open: async () => {
      validTokens.add('token-1');
      return { kind: 'signed-in', accessToken: 'token-1', expiresIn: 900 };
    },
    renew: async () => {
      const renewal = renewals.shift() ?? null;
      if (renewal) validTokens.add(renewal.accessToken);
      return renewal;
    },
    close: async () => undefined,
  };
  const keeper = new SessionKeeper(calls);
  const api = createApiClient({
    baseUrl: 'http://app.test',
    fetch: (request: Request) => keeper.fetch(request),
  });
  const seen: string[] = [];
  const services = async (request: Request) => {
    const token = request.headers.get('authorization')?.replace('Bearer ', '') ?? '';
    // The profile's calls only: the menu's own (the unread count) come and go with the features, and find nothing here.
    const profile = new URL(request.url).pathname === '/v1/users/me';
    if (profile) seen.push(`/v1/users/me ${token}`);
    if (!validTokens.has(token)) return json(401, { statusCode: 401, error: 'Unauthorized', message: 'expired', details: [] });
    if (profile) return json(200, camille);
    if (new URL(request.url).pathname === `/v1/networks/${camille.networkId}`) return json(200, network);
    return json(404, { statusCode: 404, error: 'Not Found', message: 'not in this test', details: [] });
  };
  globalThis.fetch = services as typeof fetch;
  const router = createMemoryRouter(routes, { initialEntries: [initialPath] });
  render(
    <I18nextProvider i18n={createI18n('fr')}>
      <App wiring={{ keeper, api, queryClient: createQueryClient(), router }} />
    </I18nextProvider>,
  );
  return { router, seen, validTokens };
}

const heading = () => screen.getByRole('heading', { level: 1 }).textContent;

describe('the application’s shell', () => {
  it('opens in French on the login page, switches to English, signs in, and stores no token', async () => {
    renderApp('/', []);
    expect((await screen.findByRole('heading', { level: 1 })).textContent).toBe('Connexion');

    await act(async () => fireEvent.change(screen.getByLabelText('Langue'), { target: { value: 'en' } }));
    expect(heading()).toBe('Sign in');
    expect(document.documentElement.lang).toBe('en');

    fireEvent.change(screen.getByLabelText('Network'), { target: { value: 'alumni-test' } });
    fireEvent.change(screen.getByLabelText('E-mail address'), { target: { value: camille.email } });
    fireEvent.change(screen.getByLabelText('Password'), { target: { value: 'a-long-password' } });
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Sign in' })));

    expect(await screen.findByText('Hello Camille Durand')).toBeTruthy();
    expect([localStorage.length, sessionStorage.length, document.cookie]).toEqual([0, 0, '']);

    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Sign out' })));
    expect(heading()).toBe('Sign in');
  });

  it('restores an earlier session on load without asking for the password', async () => {
    const { seen } = renderApp('/', [{ accessToken: 'restored', expiresIn: 900 }]);
    expect(await screen.findByText('Bonjour Camille Durand')).toBeTruthy();
    // The header carries the network's name once signed in: the portal is the university's.
    expect(await screen.findByText('Alumni Sorbonne')).toBeTruthy();
    expect(seen).toEqual(['/v1/users/me restored']);
  });

  it('renews a refused token once and sends the request again', async () => {
    const { seen, validTokens } = renderApp('/', [
      { accessToken: 'first', expiresIn: 900 },
      { accessToken: 'second', expiresIn: 900 },
    ]);
    validTokens.delete('first');
    await act(async () => undefined);
    expect(await screen.findByText('Bonjour Camille Durand')).toBeTruthy();
    expect(seen).toEqual(['/v1/users/me first', '/v1/users/me second']);
  });

  it('sends a person whose session ended to the login page, saying so, and back where they were afterwards', async () => {
    const { router, validTokens } = renderApp('/?tab=goals', [{ accessToken: 'revoked', expiresIn: 900 }]);
    validTokens.delete('revoked');
    expect(await screen.findByText(/Votre session a expiré/)).toBeTruthy();
    expect(router.state.location.pathname).toBe('/login');
    expect(new URLSearchParams(router.state.location.search).get('next')).toBe('/?tab=goals');

    fireEvent.change(screen.getByLabelText('Réseau'), { target: { value: 'alumni-test' } });
    fireEvent.change(screen.getByLabelText('Adresse e-mail'), { target: { value: camille.email } });
    fireEvent.change(screen.getByLabelText('Mot de passe'), { target: { value: 'a-long-password' } });
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Se connecter' })));

    expect(await screen.findByText('Bonjour Camille Durand')).toBeTruthy();
    expect(`${router.state.location.pathname}${router.state.location.search}`).toBe('/?tab=goals');
  });
});
