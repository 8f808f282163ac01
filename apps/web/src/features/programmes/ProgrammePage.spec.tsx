/**
 * @jest-environment ./tools/testing/web.environment.js
 */
import { act, fireEvent, screen, within } from '@testing-library/react';
import { renderSignedIn } from '../../app/test-wiring';
import { aProgramme, anEnrolment, ENROLLMENT_ID, PROGRAM_ID } from './fixtures';

describe('a programme’s page', () => {
  // React Aria's modal asks the browser's CSS object, which jsdom lacks.
  beforeAll(() => {
    globalThis.CSS ??= { supports: () => false, escape: (text: string) => text } as unknown as typeof CSS;
  });

  it('says what the programme is for in words, with its charter, rhythm and dates, and offers both roles while intake is open', async () => {
    renderSignedIn(`/programmes/${PROGRAM_ID}`, {
      [`GET /v1/programs/${PROGRAM_ID}`]: [200, aProgramme({ objectives: ['job_search', 'skills'], startsOn: '2027-02-01', endsOn: '2027-07-31' })],
      'GET /v1/enrollments': [200, { items: [], nextCursor: null }],
    });
    expect((await screen.findByRole('heading', { level: 1 })).textContent).toBe('Premiers pas');
    expect(within(screen.getByRole('list', { name: 'Objectifs' })).getAllByRole('listitem').map((item) => item.textContent)).toEqual([
      'Recherche d’emploi',
      'Développement des compétences',
    ]);
    expect(screen.getByText('Du 1 février 2027 au 31 juillet 2027')).toBeTruthy();
    expect(screen.getByText('Une rencontre tous les 14 jours')).toBeTruthy();
    expect(screen.getByText(/gardons pour nous ce qui se dit/)).toBeTruthy();
    expect(screen.getByRole('link', { name: 'M’inscrire comme mentoré·e' }).getAttribute('href')).toBe(`/programmes/${PROGRAM_ID}/enrol/mentee`);
    expect(screen.getByRole('link', { name: 'M’inscrire comme mentor' }).getAttribute('href')).toBe(`/programmes/${PROGRAM_ID}/enrol/mentor`);
  });

  it('lets an enrolled mentee reach their goals and withdraw after confirming', async () => {
    let withdrawn = false;
    const { seen } = renderSignedIn(`/programmes/${PROGRAM_ID}`, {
      [`GET /v1/programs/${PROGRAM_ID}`]: [200, aProgramme()],
      'GET /v1/enrollments': () => [200, { items: [anEnrolment(withdrawn ? { status: 'withdrawn' } : {})], nextCursor: null }],
      [`POST /v1/enrollments/${ENROLLMENT_ID}/withdraw`]: () => {
        withdrawn = true;
        return [200, anEnrolment({ status: 'withdrawn' })];
      },
    });
    expect(await screen.findByText(/Vous êtes inscrit·e comme mentoré·e depuis le/)).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Mes objectifs' }).getAttribute('href')).toBe(`/enrolments/${ENROLLMENT_ID}/goals`);
    expect(screen.queryByRole('link', { name: 'M’inscrire comme mentoré·e' })).toBeNull();

    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Me retirer' })));
    const dialog = await screen.findByRole('alertdialog');
    await act(async () => fireEvent.click(within(dialog).getByRole('button', { name: 'Me retirer' })));
    expect(await screen.findByRole('link', { name: 'M’inscrire comme mentoré·e' })).toBeTruthy();
    expect(seen.filter((request) => request.method === 'POST').map((request) => request.path)).toEqual([`/v1/enrollments/${ENROLLMENT_ID}/withdraw`]);
  });
});
