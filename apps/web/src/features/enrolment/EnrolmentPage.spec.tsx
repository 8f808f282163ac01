/**
 * @jest-environment ./tools/testing/web.environment.js
 */
import { act, fireEvent, screen, within } from '@testing-library/react';
import { type SeenRequest, renderSignedIn, type Routes } from '../../app/test-wiring';
import { aProgramme, anEnrolment, ENROLLMENT_ID, PROGRAM_ID } from '../programmes/fixtures';

/** A survey of each kind of question, as intake generates them. */
const survey = {
  programId: PROGRAM_ID,
  role: 'mentee',
  version: 3,
  saved: true,
  editable: false,
  savedAt: null,
  questions: [
    {
      id: 'languages',
      type: 'multiple_choice',
      prompt: 'Which languages could you hold your mentoring conversations in?',
      required: true,
      feature: 'languages',
      source: { taxonomy: 'languages' },
      minSelected: 1,
      maxSelected: 10,
      withLevels: false,
    },
    { id: 'availability', type: 'availability', prompt: 'When are you usually free?', required: true, feature: 'availability', minSlots: 2 },
    { id: 'experience_years', type: 'number', prompt: 'How many years of experience?', required: true, min: 0, max: 60, integer: true, unit: 'years' },
    { id: 'network_size', type: 'scale', prompt: 'How large is your network?', required: true, minLabel: 'Hardly anyone', maxLabel: 'A wide network' },
    {
      id: 'skills_wanted',
      type: 'multiple_choice',
      prompt: 'Which skills do you want to develop?',
      required: true,
      source: { taxonomy: 'skills' },
      minSelected: 1,
      maxSelected: 5,
      withLevels: true,
    },
    { id: 'about', type: 'short_text', prompt: 'Anything your mentor should know?', required: false, maxLength: 1000 },
  ],
};

const terms = (kind: string, items: [string, string][]) => [200, { kind, items: items.map(([id, label]) => ({ id, label, retired: false, default: true })) }] as [number, unknown];

function services(submit: (request: SeenRequest) => [number, unknown]): Routes {
  return {
    [`GET /v1/programs/${PROGRAM_ID}`]: [200, aProgramme()],
    [`GET /v1/programs/${PROGRAM_ID}/surveys/mentee`]: [200, survey],
    'GET /v1/enrollments': [200, { items: [], nextCursor: null }],
    'GET /v1/taxonomies/languages': terms('languages', [
      ['en', 'English'],
      ['fr', 'French'],
    ]),
    'GET /v1/taxonomies/skills': terms('skills', [
      ['sql', 'SQL'],
      ['public-speaking', 'Public speaking'],
    ]),
    'POST /v1/enrollments': submit,
  };
}

const group = (role: 'group' | 'radiogroup', name: RegExp) => within(screen.getByRole(role, { name }));

async function answerEverything() {
  fireEvent.click(await screen.findByRole('checkbox', { name: 'French' }));
  fireEvent.change(screen.getByLabelText('Fuseau horaire'), { target: { value: 'Europe/Paris' } });
  fireEvent.click(screen.getByRole('button', { name: 'Mardi à 18:00' }));
  fireEvent.click(screen.getByRole('button', { name: 'Jeudi à 12:00' }));
  fireEvent.change(screen.getByLabelText('How many years of experience? (years)'), { target: { value: '1' } });
  fireEvent.click(group('radiogroup', /How large is your network/).getByRole('radio', { name: '2' }));
  fireEvent.click(screen.getByRole('checkbox', { name: 'SQL' }));
  fireEvent.click(group('radiogroup', /Niveau en « SQL »/).getByRole('radio', { name: '4' }));
  fireEvent.change(screen.getByLabelText('Anything your mentor should know? (facultatif)'), { target: { value: 'Timide, je prépare mes entretiens.' } });
  for (const [scale, level] of [
    [/Confiance en vous/, '2'],
    [/^Communication/, '3'],
    [/Leadership/, '2'],
    [/Étendue de votre réseau/, '1'],
  ] as const) {
    fireEvent.click(group('radiogroup', scale).getByRole('radio', { name: level }));
  }
}

