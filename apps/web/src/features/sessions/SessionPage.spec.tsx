/**
 * @jest-environment ./tools/testing/web.environment.js
 */
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { json, renderApp } from '../../app/test-wiring';
import type { MentoringSession } from './session-queries';

const MATCH_ID = '5d1f3c2a-8b4e-4c6d-9e7f-0a1b2c3d4e5f';
const SESSION_ID = '6a8b9c0d-1e2f-4a3b-8c4d-5e6f7a8b9caa';
const ME = '7b0c9a52-3f1e-4b8e-9a51-2c6f0d4e8a11';
const DOMINIQUE = '9c8b7a65-4321-4fed-8cba-0987654321ab';
const YEAR = new Date().getUTCFullYear() + 1;

const conversations = {
  items: [
    {
      id: '0193a5b0-0000-7000-8000-00000000c001',
      matchId: MATCH_ID,
      programId: '1e2d3c4b-5a69-4788-9a0b-c1d2e3f40516',
      status: 'open',
      closedReason: null,
      openedAt: '2026-12-01T09:00:00.000Z',
      closedAt: null,
      myRole: 'mentee',
      counterpart: { userId: DOMINIQUE, role: 'mentor', displayName: 'Dominique Martin' },
      lastMessageId: null,
      lastMessageAt: null,
      unreadCount: 0,
      read: { mine: { upTo: null, at: null }, counterpart: { upTo: null, at: null } },
    },
  ],
  nextCursor: null,
};

const me = { id: ME, networkId: '1e2d3c4b-5a69-4788-9a0b-c1d2e3f40516', email: 'camille@example.org', displayName: 'Camille Durand', timeZone: 'America/Montreal', roles: ['mentee'], languages: ['fr'] };

function session(overrides: Partial<MentoringSession> = {}): MentoringSession {
  return {
    id: SESSION_ID,
    matchId: MATCH_ID,
    status: 'proposed',
    startsAt: `${YEAR}-01-15T17:00:00.000Z`,
    durationMinutes: 45,
    mode: 'video',
    timeZone: 'Europe/Paris',
    agenda: 'Relire mon CV',
    location: null,
    meetingUrl: 'https://meet.example.org/passerelle-0123456789abcdef0123456789abcdef',
    proposedBy: DOMINIQUE,
    awaitingMyConfirmation: true,
    sequence: 0,
    scheduledAt: null,
    cancelReason: null,
    actualDurationMinutes: null,
    absentRole: null,
    createdAt: '2026-12-07T10:00:00.000Z',
    updatedAt: '2026-12-07T10:00:00.000Z',
    ...overrides,
  };
}

const common = {
  'GET /v1/conversations': () => json(200, conversations),
  'GET /v1/users/me': () => json(200, me),
  'GET /v1/notifications': () =>
    json(200, {
      items: [
        {
          id: '11111111-2222-4333-8444-555555555555',
          template: 'session_upcoming',
          title: 'Rappel : séance de mentorat',
          body: 'Votre prochaine séance approche.',
          about: { sessionId: SESSION_ID, matchId: MATCH_ID },
          createdAt: '2026-12-07T11:00:00.000Z',
          readAt: null,
        },
        {
          id: '66666666-2222-4333-8444-555555555555',
          template: 'session_confirmed',
          title: 'Une autre séance',
          body: 'Ailleurs.',
          about: { sessionId: '00000000-0000-4000-8000-000000000000' },
          createdAt: '2026-12-07T11:00:00.000Z',
          readAt: null,
        },
      ],
      nextCursor: null,
      unreadCount: 2,
    }),
};

const postsOf = (calls: ReturnType<typeof renderApp>['seen']) => calls.filter((call) => call.method === 'POST').map((call) => [call.path, call.body]);

