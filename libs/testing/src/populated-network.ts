import { adminToken, createTestMember, createTestNetwork, loginAs } from './auth-session';
import { expectEventually } from './expect-eventually';
import type { ServiceApps } from './service-apps';

/** Who acts in a populated network: a bearer token and, for people, their user id. */
export interface Actor {
  readonly token: string;
  readonly userId?: string;
}

export interface RecordedCall {
  readonly params: Readonly<Record<string, string>>;
  readonly body?: unknown;
}

export type ActorRole = 'organizer' | 'mentor' | 'mentee' | 'integrator';

/**
 * A network with at least one of every resource the public API names by id,
 * created through that API as its people would (the passwords of its members
 * excepted, set in identity's database as `createTestMember` does). Every
 * text it holds contains `slug`, so finding the slug in an answer finds its
 * data.
 */
export interface PopulatedNetwork {
  readonly networkId: string;
  readonly slug: string;
  readonly actors: Readonly<Record<ActorRole, Actor>>;
  /** Its ids by kind (`program`, `match`, …, and `mentor`, `mentee`, `mentorEnrollment`, `menteeEnrollment` among them); every kind has at least one. */
  readonly ids: Readonly<Record<string, readonly string[]>>;
  /** The e-mail addresses of its members. */
  readonly emails: readonly string[];
  /** Path parameters and body of a call of each operation that succeeded, by operation (`POST /v1/programs/{id}/publish`). */
  readonly calls: ReadonlyMap<string, RecordedCall>;
}

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const baseline = { confidence: 3, communication: 3, leadership: 3, networkSize: 2 };

function surveyAnswers(role: 'mentor' | 'mentee', slug: string) {
  return {
    languages: ['fr', 'en'],
    availability: { timeZone: 'Europe/Paris', slots: ['tue-18', 'tue-19', 'thu-18', 'thu-19'] },
    industries: ['banking'],
    experience_years: role === 'mentor' ? 12 : 1,
    employer: `Employer of the ${role} of ${slug}`,
    target_roles: ['data_analytics'],
    ...(role === 'mentee' ? { target_industries: ['banking'] } : {}),
    network_size: role === 'mentor' ? 5 : 1,
    contact_kinds: ['recruiters'],
    [role === 'mentor' ? 'skills_offered' : 'skills_wanted']: [{ id: 'data-analysis', level: 4 }],
  };
}

/**
 * Builds a network as `PopulatedNetwork` describes. The evaluation app must
 * judge pairs every few hundred milliseconds (`ALERT_SWEEP_INTERVAL_MS`) for
 * the network's alert to be raised in time.
 */
