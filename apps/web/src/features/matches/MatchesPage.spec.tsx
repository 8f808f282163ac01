/**
 * @jest-environment ./tools/testing/web.environment.js
 */
import { act, fireEvent, screen, within } from '@testing-library/react';
import { problem, renderApp, type Routes, type SeenRequest } from '../../app/test-wiring';

// The machine running the tests may be busy: a page gets a few seconds to show what it waits for.

const ids = {
  lea: '0b7f7d3e-2c4a-4f5e-8d6c-1a2b3c4d5e01',
  ines: '6c9d2e4f-8a1b-4c3d-9e5f-7a8b9c0d1e02',
  marc: '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c05',
  program: '7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c33',
  choice: '8b2c3d4e-5f6a-4b7c-8d9e-0f1a2b3c4d44',
  proposal: '4e6f7a8b-9c0d-4e1f-8a2b-3c4d5e6f7a88',
  active: '5f7a8b9c-0d1e-4f2a-8b3c-4d5e6f7a8b99',
};

const me = { id: ids.lea, networkId: 'n', email: 'lea@example.org', displayName: 'Léa Martin', roles: [], languages: ['fr'] };

/** A match as the matching service answers it to its mentee, Léa. */
function match(id: string, mentorId: string, overrides: object = {}) {
  return {
    id,
    networkId: 'n',
    programId: ids.program,
    menteeId: ids.lea,
    mentorId,
    menteeEnrollmentId: '9c0d1e2f-3a4b-4c5d-8e6f-7a8b9c0d1e2f',
    mentorEnrollmentId: '2f3a4b5c-6d7e-4f8a-9b0c-1d2e3f4a5b6c',
    status: 'proposed',
    origin: 'round',
    roundId: null,
    rank: null,
    score: {
      total: 71,
      maxTotal: 100,
      breakdown: [
        { criterion: 'skills', points: 30, maxPoints: 30 },
        { criterion: 'interests', points: 0, maxPoints: 0 },
        { criterion: 'industry', points: 5, maxPoints: 10 },
        { criterion: 'objectives', points: 20, maxPoints: 20 },
        { criterion: 'availability', points: 0, maxPoints: 15 },
        { criterion: 'time_zone', points: 10, maxPoints: 10 },
        { criterion: 'seniority', points: 6, maxPoints: 15 },
      ],
      constraints: [
        { constraint: 'common_language', held: true },
        { constraint: 'availability_overlap', held: true },
      ],
    },
    menteeAcceptedAt: null,
    mentorAcceptedAt: null,
    respondBy: null,
    declinedBy: null,
    declineReason: null,
    endedBy: null,
    endReason: null,
    proposedAt: '2026-12-01T09:00:00.000Z',
    acceptedAt: null,
    closedAt: null,
    version: 1,
    ...overrides,
  };
}

const ines = { id: ids.ines, displayName: 'Inès Moreau', graduationYear: 2012, degree: null, industry: 'Banque', employer: 'Banque du Rhône', city: 'Lyon', country: 'FR', languages: ['fr', 'en'], bio: 'Responsable data depuis douze ans.' };
const marc = { ...ines, id: ids.marc, displayName: 'Marc Petit', employer: 'Assurances Loire', bio: null };

/** Léa's matches and the profiles they name; a test adds or replaces answers. */
function services(overrides: Routes = {}): Routes {
  return {
    'GET /v1/users/me': [200, me],
    'GET /v1/matches': [200, { items: [match(ids.proposal, ids.ines), match(ids.active, ids.marc, { status: 'active', menteeAcceptedAt: '2026-11-02T09:00:00.000Z', mentorAcceptedAt: '2026-11-03T09:00:00.000Z', acceptedAt: '2026-11-03T09:00:00.000Z' })], nextCursor: null }],
    [`GET /v1/users/${ids.ines}/public-profile`]: [200, ines],
    [`GET /v1/users/${ids.marc}/public-profile`]: [200, marc],
    'GET /v1/enrollments': [200, { items: [], nextCursor: null }],
    ...overrides,
  };
}

