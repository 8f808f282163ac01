/**
 * @jest-environment ./tools/testing/web.environment.js
 */
import { act, fireEvent, screen } from '@testing-library/react';
import { problem, renderSignedIn } from '../../app/test-wiring';

const token = 'Qm9uam91ciwgY2VjaSBlc3QgdW4gamV0b24gZGUgdGVzdA';

describe('the unsubscribe page a mail’s link opens', () => {
  it('says what will stop, changes nothing until confirmed, then posts the link’s token and category', async () => {
    const { seen } = renderSignedIn(`/unsubscribe?category=match_updates#token=${token}`, ({ method, path }) =>
      method === 'POST' && path === '/v1/notifications/unsubscribe' ? { status: 200, body: { category: 'match_updates', email: false } } : undefined,
    );
    expect((await screen.findByRole('heading', { level: 1 })).textContent).toBe('Se désabonner');
    expect(screen.getByText('Vous ne recevrez plus par e-mail : Propositions de binôme et demandes en attente.')).toBeTruthy();
    expect(seen.filter((request) => request.path === '/v1/notifications/unsubscribe')).toEqual([]);

    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Confirmer le désabonnement' })));
    expect(await screen.findByText('C’est fait : vous ne recevrez plus ces e-mails (Propositions de binôme et demandes en attente).')).toBeTruthy();
    const posted = seen.filter((request) => request.path === '/v1/notifications/unsubscribe');
    expect(posted.map((request) => [request.method, request.query.get('token'), request.query.get('category')])).toEqual([['POST', token, 'match_updates']]);
    expect(screen.getByRole('link', { name: 'Voir mes préférences' }).getAttribute('href')).toBe('/notifications/preferences');
  });

  it('says a link the service does not know is no longer valid', async () => {
    renderSignedIn(`/unsubscribe?category=reminders#token=${token}`, () => ({ status: 404, body: problem(404, [{ path: 'token', issue: 'unknown' }]) }));
    await act(async () => fireEvent.click(await screen.findByRole('button', { name: 'Confirmer le désabonnement' })));
    expect(await screen.findByText(/Ce lien de désabonnement est incomplet ou n’est plus valable/)).toBeTruthy();
  });

  it('offers no button for a link cut short (no token, or an unknown category)', async () => {
    renderSignedIn('/unsubscribe?category=everything', () => undefined);
    expect(await screen.findByText(/Ce lien de désabonnement est incomplet/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Confirmer le désabonnement' })).toBeNull();
  });
});