describe('the sessions', () => {
  it('proposes a session at a time read in the chosen zone, and places the service’s refusal beside its field, keeping what was typed', async () => {
    let refuse = true;
    const { seen: calls, router } = renderApp(`/sessions/new?matchId=${MATCH_ID}`, {
      ...common,
      'POST /v1/sessions': ({ body }) =>
        refuse
          ? json(400, { statusCode: 400, error: 'Bad Request', message: 'invalid', details: [{ path: 'startsAt', issue: 'must be in the future' }] })
          : json(201, session({ ...(body as object), awaitingMyConfirmation: false, proposedBy: ME })),
      [`GET /v1/sessions/${SESSION_ID}`]: () => json(200, session()),
    });
    expect(await screen.findByRole('heading', { level: 1, name: 'Proposer une séance' })).toBeTruthy();
    // The person's own zone (from their profile) is the default.
    await waitFor(() => expect((screen.getByLabelText('Fuseau horaire') as HTMLSelectElement).value).toBe('America/Montreal'));
    fireEvent.change(screen.getByLabelText('Date'), { target: { value: `${YEAR}-07-15` } });
    fireEvent.change(screen.getByLabelText('Heure'), { target: { value: '18:00' } });
    fireEvent.change(screen.getByLabelText('Fuseau horaire'), { target: { value: 'Europe/Paris' } });
    fireEvent.change(screen.getByLabelText('Durée'), { target: { value: '90' } });
    fireEvent.click(screen.getByRole('radio', { name: 'En personne' }));
    fireEvent.change(await screen.findByLabelText('Lieu du rendez-vous'), { target: { value: 'Café de la gare' } });
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Proposer' })));

    const date = screen.getByLabelText('Date');
    expect(await screen.findByText('must be in the future')).toBeTruthy();
    expect(date.getAttribute('aria-invalid')).toBe('true');
    expect((date as HTMLInputElement).value).toBe(`${YEAR}-07-15`);
    expect((screen.getByLabelText('Lieu du rendez-vous') as HTMLInputElement).value).toBe('Café de la gare');
    expect(postsOf(calls)).toEqual([
      ['/v1/sessions', { matchId: MATCH_ID, startsAt: `${YEAR}-07-15T18:00:00+02:00`, durationMinutes: 90, mode: 'in_person', timeZone: 'Europe/Paris', location: 'Café de la gare' }],
    ]);

    refuse = false;
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Proposer' })));
    await waitFor(() => expect(router.state.location.pathname).toBe(`/sessions/${SESSION_ID}`));
  });

  it('shows a session in its zone, confirms it, downloads its calendar file, and lists only its own notices', async () => {
    const downloads: string[] = [];
    URL.createObjectURL = () => 'blob:session';
    URL.revokeObjectURL = () => undefined;
    const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      downloads.push(this.download);
    });
    const { seen: calls } = renderApp(`/sessions/${SESSION_ID}`, {
      ...common,
      [`GET /v1/sessions/${SESSION_ID}`]: () => json(200, session()),
      [`POST /v1/sessions/${SESSION_ID}/confirm`]: () => json(200, session({ status: 'confirmed', awaitingMyConfirmation: false, scheduledAt: '2026-12-07T12:00:00.000Z' })),
      [`GET /v1/sessions/${SESSION_ID}/calendar.ics`]: () => new Response('BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n', { status: 200, headers: { 'content-type': 'text/calendar; charset=utf-8' } }),
    });
    try {
      expect(await screen.findByRole('heading', { level: 1, name: 'Séance avec Dominique Martin' })).toBeTruthy();
      expect(screen.getByText(/18:00 \(heure de Europe\/Paris\)/)).toBeTruthy();
      expect(screen.getByRole('link', { name: /Rejoindre la visio/ }).getAttribute('href')).toBe(session().meetingUrl);

      await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Confirmer la séance' })));
      expect(await screen.findByText('Confirmée')).toBeTruthy();
      expect(screen.queryByRole('button', { name: 'Confirmer la séance' })).toBeNull();

      await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Ajouter à mon agenda (.ics)' })));
      await waitFor(() => expect(downloads).toEqual([`session-${SESSION_ID}.ics`]));
      expect(calls.some((call) => call.method === 'GET' && call.path === `/v1/sessions/${SESSION_ID}/calendar.ics` && call.token === 'token')).toBe(true);

      const notices = screen.getByRole('region', { name: 'Avis et rappels' });
      expect(within(notices).getAllByRole('listitem').map((item) => item.querySelector('strong')?.textContent)).toEqual(['Rappel : séance de mentorat']);
      expect(postsOf(calls)).toEqual([[`/v1/sessions/${SESSION_ID}/confirm`, undefined]]);
    } finally {
      click.mockRestore();
    }
  });

  it('cancels with a reason the service requires, shown beside the field, and moves a session in its own zone', async () => {
    const { seen: calls } = renderApp(`/sessions/${SESSION_ID}`, {
      ...common,
      [`GET /v1/sessions/${SESSION_ID}`]: () => json(200, session({ status: 'confirmed', awaitingMyConfirmation: false })),
      [`POST /v1/sessions/${SESSION_ID}/reschedule`]: ({ body }) => json(200, session({ ...(body as object), startsAt: `${YEAR}-01-16T17:30:00.000Z`, awaitingMyConfirmation: false, proposedBy: ME })),
      [`POST /v1/sessions/${SESSION_ID}/cancel`]: ({ body }) =>
        (body as { reason: string }).reason.trim()
          ? json(200, session({ status: 'cancelled', cancelReason: (body as { reason: string }).reason, awaitingMyConfirmation: false }))
          : json(400, { statusCode: 400, error: 'Bad Request', message: 'invalid', details: [{ path: 'reason', issue: 'must not be empty' }] }),
    });
    const newTime = await screen.findByLabelText('Nouvelle heure');
    expect((screen.getByLabelText('Nouvelle date') as HTMLInputElement).value).toBe(`${YEAR}-01-15`);
    expect((newTime as HTMLInputElement).value).toBe('18:00');
    fireEvent.change(screen.getByLabelText('Nouvelle date'), { target: { value: `${YEAR}-01-16` } });
    fireEvent.change(newTime, { target: { value: '18:30' } });
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Proposer ce nouvel horaire' })));
    expect(await screen.findByText('Nouvel horaire proposé.')).toBeTruthy();

    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Annuler la séance' })));
    const reason = screen.getByLabelText('Motif de l’annulation');
    expect(await screen.findByText('must not be empty')).toBeTruthy();
    expect(reason.getAttribute('aria-invalid')).toBe('true');
    fireEvent.change(reason, { target: { value: 'Un déplacement imprévu' } });
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Annuler la séance' })));
    expect(await screen.findByText(/motif : Un déplacement imprévu/)).toBeTruthy();

    expect(postsOf(calls)).toEqual([
      [`/v1/sessions/${SESSION_ID}/reschedule`, { startsAt: `${YEAR}-01-16T18:30:00+01:00`, durationMinutes: 45 }],
      [`/v1/sessions/${SESSION_ID}/cancel`, { reason: '' }],
      [`/v1/sessions/${SESSION_ID}/cancel`, { reason: 'Un déplacement imprévu' }],
    ]);
  });
});
