import { describeFetchError } from './service-process';

export const DEMO_NETWORK = {
  name: 'Demo University Alumni',
  slug: 'demo-university',
  allowedEmailDomains: ['example.org'],
  registrationPolicy: 'invitation',
} as const;

/** identity's development-default platform admin (apps/identity/src/config.ts); creating networks needs its token. */
const DEV_PLATFORM_ADMIN = {
  network: 'platform',
  email: process.env['PLATFORM_ADMIN_EMAIL'] ?? 'platform-admin@example.org',
  password: process.env['PLATFORM_ADMIN_PASSWORD'] ?? 'development-only-admin-password',
} as const;

/** Example people; example.org is reserved for documentation, so no mail ever reaches anyone. */
export const DEMO_USERS = [
  { email: 'camille.durand@example.org', displayName: 'Camille Durand' },
  { email: 'amina.benali@example.org', displayName: 'Amina Benali' },
  { email: 'lucas.martin@example.org', displayName: 'Lucas Martin' },
  { email: 'sofia.rossi@example.org', displayName: 'Sofia Rossi' },
  { email: 'jonas.weber@example.org', displayName: 'Jonas Weber' },
  { email: 'mei.tanaka@example.org', displayName: 'Mei Tanaka' },
] as const;

export interface DemoSeedOptions {
  readonly identityUrl: string;
  readonly evaluationUrl: string;
  readonly log: (line: string) => void;
  readonly reportTimeoutMs: number;
}

export interface DemoSeedResult {
  readonly kind: 'seeded' | 'completed';
  readonly networkId: string;
  readonly usersCreated: number;
  /** What evaluation's report counted last; below DEMO_USERS.length when it did not catch up in time. */
  readonly registeredUsers: number;
}

interface JsonAnswer {
  readonly status: number;
  readonly body: Record<string, unknown>;
}

/**
 * Creates the demo network and its users through the public API only (what
 * an integrator could do), then waits until evaluation's report counts them:
 * that proves the whole path identity → outbox → Kafka → evaluation works.
 * Safe to run again: what exists already is reported, not duplicated.
 */
export async function seedDemoData(options: DemoSeedOptions): Promise<DemoSeedResult> {
  const { log } = options;
  const login = await post(`${options.identityUrl}/v1/auth/login`, DEV_PLATFORM_ADMIN);
  if (login.status !== 200) throw unexpected('POST /v1/auth/login as the development platform admin', login);
  const token = String(login.body['accessToken']);
  const created = await post(`${options.identityUrl}/v1/networks`, DEMO_NETWORK, token);
  let networkId: string;
  let kind: 'seeded' | 'completed';
  if (created.status === 201) {
    networkId = String(created.body['id']);
    kind = 'seeded';
    log(`demo: created the network "${DEMO_NETWORK.name}" (${networkId})`);
  } else if (created.status === 409) {
    const listed = await get(`${options.identityUrl}/v1/networks`, token);
    const existing = (listed.body as unknown as { id: string; slug: string }[]).find((network) => network.slug === DEMO_NETWORK.slug);
    if (listed.status !== 200 || !existing) throw unexpected('GET /v1/networks', listed);
    networkId = existing.id;
    kind = 'completed';
    log(`demo: the network "${DEMO_NETWORK.name}" is already there (${networkId})`);
  } else {
    throw unexpected('POST /v1/networks', created);
  }

  // Registering again answers 409 per user, which also completes a seed interrupted half-way.
  let usersCreated = 0;
  for (const user of DEMO_USERS) {
    const answer = await post(`${options.identityUrl}/v1/users`, { networkId, ...user }, token);
    if (answer.status === 201) usersCreated += 1;
    else if (answer.status !== 409) throw unexpected('POST /v1/users', answer);
  }
  log(
    usersCreated === DEMO_USERS.length
      ? `demo: registered ${usersCreated} users`
      : `demo: ${DEMO_USERS.length - usersCreated} of ${DEMO_USERS.length} users were already registered` +
          (usersCreated > 0 ? `, registered ${usersCreated}` : ''),
  );

  const registeredUsers = await waitForReport(options, networkId, token);
  return { kind, networkId, usersCreated, registeredUsers };
}

export function registrationsReportUrl(evaluationUrl: string, networkId: string): string {
  return `${evaluationUrl}/v1/reports/networks/${networkId}/registrations`;
}

/**
 * Polls the report until it counts every demo user, with a progress line
 * every 10 s. Running out of time is a warning, not a failure: the system is
 * up, and its logs and metrics are the way to find out what went wrong.
 */
async function waitForReport(options: DemoSeedOptions, networkId: string, token: string): Promise<number> {
  const url = registrationsReportUrl(options.evaluationUrl, networkId);
  const started = Date.now();
  let lastProgress = started;
  let last = 'no answer yet';
  let count = 0;
  for (;;) {
    try {
      const answer = await get(url, token);
      if (answer.status !== 200) throw unexpected('GET the registrations report', answer);
      count = Number(answer.body['registeredUsers']);
      last = `it counts ${count}`;
      if (count >= DEMO_USERS.length) {
        options.log(
          `demo: evaluation's report counts ${count} users (after ${((Date.now() - started) / 1000).toFixed(1)}s, via Kafka)`,
        );
        return count;
      }
    } catch (error) {
      last = error instanceof Error ? error.message : String(error);
    }
    const elapsed = Date.now() - started;
    if (elapsed > options.reportTimeoutMs) {
      options.log(
        `demo: WARNING: evaluation's report did not count the ${DEMO_USERS.length} demo users within ` +
          `${options.reportTimeoutMs / 1000}s (${last}). See the identity and evaluation logs` +
          (count > 0
            ? `; a count stuck part-way usually means another evaluation process on this broker ` +
              `(e.g. a running "npm test") shares the passerelle.evaluation consumer group and took some of the events`
            : ''),
      );
      return count;
    }
    if (Date.now() - lastProgress >= 10_000) {
      lastProgress = Date.now();
      options.log(`demo: waiting for evaluation to count the users (${Math.round(elapsed / 1000)}s, ${last})…`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}


async function post(url: string, body: unknown, token?: string): Promise<JsonAnswer> {
  const headers: Record<string, string> = { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) };
  return request(url, { method: 'POST', headers, body: JSON.stringify(body) });
}

async function get(url: string, token: string): Promise<JsonAnswer> {
  return request(url, { method: 'GET', headers: { authorization: `Bearer ${token}` } });
}

async function request(url: string, init: RequestInit): Promise<JsonAnswer> {
  let response: Response;
  try {
    response = await fetch(url, { ...init, signal: AbortSignal.timeout(10_000) });
  } catch (error) {
    throw new Error(`demo: ${init.method} ${url} failed: ${describeFetchError(error)}`);
  }
  const text = await response.text();
  let body: Record<string, unknown> = {};
  try {
    body = JSON.parse(text) as Record<string, unknown>;
  } catch {
    body = { text: text.slice(0, 500) };
  }
  return { status: response.status, body };
}

function unexpected(what: string, answer: JsonAnswer): Error {
  return new Error(`demo: ${what} answered ${answer.status}: ${JSON.stringify(answer.body).slice(0, 500)}`);
}
