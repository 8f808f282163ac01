import {
  adminToken,
  createTestApp,
  createTestMember,
  createTestNetwork,
  loginAs,
  type TestApp,
  type TestNetwork,
} from '@passerelle/testing';
import { identityApp } from '../../apps/identity/src/identity.app';
import { intakeApp } from '../../apps/intake/src/intake.app';

/**
 * What a participant writing a goal reads while typing: the SMART check of a
 * draft without saving it, the metrics a programme's goals can use, and the
 * programmes of one status; against the real intake and identity apps.
 */
describe('intake: checking a goal before setting it', () => {
  let identity: TestApp;
  let intake: TestApp;
  let admin: string;

  beforeAll(async () => {
    identity = await createTestApp(identityApp);
    intake = await createTestApp(intakeApp, { env: { AUTH_JWKS_URL: `${identity.url}/.well-known/jwks.json` } });
    admin = await adminToken(identity.http);
  });

  afterAll(async () => {
    await intake?.close();
    await identity?.close();
  });

  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
  const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
  const memberOf = async (network: TestNetwork, roles: string[] = []) => {
    const member = await createTestMember(identity.http, identity.dataSource, network, { roles });
    return { userId: member.userId, token: (await loginAs(identity.http, member)).accessToken };
  };
  const programme = (overrides: Record<string, unknown> = {}) => ({
    name: 'Premiers pas',
    objectives: ['job_search', 'networking'],
    startsOn: day(30),
    endsOn: day(210),
    cadenceDays: 14,
    matchingModes: ['organizer_rounds'],
    defaultMentorCapacity: 2,
    intakeOpensOn: day(0),
    intakeClosesOn: day(29),
    ...overrides,
  });
  const createProgramme = async (organizer: string, overrides: Record<string, unknown> = {}) =>
    (await intake.http.post('/v1/programs').set(bearer(organizer)).send(programme(overrides)).expect(201)).body.id as string;
  const publishedProgramme = async (organizer: string, overrides: Record<string, unknown> = {}) => {
    const id = await createProgramme(organizer, overrides);
    await intake.http.post(`/v1/programs/${id}/publish`).set(bearer(organizer)).expect(200);
    return id;
  };
  const answers = {
    languages: ['fr'],
    availability: { timeZone: 'Europe/Paris', slots: ['tue-18', 'thu-19'] },
    industries: ['banking'],
    experience_years: 0,
    target_roles: ['data_analytics'],
    target_industries: ['banking'],
    network_size: 1,
    contact_kinds: ['industry_professionals'],
  };
  const enrolledMentee = async (network: TestNetwork, programId: string) => {
    const mentee = await memberOf(network);
    const body = { programId, role: 'mentee', templateVersion: 1, answers, baseline: { confidence: 2, communication: 3, leadership: 2, networkSize: 1 } };
    const enrollmentId = (await intake.http.post('/v1/enrollments').set(bearer(mentee.token)).send(body).expect(201)).body.id as string;
    return { ...mentee, enrollmentId };
  };
  const verdicts = (body: { criteria: { criterion: string; passed: boolean }[] }) => Object.fromEntries(body.criteria.map((result) => [result.criterion, result.passed]));

  it('judges a draft criterion by criterion as setting it would, and saves nothing', async () => {
    const network = await createTestNetwork(identity.http, admin);
    const organizer = await memberOf(network, ['organizer']);
    const programId = await publishedProgramme(organizer.token);
    const mentee = await enrolledMentee(network, programId);
    const check = `/v1/enrollments/${mentee.enrollmentId}/goals/check`;

    // Nothing typed yet: every criterion fails, each naming the field to fill in.
    const empty = await intake.http.post(check).set(bearer(mentee.token)).send({}).expect(200);
    expect(empty.body.smart).toBe(false);
    expect(empty.body.criteria.map((result: { criterion: string; path: string }) => [result.criterion, result.path])).toEqual([
      ['specific', 'title'],
      ['measurable', 'metric'],
      ['achievable', 'metric'],
      ['relevant', 'objective'],
      ['time_bound', 'dueOn'],
    ]);
    expect(empty.body.criteria.every((result: { reason: string | null }) => typeof result.reason === 'string' && result.reason.length > 0)).toBe(true);

    // Half-way: a concrete title and a metric, but a target out of reach and a date after the programme.
    const partial = await intake.http
      .post(check)
      .set(bearer(mentee.token))
      .send({ title: 'Obtain interviews for data analyst roles in banking', objective: 'job_search', metric: 'interviews_obtained', targetValue: 40, dueOn: day(400) })
      .expect(200);
    expect(verdicts(partial.body)).toEqual({ specific: true, measurable: true, achievable: false, relevant: true, time_bound: false });
    expect(partial.body.criteria.find((result: { criterion: string }) => result.criterion === 'time_bound')).toEqual({
      criterion: 'time_bound',
      passed: false,
      path: 'dueOn',
      reason: expect.stringContaining('after the programme ends'),
    });

    const smart = { title: 'Obtain three interviews for data analyst roles in banking', objective: 'job_search', metric: 'interviews_obtained', targetValue: 3, dueOn: day(150) };
    const passed = await intake.http.post(check).set(bearer(mentee.token)).send(smart).expect(200);
    expect(passed.body).toEqual({
      smart: true,
      criteria: [
        { criterion: 'specific', passed: true, path: 'title', reason: null },
        { criterion: 'measurable', passed: true, path: 'targetValue', reason: null },
        { criterion: 'achievable', passed: true, path: 'targetValue', reason: null },
        { criterion: 'relevant', passed: true, path: 'objective', reason: null },
        { criterion: 'time_bound', passed: true, path: 'dueOn', reason: null },
      ],
    });
    // The programme has no skills objective: the same draft aimed at it is not relevant.
    const offTopic = await intake.http.post(check).set(bearer(mentee.token)).send({ ...smart, objective: 'skills' }).expect(200);
    expect(verdicts(offTopic.body)).toMatchObject({ relevant: false });

    const saved = await intake.dataSource.query('SELECT count(*)::int AS count FROM goals WHERE enrollment_id = $1', [mentee.enrollmentId]);
    expect(saved[0].count).toBe(0);
    // What the check passed, setting accepts.
    await intake.http.post(`/v1/enrollments/${mentee.enrollmentId}/goals`).set(bearer(mentee.token)).send(smart).expect(201);
  });

  it('refuses fields of the wrong type, unknown fields and a malformed id, naming them', async () => {
    const network = await createTestNetwork(identity.http, admin);
    const organizer = await memberOf(network, ['organizer']);
    const mentee = await enrolledMentee(network, await publishedProgramme(organizer.token));
    const check = `/v1/enrollments/${mentee.enrollmentId}/goals/check`;

    const wrongTypes = await intake.http.post(check).set(bearer(mentee.token)).send({ targetValue: 'three', title: 12, dueOn: 'soon' }).expect(400);
    expect([...new Set(wrongTypes.body.details.map((detail: { path: string }) => detail.path))].sort()).toEqual(['dueOn', 'targetValue', 'title']);
    const impossible = await intake.http.post(check).set(bearer(mentee.token)).send({ dueOn: '2027-02-30' }).expect(400);
    expect(impossible.body.details).toEqual([{ path: 'dueOn', issue: 'must be a calendar date (YYYY-MM-DD)' }]);
    const unknown = await intake.http.post(check).set(bearer(mentee.token)).send({ title: 'Obtain three interviews', mood: 'great' }).expect(400);
    expect(unknown.body.details.map((detail: { path: string }) => detail.path)).toEqual(['mood']);
    const badId = await intake.http.post('/v1/enrollments/not-an-id/goals/check').set(bearer(mentee.token)).send({}).expect(400);
    expect(badId.body.details.map((detail: { path: string }) => detail.path)).toEqual(['enrollmentId']);
  });

  it('answers 404 for an enrolment of another person or of another network', async () => {
    const network = await createTestNetwork(identity.http, admin);
    const organizer = await memberOf(network, ['organizer']);
    const programId = await publishedProgramme(organizer.token);
    const mentee = await enrolledMentee(network, programId);
    const neighbour = await enrolledMentee(network, programId);
    const elsewhere = await createTestNetwork(identity.http, admin);
    const stranger = await memberOf(elsewhere);
    const check = `/v1/enrollments/${mentee.enrollmentId}/goals/check`;

    await intake.http.post(check).set(bearer(neighbour.token)).send({}).expect(404);
    // The organizer reads goals but does not write them for the participant, so does not check them either.
    await intake.http.post(check).set(bearer(organizer.token)).send({}).expect(404);
    await intake.http.post(check).set(bearer(stranger.token)).send({}).expect(404);
    await intake.http.post(check).send({}).expect(401);
  });

  it("lists the metrics serving the programme's objectives, for its own network only", async () => {
    const network = await createTestNetwork(identity.http, admin);
    const organizer = await memberOf(network, ['organizer']);
    const member = await memberOf(network);
    const programId = await publishedProgramme(organizer.token, { objectives: ['networking'] });

    const listed = await intake.http.get(`/v1/programs/${programId}/goal-metrics`).set(bearer(member.token)).expect(200);
    expect(listed.body.items.map((metric: { id: string }) => metric.id)).toEqual([
      'informational_interviews',
      'professional_contacts_made',
      'events_attended',
      'alumni_introductions',
    ]);
    // Informational interviews serve job_search too, which this programme does not have.
    expect(listed.body.items[0]).toEqual({
      id: 'informational_interviews',
      label: 'Informational interviews held',
      unit: 'informational interviews',
      objectives: ['networking'],
      kind: 'count',
      min: 1,
      max: 20,
      integer: true,
    });

    const stranger = await memberOf(await createTestNetwork(identity.http, admin));
    await intake.http.get(`/v1/programs/${programId}/goal-metrics`).set(bearer(stranger.token)).expect(404);
    const badId = await intake.http.get('/v1/programs/42/goal-metrics').set(bearer(member.token)).expect(400);
    expect(badId.body.details.map((detail: { path: string }) => detail.path)).toEqual(['programId']);
  });

  it('lists the programmes of one status, and refuses an unknown status', async () => {
    const network = await createTestNetwork(identity.http, admin);
    const organizer = await memberOf(network, ['organizer']);
    const member = await memberOf(network);
    const draft = await createProgramme(organizer.token, { name: 'Still a draft' });
    const published = await publishedProgramme(organizer.token, { name: 'Open to all' });
    const elsewhere = await createTestNetwork(identity.http, admin);
    await publishedProgramme((await memberOf(elsewhere, ['organizer'])).token, { name: 'Not yours' });

    const open = await intake.http.get('/v1/programs?status=published').set(bearer(member.token)).expect(200);
    expect(open.body.items.map((program: { id: string }) => program.id)).toEqual([published]);
    const drafts = await intake.http.get('/v1/programs?status=draft').set(bearer(organizer.token)).expect(200);
    expect(drafts.body.items.map((program: { id: string }) => program.id)).toEqual([draft]);
    const bad = await intake.http.get('/v1/programs?status=running').set(bearer(member.token)).expect(400);
    expect(bad.body.details.map((detail: { path: string }) => detail.path)).toEqual(['status']);
  });
});
