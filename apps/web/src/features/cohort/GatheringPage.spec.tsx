/**
 * @jest-environment ./tools/testing/web.environment.js
 */
import { act, fireEvent, screen } from '@testing-library/react';
import { renderSignedIn } from '../../app/test-wiring';
import type { Gathering } from './cohort-api';
import { gathering, gatheringId, programme, programmeId, registration } from './fixtures';

function serve(state: { current: Gathering }, onRegister: () => Gathering['myRegistration']) {
  return renderSignedIn(`/cohort/${programmeId}/gatherings/${gatheringId}`, ({ method, path }) => {
    if (path === `/v1/programs/${programmeId}`) return { status: 200, body: programme };
    if (method === 'GET' && path === `/v1/gatherings/${gatheringId}`) return { status: 200, body: state.current };
    if (method === 'POST' && path === `/v1/gatherings/${gatheringId}/registrations`) {
      const mine = onRegister();
      state.current = { ...state.current, myRegistration: mine };
      return { status: 201, body: mine };
    }
    if (method === 'DELETE' && path === `/v1/gatherings/${gatheringId}/registrations/me`) {
      const cancelled = { ...state.current.myRegistration!, status: 'cancelled' as const, cancelledAt: '2026-12-05T10:00:00.000Z' };
      state.current = { ...state.current, myRegistration: null };
      return { status: 200, body: cancelled };
    }
    return undefined;
  });
}

describe('a gathering', () => {
  it('shows when, where and the last seat, registers, and cancels after asking', async () => {
    const state = { current: gathering({}) };
    const { calls } = serve(state, () => registration({}));
    expect((await screen.findByRole('heading', { level: 1 })).textContent).toBe('Rencontre des anciens de la donnée');
    expect(screen.getByText('Maison des Alumni, Lyon')).toBeTruthy();
    expect(screen.getByText('Places restantes : 1 sur 10')).toBeTruthy();

    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'S’inscrire' })));
    expect(await screen.findByText('Vous êtes inscrit·e à cette rencontre.')).toBeTruthy();
    expect(calls().find((call) => call.method === 'POST')?.body).toEqual({ waitlist: true });

    await act(async () => fireEvent.click(await screen.findByRole('button', { name: 'Annuler mon inscription' })));
    expect(screen.getByRole('alertdialog', { name: 'Annuler votre inscription ?' })).toBeTruthy();
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Oui, annuler' })));
    expect(await screen.findByText('Votre inscription est annulée.')).toBeTruthy();
    expect(calls().filter((call) => call.method === 'DELETE').map((call) => call.path)).toEqual([`/v1/gatherings/${gatheringId}/registrations/me`]);
    expect(await screen.findByRole('button', { name: 'S’inscrire' })).toBeTruthy();
  });

  it('offers the waitlist once full, and says the place the service gave', async () => {
    const state = { current: gathering({ seatsLeft: 0, confirmedCount: 10, waitlistCount: 1, onlineUrl: 'https://meet.example.org/data', place: null }) };
    serve(state, () => registration({ status: 'waitlisted', waitlistPosition: 2, confirmedAt: null }));
    expect(await screen.findByText('Complet (10 places) : liste d’attente de 1')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Lien de connexion' }).getAttribute('href')).toBe('https://meet.example.org/data');

    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Rejoindre la liste d’attente' })));
    expect(await screen.findByText(/vous êtes en position 2 sur la liste d’attente/)).toBeTruthy();
    expect(await screen.findByRole('button', { name: 'Quitter la liste d’attente' })).toBeTruthy();
  });

  it('says a cancelled gathering is cancelled, and why, with nothing to register for', async () => {
    serve({ current: gathering({ status: 'cancelled', cancelReason: 'L’intervenant est malade.', cancelledAt: '2026-12-05T10:00:00.000Z' }) }, () => null);
    expect(await screen.findByText('Rencontre annulée : L’intervenant est malade.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'S’inscrire' })).toBeNull();
  });
});