export async function populateNetwork(services: ServiceApps, prefix: string): Promise<PopulatedNetwork> {
  const { identity, intake, matching, communication, evaluation } = services.apps;
  const ids: Record<string, string[]> = {};
  const found = (kind: string, id: unknown) => {
    if (typeof id !== 'string') throw new Error(`populating: no ${kind} id in the answer`);
    (ids[kind] ??= []).push(id);
    return id;
  };
  const calls = new Map<string, RecordedCall>();
  const apps = { identity, intake, matching, communication, evaluation };

  /** Calls `template` with its `{parameters}` filled in, fails unless the answer is `status`, and keeps the body that worked. */
  async function call(
    service: keyof typeof apps,
    method: 'get' | 'post' | 'put' | 'patch' | 'delete',
    template: string,
    options: { token: string; params?: Record<string, string>; body?: object; status: number },
  ) {
    const path = template.replace(/\{(\w+)\}/g, (_, name: string) => options.params?.[name] ?? `{${name}}`);
    const request = apps[service].http[method](path).set('authorization', `Bearer ${options.token}`);
    const response = await (options.body === undefined ? request : request.send(options.body));
    if (response.status !== options.status) {
      throw new Error(`populating: ${method.toUpperCase()} ${path} answered ${response.status}, expected ${options.status}: ${JSON.stringify(response.body).slice(0, 600)}`);
    }
    calls.set(`${method.toUpperCase()} ${template}`, { params: options.params ?? {}, ...(options.body !== undefined ? { body: options.body } : {}) });
    return response.body;
  }

  const admin = await adminToken(identity.http);
  const network = await createTestNetwork(identity.http, admin, prefix);
  const slug = network.slug;
  found('network', network.id);
  const member = async (role: string, roles: string[] = []) => {
    const email = `${role}-${slug}@example.org`;
    const credentials = await createTestMember(identity.http, identity.dataSource, network, { email, roles });
    const token = (await loginAs(identity.http, credentials)).accessToken;
    found('user', credentials.userId);
    found(role, credentials.userId);
    await call('identity', 'patch', '/v1/users/me', { token, body: { displayName: `${role} of ${slug}`, city: `City of ${slug}` }, status: 200 });
    return { token, userId: credentials.userId, email };
  };
  const [organizer, mentor, mentee] = await Promise.all([member('organizer', ['organizer']), member('mentor'), member('mentee')]);
  const org = organizer.token;

  // identity: an invitation, a consent, a service account and its token.
  await call('identity', 'post', '/v1/networks/{networkId}/invitations', { token: org, params: { networkId: network.id }, body: { email: `invitee-${slug}@example.org` }, status: 201 });
  await call('identity', 'put', '/v1/users/me/consents/{purpose}', { token: mentee.token, params: { purpose: 'emails' }, body: { granted: true }, status: 200 });
  const account = await call('identity', 'post', '/v1/networks/{id}/service-accounts', { token: org, params: { id: network.id }, body: { name: `CRM of ${slug}` }, status: 201 });
  found('serviceAccount', account.id);
  found('clientId', account.clientId);
  const issued = await identity.http.post('/v1/auth/token').send({ grant_type: 'client_credentials', client_id: account.clientId, client_secret: account.clientSecret });
  if (issued.status !== 200) throw new Error(`populating: the service account's token answered ${issued.status}`);
  const integrator = { token: issued.body.access_token as string };

  // intake: a term of its own, a programme, both enrolments, a goal with progress.
  const term = `term-${slug}`;
  await call('intake', 'post', '/v1/taxonomies/{kind}', { token: org, params: { kind: 'skills' }, body: { id: term, label: `Skill of ${slug}` }, status: 201 });
  found('term', term);
  const program = await call('intake', 'post', '/v1/programs', {
    token: org,
    body: {
      name: `Programme of ${slug}`,
      charter: `Charter of ${slug}`,
      objectives: ['job_search', 'networking', 'skills'],
      startsOn: day(30),
      endsOn: day(210),
      cadenceDays: 14,
      matchingModes: ['organizer_rounds', 'mentee_choice'],
      defaultMentorCapacity: 2,
      intakeOpensOn: day(0),
      intakeClosesOn: day(29),
    },
    status: 201,
  });
  const programId = found('program', program.id);
  const survey = await call('intake', 'get', '/v1/programs/{programId}/surveys/{role}', { token: org, params: { programId, role: 'mentee' }, status: 200 });
  await call('intake', 'put', '/v1/programs/{programId}/surveys/{role}', { token: org, params: { programId, role: 'mentee' }, body: { questions: survey.questions }, status: 200 });
  await call('intake', 'post', '/v1/programs/{id}/publish', { token: org, params: { id: programId }, status: 200 });
  const enrol = (person: { token: string }, role: 'mentor' | 'mentee') =>
    call('intake', 'post', '/v1/enrollments', { token: person.token, body: { programId, role, templateVersion: 1, answers: surveyAnswers(role, slug), baseline }, status: 201 });
  // The mentee's enrolment comes first among the ids: its goals hang from it.
  const menteeEnrollment = found('menteeEnrollment', found('enrollment', (await enrol(mentee, 'mentee')).id));
  const mentorEnrollment = found('mentorEnrollment', found('enrollment', (await enrol(mentor, 'mentor')).id));
  await call('intake', 'put', '/v1/enrollments/{id}', {
    token: mentee.token,
    params: { id: menteeEnrollment },
    body: { templateVersion: 1, answers: surveyAnswers('mentee', slug), baseline, excludedUserIds: [] },
    status: 200,
  });
  const goal = await call('intake', 'post', '/v1/enrollments/{enrollmentId}/goals', {
    token: mentee.token,
    params: { enrollmentId: menteeEnrollment },
    body: { title: `Three interviews for ${slug}`, objective: 'job_search', metric: 'interviews_obtained', targetValue: 3, dueOn: day(100) },
    status: 201,
  });
  found('goal', goal.id);

  // matching: once it has both candidates, a match both accept, a round, its scoring model.
  await expectEventually(
    async () => {
      const [row] = await matching.dataSource.query('SELECT count(*)::int AS count FROM candidates WHERE program_id = $1', [programId]);
      if (row.count !== 2) throw new Error(`matching has ${row.count} of 2 candidates`);
    },
    { timeoutMs: 30_000 },
  );
  const match = await call('matching', 'post', '/v1/matches', {
    token: org,
    body: { programId, menteeEnrollmentId: menteeEnrollment, mentorEnrollmentId: mentorEnrollment, reason: `Paired by hand in ${slug}` },
    status: 201,
  });
  const matchId = found('match', match.id);
  for (const person of [mentee, mentor]) await call('matching', 'post', '/v1/matches/{id}/accept', { token: person.token, params: { id: matchId }, status: 200 });
  await call('matching', 'post', '/v1/matching/programs/{programId}/rounds', { token: org, params: { programId }, body: {}, status: 201 });

  // communication: the pair's conversation and messages, a thread and a reply, a gathering, a resource, a session held.
  const conversation = await expectEventually(async () => {
    const listed = await communication.http.get('/v1/conversations').set('authorization', `Bearer ${mentee.token}`).expect(200);
    const open = (listed.body.items as Array<{ id: string; matchId: string }>).find((item) => item.matchId === matchId);
    if (!open) throw new Error('no conversation yet');
    return open;
  });
  found('conversation', conversation.id);
  const message = await call('communication', 'post', '/v1/conversations/{id}/messages', { token: mentee.token, params: { id: conversation.id }, body: { text: `Hello from ${slug}` }, status: 201 });
  found('message', message.id);
  await call('communication', 'post', '/v1/conversations/{id}/read', { token: mentor.token, params: { id: conversation.id }, body: { upTo: message.id }, status: 200 });
  const thread = await expectEventually(() =>
    call('communication', 'post', '/v1/forums/programs/{programId}/threads', { token: mentee.token, params: { programId }, body: { title: `Thread of ${slug}`, body: `Question from ${slug}` }, status: 201 }),
  );
  const threadId = found('thread', thread.id);
  const post = await call('communication', 'post', '/v1/forums/threads/{threadId}/posts', { token: mentor.token, params: { threadId }, body: { body: `Answer from ${slug}` }, status: 201 });
  found('post', post.id);
  const startsAt = new Date(Date.now() + 5 * 86_400_000).toISOString();
  const gathering = await call('communication', 'post', '/v1/gatherings', {
    token: org,
    body: { programId, kind: 'webinar', title: `Webinar of ${slug}`, startsAt, durationMinutes: 60, capacity: 10, onlineUrl: `https://meet.example.org/${slug}` },
    status: 201,
  });
  found('gathering', gathering.id);
  await expectEventually(() => call('communication', 'post', '/v1/gatherings/{id}/registrations', { token: mentee.token, params: { id: gathering.id }, body: {}, status: 201 }));
  // Attendance is recorded once a gathering has begun: it is moved into the past rather than waited for.
  await communication.dataSource.query(`UPDATE gatherings SET starts_at = now() - interval '10 minutes' WHERE id = $1`, [gathering.id]);
  await call('communication', 'post', '/v1/gatherings/{id}/attendance', { token: org, params: { id: gathering.id }, body: { userIds: [mentee.userId] }, status: 200 });
  const resource = await call('communication', 'post', '/v1/resources', {
    token: org,
    body: { programId, kind: 'training_module', audience: 'all', title: `Training of ${slug}`, url: `https://learn.example.org/${slug}` },
    status: 201,
  });
  found('resource', resource.id);
  await expectEventually(() => call('communication', 'post', '/v1/resources/{id}/completion', { token: mentee.token, params: { id: resource.id }, status: 201 }));
  const session = await call('communication', 'post', '/v1/sessions', {
    token: mentee.token,
    body: { matchId, startsAt, durationMinutes: 45, mode: 'video', timeZone: 'Europe/Paris', agenda: `Agenda of ${slug}` },
    status: 201,
  });
  const sessionId = found('session', session.id);
  await call('communication', 'post', '/v1/sessions/{id}/confirm', { token: mentor.token, params: { id: sessionId }, status: 200 });
  // A session is completed once begun: it is moved into the past rather than waited for.
  await communication.dataSource.query(`UPDATE sessions SET starts_at = now() - interval '2 hours' WHERE id = $1`, [sessionId]);
  await call('communication', 'post', '/v1/sessions/{id}/complete', { token: mentor.token, params: { id: sessionId }, body: { actualDurationMinutes: 40 }, status: 200 });
  const notification = await expectEventually(async () => {
    const listed = await communication.http.get('/v1/notifications').set('authorization', `Bearer ${mentor.token}`).expect(200);
    if (listed.body.items.length === 0) throw new Error('no notification yet');
    return listed.body.items[0] as { id: string };
  });
  found('notification', notification.id);

  // evaluation: strict rules, a poor rating of the session, so the pair's alert is raised.
  await expectEventually(() =>
    call('evaluation', 'put', '/v1/alerts/rules/{programId}', { token: org, params: { programId }, body: { cadenceFactor: 2, noShowThreshold: 2, lowRating: 4, minRatings: 1 }, status: 200 }),
  );
  await expectEventually(() => call('evaluation', 'post', '/v1/feedback', { token: mentee.token, body: { form: 'session', sessionId, satisfaction: 1 }, status: 201 }), {
    timeoutMs: 30_000,
  });
  const alert = await expectEventually(
    async () => {
      const listed = await evaluation.http.get(`/v1/alerts?programId=${programId}`).set('authorization', `Bearer ${org}`).expect(200);
      if (listed.body.items.length === 0) throw new Error('no alert yet');
      return listed.body.items[0] as { id: string };
    },
    { timeoutMs: 30_000 },
  );
  found('alert', alert.id);

  return {
    networkId: network.id,
    slug,
    actors: { organizer, mentor, mentee, integrator },
    ids,
    emails: [organizer.email, mentor.email, mentee.email, `invitee-${slug}@example.org`],
    calls,
  };
}
