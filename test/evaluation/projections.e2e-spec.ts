import { programPublished } from '@passerelle/contracts';
import {
  adminToken,
  createTestApp,
  createTestMember,
  createTestNetwork,
  expectEventually,
  loginAs,
  RawProducer,
  type TestApp,
  type TestNetwork,
  testDatabaseUrl,
} from '@passerelle/testing';
import { execFile } from 'child_process';
import { randomUUID } from 'crypto';
import { join } from 'path';
import { promisify } from 'util';
import { evaluationApp } from '../../apps/evaluation/src/evaluation.app';
import { identityApp } from '../../apps/identity/src/identity.app';
import { expectedFigures, publish, type Script, type ScriptedEvent, scriptProgramme } from './programme-script';

/**
 * Programme projections and reports (issue 7, items 2, 5, 6, 7): a scripted
 * programme published on the real topics gives the figures computed in
 * programme-script.ts from the same data; shuffled and duplicated, the same
 * figures; rebuilt from the log, the same figures again, the report
 * answering throughout.
 */
describe('evaluation: programme projections and reports', () => {
  let identity: TestApp;
  let evaluation: TestApp;
  let producer: RawProducer;
  let admin: string;
  let network: TestNetwork;
  let organizer: string;
  // One instant for every report of this file, so time-dependent figures compare exactly.
  const t0 = Date.parse('2026-06-15T12:00:00.000Z');
  const asOf = new Date(t0).toISOString();
  let inOrder: Script;
  let shuffled: Script;

  beforeAll(async () => {
    producer = new RawProducer();
    identity = await createTestApp(identityApp);
    evaluation = await createTestApp(evaluationApp, { env: { AUTH_JWKS_URL: `${identity.url}/.well-known/jwks.json` } });
    admin = await adminToken(identity.http);
    network = await createTestNetwork(identity.http, admin, 'eval');
    organizer = (await loginAs(identity.http, await createTestMember(identity.http, identity.dataSource, network, { roles: ['organizer'] }))).accessToken;
  });

  afterAll(async () => {
    await producer?.stop();
    await evaluation?.close();
    await identity?.close();
  });

  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
  const report = (programId: string, token = organizer) => evaluation.http.get(`/v1/reports/programs/${programId}`).query({ asOf }).set(bearer(token));
  const withoutIds = (pairs: Array<Record<string, unknown>>) =>
    pairs.map(({ matchId: _m, mentorId: _a, menteeId: _b, ...rest }) => rest).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));

  async function settledReport(programId: string) {
    const expected = expectedFigures();
    return expectEventually(
      async () => {
        const response = await report(programId);
        expect(response.status).toBe(200);
        expect(response.body.kpis).toEqual(expected);
        return response.body;
      },
      { timeoutMs: 60_000, intervalMs: 500 },
    );
  }

  it('turns a scripted programme published on the real topics into the figures computed from the script', async () => {
    inOrder = scriptProgramme(network.id, t0);
    await publish(producer, inOrder.events);
    const body = await settledReport(inOrder.programId);

    expect(body).toMatchObject({ programId: inOrder.programId, networkId: network.id, asOf });
    // The at-risk pair is B: last session 45 days ago (> 2 × 14), two no-shows, mean rating 2.5 over two answers.
    const byMatch = new Map((body.pairs as Array<{ matchId: string }>).map((pair) => [pair.matchId, pair]));
    expect(byMatch.get(inOrder.ids['match:B'])).toMatchObject({
      active: true,
      atRisk: true,
      severity: 'critical',
      sessionsHeld: 2,
      averageRating: 2.5,
      reasons: [
        { code: 'cadence_slipped', observed: 45, threshold: 28 },
        { code: 'repeated_no_show', observed: 2, threshold: 2 },
        { code: 'low_satisfaction', observed: 2.5, threshold: 2.5 },
      ],
    });
    expect(byMatch.get(inOrder.ids['match:A'])).toMatchObject({ active: true, atRisk: false, sessionsHeld: 6, averageRating: 4.33, reasons: [] });
    expect(byMatch.get(inOrder.ids['match:C'])).toMatchObject({ active: false, atRisk: false, sessionsHeld: 2 });
    expect(byMatch.has(inOrder.ids['match:D'])).toBe(false);

    // Weekly series: every held session, acceptance and message falls in exactly one week.
    const weeks = body.weekly as Array<Record<string, number | string | null>>;
    const total = (field: string) => weeks.reduce((sum, week) => sum + (week[field] as number), 0);
    expect([total('sessionsHeld'), total('matchesAccepted'), total('messagesSent'), total('noShows'), total('enrolments'), total('feedbackResponses')]).toEqual([10, 3, 10, 2, 9, 12]);
    expect(weeks[weeks.length - 1]).toMatchObject({ weekStart: '2026-06-15T00:00:00.000Z', cumulativeMatchedMentees: 3 });
    expect(weeks.every((week, index) => index === 0 || Date.parse(week.weekStart as string) - Date.parse(weeks[index - 1].weekStart as string) === 7 * 86_400_000)).toBe(true);

    // Every figure is defined, and freshness comes from the live consumer.
    for (const section of Object.keys(body.kpis)) {
      for (const figure of Object.keys(body.kpis[section])) {
        const key = `${section}.${figure}`;
        expect([key, typeof body.definitions[key]]).toEqual([key, 'string']);
      }
    }
    expect(body.freshness.lagSeconds).toEqual(expect.any(Number));
    expect(body.freshness.lagSeconds).toBeGreaterThanOrEqual(0);
    expect(Date.parse(body.freshness.lastAppliedAt)).toBeGreaterThanOrEqual(Date.parse(body.freshness.lastEventTime));
    const metrics = await evaluation.http.get('/metrics');
    expect(metrics.text).toMatch(/evaluation_projection_lag_seconds_count\{[^}]*type="passerelle\.communication\.session\.completed\.v1"[^}]*\} [1-9]/);

    // CSV export: the same figures, with their definitions.
    const csv = await evaluation.http.get(`/v1/reports/programs/${inOrder.programId}/export`).query({ asOf }).set(bearer(organizer));
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    const lines = csv.text.trim().split('\r\n');
    expect(lines[0]).toBe('metric,value,definition');
    expect(lines).toContain(`participation.matchAcceptanceRate,0.75,"${body.definitions['participation.matchAcceptanceRate']}"`);
    expect(lines.find((line) => line.startsWith('engagement.sessionsHeld,'))).toMatch(/^engagement\.sessionsHeld,10,/);
    const weeklyCsv = await evaluation.http.get(`/v1/reports/programs/${inOrder.programId}/export`).query({ asOf, table: 'weekly' }).set(bearer(organizer));
    expect(weeklyCsv.text.trim().split('\r\n')).toHaveLength(weeks.length + 1);
    // Safe to open in a spreadsheet: every figure as the JSON has it (negative ones included), and no cell a formula.
    const figures: [string, number][] = [];
    const collect = (value: unknown, path: string): void => {
      if (typeof value === 'number') figures.push([path, value]);
      else if (value !== null && typeof value === 'object') for (const [key, inner] of Object.entries(value)) collect(inner, path ? `${path}.${key}` : key);
    };
    collect(body.kpis, '');
    expect(figures.length).toBeGreaterThan(30);
    for (const [path, value] of figures) expect(lines.find((line) => line.startsWith(`${path},`))?.split(',')[1]).toBe(String(value));
    const pairsCsv = await evaluation.http.get(`/v1/reports/programs/${inOrder.programId}/export`).query({ asOf, table: 'pairs' }).set(bearer(organizer));
    for (const text of [csv.text, weeklyCsv.text, pairsCsv.text]) {
      const cells = text.trim().split('\r\n').flatMap((line) => line.replace(/"(?:[^"]|"")*"/g, '"…"').split(','));
      expect(cells.filter((cell) => /^[=+@\t\r]/.test(cell) || (cell.startsWith('-') && Number.isNaN(Number(cell))))).toEqual([]);
    }
  });

  it('answers a poller 304 while the report is unchanged, and the new report once an event moved it', async () => {
    const first = await report(inOrder.programId);
    expect([first.status, first.headers['cache-control']]).toEqual([200, 'private, no-cache']);
    expect(first.headers.etag).toMatch(/^"[\w-]{27}"$/);
    const unchanged = await report(inOrder.programId).set('if-none-match', first.headers.etag);
    expect([unchanged.status, unchanged.text]).toEqual([304, '']);

    // The programme announced again (a new event, the same facts): only the report's freshness moves.
    const announcement = inOrder.events.find((event) => event.definition === programPublished) as ScriptedEvent;
    await publish(producer, [announcement]);
    const moved = await expectEventually(
      async () => {
        const response = await report(inOrder.programId).set('if-none-match', first.headers.etag);
        expect(response.status).toBe(200);
        return response;
      },
      { timeoutMs: 30_000, intervalMs: 100 },
    );
    expect(moved.headers.etag).not.toBe(first.headers.etag);
    expect(moved.body.kpis).toEqual(expectedFigures());
    expect(Date.parse(moved.body.freshness.lastEventTime)).toBeGreaterThan(Date.parse(first.body.freshness.lastEventTime));
  });

  it('gives the same figures when the same events arrive shuffled across topics, with duplicates', async () => {
    shuffled = scriptProgramme(network.id, t0);
    const events = [...shuffled.events];
    // Deterministic shuffle (seeded), so a failure can be replayed.
    let seed = 7;
    const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
    for (let i = events.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [events[i], events[j]] = [events[j], events[i]];
    }
    const sent = await publish(producer, events);
    // Duplicates both ways: the same records again (same ce_id, the inbox drops them) and the same facts as new events (new ce_id).
    for (const { topic, message } of sent.filter((_, index) => index % 3 === 0)) await producer.send(topic, [message]);
    const renewed = await publish(
      producer,
      events.filter((_, index) => index % 4 === 1),
    );
    await settledReport(shuffled.programId);
    // Only once every record (duplicates included) has been through the consumer do the figures count.
    const eventIds = [...sent, ...renewed].map(({ message }) => message.headers['ce_id']);
    await expectEventually(
      async () => {
        const [{ applied }] = await evaluation.dataSource.query(`SELECT count(*)::int AS applied FROM inbox WHERE event_id = ANY($1::uuid[])`, [eventIds]);
        expect(applied).toBe(eventIds.length);
      },
      { timeoutMs: 60_000, intervalMs: 250 },
    );
    const body = (await report(shuffled.programId)).body;
    expect(body.kpis).toEqual(expectedFigures());
    const reference = (await report(inOrder.programId)).body;
    expect(body.kpis).toEqual(reference.kpis);
    expect(body.weekly).toEqual(reference.weekly);
    expect(withoutIds(body.pairs)).toEqual(withoutIds(reference.pairs));
  });

  it('rebuilds from the log into figures equal to the live ones, the report answering during the rebuild', async () => {
    const before = await Promise.all([report(inOrder.programId), report(shuffled.programId)]);
    const live = before.map((response) => response.body);
    const refused = await evaluation.http.post('/v1/reports/rebuilds').set(bearer(organizer));
    expect({ status: refused.status, details: refused.body.details }).toEqual({ status: 403, details: [{ path: 'authorization', issue: 'requires the role platform_admin' }] });

    const started = await evaluation.http.post('/v1/reports/rebuilds').set(bearer(admin));
    expect(started.status).toBe(202);
    expect(started.body).toMatchObject({ state: 'building', generation: live[0].generation + 1 });
    const generation: number = started.body.generation;
    // Events keep arriving during the rebuild: the live consumer writes them to both generations.
    const during = scriptProgramme(network.id, t0);
    const publishing = publish(producer, during.events);
    const again = await evaluation.http.post('/v1/reports/rebuilds').set(bearer(admin));
    expect([again.status, again.body.details]).toEqual([409, [{ path: 'generation', issue: `generation ${generation} is being built` }]]);

    let answeredWhileBuilding = 0;
    await expectEventually(
      async () => {
        const during = await report(inOrder.programId);
        expect(during.status).toBe(200);
        expect(during.body.kpis).toEqual(live[0].kpis);
        const state = await evaluation.http.get(`/v1/reports/rebuilds/${generation}`).set(bearer(admin));
        if (state.body.state === 'building') answeredWhileBuilding += 1;
        expect(state.body).toMatchObject({ generation, state: 'live', error: null });
        expect(state.body.eventsReplayed).toBeGreaterThanOrEqual(inOrder.events.length + shuffled.events.length);
      },
      { timeoutMs: 120_000, intervalMs: 100 },
    );
    expect(answeredWhileBuilding).toBeGreaterThan(0);
    await publishing;
    await settledReport(during.programId);

    const after = await Promise.all([report(inOrder.programId), report(shuffled.programId)]);
    for (const [index, response] of after.entries()) {
      expect(response.body.generation).toBe(generation);
      expect({ kpis: response.body.kpis, weekly: response.body.weekly, pairs: response.body.pairs }).toEqual({
        kpis: live[index].kpis,
        weekly: live[index].weekly,
        pairs: live[index].pairs,
      });
    }
    // The old generation's rows are gone: one copy of the projection remains.
    const [{ generations }] = await evaluation.dataSource.query(`SELECT count(DISTINCT generation)::int AS generations FROM p_sessions`);
    expect(generations).toBe(1);
    const [{ status }] = await evaluation.dataSource.query(`SELECT state AS status FROM projection_generations WHERE generation = $1`, [live[0].generation]);
    expect(status).toBe('retired');
  });

  it('rebuilds with the operator command too, while the service serves', async () => {
    const live = (await report(inOrder.programId)).body;
    const activePairs = [inOrder.ids['match:A'], inOrder.ids['match:B']];
    await evaluation.dataSource.query(`DELETE FROM pair_watch WHERE match_id = ANY($1::uuid[])`, [activePairs]);
    // The build the e2e setup made, run as an operator would: `node dist/apps/evaluation/src/main.js rebuild`.
    const { stdout } = await promisify(execFile)(process.execPath, [join('dist', 'apps', 'evaluation', 'src', 'main.js'), 'rebuild'], {
      env: { ...process.env, PASSERELLE_MODE: 'development', DATABASE_URL: testDatabaseUrl('evaluation'), LOG_LEVEL: 'warn' },
      timeout: 120_000,
    });
    expect(stdout).toContain(`generation ${live.generation + 1} is live`);
    const after = (await report(inOrder.programId)).body;
    expect(after.generation).toBe(live.generation + 1);
    expect({ kpis: after.kpis, weekly: after.weekly, pairs: after.pairs }).toEqual({ kpis: live.kpis, weekly: live.weekly, pairs: live.pairs });
    // The swap puts every active pair of the new generation back on the at-risk sweep's list.
    const watched = await evaluation.dataSource.query(`SELECT match_id FROM pair_watch WHERE match_id = ANY($1::uuid[]) ORDER BY match_id`, [activePairs]);
    expect(watched.map((row: { match_id: string }) => row.match_id)).toEqual([...activePairs].sort());
  });

  it('answers bad input with 400, another network with 404 and a participant with 403', async () => {
    const bad = await evaluation.http.get('/v1/reports/programs/not-a-uuid').set(bearer(organizer));
    expect([bad.status, bad.body.details]).toEqual([400, [{ path: 'programId', issue: 'must be a UUID' }]]);
    const badAsOf = await evaluation.http.get(`/v1/reports/programs/${inOrder.programId}`).query({ asOf: 'yesterday' }).set(bearer(organizer));
    expect([badAsOf.status, badAsOf.body.details]).toEqual([400, [{ path: 'asOf', issue: 'must be an RFC 3339 date-time' }]]);
    const badTable = await evaluation.http.get(`/v1/reports/programs/${inOrder.programId}/export`).query({ table: 'everything' }).set(bearer(organizer));
    expect([badTable.status, badTable.body.details]).toEqual([400, [{ path: 'table', issue: 'must be one of kpis, weekly, pairs' }]]);
    const badRebuild = await evaluation.http.post('/v1/reports/rebuilds').set(bearer(admin)).send({ topics: ['passerelle.intake.goal'] });
    expect([badRebuild.status, badRebuild.body.details]).toEqual([400, [{ path: 'topics', issue: 'is not an accepted field' }]]);
    const noGeneration = await evaluation.http.get('/v1/reports/rebuilds/999999').set(bearer(admin));
    expect([noGeneration.status, noGeneration.body.details]).toEqual([404, [{ path: 'generation', issue: 'does not name a projection generation' }]]);
    const badGeneration = await evaluation.http.get('/v1/reports/rebuilds/latest').set(bearer(admin));
    expect([badGeneration.status, badGeneration.body.details]).toEqual([400, [{ path: 'generation', issue: 'must be a whole number' }]]);

    const elsewhere = await createTestNetwork(identity.http, admin, 'eval-other');
    const stranger = (await loginAs(identity.http, await createTestMember(identity.http, identity.dataSource, elsewhere, { roles: ['organizer'] }))).accessToken;
    const foreign = await report(inOrder.programId, stranger);
    const unknown = await report(randomUUID(), stranger);
    expect([foreign.status, foreign.body]).toEqual([unknown.status, { ...unknown.body }]);
    expect([foreign.status, foreign.body.details]).toEqual([404, [{ path: 'programId', issue: 'does not name a programme of your network' }]]);
    // Naming the report's entity tag does not get a stranger a 304 either.
    const { etag } = (await report(inOrder.programId)).headers;
    expect((await report(inOrder.programId, stranger).set('if-none-match', etag)).status).toBe(404);
    const foreignCsv = await evaluation.http.get(`/v1/reports/programs/${inOrder.programId}/export`).set(bearer(stranger));
    expect(foreignCsv.status).toBe(404);

    // Integrators (service accounts) read reports, as organizers do, but run no rebuild.
    const account = await identity.http.post(`/v1/networks/${network.id}/service-accounts`).set(bearer(organizer)).send({ name: 'Data warehouse' }).expect(201);
    const grant = { grant_type: 'client_credentials', client_id: account.body.clientId, client_secret: account.body.clientSecret };
    const integrator = (await identity.http.post('/v1/auth/token').send(grant).expect(200)).body.access_token as string;
    const read = await report(inOrder.programId, integrator);
    expect([read.status, read.body.kpis]).toEqual([200, expectedFigures()]);
    expect((await evaluation.http.get(`/v1/reports/programs/${inOrder.programId}/export`).query({ table: 'pairs' }).set(bearer(integrator))).status).toBe(200);
    expect((await evaluation.http.post('/v1/reports/rebuilds').set(bearer(integrator))).status).toBe(403);

    const participant = (await loginAs(identity.http, await createTestMember(identity.http, identity.dataSource, network, { roles: [] }))).accessToken;
    const forbidden = await report(inOrder.programId, participant);
    expect([forbidden.status, forbidden.body.details]).toEqual([403, [{ path: 'authorization', issue: 'requires the role organizer or integrator' }]]);
    expect((await evaluation.http.get(`/v1/reports/rebuilds/1`).set(bearer(participant))).status).toBe(403);
    expect((await evaluation.http.get(`/v1/reports/programs/${inOrder.programId}/export`).set(bearer(participant))).status).toBe(403);
  });
});
