/**
 * @jest-environment ./tools/testing/web.environment.js
 */
import { act, fireEvent, screen } from '@testing-library/react';
import { renderSignedIn } from '../../app/test-wiring';
import type { Resource } from './cohort-api';
import { programme, programmeId, resource, trainingId } from './fixtures';

describe('resources and training', () => {
  it('lists training first with what is completed, then the other material', async () => {
    const items = [
      resource(trainingId, {}),
      resource('0190c5d2-0000-7000-8000-000000000011', { title: 'Fixer des objectifs', myCompletion: { resourceId: '0190c5d2-0000-7000-8000-000000000011', role: 'mentee', completedAt: '2026-12-04T10:00:00.000Z' } }),
      resource('0190c5d2-0000-7000-8000-000000000012', { title: 'Guide du CV', kind: 'guide', completable: false, audience: 'all', body: null, url: 'https://learn.example.org/cv' }),
    ];
    renderSignedIn(`/cohort/${programmeId}/resources`, ({ path, query }) => {
      if (path === `/v1/programs/${programmeId}`) return { status: 200, body: programme };
      if (path === '/v1/resources' && query.get('programId') === programmeId) return { status: 200, body: { items, nextCursor: null } };
      return undefined;
    });
    expect((await screen.findByRole('heading', { level: 1 })).textContent).toBe('Ressources : Carrières de la donnée');
    expect(screen.getByLabelText('1 formation(s) terminée(s) sur 2')).toBeTruthy();
    const training = screen.getByRole('region', { name: 'Formations' });
    expect(training.textContent).toContain('Mentorat : la première séanceFormation · Pour les mentorés À faire');
    expect(training.textContent).toMatch(/Fixer des objectifsFormation · Pour les mentorés Terminée le 4 décembre 2026/);
    expect(screen.getByRole('region', { name: 'Autres ressources' }).textContent).toContain('Guide du CVGuide · Pour tous');
  });

  it('opens a training module and marks it completed', async () => {
    let current: Resource = resource(trainingId, {});
    const { calls } = renderSignedIn(`/cohort/${programmeId}/resources/${trainingId}`, ({ method, path }) => {
      if (path === `/v1/programs/${programmeId}`) return { status: 200, body: programme };
      if (method === 'GET' && path === `/v1/resources/${trainingId}`) return { status: 200, body: current };
      if (method === 'POST' && path === `/v1/resources/${trainingId}/completion`) {
        const completion = { resourceId: trainingId, role: 'mentee' as const, completedAt: '2026-12-07T10:00:00.000Z' };
        current = { ...current, myCompletion: completion };
        return { status: 201, body: completion };
      }
      return undefined;
    });
    expect((await screen.findByRole('heading', { level: 1 })).textContent).toBe('Mentorat : la première séance');
    expect(screen.getByText('Préparez trois questions.')).toBeTruthy();
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Marquer comme terminée' })));
    expect(await screen.findByText('Formation terminée le 7 décembre 2026.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Marquer comme terminée' })).toBeNull();
    expect(calls().filter((call) => call.method === 'POST').map((call) => call.path)).toEqual([`/v1/resources/${trainingId}/completion`]);
  });
});
