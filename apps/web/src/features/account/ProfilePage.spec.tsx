/**
 * @jest-environment ./tools/testing/web.environment.js
 */
import { act, fireEvent, screen, within } from '@testing-library/react';
import { descriptionOf, json, noContent, refusal, renderApp, type SeenRequest } from '../../app/test-wiring';

const camille = {
  id: '7b0c9a52-3f1e-4b8e-9a51-2c6f0d4e8a11',
  networkId: '1e2d3c4b-5a69-4788-9a0b-c1d2e3f40516',
  email: 'camille@example.org',
  displayName: 'Camille Durand',
  graduationYear: 2012,
  degree: 'MSc Computer Science',
  industry: 'Software',
  employer: null,
  city: 'Lyon',
  country: 'FR',
  timeZone: 'Europe/Paris',
  languages: ['fr', 'en'],
  bio: null,
  locale: null as 'fr' | 'en' | null,
  roles: ['mentor'],
};
// React Aria's focus scope escapes selectors with the CSS object, which jsdom lacks.
globalThis.CSS = { escape: (value: string) => value.replace(/["\\]/g, '\\$&') } as typeof CSS;

const term = (id: string, label: string) => ({ id, label, retired: false, default: true });
const consents = {
  current: [
    { purpose: 'terms', granted: true, recordedAt: '2026-11-02T09:00:00.000Z' },
    { purpose: 'matching_data_processing', granted: null, recordedAt: null },
    { purpose: 'emails', granted: false, recordedAt: '2026-11-02T09:00:00.000Z' },
  ],
  history: [
    { purpose: 'terms', granted: true, recordedAt: '2026-11-02T09:00:00.000Z' },
    { purpose: 'emails', granted: false, recordedAt: '2026-11-02T09:00:00.000Z' },
  ],
};

/** The services as the profile page meets them; `writes` answers what the page changes. */
function services(me: typeof camille, writes: (request: SeenRequest) => Response = () => noContent()) {
  return (request: SeenRequest): Response => {
    if (request.method !== 'GET') return writes(request);
    if (request.path === '/v1/users/me') return json(200, me);
    if (request.path === '/v1/taxonomies/industries') return json(200, { kind: 'industries', items: [term('software', 'Software'), term('banking', 'Banking')] });
    if (request.path === '/v1/taxonomies/languages') return json(200, { kind: 'languages', items: [term('de', 'German'), term('en', 'English'), term('fr', 'French')] });
    if (request.path === '/v1/users/me/consents') return json(200, consents);
    return json(404, { statusCode: 404, error: 'Not Found', message: 'no such route', details: [] });
  };
}

const openProfile = async (answer: (request: SeenRequest) => Response, path = '/profile') => {
  const app = renderApp(path, answer);
  await screen.findByRole('heading', { level: 1, name: 'Mon profil' });
  return app;
};
const field = (label: string) => screen.getByLabelText(label) as HTMLInputElement;
const type = (label: string, value: string) => fireEvent.change(field(label), { target: { value } });
const press = (name: string) => act(async () => fireEvent.click(screen.getByRole('button', { name })));

describe('the profile page', () => {
  it('shows the profile as the service holds it, with the network’s industries and languages to choose from', async () => {
    await openProfile(services(camille));
    expect([field('Nom affiché').value, field('Année de diplôme').value, field('Secteur').value, field('Ville').value, field('Employeur').value]).toEqual([
      'Camille Durand',
      '2012',
      'Software',
      'Lyon',
      '',
    ]);
    const country = field('Pays') as unknown as HTMLSelectElement;
    expect(country.selectedOptions[0].textContent).toBe('France');
    expect((field('Fuseau horaire') as unknown as HTMLSelectElement).value).toBe('Europe/Paris');
    const languages = within(screen.getByRole('group', { name: 'Langues parlées' }));
    expect(languages.getAllByRole('checkbox').map((box) => [box.closest('label')?.textContent, (box as HTMLInputElement).checked])).toEqual([
      ['Français', true],
      ['Anglais', true],
    ]);
    const industries = document.getElementById(field('Secteur').getAttribute('list') ?? '');
    await screen.findByRole('option', { name: 'Allemand' });
    expect([...(industries?.querySelectorAll('option') ?? [])].map((option) => option.value)).toEqual(['Software', 'Banking']);
  });

  it('sends the whole profile, an emptied field as cleared and an added language, and keeps what was typed when the service refuses a field', async () => {
    const { writes } = await openProfile(
      services(camille, () => refusal(400, [{ path: 'graduationYear', issue: 'must be at most ten years from now' }])),
    );
    type('Année de diplôme', '2099');
    type('Ville', '');
    type('Présentation', 'Happy to help with career changes.');
    await screen.findByRole('option', { name: 'Allemand' });
    fireEvent.change(field('Ajouter une langue'), { target: { value: 'de' } });
    await press('Ajouter');
    await act(async () => fireEvent.click(screen.getByRole('checkbox', { name: 'Anglais' })));
    await press('Enregistrer le profil');

    expect(writes()).toEqual([
      {
        method: 'PATCH',
        path: '/v1/users/me',
        search: '',
        body: {
          displayName: 'Camille Durand',
          graduationYear: 2099,
          degree: 'MSc Computer Science',
          industry: 'Software',
          employer: null,
          city: null,
          country: 'FR',
          timeZone: 'Europe/Paris',
          languages: ['fr', 'de'],
          bio: 'Happy to help with career changes.',
        },
      },
    ]);
    const year = field('Année de diplôme');
    expect(await screen.findByText('must be at most ten years from now')).toBeTruthy();
    expect(year.getAttribute('aria-invalid')).toBe('true');
    expect(descriptionOf(year)).toContain('must be at most ten years from now');
    expect([year.value, field('Présentation').value]).toEqual(['2099', 'Happy to help with career changes.']);
    // An unticked language stays listed, so that one tick undoes a slip.
    expect(screen.getByRole('checkbox', { name: 'Anglais' })).toBeTruthy();
  });

  it('says the profile is saved once the service took it', async () => {
    await openProfile(services(camille, (request) => json(200, { ...camille, ...(request.body as object), roles: undefined })));
    type('Employeur', 'Acme');
    await press('Enregistrer le profil');
    expect(await screen.findByText('Profil enregistré.')).toBeTruthy();
  });
});

describe('the person’s language', () => {
  it('comes from their profile once signed in, and a switch is saved to it', async () => {
    const { i18n, writes } = renderApp('/profile', services({ ...camille, locale: 'en' }, (request) => json(200, { ...camille, ...(request.body as object) })));
    await screen.findByRole('heading', { level: 1, name: 'My profile' });
    expect(document.documentElement.lang).toBe('en');
    expect(writes()).toEqual([]);

    await act(async () => fireEvent.change(screen.getByLabelText('Language'), { target: { value: 'fr' } }));
    await screen.findByRole('heading', { level: 1, name: 'Mon profil' });
    expect(writes()).toEqual([{ method: 'PATCH', path: '/v1/users/me', search: '', body: { locale: 'fr' } }]);
    expect([i18n.language, document.documentElement.lang]).toEqual(['fr', 'fr']);
  });

  it('is not saved anywhere while signed out', async () => {
    const { writes } = renderApp('/login', () => noContent(), { signedIn: false });
    await screen.findByRole('heading', { level: 1, name: 'Connexion' });
    await act(async () => fireEvent.change(screen.getByLabelText('Langue'), { target: { value: 'en' } }));
    await screen.findByRole('heading', { level: 1, name: 'Sign in' });
    expect(writes()).toEqual([]);
  });
});

describe('the account’s settings', () => {
  it('records the consents that changed, an undecided one included, and not the others', async () => {
    const { writes } = await openProfile(services(camille, () => json(200, consents)));
    const group = within(await screen.findByRole('group', { name: 'J’accepte' }));
    expect(group.getAllByRole('checkbox').map((box) => (box as HTMLInputElement).checked)).toEqual([true, false, false]);
    await act(async () => fireEvent.click(group.getByRole('checkbox', { name: 'de recevoir les e-mails de mon réseau' })));
    await press('Enregistrer mes choix');
    expect(writes().map((request) => [request.method, request.path, request.body])).toEqual([
      ['PUT', '/v1/users/me/consents/matching_data_processing', { granted: false }],
      ['PUT', '/v1/users/me/consents/emails', { granted: true }],
    ]);
    expect(await screen.findByText('Vos choix sont enregistrés.')).toBeTruthy();
  });

  it('saves the person’s data as a JSON file', async () => {
    const exported = { exportedAt: '2026-12-07T21:00:00.000Z', account: { id: camille.id, email: camille.email } };
    const saved: Blob[] = [];
    URL.createObjectURL = (blob: Blob) => {
      saved.push(blob);
      return 'blob:export';
    };
    URL.revokeObjectURL = () => undefined;
    const downloads: string[] = [];
    const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      downloads.push(this.download);
    });
    await openProfile((request) => (request.path === '/v1/users/me/export' ? json(200, exported) : services(camille)(request)));
    await press('Télécharger mes données');
    expect(await screen.findByText('Le fichier est téléchargé.')).toBeTruthy();
    click.mockRestore();
    expect(downloads).toEqual(['passerelle-identity-export.json']);
    expect(JSON.parse(await saved[0].text())).toEqual(exported);
  });

  it('places a wrong current password beside its field', async () => {
    const { writes } = await openProfile(services(camille, () => refusal(400, [{ path: 'currentPassword', issue: 'is not your current password' }])));
    type('Mot de passe actuel', 'not it');
    type('Nouveau mot de passe', 'a much longer passphrase');
    await press('Changer le mot de passe');
    expect(writes()).toEqual([{ method: 'POST', path: '/v1/users/me/password', search: '', body: { currentPassword: 'not it', newPassword: 'a much longer passphrase' } }]);
    expect(descriptionOf(await screen.findByLabelText('Mot de passe actuel'))).toContain('is not your current password');
  });

  it('signs the person out after a password change, the login page saying why', async () => {
    const { router, closed } = await openProfile(services(camille));
    type('Mot de passe actuel', 'the old passphrase');
    type('Nouveau mot de passe', 'a much longer passphrase');
    await press('Changer le mot de passe');
    await screen.findByRole('heading', { level: 1, name: 'Connexion' });
    expect(router.state.location.search).toBe('?notice=password-changed');
    expect(closed).toEqual(['closed']);
  });

  it('erases the account only once confirmed, then signs out and says it is done', async () => {
    const { router, writes, closed } = await openProfile(services(camille));
    await press('Effacer mon compte');
    const dialog = within(await screen.findByRole('alertdialog'));
    await act(async () => fireEvent.click(dialog.getByRole('button', { name: 'Annuler' })));
    expect(writes()).toEqual([]);

    await press('Effacer mon compte');
    await act(async () => fireEvent.click(within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Effacer définitivement' })));
    await screen.findByRole('heading', { level: 1, name: 'Connexion' });
    expect(writes()).toEqual([{ method: 'DELETE', path: '/v1/users/me', search: '', body: undefined }]);
    expect(closed).toEqual(['closed']);
    expect(router.state.location.search).toBe('?notice=erased');
    expect(screen.getByText('Votre compte est effacé. Merci d’avoir participé.')).toBeTruthy();
  });
});