describe('enrolling in a programme', () => {
  it('draws each question by its type, sends the answers and the baseline, then opens the goals', async () => {
    const { seen, router } = renderSignedIn(`/programmes/${PROGRAM_ID}/enrol/mentee`, services(() => [201, anEnrolment()]));
    expect((await screen.findByRole('heading', { level: 1 })).textContent).toBe('M’inscrire comme mentoré·e — Premiers pas');
    await answerEverything();
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Envoyer mon inscription' })));

    const sent = seen.find((request) => request.method === 'POST' && request.path === '/v1/enrollments');
    expect(sent?.body).toEqual({
      programId: PROGRAM_ID,
      role: 'mentee',
      templateVersion: 3,
      answers: {
        languages: ['fr'],
        availability: { timeZone: 'Europe/Paris', slots: ['tue-18', 'thu-12'] },
        experience_years: 1,
        network_size: 2,
        skills_wanted: [{ id: 'sql', level: 4 }],
        about: 'Timide, je prépare mes entretiens.',
      },
      baseline: { confidence: 2, communication: 3, leadership: 2, networkSize: 1 },
    });
    expect(`${router.state.location.pathname}${router.state.location.search}`).toBe(`/enrolments/${ENROLLMENT_ID}/goals?welcome=1`);
  });

  it('shows each of the service’s refusals beside the question it names, and keeps what was typed', async () => {
    const refusal = {
      statusCode: 400,
      error: 'Bad Request',
      message: 'The answers are invalid; nothing was saved.',
      details: [
        { path: 'answers.availability.slots', issue: 'must list between 2 slots and 168 (got 1)' },
        { path: 'answers.skills_wanted[0].level', issue: 'must be a whole number from 1 to 5' },
        { path: 'baseline.leadership', issue: 'must be a whole number from 1 to 5' },
      ],
    };
    renderSignedIn(`/programmes/${PROGRAM_ID}/enrol/mentee`, services(() => [400, refusal]));
    await answerEverything();
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Envoyer mon inscription' })));

    expect(await screen.findByText('Certains champs sont à corriger.')).toBeTruthy();
    const availability = screen.getByRole('group', { name: /When are you usually free/ });
    expect(availability.getAttribute('aria-invalid')).toBe('true');
    expect(within(availability).getByText('slots: must list between 2 slots and 168 (got 1)')).toBeTruthy();
    const skills = screen.getByRole('group', { name: /Which skills do you want to develop/ });
    expect(skills.getAttribute('aria-describedby')?.split(' ').map((id) => document.getElementById(id)?.textContent)).toContain('[0].level: must be a whole number from 1 to 5');
    const leadership = screen.getByRole('radiogroup', { name: /Leadership/ });
    expect(leadership.getAttribute('aria-describedby')?.split(' ').map((id) => document.getElementById(id)?.textContent)).toContain('must be a whole number from 1 to 5');
    // Nothing typed is lost.
    expect((screen.getByLabelText('How many years of experience? (years)') as HTMLInputElement).value).toBe('1');
    expect(screen.getByRole('button', { name: 'Mardi à 18:00' }).getAttribute('aria-pressed')).toBe('true');
    expect((within(leadership).getByRole('radio', { name: '2' }) as HTMLInputElement).checked).toBe(true);
  });

  it('shows a long list by what the filter finds and what is chosen, or in full when asked', async () => {
    const many = Array.from({ length: 15 }, (_, index) => [`l${index}`, `Language ${index}`] as [string, string]);
    renderSignedIn(`/programmes/${PROGRAM_ID}/enrol/mentee`, {
      ...services(() => [201, anEnrolment()]),
      'GET /v1/taxonomies/languages': terms('languages', [...many, ['fr', 'French']]),
    });
    const filter = await screen.findByLabelText('Filtrer la liste : Which languages could you hold your mentoring conversations in?');
    const languages = () => within(screen.getByRole('group', { name: /Which languages/ })).queryAllByRole('checkbox');
    expect(languages()).toHaveLength(0);
    expect(screen.getByText(/Tapez quelques lettres dans le filtre/)).toBeTruthy();

    fireEvent.change(filter, { target: { value: 'fren' } });
    fireEvent.click(screen.getByRole('checkbox', { name: 'French' }));
    fireEvent.change(filter, { target: { value: '' } });
    // What is chosen stays in view once the filter is cleared.
    expect(languages().map((box) => box.closest('label')?.textContent)).toEqual(['French']);

    fireEvent.click(screen.getByRole('button', { name: 'Afficher les 16 choix' }));
    expect(languages()).toHaveLength(16);
    expect(screen.getByRole('button', { name: 'N’afficher que mes choix' }).getAttribute('aria-expanded')).toBe('true');
  });

  it('starts from the saved answers when editing, and replaces them with the version it read', async () => {
    const saved = {
      languages: ['fr'],
      availability: { timeZone: 'Europe/Rome', slots: ['tue-18', 'thu-18'] },
      experience_years: 0,
      network_size: 1,
      skills_wanted: [{ id: 'sql', level: 4 }],
    };
    const { seen, router } = renderSignedIn(`/programmes/${PROGRAM_ID}/enrol/mentee`, {
      ...services(() => [500, {}]),
      'GET /v1/enrollments': [200, { items: [anEnrolment({ answers: saved, version: 4 })], nextCursor: null }],
      [`PUT /v1/enrollments/${ENROLLMENT_ID}`]: [200, anEnrolment({ answers: saved, version: 5 })],
    });
    expect((await screen.findByRole('heading', { level: 1 })).textContent).toBe('Mes réponses — Premiers pas');
    expect((screen.getByLabelText('How many years of experience? (years)') as HTMLInputElement).value).toBe('0');
    expect((screen.getByLabelText('Fuseau horaire') as HTMLSelectElement).value).toBe('Europe/Rome');
    expect(screen.getByRole('button', { name: 'Jeudi à 18:00' }).getAttribute('aria-pressed')).toBe('true');
    fireEvent.change(screen.getByLabelText('How many years of experience? (years)'), { target: { value: '2' } });
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Enregistrer mes réponses' })));

    const put = seen.find((request) => request.method === 'PUT');
    expect(put?.body).toEqual({
      templateVersion: 3,
      version: 4,
      answers: { ...saved, experience_years: 2 },
      baseline: { confidence: 2, communication: 3, leadership: 2, networkSize: 1 },
    });
    expect(seen.some((request) => request.method === 'POST')).toBe(false);
    expect(`${router.state.location.pathname}${router.state.location.search}`).toBe(`/programmes/${PROGRAM_ID}?saved=1`);
  });
});
