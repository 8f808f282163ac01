/**
 * @jest-environment ./tools/testing/web.environment.js
 */
import { cleanup, screen, within } from '@testing-library/react';
import { renderSignedIn } from '../../app/test-wiring';
import { aGoal, aProgramme, anEnrolment, ENROLLMENT_ID, PROGRAM_ID } from '../programmes/fixtures';

describe('my progress', () => {
  it('shows the goals with their titles, the self-assessment from baseline to the latest answer, and the sessions held', async () => {
    renderSignedIn(`/progress`, {
      'GET /v1/enrollments': [200, { items: [anEnrolment()], nextCursor: null }],
      [`GET /v1/programs/${PROGRAM_ID}`]: [200, aProgramme()],
      [`GET /v1/reports/programs/${PROGRAM_ID}/me`]: [
        200,
        {
          programId: PROGRAM_ID,
          roles: [
            {
              role: 'mentee',
              enrolledAt: new Date().toISOString(),
              withdrawnAt: null,
              baseline: { confidence: 2, communication: 3, leadership: 2, networkSize: 1 },
              latestSelfAssessment: { form: 'pulse', submittedAt: '2027-03-01T10:00:00.000Z', scales: { confidence: 4, communication: 3, leadership: 2, networkSize: 3 } },
              goals: [],
              sessionsHeld: 3,
              lastSessionAt: '2027-02-20T17:00:00.000Z',
            },
          ],
        },
      ],
      [`GET /v1/enrollments/${ENROLLMENT_ID}/goals`]: [
        200,
        [
          aGoal({ valueReached: 1, reachedOn: '2027-02-21', progressPercent: 33, version: 2 }),
        ],
      ],
    });
    expect(await screen.findByRole('heading', { level: 2, name: 'Premiers pas' })).toBeTruthy();
    expect(await screen.findByText('3')).toBeTruthy();
    const table = screen.getByRole('table', { name: /Votre auto-évaluation/ });
    const rows = within(table)
      .getAllByRole('row')
      .map((row) => [...row.querySelectorAll('th, td')].map((cell) => cell.textContent));
    expect(rows).toEqual([
      ['Critère', 'Au départ', 'À mi-parcours'],
      ['Confiance en vous', '2 sur 5', '4 sur 5 (+2)'],
      ['Communication', '3 sur 5', '3 sur 5 (0)'],
      ['Leadership', '2 sur 5', '2 sur 5 (0)'],
      ['Étendue de votre réseau', '1 sur 5', '3 sur 5 (+2)'],
    ]);
    const goal = await screen.findByRole('article', { name: 'Obtenir trois entretiens' });
    expect((within(goal).getByRole('progressbar') as HTMLProgressElement).value).toBe(33);
    expect(within(goal).getByText('33 %')).toBeTruthy();
    expect(within(goal).getByText('Dernier point : 1 le 21 février 2027')).toBeTruthy();
  });

  it('tells a mentor how their mentees rated them only as the service shows it: an average once enough of them rated', async () => {
    const report = (menteeRatings: Record<string, unknown>) => ({
      programId: PROGRAM_ID,
      roles: [{ role: 'mentor', enrolledAt: null, withdrawnAt: null, baseline: null, latestSelfAssessment: null, goals: [], sessionsHeld: 4, lastSessionAt: null, menteeRatings }],
    });
    const show = (ratings: Record<string, unknown>) =>
      renderSignedIn('/progress', {
        'GET /v1/enrollments': [200, { items: [anEnrolment({ role: 'mentor', capacity: 2 })], nextCursor: null }],
        [`GET /v1/programs/${PROGRAM_ID}`]: [200, aProgramme()],
        [`GET /v1/reports/programs/${PROGRAM_ID}/me`]: [200, report(ratings)],
        [`GET /v1/enrollments/${ENROLLMENT_ID}/goals`]: [200, []],
      });
    show({ status: 'not_enough_raters', average: null, minimumRaters: 3 });
    expect(await screen.findByText('La note moyenne de vos mentoré·es s’affichera quand au moins 3 d’entre eux auront noté vos séances.')).toBeTruthy();
    expect(await screen.findByText('Aucun objectif.')).toBeTruthy();
    expect(screen.queryByText(/Note moyenne donnée/)).toBeNull();
    cleanup();
    show({ status: 'shown', average: 4.5, minimumRaters: 3 });
    expect(await screen.findByText('Note moyenne donnée par vos mentoré·es : 4.5 sur 5')).toBeTruthy();
  });
});
