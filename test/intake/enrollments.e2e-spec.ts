import {
  enrollmentSubmitted,
  enrollmentUpdated,
  enrollmentWithdrawn,
  goalProgressed,
  goalSet,
  validateEventData,
} from '@passerelle/contracts';
import {
  adminToken,
  createTestApp,
  createTestMember,
  createTestNetwork,
  expectEventually,
  KafkaProbe,
  loginAs,
  type TestApp,
  type TestNetwork,
} from '@passerelle/testing';
import { identityApp } from '../../apps/identity/src/identity.app';
import { intakeApp } from '../../apps/intake/src/intake.app';

/**
 * Surveys, enrolments, SMART goals and erasure over HTTP and Kafka (issue 4,
 * items 3–6), against the real intake and identity apps, PostgreSQL and Kafka.
 */
describe('intake: surveys, enrolments, goals', () => {
  let identity: TestApp;
  let intake: TestApp;
  let probe: KafkaProbe;
  let admin: string;

  beforeAll(async () => {
    // One probe for the file: a topic carries every verb of its aggregate, and a probe's group join costs seconds.
    probe = await new KafkaProbe([enrollmentSubmitted.topic, goalSet.topic]).start();
    identity = await createTestApp(identityApp);
    intake = await createTestApp(intakeApp, { env: { AUTH_JWKS_URL: `${identity.url}/.well-known/jwks.json` } });
    admin = await adminToken(identity.http);
  });

  afterAll(async () => {
    await probe?.stop();
    await intake?.close();
    await identity?.close();
  });

  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
  const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
  const memberOf = async (network: TestNetwork, roles: string[] = []) => {
    const member = await createTestMember(identity.http, identity.dataSource, network, { roles });
    return { userId: member.userId, token: (await loginAs(identity.http, member)).accessToken };
  };
  /** Intake opens today, so enrolments are taken now; the programme runs from next month for half a year. */
  const programme = (overrides: Record<string, unknown> = {}) => ({
    name: 'Premiers pas',
    objectives: ['job_search', 'networking', 'skills'],
    startsOn: day(30),
    endsOn: day(210),
    cadenceDays: 14,
    matchingModes: ['organizer_rounds'],
    defaultMentorCapacity: 2,
    intakeOpensOn: day(0),
    intakeClosesOn: day(29),
    ...overrides,
  });
  const publishedProgramme = async (organizer: string, overrides: Record<string, unknown> = {}) => {
    const id = (await intake.http.post('/v1/programs').set(bearer(organizer)).send(programme(overrides)).expect(201)).body.id as string;
    await intake.http.post(`/v1/programs/${id}/publish`).set(bearer(organizer)).expect(200);
    return id;
  };
  const baseline = { confidence: 2, communication: 3, leadership: 2, networkSize: 1 };
  /** Full answers to the generated survey of a job_search + networking + skills programme. Tokyo has no summer time. */
  const menteeAnswers = {
    languages: ['fr', 'en'],
    availability: { timeZone: 'Asia/Tokyo', slots: ['tue-18', 'thu-19'] },
    industries: ['banking'],
    experience_years: 0,
    employer: 'Boulangerie Dupont SARL',
    interests: ['sustainability'],
    about: 'I am shy and would like help preparing interviews',
    target_roles: ['data_analytics'],
    target_industries: ['banking', 'consulting'],
    network_size: 1,
    contact_kinds: ['industry_professionals'],
    skills_wanted: [
      { id: 'data-analysis', level: 4 },
      { id: 'public-speaking', level: 3 },
    ],
  };
  const mentorAnswers = {
    languages: ['fr'],
    availability: { timeZone: 'Asia/Tokyo', slots: ['tue-18', 'wed-09', 'thu-19'] },
    industries: ['banking'],
    experience_years: 12,
    employer: 'Société Générale',
    target_roles: ['data_analytics', 'finance'],
    network_size: 5,
    contact_kinds: ['recruiters'],
    skills_offered: [{ id: 'data-analysis', level: 5 }],
  };
  const enrol = (token: string, body: Record<string, unknown>) =>
    intake.http
      .post('/v1/enrollments')
      .set(bearer(token))
      .send(body);
  const rowsOf = async (userId: string) =>
    (await intake.dataSource.query('SELECT count(*)::int AS count FROM enrollments WHERE user_id = $1', [userId]))[0].count as number;

  it('enrols a mentee and a mentor with full answers, and publishes their normalised features (ids and numbers only)', async () => {
    const network = await createTestNetwork(identity.http, admin);
    const organizer = await memberOf(network, ['organizer']);
    const mentee = await memberOf(network);
    const mentor = await memberOf(network);
    const programId = await publishedProgramme(organizer.token);

    const survey = await intake.http.get(`/v1/programs/${programId}/surveys/mentee`).set(bearer(mentee.token)).expect(200);
    // Intake is open: the generated survey is saved as version 1 and frozen.
    expect(survey.body).toMatchObject({ programId, role: 'mentee', version: 1, saved: true, editable: false });
    expect(survey.body.questions.map((question: { id: string }) => question.id)).toEqual(expect.arrayContaining(Object.keys(menteeAnswers)));

    const created = await enrol(mentee.token, { programId, role: 'mentee', templateVersion: 1, answers: menteeAnswers, baseline }).expect(201);
    expect(created.body).toMatchObject({ programId, userId: mentee.userId, role: 'mentee', status: 'active', templateVersion: 1, capacity: null, baseline });
    const [submitted] = await probe.waitFor((r) => r.key === created.body.id && r.headers['ce_type'] === enrollmentSubmitted.type);
    expect(validateEventData(enrollmentSubmitted, submitted.data)).toEqual({ valid: true });
    // Tuesday 18:00 in Tokyo (UTC+9) is hour 24 + 18 − 9 = 33 of the UTC week; Thursday 19:00 is 72 + 19 − 9 = 82.
    expect(submitted.data).toEqual({
      enrollmentId: created.body.id,
      networkId: network.id,
      programId,
      userId: mentee.userId,
      role: 'mentee',
      templateVersion: 1,
      features: {
        skillsOffered: [],
        skillsWanted: [
          { id: 'data-analysis', level: 4 },
          { id: 'public-speaking', level: 3 },
        ],
        interests: ['sustainability'],
        industries: ['banking'],
        languages: ['en', 'fr'],
        availability: { timeZone: 'Asia/Tokyo', utcOffsetMinutes: 540, weeklySlotsUtc: [33, 82] },
        experienceYears: 0,
        employerKey: expect.stringMatching(/^[0-9a-f]{32}$/),
        targetRoles: ['data_analytics'],
        targetIndustries: ['banking', 'consulting'],
        networkSize: 1,
        contactKinds: ['industry_professionals'],
      },
      excludedUserIds: [],
      baseline,
      submittedAt: created.body.submittedAt,
    });
    expect(submitted.value).not.toContain('Dupont');
    expect(submitted.value).not.toContain('shy');

    const mentorSurvey = await intake.http.get(`/v1/programs/${programId}/surveys/mentor`).set(bearer(mentor.token)).expect(200);
    const asMentor = await enrol(mentor.token, {
      programId,
      role: 'mentor',
      templateVersion: mentorSurvey.body.version,
      answers: mentorAnswers,
      baseline: { confidence: 4, communication: 4, leadership: 5, networkSize: 5 },
      excludedUserIds: [organizer.userId],
    }).expect(201);
    const [mentorEvent] = await probe.waitFor((r) => r.key === asMentor.body.id);
    expect(validateEventData(enrollmentSubmitted, mentorEvent.data)).toEqual({ valid: true });
    expect(mentorEvent.data).toMatchObject({
      role: 'mentor',
      capacity: 2,
      excludedUserIds: [organizer.userId],
      features: { skillsOffered: [{ id: 'data-analysis', level: 5 }], experienceYears: 12, availability: { weeklySlotsUtc: [33, 48, 82] } },
    });
    // The same person may mentor and be mentored in one programme: roles are per programme.
    await enrol(mentor.token, { programId, role: 'mentee', templateVersion: 1, answers: menteeAnswers, baseline }).expect(201);
  });

  it('reports every bad answer at once with its question id, and stores nothing', async () => {
    const network = await createTestNetwork(identity.http, admin);
    const organizer = await memberOf(network, ['organizer']);
    const mentee = await memberOf(network);
    const draftId = (await intake.http.post('/v1/programs').set(bearer(organizer.token)).send(programme()).expect(201)).body.id as string;
    const generated = await intake.http.get(`/v1/programs/${draftId}/surveys/mentee`).set(bearer(organizer.token)).expect(200);
    expect(generated.body).toMatchObject({ version: 1, saved: false, editable: true });
    // Version 1 asks an extra question; version 2 drops it again.
    const pets = { id: 'pets', type: 'short_text', prompt: 'Do you have pets?', required: false, maxLength: 100 };
    await intake.http.put(`/v1/programs/${draftId}/surveys/mentee`).set(bearer(organizer.token)).send({ questions: [...generated.body.questions, pets] }).expect(200);
    const second = await intake.http.put(`/v1/programs/${draftId}/surveys/mentee`).set(bearer(organizer.token)).send({ version: 1, questions: generated.body.questions }).expect(200);
    expect(second.body).toMatchObject({ version: 2, saved: true });
    await intake.http.post(`/v1/programs/${draftId}/publish`).set(bearer(organizer.token)).expect(200);

    const bad = await enrol(mentee.token, {
      programId: draftId,
      role: 'mentee',
      templateVersion: 1,
      baseline,
      answers: {
        ...menteeAnswers,
        languages: 'fr',
        experience_years: 99,
        target_roles: ['astronaut'],
        network_size: undefined,
        pets: 'a cat',
      },
    }).expect(400);
    expect(bad.body.details).toEqual(
      expect.arrayContaining([
        { path: 'templateVersion', issue: expect.stringContaining('must be 2') },
        { path: 'answers.languages', issue: expect.any(String) },
        { path: 'answers.experience_years', issue: expect.stringContaining('60') },
        { path: 'answers.target_roles[0]', issue: expect.stringContaining('must be one of the options: data_analytics') },
        { path: 'answers.network_size', issue: 'is required' },
        { path: 'answers.pets', issue: 'is a question of version 1 of the survey, not of version 2 in force' },
      ]),
    );
    expect(bad.body.details).toHaveLength(6);
    const badBaseline = await enrol(mentee.token, { programId: draftId, role: 'mentee', templateVersion: 2, answers: menteeAnswers, baseline: { ...baseline, leadership: 6 }, capacity: 2 }).expect(400);
    expect(badBaseline.body.details).toEqual([{ path: 'baseline.leadership', issue: 'must be a whole number from 1 to 5' }]);
    const mentorOnly = await enrol(mentee.token, { programId: draftId, role: 'mentee', templateVersion: 2, answers: menteeAnswers, baseline, capacity: 2 }).expect(400);
    expect(mentorOnly.body.details).toEqual([{ path: 'capacity', issue: 'is stated by mentors only' }]);
    const unknownField = await enrol(mentee.token, { programId: draftId, role: 'mentee', templateVersion: 2, answers: menteeAnswers, baseline, admin: true }).expect(400);
    expect(unknownField.body.details).toEqual([{ path: 'admin', issue: 'is not an accepted field' }]);
    expect(await rowsOf(mentee.userId)).toBe(0);

    await enrol(mentee.token, { programId: draftId, role: 'mentee', templateVersion: 2, answers: menteeAnswers, baseline }).expect(201);
  });

  it('lets organizers shape the survey until intake opens, and only them', async () => {
    const network = await createTestNetwork(identity.http, admin);
    const organizer = await memberOf(network, ['organizer']);
    const member = await memberOf(network);
    const draftId = (await intake.http.post('/v1/programs').set(bearer(organizer.token)).send(programme({ objectives: ['networking'] })).expect(201)).body.id;
    const generated = await intake.http.get(`/v1/programs/${draftId}/surveys/mentor`).set(bearer(member.token)).expect(200);
    const ids = generated.body.questions.map((question: { id: string }) => question.id);
    expect(ids).toEqual(expect.arrayContaining(['languages', 'availability', 'network_size', 'contact_kinds']));
    expect(ids).not.toContain('target_roles');
    expect(ids).not.toContain('skills_offered');

    await intake.http.put(`/v1/programs/${draftId}/surveys/mentor`).set(bearer(member.token)).send({ questions: generated.body.questions }).expect(403);
    const withoutLanguages = generated.body.questions.filter((question: { id: string }) => question.id !== 'languages');
    const invalid = await intake.http
      .put(`/v1/programs/${draftId}/surveys/mentor`)
      .set(bearer(organizer.token))
      .send({ questions: [...withoutLanguages, { id: 'Bad Id', type: 'scale', prompt: '', required: true }] })
      .expect(400);
    const paths = invalid.body.details.map((detail: { path: string }) => detail.path);
    expect(paths).toEqual(expect.arrayContaining([`questions[${withoutLanguages.length}].id`, `questions[${withoutLanguages.length}].prompt`]));
    expect(invalid.body.details).toEqual(expect.arrayContaining([expect.objectContaining({ issue: expect.stringContaining('languages') })]));
    await intake.http.put(`/v1/programs/${draftId}/surveys/mentor`).set(bearer(organizer.token)).send({ questions: 'all of them' }).expect(400);
    await intake.http.put(`/v1/programs/${draftId}/surveys/astronaut`).set(bearer(organizer.token)).send({ questions: [] }).expect(400);

    await intake.http.post(`/v1/programs/${draftId}/publish`).set(bearer(organizer.token)).expect(200);
    const frozen = await intake.http.put(`/v1/programs/${draftId}/surveys/mentor`).set(bearer(organizer.token)).send({ questions: generated.body.questions }).expect(409);
    expect(frozen.body.message).toContain('intake opened');
    // The objectives the survey was built from are fixed too; other fields still change.
    const fixed = await intake.http.patch(`/v1/programs/${draftId}`).set(bearer(organizer.token)).send({ objectives: ['networking', 'skills'] }).expect(409);
    expect(fixed.body.details).toEqual([{ path: 'objectives', issue: 'cannot change after intake opened' }]);
    await intake.http.patch(`/v1/programs/${draftId}`).set(bearer(organizer.token)).send({ objectives: ['networking'], name: 'Renamed' }).expect(200);
    const notYet = await publishedProgramme(organizer.token, { intakeOpensOn: day(5), intakeClosesOn: day(20) });
    await intake.http.put(`/v1/programs/${notYet}/surveys/mentee`).set(bearer(organizer.token)).send({ questions: generated.body.questions }).expect(200);
    const early = await enrol(member.token, { programId: notYet, role: 'mentee', templateVersion: 1, answers: menteeAnswers, baseline }).expect(409);
    expect(early.body.message).toBe(`Intake for this programme opens on ${day(5)}.`);
  });

  it('refuses a closed programme, another network, and a second enrolment in the same role', async () => {
    const network = await createTestNetwork(identity.http, admin);
    const other = await createTestNetwork(identity.http, admin);
    const organizer = await memberOf(network, ['organizer']);
    const mentee = await memberOf(network);
    const stranger = await memberOf(other);
    const strangerOrganizer = await memberOf(other, ['organizer']);
    const programId = await publishedProgramme(organizer.token);
    const body = { programId, role: 'mentee', templateVersion: 1, answers: menteeAnswers, baseline };

    const mine = await enrol(mentee.token, body).expect(201);
    const twice = await enrol(mentee.token, body).expect(409);
    expect(twice.body).toMatchObject({ message: expect.stringContaining('already enrolled as mentee'), details: [{ path: 'role', issue: 'already enrolled as mentee' }] });
    expect(await rowsOf(mentee.userId)).toBe(1);

    const foreign = await enrol(stranger.token, body).expect(404);
    expect(foreign.body.details).toEqual([{ path: 'id', issue: 'does not name a programme of your network' }]);
    for (const path of [`/v1/enrollments/${mine.body.id}`, `/v1/enrollments/${mine.body.id}/goals`, `/v1/programs/${programId}/surveys/mentee`, `/v1/programs/${programId}/statistics`]) {
      expect((await intake.http.get(path).set(bearer(strangerOrganizer.token))).status).toBe(404);
    }
    await intake.http.put(`/v1/enrollments/${mine.body.id}`).set(bearer(stranger.token)).send({ templateVersion: 1, answers: menteeAnswers, baseline }).expect(404);
    await intake.http.post(`/v1/enrollments/${mine.body.id}/withdraw`).set(bearer(stranger.token)).expect(404);
    await intake.http.get(`/v1/enrollments/${mine.body.id}`).set(bearer((await memberOf(network)).token)).expect(404);
    await intake.http.get(`/v1/enrollments/${mine.body.id}`).set(bearer(organizer.token)).expect(200);
    await intake.http.get('/v1/enrollments/not-a-uuid').set(bearer(mentee.token)).expect(400);
    const strangersList = await intake.http.get('/v1/enrollments').query({ programId }).set(bearer(strangerOrganizer.token)).expect(200);
    expect(strangersList.body.items).toEqual([]);

    await intake.http.post(`/v1/programs/${programId}/close`).set(bearer(organizer.token)).expect(200);
    const closed = await enrol((await memberOf(network)).token, body).expect(409);
    expect(closed.body.message).toBe('The programme is closed.');
  });

  it('updates while intake is open and withdraws at any time, publishing each change', async () => {
    const network = await createTestNetwork(identity.http, admin);
    const organizer = await memberOf(network, ['organizer']);
    const mentor = await memberOf(network);
    const programId = await publishedProgramme(organizer.token);
    {
      const created = await enrol(mentor.token, { programId, role: 'mentor', templateVersion: 1, answers: mentorAnswers, baseline, capacity: 3 }).expect(201);
      const updated = await intake.http
        .put(`/v1/enrollments/${created.body.id}`)
        .set(bearer(mentor.token))
        .send({ version: 1, templateVersion: 1, answers: { ...mentorAnswers, languages: ['fr', 'es'] }, baseline, capacity: 4 })
        .expect(200);
      expect(updated.body).toMatchObject({ version: 2, capacity: 4, features: { languages: ['es', 'fr'] } });
      const [event] = await probe.waitFor((r) => r.key === created.body.id && r.headers['ce_type'] === enrollmentUpdated.type);
      expect(validateEventData(enrollmentUpdated, event.data)).toEqual({ valid: true });
      expect(event.data).toMatchObject({ capacity: 4, features: { languages: ['es', 'fr'] } });
      const stale = await intake.http.put(`/v1/enrollments/${created.body.id}`).set(bearer(mentor.token)).send({ version: 1, templateVersion: 1, answers: mentorAnswers, baseline }).expect(409);
      expect(stale.body.details).toEqual([{ path: 'version', issue: 'must be 2' }]);

      const withdrawn = await intake.http.post(`/v1/enrollments/${created.body.id}/withdraw`).set(bearer(mentor.token)).expect(200);
      expect(withdrawn.body).toMatchObject({ status: 'withdrawn', withdrawnAt: expect.any(String) });
      const [gone] = await probe.waitFor((r) => r.key === created.body.id && r.headers['ce_type'] === enrollmentWithdrawn.type);
      expect(gone.data).toEqual({ enrollmentId: created.body.id, networkId: network.id, programId, userId: mentor.userId, role: 'mentor', withdrawnAt: withdrawn.body.withdrawnAt });
      await intake.http.post(`/v1/enrollments/${created.body.id}/withdraw`).set(bearer(mentor.token)).expect(409);
      await intake.http.put(`/v1/enrollments/${created.body.id}`).set(bearer(mentor.token)).send({ templateVersion: 1, answers: mentorAnswers, baseline }).expect(409);
      // Withdrawn, they may enrol again while intake is open.
      await enrol(mentor.token, { programId, role: 'mentor', templateVersion: 1, answers: mentorAnswers, baseline }).expect(201);
    }
  });

  it('checks goals criterion by criterion, and publishes goals and their progress', async () => {
    const network = await createTestNetwork(identity.http, admin);
    const organizer = await memberOf(network, ['organizer']);
    const mentee = await memberOf(network);
    const programId = await publishedProgramme(organizer.token, { objectives: ['job_search', 'networking'] });
    const { skills_wanted: _notAsked, ...answers } = menteeAnswers;
    const enrollmentId = (await enrol(mentee.token, { programId, role: 'mentee', templateVersion: 1, answers, baseline }).expect(201)).body.id;
    const goals = `/v1/enrollments/${enrollmentId}/goals`;
    const goal = { title: 'Obtain three interviews for data analyst roles in banking', objective: 'job_search', metric: 'interviews_obtained', targetValue: 3, dueOn: day(150) };

    const failures: Array<[string, Record<string, unknown>, string]> = [
      ['specific', { title: 'Improve things a bit' }, 'title'],
      ['measurable', { targetValue: 2.5 }, 'targetValue'],
      ['achievable', { targetValue: 20, dueOn: day(40) }, 'targetValue'],
      ['relevant', { objective: 'skills' }, 'objective'],
      ['time_bound', { dueOn: day(400) }, 'dueOn'],
    ];
    for (const [criterion, change, path] of failures) {
      const response = await intake.http.post(goals).set(bearer(mentee.token)).send({ ...goal, ...change }).expect(400);
      expect(response.body.message).toContain(criterion);
      expect(response.body.details).toEqual(expect.arrayContaining([{ path, issue: expect.stringMatching(new RegExp(`^${criterion}: `)) }]));
    }
    const everything = await intake.http.post(goals).set(bearer(mentee.token)).send({ title: 'more', objective: 'skills', metric: 'unknown', targetValue: 1, dueOn: day(-1) }).expect(400);
    expect(everything.body.message).toBe('The goal is not SMART: it fails specific, measurable, achievable, relevant, time_bound.');
    await intake.http.post(goals).set(bearer(mentee.token)).send({ ...goal, dueOn: 'soon' }).expect(400);
    await intake.http.post(goals).set(bearer(organizer.token)).send(goal).expect(404);

    const set = await intake.http.post(goals).set(bearer(mentee.token)).send(goal).expect(201);
    expect(set.body).toMatchObject({ ...goal, status: 'in_progress', progressPercent: 0, baselineValue: 0 });
    const [setEvent] = await probe.waitFor((r) => r.key === set.body.id && r.headers['ce_type'] === goalSet.type);
    expect(validateEventData(goalSet, setEvent.data)).toEqual({ valid: true });
    expect(setEvent.data).toMatchObject({ enrollmentId, userId: mentee.userId, role: 'mentee', objective: 'job_search', metric: 'interviews_obtained', targetValue: 3, dueOn: goal.dueOn });
    expect(setEvent.value).not.toContain('banking');

    {
      const progressed = await intake.http.post(`${goals}/${set.body.id}/progress`).set(bearer(mentee.token)).send({ valueReached: 1, reachedOn: day(0) }).expect(200);
      expect(progressed.body).toMatchObject({ status: 'in_progress', progressPercent: 33, valueReached: 1 });
      const [progressEvent] = await probe.waitFor((r) => r.key === set.body.id && r.headers['ce_type'] === goalProgressed.type);
      expect(validateEventData(goalProgressed, progressEvent.data)).toEqual({ valid: true });
      expect(progressEvent.data).toMatchObject({ valueReached: 1, reachedOn: day(0), progressPercent: 33, status: 'in_progress' });
      // Revising the target re-measures the progress already recorded.
      const revised = await intake.http.patch(`${goals}/${set.body.id}`).set(bearer(mentee.token)).send({ targetValue: 2 }).expect(200);
      expect(revised.body).toMatchObject({ targetValue: 2, valueReached: 1, progressPercent: 50, status: 'in_progress', version: 3 });
      await probe.waitFor((r) => r.key === set.body.id && r.headers['ce_type'] === goalProgressed.type && (r.data as { progressPercent: number }).progressPercent === 50);
      const future = await intake.http.post(`${goals}/${set.body.id}/progress`).set(bearer(mentee.token)).send({ valueReached: 2, reachedOn: day(3) }).expect(400);
      expect(future.body.details).toEqual([{ path: 'reachedOn', issue: 'must not be in the future' }]);
      const done = await intake.http.post(`${goals}/${set.body.id}/progress`).set(bearer(mentee.token)).send({ valueReached: 3, reachedOn: day(0) }).expect(200);
      expect(done.body).toMatchObject({ status: 'achieved', progressPercent: 100 });
    }

    const networking = { title: 'Meet ten professionals working in data teams', objective: 'networking', metric: 'professional_contacts_made', targetValue: 10, dueOn: day(120) };
    const second = await intake.http.post(goals).set(bearer(mentee.token)).send(networking).expect(201);
    await intake.http.post(goals).set(bearer(mentee.token)).send({ ...networking, targetValue: 8 }).expect(201);
    const fourth = await intake.http.post(goals).set(bearer(mentee.token)).send(networking).expect(409);
    expect(fourth.body.message).toContain('at most 3 goals');
    await intake.http.delete(`${goals}/${second.body.id}`).set(bearer(mentee.token)).expect(200);
    await intake.http.post(goals).set(bearer(mentee.token)).send(networking).expect(201);
    const listed = await intake.http.get(goals).set(bearer(organizer.token)).expect(200);
    expect(listed.body.map((g: { status: string }) => g.status)).toEqual(['achieved', 'abandoned', 'in_progress', 'in_progress']);
  });

  it('erases the free text of a person who erased their account, and keeps the statistics', async () => {
    const network = await createTestNetwork(identity.http, admin);
    const organizer = await memberOf(network, ['organizer']);
    const member = await createTestMember(identity.http, identity.dataSource, network);
    const mentee = { userId: member.userId, token: (await loginAs(identity.http, member)).accessToken };
    const mentor = await memberOf(network);
    const programId = await publishedProgramme(organizer.token);
    const about = `Erase me ${mentee.userId}`;
    await enrol(mentee.token, { programId, role: 'mentee', templateVersion: 1, answers: { ...menteeAnswers, about }, baseline }).expect(201);
    const enrollmentId = (await intake.http.get('/v1/enrollments').set(bearer(mentee.token)).expect(200)).body.items[0].id;
    await intake.http
      .post(`/v1/enrollments/${enrollmentId}/goals`)
      .set(bearer(mentee.token))
      .send({ title: `Obtain three interviews ${mentee.userId}`, objective: 'job_search', metric: 'interviews_obtained', targetValue: 3, dueOn: day(150) })
      .expect(201);
    await enrol(mentor.token, { programId, role: 'mentor', templateVersion: 1, answers: mentorAnswers, baseline, excludedUserIds: [mentee.userId] }).expect(201);
    const before = await intake.http.get(`/v1/programs/${programId}/statistics`).set(bearer(organizer.token)).expect(200);
    expect(before.body).toEqual({
      programId,
      enrollments: {
        mentee: { submitted: 1, active: 1, withdrawn: 0, erased: 0, capacity: 0, baseline: { confidence: 2, communication: 3, leadership: 2, networkSize: 1 } },
        mentor: { submitted: 1, active: 1, withdrawn: 0, erased: 0, capacity: 2, baseline: { confidence: 2, communication: 3, leadership: 2, networkSize: 1 } },
      },
      goals: { set: 1, inProgress: 1, achieved: 0, abandoned: 0, byObjective: { job_search: 1 } },
    });
    await intake.http.get(`/v1/programs/${programId}/statistics`).set(bearer(mentor.token)).expect(403);

    await identity.http.delete('/v1/users/me').set(bearer(mentee.token)).expect(204);

    const traces = `SELECT
        (SELECT count(*) FROM enrollments WHERE user_id = $1 OR answers::text LIKE '%' || $1 || '%' OR excluded_user_ids @> ARRAY[$1::uuid])::int AS enrollments,
        (SELECT count(*) FROM goals WHERE user_id = $1 OR title LIKE '%' || $1 || '%')::int AS goals,
        (SELECT count(*) FROM enrollments WHERE answers::text LIKE '%Dupont%' AND network_id = $2)::int AS employers`;
    await expectEventually(async () => expect((await intake.dataSource.query(traces, [mentee.userId, network.id]))[0]).toEqual({ enrollments: 0, goals: 0, employers: 0 }), {
      timeoutMs: 30_000,
    });
    const after = await intake.http.get(`/v1/programs/${programId}/statistics`).set(bearer(organizer.token)).expect(200);
    expect(after.body).toEqual({
      ...before.body,
      enrollments: { ...before.body.enrollments, mentee: { ...before.body.enrollments.mentee, active: 0, erased: 1 } },
    });
    const [erased] = await intake.dataSource.query('SELECT features, erased_at FROM enrollments WHERE program_id = $1 AND role = $2', [programId, 'mentee']);
    expect(erased.erased_at).not.toBeNull();
    expect(erased.features.employerKey).toBeNull();
    expect(erased.features.languages).toEqual(['en', 'fr']);
  });
});
