/**
 * @jest-environment ./tools/testing/web.environment.js
 */
import { act, fireEvent, screen } from '@testing-library/react';
import { descriptionOf, json, noContent, refusal, renderApp, type SeenRequest } from '../../app/test-wiring';

const TOKEN = 'k3Y9sW2d8Jq1LmN0pQ7rT4uV6xZ5aB3cD2eF1gH0iJ8';
/** Waits for the page of that title (its h1). */
const pageTitled = (name: string) => screen.findByRole('heading', { level: 1, name });
const type = (label: string, value: string) => fireEvent.change(screen.getByLabelText(label), { target: { value } });
const press = (name: string) => act(async () => fireEvent.click(screen.getByRole('button', { name })));
const inputValue = (label: string) => (screen.getByLabelText(label) as HTMLInputElement).value;
const camille = { id: '7b0c9a52-3f1e-4b8e-9a51-2c6f0d4e8a11', networkId: '1e2d3c4b-5a69-4788-9a0b-c1d2e3f40516', email: 'camille@example.org', displayName: 'Camille Durand', graduationYear: null, degree: null, industry: null, employer: null, city: null, country: null, timeZone: null, languages: [], bio: null, locale: null, roles: [] };

describe('registering on an open network', () => {
  it('sends what was typed and says where the mail went', async () => {
    const { writes } = renderApp('/register?network=alumni-test', () => json(202, { message: 'Check your mailbox to continue.' }), { signedIn: false });
    await pageTitled('Créer un compte');
    expect(inputValue('Réseau')).toBe('alumni-test');
    type('Nom affiché', 'Camille Durand');
    type('Adresse e-mail', 'camille@example.org');
    type('Mot de passe', 'a long enough passphrase');
    await press('Créer mon compte');

    expect(writes()).toEqual([
      { method: 'POST', path: '/v1/auth/register', search: '', body: { network: 'alumni-test', displayName: 'Camille Durand', email: 'camille@example.org', password: 'a long enough passphrase' } },
    ]);
    await pageTitled('Consultez vos e-mails');
    expect(screen.getByRole('status').textContent).toBe('Un e-mail est en route vers camille@example.org.');
  });

  it('puts the service’s issue beside the field it names and keeps what was typed', async () => {
    renderApp('/register?network=alumni-test', () => refusal(400, [{ path: 'password', issue: 'must not contain the e-mail address' }]), { signedIn: false });
    type('Nom affiché', 'Camille Durand');
    type('Adresse e-mail', 'camille@example.org');
    type('Mot de passe', 'camille@example.org!!');
    await press('Créer mon compte');

    const password = screen.getByLabelText('Mot de passe');
    expect(await screen.findByText('must not contain the e-mail address')).toBeTruthy();
    expect(password.getAttribute('aria-invalid')).toBe('true');
    expect(descriptionOf(password)).toContain('must not contain the e-mail address');
    expect(screen.getByLabelText('Adresse e-mail').getAttribute('aria-invalid')).toBeNull();
    expect(screen.getAllByRole('alert').map((alert) => alert.textContent)).toContain('Certains champs sont à corriger.');
    expect([inputValue('Nom affiché'), inputValue('Adresse e-mail'), inputValue('Mot de passe')]).toEqual(['Camille Durand', 'camille@example.org', 'camille@example.org!!']);
  });

  it('says plainly when the network admits by invitation only', async () => {
    renderApp('/register?network=alumni-test', () => refusal(403, [{ path: 'invitationToken', issue: 'is required by this network' }]), { signedIn: false });
    type('Nom affiché', 'Camille Durand');
    type('Adresse e-mail', 'camille@example.org');
    type('Mot de passe', 'a long enough passphrase');
    await press('Créer mon compte');
    expect(await screen.findByText(/sur invitation uniquement/)).toBeTruthy();
  });
});

describe('the verification link', () => {
  it('takes the token out of the address, sends it with the password, then opens the login page on the network', async () => {
    const { router, writes } = renderApp(`/verify-email?network=alumni-test#token=${TOKEN}`, () => noContent(), { signedIn: false });
    await pageTitled('Confirmer mon adresse');
    expect(router.state.location.hash).toBe('');
    expect(router.state.location.search).toBe('?network=alumni-test');

    type('Mot de passe', 'a long enough passphrase');
    await press('Activer mon compte');
    expect(writes()).toEqual([{ method: 'POST', path: '/v1/auth/verify-email', search: '', body: { token: TOKEN, password: 'a long enough passphrase' } }]);
    await pageTitled('Connexion');
    expect(screen.getByText('Votre adresse est confirmée et votre compte est actif. Connectez-vous.')).toBeTruthy();
    expect(inputValue('Réseau')).toBe('alumni-test');
  });

  it('places a wrong password beside its field, and says what to do with a link that no longer works', async () => {
    const answers = [
      refusal(400, [{ path: 'password', issue: 'does not match the password chosen when registering with this link' }]),
      refusal(400, [{ path: 'token', issue: 'is invalid, has expired or was already used' }]),
    ];
    renderApp(`/verify-email?network=alumni-test#token=${TOKEN}`, () => answers.shift() as Response, { signedIn: false });
    type('Mot de passe', 'not the one');
    await press('Activer mon compte');
    expect(descriptionOf(await screen.findByLabelText('Mot de passe'))).toContain('does not match the password chosen');

    await press('Activer mon compte');
    expect(await screen.findByText(/Ce lien ne fonctionne plus/)).toBeTruthy();
    expect(screen.getAllByRole('link', { name: 'Recommencer l’inscription' })[0].getAttribute('href')).toBe('/register?network=alumni-test');
  });

  it('asks to open the mail’s link again when the page has no token', async () => {
    renderApp('/verify-email?network=alumni-test', () => noContent(), { signedIn: false });
    expect(await screen.findByText(/Ce lien est incomplet/)).toBeTruthy();
    expect(screen.queryByLabelText('Mot de passe')).toBeNull();
  });
});

