import {
  matchAccepted,
  matchDeclined,
  matchEnded,
  matchProposed,
  roundCompleted,
  validateEventData,
} from '@passerelle/contracts';
import { adminToken, createTestApp, createTestNetwork, KafkaProbe, type TestApp, type TestNetwork } from '@passerelle/testing';
import { identityApp } from '../../apps/identity/src/identity.app';
import { intakeApp } from '../../apps/intake/src/intake.app';
import { matchingApp } from '../../apps/matching/src/matching.app';
import { answers, bearer, memberOf as memberOfNetwork, type Participant, programmeWithParticipants as setUpProgramme } from './matching-fixtures';

/**
 * Matching over HTTP and Kafka (issue 5): intake's real events fill the pool,
 * rounds propose certified pairs with their breakdowns, and the lifecycle
 * publishes each step. Real identity, intake and matching apps, PostgreSQL and Kafka.
 */
describe('matching: pool, rounds and the match lifecycle', () => {
  let identity: TestApp;
  let intake: TestApp;
  let matching: TestApp;
  let probe: KafkaProbe;
  let admin: string;

  beforeAll(async () => {
    // One probe for the whole file: every match event shares the match topic, and a probe's group join costs seconds.
    probe = await new KafkaProbe([matchProposed.topic, roundCompleted.topic]).start();
    identity = await createTestApp(identityApp);
    const env = { AUTH_JWKS_URL: `${identity.url}/.well-known/jwks.json` };
    intake = await createTestApp(intakeApp, { env });
    matching = await createTestApp(matchingApp, { env });
    admin = await adminToken(identity.http);
  });

  afterAll(async () => {
    await probe?.stop();
    await matching?.close();
    await intake?.close();
    await identity?.close();
  });

  const apps = () => ({ identity, intake, matching });
  const memberOf = (network: TestNetwork, roles: string[] = []) => memberOfNetwork(apps(), network, roles);
  const programmeWithParticipants = (organizer: string, people: Participant[]) => setUpProgramme(apps(), organizer, people);

  it('fills the pool from intake, runs a certified round, and walks proposals through accept, decline and end', async () => {
    const network = await createTestNetwork(identity.http, admin);
    const organizer = await memberOf(network, ['organizer']);
    const [ada, bob, cleo, dora] = await Promise.all([memberOf(network), memberOf(network), memberOf(network), memberOf(network)]);
    const [mira, noah] = await Promise.all([memberOf(network), memberOf(network)]);
    const wantsData = [{ id: 'data-analysis', level: 4 }];
    const { programId, enrollments } = await programmeWithParticipants(organizer.token, [
      { token: ada.token, role: 'mentee', answers: answers(['fr'], wantsData, 'mentee') },
      { token: bob.token, role: 'mentee', answers: answers(['fr', 'en'], [{ id: 'python', level: 3 }], 'mentee') },
      { token: cleo.token, role: 'mentee', answers: answers(['fr'], wantsData, 'mentee', 'Banque Dupont') },
      // Nobody speaks German among the mentors: a hard constraint leaves Dora unmatched whatever happens.
      { token: dora.token, role: 'mentee', answers: answers(['de'], wantsData, 'mentee') },
      { token: mira.token, role: 'mentor', answers: answers(['fr'], [{ id: 'data-analysis', level: 5 }], 'mentor', 'Banque Dupont'), capacity: 1 },
      { token: noah.token, role: 'mentor', answers: answers(['fr', 'en'], [{ id: 'python', level: 5 }], 'mentor'), capacity: 1 },
    ]);
    const [, bobEnrollment, cleoEnrollment, doraEnrollment, miraEnrollment, noahEnrollment] = enrollments;

    // The model: only organizers change it, and bad weights are refused naming each problem.
    const model = await matching.http.get(`/v1/matching/programs/${programId}/model`).set(bearer(ada.token)).expect(200);
    expect(model.body).toMatchObject({ programId, isDefault: true, version: 0 });
    await matching.http.put(`/v1/matching/programs/${programId}/model`).set(bearer(ada.token)).send({ model: model.body.model }).expect(403);
    const bad = await matching.http
      .put(`/v1/matching/programs/${programId}/model`)
      .set(bearer(organizer.token))
      .send({ model: { ...model.body.model, weights: { ...model.body.model.weights, skills: -5, charisma: 10 } } })
      .expect(400);
    expect(bad.body.details.map((detail: { path: string }) => detail.path)).toEqual(expect.arrayContaining(['model.weights.skills', 'model.weights.charisma']));
    const strict = { ...model.body.model, constraints: { ...model.body.model.constraints, excludeSameEmployer: true } };
    await matching.http.put(`/v1/matching/programs/${programId}/model`).set(bearer(organizer.token)).send({ model: strict, version: 0 }).expect(200);

    // A what-if run stores and publishes nothing.
    const whatIf = await matching.http.post(`/v1/matching/programs/${programId}/what-if`).set(bearer(organizer.token)).send({}).expect(200);
    expect(whatIf.body.statistics).toMatchObject({ menteeCount: 4, mentorCount: 2, matchedCount: 2 });
    expect((await matching.dataSource.query('SELECT count(*)::int AS count FROM matches WHERE program_id = $1', [programId]))[0].count).toBe(0);

    await matching.http.post(`/v1/matching/programs/${programId}/rounds`).set(bearer(ada.token)).send({}).expect(403);
    const round = await matching.http.post(`/v1/matching/programs/${programId}/rounds`).set(bearer(organizer.token)).send({}).expect(201);
    // Two mentors of capacity 1: two matches at most; Dora has no feasible mentor; one French speaker waits.
    expect(round.body.statistics).toMatchObject({ menteeCount: 4, mentorCount: 2, matchedCount: 2, unmatched: { noFeasibleMentor: 1, mentorsFull: 1 } });
    expect(round.body.matchIds).toHaveLength(2);
    const [completed] = await probe.waitFor((r) => r.key === round.body.id && r.headers['ce_type'] === roundCompleted.type);
    expect(validateEventData(roundCompleted, completed.data)).toEqual({ valid: true });
    expect(completed.data).toMatchObject({ roundId: round.body.id, programId, matchedCount: 2, startedBy: organizer.userId });

    const proposals = await probe.waitFor((r) => r.headers['ce_type'] === matchProposed.type && round.body.matchIds.includes(r.key), 2);
    for (const record of proposals) {
      expect(validateEventData(matchProposed, record.data)).toEqual({ valid: true });
      const { score } = record.data as { score: { total: number; breakdown: Array<{ points: number; maxPoints: number }>; constraints: Array<{ held: boolean }> } };
      expect(score.breakdown.reduce((sum, item) => sum + item.points, 0)).toBe(score.total);
      expect(score.breakdown.every((item) => item.points <= item.maxPoints)).toBe(true);
      expect(score.constraints.every((item) => item.held)).toBe(true);
    }
    const pairs = (await matching.http.get('/v1/matches').query({ programId }).set(bearer(organizer.token)).expect(200)).body.items;
    const byMentee = new Map(pairs.map((match: { menteeEnrollmentId: string }) => [match.menteeEnrollmentId, match]));
    expect(byMentee.has(doraEnrollment)).toBe(false);
    // Cleo works where Mira works: with excludeSameEmployer that pair is impossible.
    expect(pairs.some((match: { menteeEnrollmentId: string; mentorEnrollmentId: string }) => match.menteeEnrollmentId === cleoEnrollment && match.mentorEnrollmentId === miraEnrollment)).toBe(false);
    // Python wanted and offered: Bob with Noah beats anything else, so the optimum has it.
    const bobMatch = byMentee.get(bobEnrollment) as { id: string; mentorEnrollmentId: string };
    expect(bobMatch.mentorEnrollmentId).toBe(noahEnrollment);

    // A mentee sees only their own matches; another network sees nothing.
    const mine = await matching.http.get('/v1/matches').set(bearer(bob.token)).expect(200);
    expect(mine.body.items.map((match: { id: string }) => match.id)).toEqual([bobMatch.id]);
    const other = await createTestNetwork(identity.http, admin);
    const stranger = await memberOf(other, ['organizer']);
    await matching.http.get(`/v1/matches/${bobMatch.id}`).set(bearer(stranger.token)).expect(404);
    // Ada is a mentee of the same programme, but not of this pair.
    await matching.http.get(`/v1/matches/${bobMatch.id}`).set(bearer(ada.token)).expect(404);
    await matching.http.post(`/v1/matching/programs/${programId}/rounds`).set(bearer(stranger.token)).send({}).expect(404);
    await matching.http.post(`/v1/matches/${bobMatch.id}/accept`).set(bearer(stranger.token)).expect(404);
    await matching.http.post('/v1/matches/not-a-uuid/accept').set(bearer(bob.token)).expect(400);

    // Both accept → active and announced; a second acceptance is a 409 naming the state.
    {
      await matching.http.post(`/v1/matches/${bobMatch.id}/accept`).set(bearer(organizer.token)).expect(403);
      const half = await matching.http.post(`/v1/matches/${bobMatch.id}/accept`).set(bearer(bob.token)).expect(200);
      expect(half.body).toMatchObject({ status: 'proposed', menteeAcceptedAt: expect.any(String), mentorAcceptedAt: null });
      const active = await matching.http.post(`/v1/matches/${bobMatch.id}/accept`).set(bearer(noah.token)).expect(200);
      expect(active.body).toMatchObject({ status: 'active', acceptedAt: expect.any(String) });
      const [accepted] = await probe.waitFor((r) => r.key === bobMatch.id && r.headers['ce_type'] === matchAccepted.type);
      expect(validateEventData(matchAccepted, accepted.data)).toEqual({ valid: true });
      expect(accepted.data).toMatchObject({ matchId: bobMatch.id, menteeId: bob.userId, mentorId: noah.userId });
      const again = await matching.http.post(`/v1/matches/${bobMatch.id}/decline`).set(bearer(noah.token)).send({ reason: 'not_a_fit' }).expect(409);
      expect(again.body.details).toEqual([{ path: 'status', issue: 'is active' }]);
    }

    // Mira declines her proposal: that mentee returns to the pool and the pair is never proposed again.
    const miraMatch = pairs.find((match: { mentorEnrollmentId: string }) => match.mentorEnrollmentId === miraEnrollment) as { id: string; menteeEnrollmentId: string };
    {
      await matching.http.post(`/v1/matches/${miraMatch.id}/decline`).set(bearer(mira.token)).send({ reason: 'astrology' }).expect(400);
      await matching.http.post(`/v1/matches/${miraMatch.id}/decline`).set(bearer(mira.token)).send({ reason: 'no_availability' }).expect(200);
      const [declined] = await probe.waitFor((r) => r.key === miraMatch.id && r.headers['ce_type'] === matchDeclined.type);
      expect(declined.data).toMatchObject({ declinedBy: 'mentor', reason: 'no_availability' });

      const second = await matching.http.post(`/v1/matching/programs/${programId}/rounds`).set(bearer(organizer.token)).send({}).expect(201);
      const again = (await matching.http.get('/v1/matches').query({ programId, status: 'proposed' }).set(bearer(organizer.token)).expect(200)).body.items;
      expect(again.some((match: { menteeEnrollmentId: string; mentorEnrollmentId: string }) => match.menteeEnrollmentId === miraMatch.menteeEnrollmentId && match.mentorEnrollmentId === miraEnrollment)).toBe(false);
      expect(second.body.statistics.mentorCount).toBe(1);

      // Why not? The declined pair fails "not matched before"; Dora fails the common language.
      const whyDeclined = await matching.http
        .get(`/v1/matching/programs/${programId}/why-not`)
        .query({ menteeEnrollmentId: miraMatch.menteeEnrollmentId, mentorEnrollmentId: miraEnrollment })
        .set(bearer(organizer.token))
        .expect(200);
      expect(whyDeclined.body).toMatchObject({ reason: 'constraint_failed', verdict: expect.stringContaining('A hard constraint fails') });
      const whyDoraAsked = await matching.http.get(`/v1/matching/programs/${programId}/why-not`).query({ menteeEnrollmentId: doraEnrollment, mentorEnrollmentId: noahEnrollment }).set(bearer(organizer.token)).expect(200);
      expect(whyDoraAsked.body.reason).toBe('constraint_failed');
      expect(whyDoraAsked.body.score.constraints).toEqual(expect.arrayContaining([expect.objectContaining({ constraint: 'common_language', held: false })]));
      // Dora herself is told no more than that the pairing is not available (the mentor's languages are his answers).
      const whyDora = await matching.http.get(`/v1/matching/programs/${programId}/why-not`).query({ menteeEnrollmentId: doraEnrollment, mentorEnrollmentId: noahEnrollment }).set(bearer(dora.token)).expect(200);
      expect(whyDora.body).toEqual({ menteeEnrollmentId: doraEnrollment, mentorEnrollmentId: noahEnrollment, reason: 'not_available', verdict: 'Not available for this pairing.', score: null, neededScore: null, roundId: null });
      await matching.http.get(`/v1/matching/programs/${programId}/why-not`).query({ menteeEnrollmentId: doraEnrollment, mentorEnrollmentId: noahEnrollment }).set(bearer(ada.token)).expect(403);

      // The active pair ends early at the mentee's request.
      const ended = await matching.http.post(`/v1/matches/${bobMatch.id}/end`).set(bearer(bob.token)).send({}).expect(200);
      expect(ended.body).toMatchObject({ status: 'ended', endedBy: 'mentee', endReason: 'participant_request' });
      const [endEvent] = await probe.waitFor((r) => r.key === bobMatch.id && r.headers['ce_type'] === matchEnded.type);
      expect(validateEventData(matchEnded, endEvent.data)).toEqual({ valid: true });
      expect(endEvent.data).toMatchObject({ endedBy: 'mentee', reason: 'participant_request', early: true });
    }
  });

  it('tells a mentee "not available for this pairing" with no trace of the conflict a mentor declared, nor why a mentor declined; organizers see both', async () => {
    const network = await createTestNetwork(identity.http, admin);
    const organizer = await memberOf(network, ['organizer']);
    const [eve, max, lin] = await Promise.all([memberOf(network), memberOf(network), memberOf(network)]);
    const skills = [{ id: 'data-analysis', level: 3 }];
    const {
      programId,
      enrollments: [eveEnrollment, maxEnrollment, linEnrollment],
    } = await programmeWithParticipants(organizer.token, [
      { token: eve.token, role: 'mentee', answers: answers(['fr'], skills, 'mentee') },
      // Max would suit Eve in every way, but declares a conflict with her (his private answer).
      { token: max.token, role: 'mentor', answers: answers(['fr'], [{ id: 'data-analysis', level: 5 }], 'mentor'), capacity: 2, excludedUserIds: [eve.userId] },
      // Lin shares no language with Eve.
      { token: lin.token, role: 'mentor', answers: answers(['de'], [{ id: 'data-analysis', level: 5 }], 'mentor'), capacity: 2 },
    ]);
    const whyNot = (token: string, mentorEnrollmentId: string, menteeEnrollmentId = eveEnrollment) =>
      matching.http.get(`/v1/matching/programs/${programId}/why-not`).query({ menteeEnrollmentId, mentorEnrollmentId }).set(bearer(token));

    const neutral = (mentorEnrollmentId: string) => ({
      menteeEnrollmentId: eveEnrollment,
      mentorEnrollmentId,
      reason: 'not_available',
      verdict: 'Not available for this pairing.',
      score: null,
      neededScore: null,
      roundId: null,
    });
    const aboutMax = await whyNot(eve.token, maxEnrollment);
    expect([aboutMax.status, aboutMax.body]).toEqual([200, neutral(maxEnrollment)]);
    expect(JSON.stringify(aboutMax.body)).not.toMatch(/exclu|conflict|declared|constraint/i);
    // The same answer as for a mentor who fails on something else: the exclusion cannot be told apart.
    const aboutLin = await whyNot(eve.token, linEnrollment);
    expect([aboutLin.status, aboutLin.body]).toEqual([200, neutral(linEnrollment)]);

    // The organizer sees the precise reason.
    const precise = await whyNot(organizer.token, maxEnrollment).expect(200);
    expect(precise.body).toMatchObject({ reason: 'constraint_failed', verdict: 'A hard constraint fails: the mentor declared a conflict with this mentee.', neededScore: null });
    expect(precise.body.score.constraints).toContainEqual({ constraint: 'not_excluded', held: false, detail: 'the mentor declared a conflict with this mentee' });
    expect((await whyNot(organizer.token, linEnrollment).expect(200)).body.score.constraints).toContainEqual({ constraint: 'common_language', held: false, detail: 'no language in common' });

    // An organizer proposes the pair anyway: Eve's copy of the match does not list the failed exclusion; Max declines, Eve does not learn why.
    const forced = await matching.http
      .post('/v1/matches')
      .set(bearer(organizer.token))
      .send({ programId, menteeEnrollmentId: eveEnrollment, mentorEnrollmentId: maxEnrollment, reason: 'They asked to work together', overrideConstraints: true })
      .expect(201);
    expect(forced.body.score.constraints).toContainEqual({ constraint: 'not_excluded', held: false });
    const evesCopy = await matching.http.get(`/v1/matches/${forced.body.id}`).set(bearer(eve.token)).expect(200);
    expect(evesCopy.body.score.constraints.map((check: { constraint: string }) => check.constraint)).toEqual([
      'common_language',
      'availability_overlap',
      'not_same_employer',
      'not_matched_before',
      'seniority_gap',
    ]);
    expect(JSON.stringify(evesCopy.body)).not.toMatch(/exclu|conflict/i);
    const declined = await matching.http.post(`/v1/matches/${forced.body.id}/decline`).set(bearer(max.token)).send({ reason: 'not_a_fit' }).expect(200);
    expect(declined.body).toMatchObject({ status: 'declined', declinedBy: 'mentor', declineReason: 'not_a_fit' });
    const [eveReads] = (await matching.http.get('/v1/matches').query({ programId }).set(bearer(eve.token)).expect(200)).body.items;
    expect(eveReads).toMatchObject({ id: forced.body.id, status: 'declined', declinedBy: 'mentor', declineReason: null });
    expect((await matching.http.get(`/v1/matches/${forced.body.id}`).set(bearer(organizer.token)).expect(200)).body).toMatchObject({ declineReason: 'not_a_fit' });

    // Nobody else asks: the mentor (403), another network's organizer (404), and bad ids are named (400).
    expect((await whyNot(max.token, maxEnrollment)).status).toBe(403);
    const foreign = await memberOf(await createTestNetwork(identity.http, admin), ['organizer']);
    expect((await whyNot(foreign.token, maxEnrollment)).status).toBe(404);
    const bad = await whyNot(eve.token, 'nope');
    expect([bad.status, bad.body.details]).toEqual([400, [{ path: 'mentorEnrollmentId', issue: expect.any(String) }]]);
  });

  it('closes the open match of a participant who withdraws in intake', async () => {
    const network = await createTestNetwork(identity.http, admin);
    const organizer = await memberOf(network, ['organizer']);
    const [mentee, mentor] = await Promise.all([memberOf(network), memberOf(network)]);
    const skills = [{ id: 'data-analysis', level: 3 }];
    const { programId, enrollments } = await programmeWithParticipants(organizer.token, [
      { token: mentee.token, role: 'mentee', answers: answers(['fr'], skills, 'mentee') },
      { token: mentor.token, role: 'mentor', answers: answers(['fr'], skills, 'mentor') },
    ]);
    const round = await matching.http.post(`/v1/matching/programs/${programId}/rounds`).set(bearer(organizer.token)).send({ loadBalancing: true }).expect(201);
    expect(round.body.statistics.matchedCount).toBe(1);
    {
      await intake.http.post(`/v1/enrollments/${enrollments[0]}/withdraw`).set(bearer(mentee.token)).expect(200);
      const [declined] = await probe.waitFor((r) => r.key === round.body.matchIds[0] && r.headers['ce_type'] === matchDeclined.type, 1, 30_000);
      expect(declined.data).toMatchObject({ declinedBy: 'system', reason: 'participant_withdrew' });
      const match = await matching.http.get(`/v1/matches/${round.body.matchIds[0]}`).set(bearer(organizer.token)).expect(200);
      expect(match.body.status).toBe('declined');
    }
  });
});