// React Aria's modal asks the browser which CSS it supports; jsdom has no CSS object.
beforeAll(() => {
  Object.defineProperty(window, 'CSS', { configurable: true, value: { supports: () => false, escape: (value: string) => value } });
});

const proposal = async () => (await screen.findByRole('heading', { level: 3, name: 'Inès Moreau' })).closest('article') as HTMLElement;

describe('my matches', () => {
  it('shows a proposal with the other person’s profile and why, in words, the best fit first', async () => {
    renderApp('/matches', services());
    const card = await proposal();
    expect(within(card).getByText('Votre mentor')).toBeTruthy();
    expect(within(card).getByText('Banque du Rhône')).toBeTruthy();
    expect(within(card).getByText('Responsable data depuis douze ans.')).toBeTruthy();
    expect(within(card).getByText(/Votre réponse est attendue/)).toBeTruthy();
    expect(within(card).getByText('Score de compatibilité : 71 sur 100.')).toBeTruthy();
    const why = within(card).getAllByRole('list')[0];
    expect(within(why).getAllByRole('listitem').map((item) => item.textContent)).toEqual([
      'Le mentor maîtrise presque toutes les compétences que le mentoré veut développer, au niveau visé. (30 / 30 points)',
      'Le parcours du mentor répond bien aux objectifs du mentoré (métiers, secteurs, contacts visés). (20 / 20 points)',
      'Vous êtes dans le même fuseau horaire, ou presque. (10 / 10 points)',
      'Vos secteurs d’activité se recoupent en partie. (5 / 10 points)',
      'L’écart d’expérience entre vous est un peu éloigné de l’idéal. (6 / 15 points)',
      'Vos disponibilités indiquées ne se recouvrent pas. (0 / 15 points)',
    ]);
    expect(within(card).getByText('Vous parlez au moins une langue en commun.')).toBeTruthy();
    // The ongoing match is in its own section, and can be ended; the proposal cannot.
    const ongoing = (await screen.findByRole('heading', { level: 3, name: 'Marc Petit' })).closest('article') as HTMLElement;
    expect(within(ongoing).getByRole('button', { name: 'Mettre fin à la mise en relation' })).toBeTruthy();
    expect(within(card).queryByRole('button', { name: 'Mettre fin à la mise en relation' })).toBeNull();
  });

  it('accepts a proposal', async () => {
    const { writes } = renderApp('/matches', services({ [`POST /v1/matches/${ids.proposal}/accept`]: [200, match(ids.proposal, ids.ines, { menteeAcceptedAt: '2026-12-07T10:00:00.000Z' })] }));
    const card = await proposal();
    await act(async () => fireEvent.click(within(card).getByRole('button', { name: 'Accepter' })));
    const notice = await screen.findByText('Vous avez accepté cette mise en relation.');
    // Said where the focus goes, since the card may move to another section.
    expect([notice.getAttribute('role'), document.activeElement]).toEqual(['status', notice]);
    expect(writes()).toEqual([{ method: 'POST', path: `/v1/matches/${ids.proposal}/accept`, search: '', body: undefined }]);
  });

  it('puts the server’s refusal of a decline without reason beside the reasons, then sends the reason chosen', async () => {
    const { writes } = renderApp('/matches', services({ [`POST /v1/matches/${ids.proposal}/decline`]: decline }));
    const card = await proposal();
    // Opening the form takes the focus to it; cancelling gives it back to the button.
    await act(async () => fireEvent.click(within(card).getByRole('button', { name: 'Décliner' })));
    expect(document.activeElement?.textContent).toBe('Décliner cette proposition');
    await act(async () => fireEvent.click(within(card).getByRole('button', { name: 'Annuler' })));
    expect(document.activeElement).toBe(within(card).getByRole('button', { name: 'Décliner' }));
    await act(async () => fireEvent.click(within(card).getByRole('button', { name: 'Décliner' })));
    await act(async () => fireEvent.click(within(card).getByRole('button', { name: 'Confirmer le refus' })));

    const reasons = within(card).getByRole('radiogroup', { name: 'Raison' });
    expect(await within(reasons).findByText('Choisissez une raison.')).toBeTruthy();
    expect(within(card).getAllByRole('alert').map((alert) => alert.textContent)).toContain('Certains champs sont à corriger.');

    await act(async () => fireEvent.click(within(reasons).getByRole('radio', { name: 'Ce profil ne correspond pas à ce que je recherche' })));
    await act(async () => fireEvent.click(within(card).getByRole('button', { name: 'Confirmer le refus' })));
    expect(await screen.findByText('Vous avez décliné cette proposition.')).toBeTruthy();
    expect(writes()).toEqual([
      { method: 'POST', path: `/v1/matches/${ids.proposal}/decline`, search: '', body: { reason: null } },
      { method: 'POST', path: `/v1/matches/${ids.proposal}/decline`, search: '', body: { reason: 'not_a_fit' } },
    ]);
  });

  it('ends an ongoing match after asking', async () => {
    const { writes } = renderApp('/matches', services({ [`POST /v1/matches/${ids.active}/end`]: [200, match(ids.active, ids.marc, { status: 'ended' })] }));
    const ongoing = (await screen.findByRole('heading', { level: 3, name: 'Marc Petit' })).closest('article') as HTMLElement;
    await act(async () => fireEvent.click(within(ongoing).getByRole('button', { name: 'Mettre fin à la mise en relation' })));
    const dialog = await screen.findByRole('alertdialog');
    await act(async () => fireEvent.click(within(dialog).getByRole('button', { name: 'Mettre fin' })));
    expect(await screen.findByText('La mise en relation est terminée.')).toBeTruthy();
    expect(writes()).toEqual([{ method: 'POST', path: `/v1/matches/${ids.active}/end`, search: '', body: {} }]);
  });

  it('offers a mentee the suggestions of a programme where they choose, shows why in English, and the request’s expiry once sent', async () => {
    const suggestion = { rank: 1, mentorEnrollmentId: '3a4b5c6d-7e8f-4a9b-8c0d-1e2f3a4b5c6d', mentorId: ids.ines, score: match(ids.proposal, ids.ines).score };
    const { writes } = renderApp(
      '/matches',
      services({
        'GET /v1/matches': [200, { items: [], nextCursor: null }],
        'GET /v1/enrollments': [200, { items: [{ id: 'e1', programId: ids.choice, role: 'mentee', status: 'active' }], nextCursor: null }],
        [`GET /v1/programs/${ids.choice}`]: [200, { id: ids.choice, name: 'Data careers', matchingModes: ['mentee_choice'], status: 'published' }],
        [`GET /v1/matching/programs/${ids.choice}/suggestions`]: [200, [suggestion]],
        [`POST /v1/matching/programs/${ids.choice}/requests`]: [201, match(ids.proposal, ids.ines, { origin: 'mentee_choice', rank: 1, respondBy: '2026-12-10T09:00:00.000Z', menteeAcceptedAt: '2026-12-07T09:00:00.000Z' })],
      }),
      'en',
    );
    const choose = await screen.findByRole('link', { name: 'See the mentors suggested for “Data careers”' });
    await act(async () => fireEvent.click(choose));
    expect(await screen.findByRole('heading', { level: 1, name: 'Suggested mentors' })).toBeTruthy();
    expect(screen.getByText('The mentor has nearly all the skills the mentee wants to develop, at the level aimed at.', { exact: false })).toBeTruthy();
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Send a request' })));
    expect((await screen.findByRole('status')).textContent).toMatch(/^Request sent\. The mentor has until December 10, 2026/);
    expect(writes()).toEqual([{ method: 'POST', path: `/v1/matching/programs/${ids.choice}/requests`, search: '', body: { mentorEnrollmentId: suggestion.mentorEnrollmentId } }]);
  });
});

/** A decline endpoint that refuses a missing reason as the service does, and accepts a given one. */
function decline({ body }: SeenRequest): [number, unknown] {
  return (body as { reason: unknown }).reason === null
    ? [400, problem(400, [{ path: 'reason', issue: 'must be one of no_availability, not_a_fit, other' }])]
    : [200, match(ids.proposal, ids.ines, { status: 'declined', declinedBy: 'mentee', declineReason: 'not_a_fit' })];
}
