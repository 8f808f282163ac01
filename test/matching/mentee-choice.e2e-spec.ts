import { matchAccepted, matchDeclined, matchEnded, matchProposed, matchRequestExpiring, validateEventData } from '@passerelle/contracts';
import { adminToken, createTestApp, createTestNetwork, expectEventually, KafkaProbe, type TestApp } from '@passerelle/testing';
import { identityApp } from '../../apps/identity/src/identity.app';
import { intakeApp } from '../../apps/intake/src/intake.app';
import { matchingApp } from '../../apps/matching/src/matching.app';
import { answers, bearer, memberOf, programmeWithParticipants } from './matching-fixtures';

/**
 * Mentee choice (issue 5, item 4) and erasure (item 7): ranked suggestions,
 * requests a mentor answers, reminders and expiry from the durable sweep
 * (a short delay here), and what an erasure leaves.
 */
describe('matching: mentee choice, request expiry, erasure', () => {
  let identity: TestApp;
  let intake: TestApp;
  let matching: TestApp;
  let probe: KafkaProbe;
  let admin: string;
  const apps = () => ({ identity, intake, matching });

  beforeAll(async () => {
    probe = await new KafkaProbe([matchProposed.topic]).start();
    identity = await createTestApp(identityApp);
    const env = { AUTH_JWKS_URL: `${identity.url}/.well-known/jwks.json` };
    intake = await createTestApp(intakeApp, { env });
    matching = await createTestApp(matchingApp, {
      env: { ...env, MATCH_REQUEST_TTL_SECONDS: '6', MATCH_REQUEST_REMINDER_SECONDS: '4', MATCH_REQUEST_SWEEP_SECONDS: '1' },
    });
    admin = await adminToken(identity.http);
  });

  afterAll(async () => {
    await probe?.stop();
    await matching?.close();
    await intake?.close();
    await identity?.close();
  });

  it('shows each mentee their own ranked suggestions and lets them request a mentor, who accepts', async () => {
    const network = await createTestNetwork(identity.http, admin);
    const organizer = await memberOf(apps(), network, ['organizer']);
    const [lea, sam, full, data, python] = await Promise.all([1, 2, 3, 4, 5].map(() => memberOf(apps(), network)));
    const { programId, enrollments } = await programmeWithParticipants(
      apps(),
      organizer.token,
      [
        { token: lea.token, role: 'mentee', answers: answers(['fr'], [{ id: 'data-analysis', level: 4 }], 'mentee') },
        { token: sam.token, role: 'mentee', answers: answers(['en'], [{ id: 'python', level: 4 }], 'mentee') },
        { token: data.token, role: 'mentor', answers: answers(['fr', 'en'], [{ id: 'data-analysis', level: 5 }], 'mentor'), capacity: 1 },
        { token: python.token, role: 'mentor', answers: answers(['fr'], [{ id: 'python', level: 5 }], 'mentor'), capacity: 1 },
        { token: full.token, role: 'mentor', answers: answers(['fr', 'en'], [{ id: 'data-analysis', level: 2 }], 'mentor'), capacity: 1 },
      ],
      ['mentee_choice'],
    );
    const [, , dataMentor, pythonMentor, fullMentor] = enrollments;
    const suggestionsOf = async (token: string) =>
      (await matching.http.get(`/v1/matching/programs/${programId}/suggestions`).set(bearer(token)).expect(200)).body as Array<{ rank: number; mentorEnrollmentId: string; score: { total: number } }>;

    const forLea = await suggestionsOf(lea.token);
    expect(forLea.map((s) => s.rank)).toEqual([1, 2, 3]);
    expect(forLea[0].mentorEnrollmentId).toBe(dataMentor);
    // Sam speaks English only: the French-only Python mentor is not feasible for him.
    const forSam = await suggestionsOf(sam.token);
    expect(forSam.map((s) => s.mentorEnrollmentId).sort()).toEqual([dataMentor, fullMentor].sort());
    expect(forSam.map((s) => s.mentorEnrollmentId)).not.toContain(pythonMentor);
    await matching.http.get(`/v1/matching/programs/${programId}/suggestions`).set(bearer(organizer.token)).expect(404);
    await matching.http.get(`/v1/matching/programs/${programId}/suggestions`).query({ limit: 0 }).set(bearer(lea.token)).expect(400);
    const stranger = await memberOf(apps(), await createTestNetwork(identity.http, admin));
    await matching.http.get(`/v1/matching/programs/${programId}/suggestions`).set(bearer(stranger.token)).expect(404);
    await matching.http.post(`/v1/matching/programs/${programId}/rounds`).set(bearer(organizer.token)).send({}).expect(409);

    const request = await matching.http.post(`/v1/matching/programs/${programId}/requests`).set(bearer(lea.token)).send({ mentorEnrollmentId: dataMentor }).expect(201);
    expect(request.body).toMatchObject({ status: 'proposed', origin: 'mentee_choice', menteeAcceptedAt: expect.any(String), mentorAcceptedAt: null });
    const [proposed] = await probe.waitFor((r) => r.key === request.body.id && r.headers['ce_type'] === matchProposed.type);
    expect(validateEventData(matchProposed, proposed.data)).toEqual({ valid: true });
    expect(proposed.data).toMatchObject({ origin: 'mentee_choice', rank: 1, respondBy: expect.any(String) });
    await matching.http.post(`/v1/matching/programs/${programId}/requests`).set(bearer(lea.token)).send({ mentorEnrollmentId: pythonMentor }).expect(409);
    // The requested mentor is full now: nobody else is offered her.
    expect((await suggestionsOf(sam.token)).map((s) => s.mentorEnrollmentId)).toEqual([fullMentor]);
    await matching.http.post(`/v1/matching/programs/${programId}/requests`).set(bearer(sam.token)).send({ mentorEnrollmentId: dataMentor }).expect(404);

    {
      const active = await matching.http.post(`/v1/matches/${request.body.id}/accept`).set(bearer(data.token)).expect(200);
      expect(active.body.status).toBe('active');
      await probe.waitFor((r) => r.key === request.body.id && r.headers['ce_type'] === matchAccepted.type);
    }
  });

  it('reminds the mentor once, then expires an unanswered request and returns the mentee to the pool', async () => {
    const network = await createTestNetwork(identity.http, admin);
    const organizer = await memberOf(apps(), network, ['organizer']);
    const [mentee, mentor] = await Promise.all([memberOf(apps(), network), memberOf(apps(), network)]);
    const skills = [{ id: 'data-analysis', level: 3 }];
    const { programId, enrollments } = await programmeWithParticipants(
      apps(),
      organizer.token,
      [
        { token: mentee.token, role: 'mentee', answers: answers(['fr'], skills, 'mentee') },
        { token: mentor.token, role: 'mentor', answers: answers(['fr'], skills, 'mentor') },
      ],
      ['mentee_choice'],
    );
    {
      const request = await matching.http.post(`/v1/matching/programs/${programId}/requests`).set(bearer(mentee.token)).send({ mentorEnrollmentId: enrollments[1] }).expect(201);
      const [reminder] = await probe.waitFor((r) => r.key === request.body.id && r.headers['ce_type'] === matchRequestExpiring.type, 1, 20_000);
      expect(validateEventData(matchRequestExpiring, reminder.data)).toEqual({ valid: true });
      expect(reminder.data).toMatchObject({ mentorId: mentor.userId, respondBy: request.body.respondBy });
      const [expired] = await probe.waitFor((r) => r.key === request.body.id && r.headers['ce_type'] === matchDeclined.type, 1, 20_000);
      expect(expired.data).toMatchObject({ declinedBy: 'system', reason: 'expired' });
      expect(probe.records.filter((r) => r.key === request.body.id && r.headers['ce_type'] === matchRequestExpiring.type)).toHaveLength(1);
      const match = await matching.http.get(`/v1/matches/${request.body.id}`).set(bearer(mentee.token)).expect(200);
      expect(match.body).toMatchObject({ status: 'declined', declinedBy: 'system', declineReason: 'expired' });
      // Back in the pool, but this mentor is "matched before" now.
      const again = await matching.http.get(`/v1/matching/programs/${programId}/suggestions`).set(bearer(mentee.token)).expect(200);
      expect(again.body).toEqual([]);
    }
  });

  it("drops an erased person's features, ends their matches, and keeps the match as an anonymous statistic", async () => {
    const network = await createTestNetwork(identity.http, admin);
    const organizer = await memberOf(apps(), network, ['organizer']);
    const [mentee, mentor] = await Promise.all([memberOf(apps(), network), memberOf(apps(), network)]);
    const skills = [{ id: 'data-analysis', level: 3 }];
    const { programId, enrollments } = await programmeWithParticipants(apps(), organizer.token, [
      { token: mentee.token, role: 'mentee', answers: answers(['fr'], skills, 'mentee') },
      { token: mentor.token, role: 'mentor', answers: answers(['fr'], skills, 'mentor') },
    ]);
    const round = await matching.http.post(`/v1/matching/programs/${programId}/rounds`).set(bearer(organizer.token)).send({}).expect(201);
    const matchId = round.body.matchIds[0] as string;
    await matching.http.post(`/v1/matches/${matchId}/accept`).set(bearer(mentee.token)).expect(200);
    await matching.http.post(`/v1/matches/${matchId}/accept`).set(bearer(mentor.token)).expect(200);
    {
      await identity.http.delete('/v1/users/me').set(bearer(mentor.token)).expect(204);
      const [ended] = await probe.waitFor((r) => r.key === matchId && r.headers['ce_type'] === matchEnded.type, 1, 30_000);
      expect(ended.data).toMatchObject({ endedBy: 'system', reason: 'participant_erased', mentorId: mentor.userId });
    }
    await expectEventually(async () => {
      const [candidate] = await matching.dataSource.query('SELECT user_id, features, status FROM candidates WHERE enrollment_id = $1', [enrollments[1]]);
      expect(candidate).toEqual({ user_id: null, features: null, status: 'erased' });
    });
    const [trace] = await matching.dataSource.query(
      'SELECT (SELECT count(*) FROM matches WHERE mentor_id = $1)::int AS matches, (SELECT count(*) FROM candidates WHERE user_id = $1)::int AS candidates',
      [mentor.userId],
    );
    expect(trace).toEqual({ matches: 0, candidates: 0 });
    const kept = await matching.http.get(`/v1/matches/${matchId}`).set(bearer(organizer.token)).expect(200);
    expect(kept.body).toMatchObject({ status: 'ended', mentorId: null, menteeId: mentee.userId, endReason: 'participant_erased' });
  });
});
