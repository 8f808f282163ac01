/**
 * @jest-environment ./tools/testing/web.environment.js
 */
import { screen, within } from '@testing-library/react';
import { renderSignedIn } from '../../app/test-wiring';
import { aGoal, aProgramme, anEnrolment, day, ENROLLMENT_ID, NETWORK_ID, PROGRAM_ID, USER_ID } from '../programmes/fixtures';

const MATCH_ID = '0190a3f0-0000-7000-8000-0000000000e1';
const OTHER_PROGRAM_ID = '0190a3f0-0000-7000-8000-0000000000a2';
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();

const sofia = {
  id: USER_ID,
  networkId: NETWORK_ID,
  email: 'sofia.rossi@example.org',
  displayName: 'Sofia Rossi',
  graduationYear: null,
  degree: null,
  industry: null,
  employer: null,
  city: null,
  country: null,
  timeZone: null,
  languages: ['it'],
  bio: null,
  roles: ['mentee'],
};

const session = (overrides: Record<string, unknown>) => ({
  id: '0190a3f0-0000-7000-8000-0000000000f1',
  matchId: MATCH_ID,
  status: 'completed',
  startsAt: inDays(-10),
  durationMinutes: 60,
  mode: 'video',
  timeZone: 'Europe/Rome',
  agenda: null,
  location: null,
  meetingUrl: null,
  proposedBy: USER_ID,
  awaitingMyConfirmation: false,
  sequence: 0,
  scheduledAt: null,
  cancelReason: null,
  actualDurationMinutes: 60,
  absentRole: null,
  createdAt: inDays(-20),
  updatedAt: inDays(-10),
  ...overrides,
});

const goal = (title: string, progressPercent: number) => aGoal({ id: `0190a3f0-0000-7000-8000-00000000${String(progressPercent).padStart(4, '0')}`, title, progressPercent });

describe('the home of a participant', () => {
  it('gathers their programme, their mentor, the next session, unread messages, what is open to answer and their goals', async () => {
    renderSignedIn('/', {
      'GET /v1/users/me': [200, sofia],
      'GET /v1/enrollments': [200, { items: [anEnrolment()], nextCursor: null }],
      'GET /v1/programs': [200, { items: [aProgramme({ intakeOpensOn: day(-40), intakeClosesOn: day(-10) }), aProgramme({ id: OTHER_PROGRAM_ID, name: 'Réseau et carrière' })], nextCursor: null }],
      'GET /v1/matches': [
        200,
        {
          items: [
            { id: MATCH_ID, programId: PROGRAM_ID, status: 'active', menteeId: USER_ID },
            // Proposed elsewhere: one waits for Sofia's answer, one she accepted already.
            { id: 'p1', programId: OTHER_PROGRAM_ID, status: 'proposed', menteeId: USER_ID, menteeAcceptedAt: null, mentorAcceptedAt: inDays(-1) },
            { id: 'p2', programId: OTHER_PROGRAM_ID, status: 'proposed', menteeId: USER_ID, menteeAcceptedAt: inDays(-1), mentorAcceptedAt: null },
          ],
          nextCursor: null,
        },
      ],
      'GET /v1/conversations': [
        200,
        {
          items: [
            { id: 'c1', matchId: MATCH_ID, programId: PROGRAM_ID, status: 'open', myRole: 'mentee', counterpart: { userId: 'm1', role: 'mentor', displayName: 'Amina Benali' }, unreadCount: 2 },
            { id: 'c2', matchId: 'other', programId: PROGRAM_ID, status: 'closed', myRole: 'mentee', counterpart: { userId: 'm2', role: 'mentor', displayName: 'Lucas Martin' }, unreadCount: 1 },
          ],
          nextCursor: null,
        },
      ],
      'GET /v1/sessions': [200, { items: [session({}), session({ id: 's2', status: 'confirmed', startsAt: '2099-03-02T17:00:00.000Z', mode: 'phone' })] }],
      [`GET /v1/enrollments/${ENROLLMENT_ID}/goals`]: [200, [goal('Trois entretiens', 33), goal('Dix contacts', 67)]],
    });

    expect(await screen.findByText('Bonjour Sofia Rossi')).toBeTruthy();
    const panel = (name: string) => within(screen.getByRole('region', { name }));
    expect(panel('Mes programmes').getByRole('link', { name: 'Premiers pas' }).getAttribute('href')).toBe(`/programmes/${PROGRAM_ID}`);
    expect(panel('Mes programmes').getByText('Inscrit·e comme mentoré·e')).toBeTruthy();
    expect(await panel('Mon binôme').findByText('Votre mentor : Amina Benali (Premiers pas)')).toBeTruthy();
    expect(panel('Mon binôme').getByText('Propositions en attente de votre réponse : 1')).toBeTruthy();
    expect(panel('Mon binôme').getByRole('link', { name: 'Mes mises en relation' }).getAttribute('href')).toBe('/matches');
    expect(panel('Prochaine séance').getByText(/2099/).textContent).toMatch(/lundi 2 mars 2099/);
    expect(panel('Prochaine séance').getByText('Par téléphone · confirmée')).toBeTruthy();
    expect(panel('Messages').getByText('Messages non lus : 3')).toBeTruthy();
    expect(panel('À remplir').getByRole('link', { name: 'Questionnaire d’inscription : Réseau et carrière' }).getAttribute('href')).toBe(`/programmes/${OTHER_PROGRAM_ID}`);
    expect(panel('À remplir').getByRole('link', { name: 'Donner votre avis sur vos séances tenues (1)' }).getAttribute('href')).toBe('/feedback');
    expect((await panel('Mon parcours').findByText(/objectifs : 2/)).textContent).toBe('Premiers pas (mentoré·e) — objectifs : 2, avancés à 50 % en moyenne');
  });

  it('still shows the rest when one service does not answer, with a way to try again', async () => {
    renderSignedIn('/', {
      'GET /v1/users/me': [200, sofia],
      'GET /v1/enrollments': [200, { items: [], nextCursor: null }],
      'GET /v1/programs': [200, { items: [], nextCursor: null }],
      'GET /v1/matches': [503, { statusCode: 503, error: 'Service Unavailable', message: 'down', details: [] }],
      'GET /v1/conversations': [200, { items: [], nextCursor: null }],
      'GET /v1/sessions': [200, { items: [] }],
    });
    const match = within(await screen.findByRole('region', { name: 'Mon binôme' }));
    expect(await match.findByRole('button', { name: 'Réessayer' }, { timeout: 5000 })).toBeTruthy();
    expect(within(screen.getByRole('region', { name: 'Mes programmes' })).getByText('Vous n’êtes inscrit·e à aucun programme.')).toBeTruthy();
    expect(within(screen.getByRole('region', { name: 'Messages' })).getByText('Aucun message non lu.')).toBeTruthy();
  });
});
