import { render } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { createMemoryRouter } from 'react-router';
import { createApiClient } from '../../api/client';
import { App, createQueryClient } from '../../app/App';
import { routes } from '../../app/routes';
import { SessionKeeper } from '../../app/session-keeper';
import { createI18n, type Language } from '../../i18n/i18n';

/** A request the services' double received, its JSON body parsed. */
export type Received = { method: string; path: string; search: string; body: unknown };

/** What the double answers: a status and a JSON body. */
export type Answer = [status: number, body: unknown];

/** Answers by `METHOD /path` (the path without its query); a function sees the request. */
export type Routes = Record<string, Answer | ((request: Received) => Answer)>;

const json = ([status, body]: Answer) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

/**
 * The application at `path` for a person already signed in (the session is
 * restored on load), in front of a double of the services that answers from
 * `routes` and 404 otherwise, keeping every request it received.
 */
export function renderSignedIn(path: string, routes_: Routes, language: Language = 'fr') {
  const received: Received[] = [];
  const keeper = new SessionKeeper({
    open: async () => ({ kind: 'signed-in', accessToken: 'token', expiresIn: 900 }),
    renew: async () => ({ accessToken: 'token', expiresIn: 900 }),
    close: async () => undefined,
  });
  globalThis.fetch = (async (request: Request) => {
    const url = new URL(request.url);
    const text = await request.text();
    const seen: Received = { method: request.method, path: url.pathname, search: url.search, body: text ? JSON.parse(text) : undefined };
    received.push(seen);
    const answer = routes_[`${request.method} ${url.pathname}`];
    if (!answer) return json([404, { statusCode: 404, error: 'Not Found', message: `no double for ${request.method} ${url.pathname}`, details: [] }]);
    return json(typeof answer === 'function' ? answer(seen) : answer);
  }) as typeof fetch;
  const api = createApiClient({ baseUrl: 'http://app.test', fetch: (request: Request) => keeper.fetch(request) });
  const router = createMemoryRouter(routes, { initialEntries: [path] });
  render(
    <I18nextProvider i18n={createI18n(language)}>
      <App wiring={{ keeper, api, queryClient: createQueryClient(), router }} />
    </I18nextProvider>,
  );
  return { received, router };
}

export const NETWORK_ID = '0190a3f0-0000-7000-8000-000000000001';
export const PROGRAM_ID = '0190a3f0-0000-7000-8000-0000000000a1';
export const USER_ID = '0190a3f0-0000-7000-8000-0000000000b1';
export const ENROLLMENT_ID = '0190a3f0-0000-7000-8000-0000000000c1';

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

/** A published programme whose intake is open today, as intake answers it. */
export function aProgramme(overrides: Record<string, unknown> = {}) {
  return {
    id: PROGRAM_ID,
    networkId: NETWORK_ID,
    name: 'Premiers pas',
    description: 'Des ancien·nes accompagnent les étudiant·es vers leur premier emploi.',
    charter: 'Nous nous retrouvons toutes les deux semaines et gardons pour nous ce qui se dit.',
    objectives: ['job_search', 'networking'],
    startsOn: day(30),
    endsOn: day(210),
    cadenceDays: 14,
    matchingModes: ['organizer_rounds'],
    defaultMentorCapacity: 2,
    intakeOpensOn: day(-1),
    intakeClosesOn: day(20),
    status: 'published',
    version: 2,
    publishedAt: new Date().toISOString(),
    closedAt: null,
    createdAt: new Date().toISOString(),
    updatedAt: new Date().toISOString(),
    ...overrides,
  };
}

/** An active mentee enrolment of the signed-in person, as intake answers it. */
export function anEnrolment(overrides: Record<string, unknown> = {}) {
  return {
    id: ENROLLMENT_ID,
    networkId: NETWORK_ID,
    programId: PROGRAM_ID,
    userId: USER_ID,
    role: 'mentee',
    status: 'active',
    templateVersion: 1,
    answers: { languages: ['fr'] },
    capacity: null,
    baseline: { confidence: 2, communication: 3, leadership: 2, networkSize: 1 },
    excludedUserIds: [],
    features: {},
    version: 1,
    submittedAt: new Date().toISOString(),
    updatedAt: new Date().toISOString(),
    withdrawnAt: null,
    ...overrides,
  };
}

export { day };
