/**
 * @jest-environment ./tools/testing/web.environment.js
 */
import { act, fireEvent, screen, within } from '@testing-library/react';
import { problem, renderSignedIn } from '../../app/test-wiring';
import type { Notification, Preferences } from './notifications-api';

const notice = (id: string, title: string, readAt: string | null): Notification => ({
  id,
  template: 'match_proposed',
  title,
  body: 'Ouvrez l’application pour répondre.',
  about: { matchId: '0190c5d2-0000-7000-8000-0000000000aa' },
  createdAt: '2026-12-06T09:30:00.000Z',
  readAt,
});

describe('notifications', () => {
  it('counts the unread in the menu, and marks one, then all, read', async () => {
    const items = [
      notice('0190c5d2-0000-7000-8000-000000000021', 'Un binôme vous est proposé', null),
      notice('0190c5d2-0000-7000-8000-000000000022', 'Séance confirmée', null),
      notice('0190c5d2-0000-7000-8000-000000000023', 'Séance annulée', '2026-12-06T10:00:00.000Z'),
    ];
    const unread = () => items.filter((item) => !item.readAt).length;
    const readAt = '2026-12-07T10:00:00.000Z';
    const { calls } = renderSignedIn('/notifications', ({ method, path, query }) => {
      if (method === 'GET' && path === '/v1/notifications') {
        return { status: 200, body: { items: query.get('unreadOnly') === 'true' ? [] : items, nextCursor: null, unreadCount: unread() } };
      }
      const one = path.match(/^\/v1\/notifications\/(.+)\/read$/);
      if (method === 'POST' && one) {
        const item = items.find((candidate) => candidate.id === one[1])!;
        item.readAt = readAt;
        return { status: 200, body: item };
      }
      if (method === 'POST' && path === '/v1/notifications/read-all') {
        const marked = unread();
        for (const item of items) item.readAt ??= readAt;
        return { status: 200, body: { marked } };
      }
      return undefined;
    });

    const menuEntry = await screen.findByRole('link', { name: 'Notifications (2 non lue(s))' });
    expect(menuEntry.getAttribute('href')).toBe('/notifications');
    expect(await screen.findByText('Non lues : 2')).toBeTruthy();
    expect(screen.getAllByText('Nouveau')).toHaveLength(2);

    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Marquer comme lue : Un binôme vous est proposé' })));
    expect(await screen.findByText('Non lues : 1')).toBeTruthy();
    expect(await screen.findByRole('link', { name: 'Notifications (1 non lue(s))' })).toBeTruthy();

    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Tout marquer comme lu' })));
    expect(await screen.findByText('Tout est lu.')).toBeTruthy();
    expect(await screen.findByRole('link', { name: 'Notifications' })).toBeTruthy();
    expect(screen.queryByText('Nouveau')).toBeNull();
    expect(calls().filter((call) => call.method === 'POST').map((call) => call.path)).toEqual([
      '/v1/notifications/0190c5d2-0000-7000-8000-000000000021/read',
      '/v1/notifications/read-all',
    ]);
  });

  it('saves the mail preferences as chosen, and puts a refusal beside the field it names', async () => {
    let saved: Preferences = { language: null, effectiveLanguage: 'fr', email: { reminders: true, match_updates: true, organizer_alerts: true } };
    let refuse = true;
    const { calls } = renderSignedIn('/notifications/preferences', ({ method, path, body }) => {
      if (path !== '/v1/notifications/preferences') return path === '/v1/notifications' ? { status: 200, body: { items: [], nextCursor: null, unreadCount: 0 } } : undefined;
      if (method === 'GET') return { status: 200, body: saved };
      if (refuse) {
        refuse = false;
        return { status: 400, body: problem(400, [{ path: 'language', issue: 'must be one of fr, en, or null' }]) };
      }
      const change = body as { language: 'fr' | 'en' | null; email: Preferences['email'] };
      saved = { language: change.language, effectiveLanguage: change.language ?? 'fr', email: change.email };
      return { status: 200, body: saved };
    });

    const reminders = await screen.findByRole('checkbox', { name: 'Rappels de séance et relances de rythme' });
    expect((reminders as HTMLInputElement).checked).toBe(true);
    await act(async () => fireEvent.click(reminders));
    fireEvent.change(screen.getByLabelText('Langue des e-mails'), { target: { value: 'en' } });
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Enregistrer' })));

    const language = screen.getByLabelText('Langue des e-mails');
    expect(await screen.findByText('must be one of fr, en, or null')).toBeTruthy();
    expect(language.getAttribute('aria-invalid')).toBe('true');
    expect((language as HTMLSelectElement).value).toBe('en');
    expect((screen.getByRole('checkbox', { name: 'Rappels de séance et relances de rythme' }) as HTMLInputElement).checked).toBe(false);

    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Enregistrer' })));
    expect(await screen.findByText('Vos préférences sont enregistrées.')).toBeTruthy();
    const puts = calls().filter((call) => call.method === 'PUT');
    expect(puts.map((call) => call.body)).toEqual([
      { language: 'en', email: { reminders: false, match_updates: true, organizer_alerts: true } },
      { language: 'en', email: { reminders: false, match_updates: true, organizer_alerts: true } },
    ]);
    expect(within(screen.getByRole('group', { name: 'M’envoyer par e-mail' })).getAllByRole('checkbox').map((box) => (box as HTMLInputElement).checked)).toEqual([false, true, true]);
  });
});