describe('an invitation', () => {
  it('creates the account with the invitation’s token and signs the person in at once', async () => {
    const { router, writes } = renderApp(`/accept-invitation?network=alumni-test#token=${TOKEN}`, (request: SeenRequest) =>
      request.path === '/v1/users/me' ? json(200, camille) : json(202, { message: 'Check your mailbox to continue.' }),
      { signedIn: false },
    );
    await pageTitled('Rejoindre le réseau');
    expect(router.state.location.hash).toBe('');
    expect(screen.queryByLabelText('Réseau')).toBeNull();
    type('Adresse e-mail', 'camille@example.org');
    type('Nom affiché', 'Camille Durand');
    type('Mot de passe', 'a long enough passphrase');
    await press('Rejoindre le réseau');

    expect(writes()).toEqual([
      {
        method: 'POST',
        path: '/v1/auth/register',
        search: '',
        body: { network: 'alumni-test', email: 'camille@example.org', displayName: 'Camille Durand', password: 'a long enough passphrase', invitationToken: TOKEN },
      },
    ]);
    expect(await screen.findByText('Bonjour Camille Durand')).toBeTruthy();
    expect(router.state.location.pathname).toBe('/');
  });

  it('says to look at the mail when the address already had an account (the sign-in with the new password fails)', async () => {
    renderApp(`/accept-invitation?network=alumni-test#token=${TOKEN}`, () => json(202, { message: 'Check your mailbox to continue.' }), {
      signedIn: false,
      signIn: { kind: 'rejected', error: { statusCode: 401, error: 'Unauthorized', message: 'Invalid credentials.', details: [] } },
    });
    type('Adresse e-mail', 'camille@example.org');
    type('Nom affiché', 'Camille Durand');
    type('Mot de passe', 'a long enough passphrase');
    await press('Rejoindre le réseau');
    await pageTitled('Consultez vos e-mails');
    expect(screen.getByText(/semble déjà avoir un compte/)).toBeTruthy();
  });

  it('explains an invitation that no longer works, keeping the form', async () => {
    renderApp(`/accept-invitation?network=alumni-test#token=${TOKEN}`, () => refusal(400, [{ path: 'invitationToken', issue: 'was issued for another e-mail address' }]), { signedIn: false });
    type('Adresse e-mail', 'other@example.org');
    type('Nom affiché', 'Camille Durand');
    type('Mot de passe', 'a long enough passphrase');
    await press('Rejoindre le réseau');
    expect(await screen.findByText(/Cette invitation ne fonctionne pas/)).toBeTruthy();
    expect(inputValue('Adresse e-mail')).toBe('other@example.org');
  });
});

describe('a forgotten password', () => {
  it('is reached from the login page with the network typed there, and asks for a link', async () => {
    const { router, writes } = renderApp('/login', () => json(202, { message: 'Check your mailbox to continue.' }), { signedIn: false });
    await pageTitled('Connexion');
    type('Réseau', 'alumni-test');
    await act(async () => fireEvent.click(screen.getByRole('link', { name: 'Mot de passe oublié ?' })));
    expect(`${router.state.location.pathname}${router.state.location.search}`).toBe('/reset-password?network=alumni-test');
    await pageTitled('Mot de passe oublié');

    type('Adresse e-mail', 'camille@example.org');
    await press('Recevoir un lien');
    expect(writes()).toEqual([{ method: 'POST', path: '/v1/auth/password-reset', search: '', body: { network: 'alumni-test', email: 'camille@example.org' } }]);
    await pageTitled('Consultez vos e-mails');
  });

  it('sets the new password from the mail’s link, then opens the login page', async () => {
    const answers = [refusal(400, [{ path: 'newPassword', issue: 'must be at least 12 characters' }]), noContent()];
    const { router, writes } = renderApp(`/reset-password?network=alumni-test#token=${TOKEN}`, () => answers.shift() as Response, { signedIn: false });
    await pageTitled('Choisir un nouveau mot de passe');
    expect(router.state.location.hash).toBe('');
    type('Nouveau mot de passe', 'short');
    await press('Enregistrer le mot de passe');
    expect(descriptionOf(await screen.findByLabelText('Nouveau mot de passe'))).toContain('must be at least 12 characters');

    type('Nouveau mot de passe', 'a much longer passphrase');
    await press('Enregistrer le mot de passe');
    expect(writes().map((request) => request.body)).toEqual([
      { token: TOKEN, newPassword: 'short' },
      { token: TOKEN, newPassword: 'a much longer passphrase' },
    ]);
    await pageTitled('Connexion');
    expect(screen.getByText('Votre nouveau mot de passe est enregistré. Connectez-vous avec lui.')).toBeTruthy();
  });
});

it('reads the token of a mail’s link pasted into the tab where the page already is', async () => {
  const { router } = renderApp('/reset-password?network=alumni-test', () => noContent(), { signedIn: false });
  await pageTitled('Mot de passe oublié');
  await act(async () => router.navigate(`/reset-password?network=alumni-test#token=${TOKEN}`));
  await pageTitled('Choisir un nouveau mot de passe');
  expect(router.state.location.hash).toBe('');
});

it('the login page leads to registering, on the network typed', async () => {
  renderApp('/login?network=alumni-test', () => noContent(), { signedIn: false });
  await pageTitled('Connexion');
  expect(screen.getByRole('link', { name: 'Créer un compte' }).getAttribute('href')).toBe('/register?network=alumni-test');
});
