/**
 * @jest-environment ./tools/testing/web.environment.js
 */
import { act, fireEvent, screen, within } from '@testing-library/react';
import { type Answer, problem, renderApp, type Routes } from '../../app/test-wiring';

// The machine running the tests may be busy: a page gets a few seconds to show what it waits for.

const ids = {
  me: '0b7f7d3e-2c4a-4f5e-8d6c-1a2b3c4d5e01',
  mentor: '6c9d2e4f-8a1b-4c3d-9e5f-7a8b9c0d1e02',
  program: '7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c33',
  session: '3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f',
  match: '4e6f7a8b-9c0d-4e1f-8a2b-3c4d5e6f7a88',
};

const open = {
  sessions: [{ sessionId: ids.session, matchId: ids.match, programId: ids.program, role: 'mentee', partnerId: ids.mentor, startsAt: '2026-11-24T17:00:00.000Z', completedAt: '2026-11-24T18:00:00.000Z' }],
  surveys: [
    { programId: ids.program, form: 'pulse', role: 'mentee', endsOn: '2027-03-31' },
    { programId: ids.program, form: 'exit', role: 'mentee', endsOn: '2027-03-31' },
  ],
};

/** The person's open forms and what they name; `submit` is the service's answer to a response (a 404 when not given). */
function services(submit?: Answer): Routes {
  return {
    'GET /v1/users/me': [200, { id: ids.me, displayName: 'Léa Martin', roles: [] }],
    'GET /v1/feedback/open': [200, open],
    [`GET /v1/users/${ids.mentor}/public-profile`]: [200, { id: ids.mentor, displayName: 'Inès Moreau', graduationYear: null, degree: null, industry: null, employer: null, city: null, country: null, languages: [], bio: null }],
    [`GET /v1/programs/${ids.program}`]: [200, { id: ids.program, name: 'Data careers', matchingModes: ['organizer_rounds'], status: 'published' }],
    'POST /v1/feedback': submit,
  };
}

const created = (form: string): Answer => [201, { id: 'f1', form, programId: ids.program, matchId: null, sessionId: null, respondentRole: 'mentee', submittedAt: '2026-12-07T10:00:00.000Z' }];

describe('surveys and feedback', () => {
  it('lists the held session with the other person’s name and the open surveys of the programme', async () => {
    renderApp('/surveys', services());
    expect(await screen.findByText('Rendez-vous du 24 novembre 2026 avec Inès Moreau')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Donner votre avis sur le rendez-vous du 24 novembre 2026' }).getAttribute('href')).toBe(`/surveys/session/${ids.session}`);
    expect(await screen.findByText('Questionnaire de mi-parcours — Data careers')).toBeTruthy();
    expect(screen.getByText('Ouvert jusqu’au 31 mars 2027.')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Répondre — Questionnaire de fin de programme — Data careers' }).getAttribute('href')).toBe(`/surveys/exit/${ids.program}`);
  });

  it('sends session feedback with the rating and what helped, then thanks the person', async () => {
    const { writes, router } = renderApp(`/surveys/session/${ids.session}`, services(created('session')));
    const rating = await screen.findByRole('radiogroup', { name: 'Comment s’est passé ce rendez-vous ?' });
    expect(await screen.findByText('Rendez-vous du 24 novembre 2026 avec Inès Moreau')).toBeTruthy();
    await act(async () => fireEvent.click(within(rating).getByRole('radio', { name: '4 — Satisfait·e' })));
    await act(async () => fireEvent.click(screen.getByRole('checkbox', { name: 'La relecture de mon CV' })));
    fireEvent.change(screen.getByLabelText('Un commentaire ? (facultatif)'), { target: { value: 'Très utile' } });
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Envoyer' })));
    expect(await screen.findByText('Merci, votre réponse est enregistrée.')).toBeTruthy();
    expect(router.state.location.pathname).toBe('/surveys');
    expect(writes()).toEqual([
      { method: 'POST', path: '/v1/feedback', search: '', body: { form: 'session', satisfaction: 4, comment: 'Très utile', sessionId: ids.session, helped: ['cv_review'] } },
    ]);
  });

  it('places the service’s refusal of an incomplete exit survey beside each field and keeps what was entered', async () => {
    const refusal: Answer = [
      400,
      problem(400, [
        { path: 'nps', issue: 'is required for the pulse and exit surveys' },
        { path: 'scales.leadership', issue: 'is required' },
        { path: 'outcomes.offers', issue: 'is required' },
        { path: 'comment', issue: 'must be at most 2000 characters' },
      ]),
    ];
    const { writes } = renderApp(`/surveys/exit/${ids.program}`, services(refusal), 'en');
    const satisfaction = await screen.findByRole('radiogroup', { name: 'Are you satisfied with the programme?' });
    await act(async () => fireEvent.click(within(satisfaction).getByRole('radio', { name: '5 — Very satisfied' })));
    for (const scale of ['Self-confidence', 'Communication', 'Professional network']) {
      await act(async () => fireEvent.click(within(screen.getByRole('radiogroup', { name: scale })).getByRole('radio', { name: '4 — High' })));
    }
    fireEvent.change(screen.getByLabelText('New professional connections'), { target: { value: '6' } });
    fireEvent.change(screen.getByLabelText('Interviews obtained'), { target: { value: '2' } });
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Send' })));

    expect(await within(screen.getByRole('radiogroup', { name: /recommend/ })).findByText('Please answer this question.')).toBeTruthy();
    expect(within(screen.getByRole('radiogroup', { name: 'Leadership' })).getByText('Please answer this question.')).toBeTruthy();
    const offers = screen.getByLabelText('Offers received');
    expect(offers.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(offers.getAttribute('aria-describedby') as string)?.textContent).toBe('Please answer this question.');
    // An issue other than a missing answer is shown as the service words it.
    const comment = screen.getByLabelText('Any comment? (optional)');
    expect(document.getElementById((comment.getAttribute('aria-describedby') as string).split(' ')[1])?.textContent).toBe('must be at most 2000 characters');
    expect((screen.getByLabelText('New professional connections') as HTMLInputElement).value).toBe('6');
    expect(within(screen.getByRole('radiogroup', { name: 'Self-confidence' })).getByRole('radio', { name: '4 — High' })).toHaveProperty('checked', true);
    expect(writes()).toEqual([
      {
        method: 'POST',
        path: '/v1/feedback',
        search: '',
        body: { form: 'exit', satisfaction: 5, programId: ids.program, scales: { confidence: 4, communication: 4, networkSize: 4 }, outcomes: { connectionsMade: 6, interviews: 2 } },
      },
    ]);
  });

  it('says a survey is not open when it is not among the person’s open forms', async () => {
    renderApp('/surveys/pulse/9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a', services());
    expect(await screen.findByText('Ce questionnaire n’est pas ouvert pour vous, ou vous y avez déjà répondu.')).toBeTruthy();
  });
});
