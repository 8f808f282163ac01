/**
 * @jest-environment ./tools/testing/web.environment.js
 */
import { act, fireEvent, screen, within } from '@testing-library/react';
import { type SeenRequest, renderSignedIn } from '../../app/test-wiring';
import { aGoal, aProgramme, anEnrolment, day, ENROLLMENT_ID, PROGRAM_ID } from '../programmes/fixtures';

const CRITERIA = ['specific', 'measurable', 'achievable', 'relevant', 'time_bound'] as const;
const PATHS = { specific: 'title', measurable: 'targetValue', achievable: 'targetValue', relevant: 'objective', time_bound: 'dueOn' } as const;

/** The check's answer: the criteria named fail with a reason, the others pass. */
function verdict(failing: readonly (typeof CRITERIA)[number][]) {
  return {
    smart: failing.length === 0,
    criteria: CRITERIA.map((criterion) => ({
      criterion,
      passed: !failing.includes(criterion),
      path: PATHS[criterion],
      reason: failing.includes(criterion) ? `${criterion} reason from the service` : null,
    })),
  };
}

const metrics = {
  items: [
    { id: 'interviews_obtained', label: 'Job interviews obtained', unit: 'interviews', objectives: ['job_search'], kind: 'count', min: 1, max: 20, integer: true },
    { id: 'professional_contacts_made', label: 'Professional contacts made', unit: 'contacts', objectives: ['networking'], kind: 'count', min: 1, max: 50, integer: true },
  ],
};

const goal = aGoal({ title: 'Obtenir trois entretiens d’analyste de données', dueOn: day(150) });

function services(answerSet: (request: SeenRequest) => [number, unknown]) {
  const goals: unknown[] = [];
  return {
    [`GET /v1/enrollments/${ENROLLMENT_ID}`]: [200, anEnrolment()] as [number, unknown],
    [`GET /v1/programs/${PROGRAM_ID}`]: [200, aProgramme()] as [number, unknown],
    [`GET /v1/programs/${PROGRAM_ID}/goal-metrics`]: [200, metrics] as [number, unknown],
    [`GET /v1/enrollments/${ENROLLMENT_ID}/goals`]: () => [200, goals] as [number, unknown],
    // The double judges like the service would, from what the draft holds.
    [`POST /v1/enrollments/${ENROLLMENT_ID}/goals/check`]: (request: SeenRequest) => {
      const draft = request.body as Record<string, unknown>;
      const failing = CRITERIA.filter((criterion) => draft[PATHS[criterion]] === undefined || (criterion === 'specific' && String(draft['title']).length < 20));
      return [200, verdict(failing)] as [number, unknown];
    },
    [`POST /v1/enrollments/${ENROLLMENT_ID}/goals`]: (request: SeenRequest) => {
      const answer = answerSet(request);
      if (answer[0] === 201) goals.push(goal);
      return answer;
    },
  };
}

const criterionLine = (name: string) => screen.getByText(name).closest('li')?.textContent;

describe('setting a SMART goal', () => {
  it('shows the service’s verdict per criterion as the goal is written, then sets it', async () => {
    const { seen } = renderSignedIn(`/enrolments/${ENROLLMENT_ID}/goals?welcome=1`, services(() => [201, goal]));
    expect(await screen.findByText(/Votre inscription est enregistrée/)).toBeTruthy();
    expect(screen.getByText('Commencez à écrire votre objectif : chaque critère s’affichera ici.')).toBeTruthy();

    fireEvent.change(screen.getByLabelText('Ce que vous aurez accompli'), { target: { value: 'Des entretiens' } });
    expect(await screen.findByText('Pas encore : voici ce qui manque.')).toBeTruthy();
    expect(criterionLine('Spécifique')).toBe('✗ Spécifique — non respecté' + 'Ce que vous aurez accompli : specific reason from the service');

    fireEvent.change(screen.getByLabelText('Ce que vous aurez accompli'), { target: { value: goal.title } });
    expect(await screen.findByText('✓')).toBeTruthy();
    expect(criterionLine('Spécifique')).toBe('✓ Spécifique — respecté');
    expect(criterionLine('Daté')).toBe('✗ Daté — non respecté' + 'À remplir : Échéance.');

    fireEvent.click(within(screen.getByRole('radiogroup', { name: /Objectif du programme/ })).getByRole('radio', { name: 'Recherche d’emploi' }));
    fireEvent.change(screen.getByLabelText('Ce que vous compterez'), { target: { value: 'interviews_obtained' } });
    fireEvent.change(screen.getByLabelText('Cible'), { target: { value: '3' } });
    fireEvent.change(screen.getByLabelText('Échéance'), { target: { value: goal.dueOn } });
    expect(await screen.findByText('Votre objectif remplit les cinq critères.')).toBeTruthy();
    // Checked once the typing paused, not at every change.
    const checks = seen.filter((request) => request.path.endsWith('/goals/check'));
    expect(checks.length).toBeLessThanOrEqual(3);
    expect(checks[checks.length - 1].body).toEqual({ title: goal.title, objective: 'job_search', metric: 'interviews_obtained', targetValue: 3, dueOn: goal.dueOn });

    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Enregistrer l’objectif' })));
    expect(seen.find((request) => request.method === 'POST' && request.path === `/v1/enrollments/${ENROLLMENT_ID}/goals`)?.body).toEqual({
      title: goal.title,
      objective: 'job_search',
      metric: 'interviews_obtained',
      targetValue: 3,
      dueOn: goal.dueOn,
    });
    expect(await screen.findByRole('heading', { level: 3, name: goal.title })).toBeTruthy();
    expect(screen.getByText(`Objectif enregistré : « ${goal.title} ».`)).toBeTruthy();
    expect((screen.getByLabelText('Ce que vous aurez accompli') as HTMLInputElement).value).toBe('');
  });

  it('puts the service’s refusal beside the field it names and keeps the draft', async () => {
    const refusal = {
      statusCode: 400,
      error: 'Bad Request',
      message: 'The goal is not SMART: it fails specific.',
      details: [{ path: 'title', issue: 'specific: describes no concrete outcome' }],
    };
    renderSignedIn(`/enrolments/${ENROLLMENT_ID}/goals`, services(() => [400, refusal]));
    const title = (await screen.findByLabelText('Ce que vous aurez accompli')) as HTMLInputElement;
    fireEvent.change(title, { target: { value: 'Progresser un peu' } });
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Enregistrer l’objectif' })));

    expect(await screen.findByText('specific: describes no concrete outcome')).toBeTruthy();
    expect(title.getAttribute('aria-invalid')).toBe('true');
    expect(title.getAttribute('aria-describedby')?.split(' ').map((id) => document.getElementById(id)?.textContent)).toContain('specific: describes no concrete outcome');
    expect(title.value).toBe('Progresser un peu');
  });
});
