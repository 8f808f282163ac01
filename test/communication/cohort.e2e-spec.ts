import {
  type EventDefinition,
  gatheringAttended,
  gatheringRegistered,
  gatheringRegistrationCancelled,
  resourceCompleted,
  resourcePublished,
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
import type { Response } from 'supertest';
import { communicationApp } from '../../apps/communication/src/communication.app';
import { identityApp } from '../../apps/identity/src/identity.app';
import { intakeApp } from '../../apps/intake/src/intake.app';
import { answers, bearer, day } from '../matching/matching-fixtures';

interface Person {
  readonly userId: string;
  readonly token: string;
}

interface Cohort {
  readonly network: TestNetwork;
  readonly programId: string;
  readonly organizer: Person;
  readonly mentor: Person;
  readonly mentee: Person;
  /** A member of the same network who is not in the programme. */
  readonly outsider: Person;
  /** More mentees of the programme. */
  readonly others: Person[];
  /** Intake's enrolment ids, by user id. */
  readonly enrollments: Map<string, string>;
}

type Method = 'get' | 'post' | 'patch' | 'delete';

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();
/** The fields a 400 names, each once (a field may break several rules). */
const paths = (response: Response) => [...new Set((response.body.details as Array<{ path: string }>).map((detail) => detail.path))];
const ids = (response: Response) => (response.body.items as Array<{ id: string }>).map((item) => item.id);

/**
 * The cohort's shared spaces (issue 6, items 4–6) and their erasure (item 8),
 * end to end: the real identity and intake apps publish the programme and the
 * enrolments, communication copies them from Kafka and serves forums,
 * gatherings and resources; their events are read back from the real broker.
 */
describe('communication: forums, gatherings, resources and training', () => {
  let identity: TestApp;
  let intake: TestApp;
  let communication: TestApp;
  let probe: KafkaProbe;
  let admin: string;
  /** An organizer and a member of another network: every id of ours is a 404 to them. */
  let strangers: Person[];

  beforeAll(async () => {
    probe = await new KafkaProbe([gatheringRegistered.topic, resourceCompleted.topic]).start();
    identity = await createTestApp(identityApp);
    const env = { AUTH_JWKS_URL: `${identity.url}/.well-known/jwks.json` };
    intake = await createTestApp(intakeApp, { env });
    communication = await createTestApp(communicationApp, { env });
    admin = await adminToken(identity.http);
    const elsewhere = await createTestNetwork(identity.http, admin);
    strangers = await Promise.all([memberOf(elsewhere, ['organizer']), memberOf(elsewhere)]);
  });

  afterAll(async () => {
    await probe?.stop();
    await communication?.close();
    await intake?.close();
    await identity?.close();
  });

  async function memberOf(network: TestNetwork, roles: string[] = []): Promise<Person> {
    const member = await createTestMember(identity.http, identity.dataSource, network, { roles });
    return { userId: member.userId, token: (await loginAs(identity.http, member)).accessToken };
  }

  /** A fresh network with a programme published in intake and its participants enrolled there; resolves once communication has the cohort. */
  async function cohort(extraMentees = 0): Promise<Cohort> {
    const network = await createTestNetwork(identity.http, admin);
    // A few at a time: each member is created through the platform admin's login, and identity counts a burst
    // of parallel logins of one account as guesses until they succeed (5 at once are throttled).
    const people: Person[] = [];
    const wanted = [['organizer'], ...Array.from({ length: 3 + extraMentees }, () => [])];
    for (let start = 0; start < wanted.length; start += 3) {
      people.push(...(await Promise.all(wanted.slice(start, start + 3).map((roles) => memberOf(network, roles)))));
    }
    const [organizer, mentor, mentee, outsider, ...others] = people;
    const program = await intake.http
      .post('/v1/programs')
      .set(bearer(organizer.token))
      .send({
        name: 'Data careers',
        objectives: ['job_search', 'networking', 'skills'],
        startsOn: day(30),
        endsOn: day(210),
        cadenceDays: 14,
        matchingModes: ['organizer_rounds'],
        defaultMentorCapacity: 2,
        intakeOpensOn: day(0),
        intakeClosesOn: day(29),
      })
      .expect(201);
    const programId = program.body.id as string;
    await intake.http.post(`/v1/programs/${programId}/publish`).set(bearer(organizer.token)).expect(200);
    const participants = [
      { person: mentor, role: 'mentor' as const },
      { person: mentee, role: 'mentee' as const },
      ...others.map((person) => ({ person, role: 'mentee' as const })),
    ];
    const enrollments = new Map<string, string>();
    await Promise.all(
      participants.map(async ({ person, role }) => {
        const response = await intake.http
          .post('/v1/enrollments')
          .set(bearer(person.token))
          .send({
            programId,
            role,
            templateVersion: 1,
            answers: answers(['fr'], [{ id: 'data-analysis', level: role === 'mentor' ? 5 : 3 }], role),
            baseline: { confidence: 3, communication: 3, leadership: 3, networkSize: 2 },
          });
        if (response.status !== 201) throw new Error(`enrolment answered ${response.status}: ${JSON.stringify(response.body)}`);
        enrollments.set(person.userId, response.body.id);
      }),
    );
    await expectEventually(
      async () => {
        const [row] = await communication.dataSource.query(
          `SELECT (SELECT count(*) FROM cohort_programs WHERE id = $1)::int AS programs,
                  (SELECT count(*) FROM cohort_members WHERE program_id = $1 AND status = 'active')::int AS members`,
          [programId],
        );
        expect(row).toEqual({ programs: 1, members: participants.length });
      },
      { timeoutMs: 30_000 },
    );
    return { network, programId, organizer, mentor, mentee, outsider, others, enrollments };
  }

  function call(method: Method, url: string, who: Person, body?: object) {
    const request = communication.http[method](url).set(bearer(who.token));
    return body === undefined ? request : request.send(body);
  }

  /** The first record of `definition` about `key` whose data has these values, checked against its schema. */
  async function published(definition: EventDefinition<unknown>, key: string, values: Record<string, unknown>): Promise<Record<string, unknown>> {
    const [record] = await probe.waitFor(
      (candidate) =>
        candidate.headers['ce_type'] === definition.type &&
        candidate.key === key &&
        Object.entries(values).every(([name, value]) => (candidate.data as Record<string, unknown>)[name] === value),
    );
    expect(validateEventData(definition, record.data)).toEqual({ valid: true });
    expect(record.headers).toMatchObject({ ce_subject: key, ce_source: '/passerelle/communication' });
    return record.data as Record<string, unknown>;
  }

  /** How many events of a type about `key` (and this user) were written to the outbox: proof of "exactly once". */
  async function outboxCount(definition: EventDefinition<unknown>, key: string, userId: string): Promise<number> {
    const [row] = await communication.dataSource.query(
      `SELECT count(*)::int AS count FROM outbox WHERE event_type = $1 AND message_key = $2 AND payload->>'userId' = $3`,
      [definition.type, key, userId],
    );
    return row.count;
  }

  /** Time passes: the gathering started half an hour ago (no waiting in a test). */
  async function startedAlready(gatheringId: string): Promise<void> {
    await communication.dataSource.query(`UPDATE gatherings SET starts_at = now() - interval '30 minutes' WHERE id = $1`, [gatheringId]);
  }

  /** Every outsider gets the 404 of an id that does not exist, whatever the route. */
  async function expectHiddenFrom(outsiders: readonly Person[], routes: ReadonlyArray<[Method, string, object?]>): Promise<void> {
    for (const who of outsiders) {
      for (const [method, url, body] of routes) {
        const response = await call(method, url, who, body);
        if (response.status !== 404) throw new Error(`${method.toUpperCase()} ${url} answered ${response.status} to an outsider: ${JSON.stringify(response.body)}`);
      }
    }
  }

  const webinar = (programId: string, overrides: Record<string, unknown> = {}) => ({
    programId,
    kind: 'webinar',
    title: 'Data careers: questions and answers',
    startsAt: inDays(3),
    durationMinutes: 60,
    capacity: 1,
    onlineUrl: 'https://meet.example.org/data-careers',
    ...overrides,
  });

  it('documents every route of the cohort spaces in OpenAPI, with its error answers', async () => {
    const document = (await communication.http.get('/docs-json').expect(200)).body as { paths: Record<string, Record<string, { responses: Record<string, unknown> }>> };
    const routes: Array<[string, string]> = [
      ['get', '/v1/forums/programs/{programId}/threads'],
      ['post', '/v1/forums/programs/{programId}/threads'],
      ['get', '/v1/forums/threads/{threadId}'],
      ['patch', '/v1/forums/threads/{threadId}'],
      ['get', '/v1/forums/threads/{threadId}/posts'],
      ['post', '/v1/forums/threads/{threadId}/posts'],
      ['patch', '/v1/forums/posts/{postId}'],
      ['post', '/v1/gatherings'],
      ['get', '/v1/gatherings'],
      ['get', '/v1/gatherings/{id}'],
      ['patch', '/v1/gatherings/{id}'],
      ['post', '/v1/gatherings/{id}/cancel'],
      ['post', '/v1/gatherings/{id}/registrations'],
      ['delete', '/v1/gatherings/{id}/registrations/me'],
      ['get', '/v1/gatherings/{id}/registrations'],
      ['post', '/v1/gatherings/{id}/attendance'],
      ['post', '/v1/resources'],
      ['get', '/v1/resources'],
      ['get', '/v1/resources/{id}'],
      ['patch', '/v1/resources/{id}'],
      ['post', '/v1/resources/{id}/archive'],
      ['post', '/v1/resources/{id}/completion'],
    ];
    for (const [method, path] of routes) {
      const operation = document.paths[path]?.[method];
      if (!operation) throw new Error(`${method.toUpperCase()} ${path} is not in the OpenAPI document`);
      expect(Object.keys(operation.responses)).toEqual(expect.arrayContaining(['400', '401', '404']));
    }
  });

  it('runs a cohort forum: members and organizers write, keyset pages, hide and lock, read-only once the programme closes', async () => {
    const { programId, organizer, mentor, mentee, outsider } = await cohort();
    const threadsUrl = `/v1/forums/programs/${programId}/threads`;

    const bad = await call('post', threadsUrl, mentee, { title: '   ', body: 42, pinned: true }).expect(400);
    expect(paths(bad)).toEqual(expect.arrayContaining(['title', 'body', 'pinned']));
    expect((await communication.dataSource.query('SELECT count(*)::int AS count FROM forum_threads WHERE program_id = $1', [programId]))[0].count).toBe(0);

    const first = (await call('post', threadsUrl, mentee, { title: ' First interview ', body: 'What helped you most?' }).expect(201)).body;
    expect(first).toMatchObject({ programId, authorId: mentee.userId, title: 'First interview', body: 'What helped you most?', locked: false, hidden: false, erased: false });
    const second = (await call('post', threadsUrl, mentor, { title: 'Networking events', body: 'Who goes to the meetup?' }).expect(201)).body;
    const third = (await call('post', threadsUrl, organizer, { title: 'Welcome', body: 'Introduce yourselves here.' }).expect(201)).body;

    // Newest first, by keyset pages; the cursor and limit are checked, and the admin's networkId does not apply here.
    const page1 = await call('get', `${threadsUrl}?limit=2`, mentor).expect(200);
    expect(ids(page1)).toEqual([third.id, second.id]);
    expect(page1.body.nextCursor).toBe(second.id);
    const page2 = await call('get', `${threadsUrl}?limit=2&cursor=${page1.body.nextCursor}`, mentor).expect(200);
    expect(ids(page2)).toEqual([first.id]);
    expect(page2.body.nextCursor).toBeNull();

    // Threads and posts name their author as the directory knows them now: a new name shows on what they wrote before.
    await identity.http.patch('/v1/users/me').set(bearer(mentee.token)).send({ displayName: 'Inès Martin' }).expect(200);
    await expectEventually(async () => expect((await call('get', `/v1/forums/threads/${first.id}`, mentor).expect(200)).body.authorName).toBe('Inès Martin'));
    expect((await call('get', threadsUrl, mentee).expect(200)).body.items.map((thread: { authorName: string }) => thread.authorName)).toEqual([
      'Test member',
      'Test member',
      'Inès Martin',
    ]);
    expect(paths(await call('get', `${threadsUrl}?limit=0&cursor=nope`, mentor).expect(400))).toEqual(expect.arrayContaining(['limit', 'cursor']));
    expect(paths(await call('get', `${threadsUrl}?networkId=${programId}`, mentor).expect(400))).toEqual(['networkId']);
    expect(paths(await call('get', '/v1/forums/programs/not-a-uuid/threads', mentor).expect(400))).toEqual(['programId']);
    expect((await call('get', `/v1/forums/threads/${first.id}`, mentor).expect(200)).body).toMatchObject({ id: first.id, title: 'First interview' });
    expect(paths(await call('get', '/v1/forums/threads/not-a-uuid', mentor).expect(400))).toEqual(['threadId']);

    // Replies, oldest first.
    const postsUrl = `/v1/forums/threads/${first.id}/posts`;
    expect(paths(await call('post', postsUrl, mentor, { body: '' }).expect(400))).toEqual(['body']);
    const reply1 = (await call('post', postsUrl, mentor, { body: 'Rehearse out loud, with a timer.' }).expect(201)).body;
    const reply2 = (await call('post', postsUrl, mentee, { body: 'Thanks, I will try that.' }).expect(201)).body;
    const reply3 = (await call('post', postsUrl, organizer, { body: 'There is a guide in the resources.' }).expect(201)).body;
    expect(reply1).toMatchObject({ threadId: first.id, programId, authorId: mentor.userId, body: 'Rehearse out loud, with a timer.', hidden: false, erased: false });
    const replies1 = await call('get', `${postsUrl}?limit=2`, mentee).expect(200);
    expect(ids(replies1)).toEqual([reply1.id, reply2.id]);
    expect(ids(await call('get', `${postsUrl}?limit=2&cursor=${replies1.body.nextCursor}`, mentee).expect(200))).toEqual([reply3.id]);
    expect(paths(await call('get', `${postsUrl}?limit=101`, mentee).expect(400))).toEqual(['limit']);

    // Hiding a post: members no longer see it, organizers see it marked; only organizers moderate.
    await call('patch', `/v1/forums/posts/${reply2.id}`, mentor, { hidden: true }).expect(403);
    expect(paths(await call('patch', `/v1/forums/posts/${reply2.id}`, organizer, { hidden: 'yes' }).expect(400))).toEqual(['hidden']);
    expect(paths(await call('patch', `/v1/forums/posts/${reply2.id}`, organizer, {}).expect(400))).toEqual(['hidden']);
    expect(paths(await call('patch', '/v1/forums/posts/not-a-uuid', organizer, { hidden: true }).expect(400))).toEqual(['postId']);
    const hiddenPost = await call('patch', `/v1/forums/posts/${reply2.id}`, organizer, { hidden: true }).expect(200);
    expect(hiddenPost.body).toMatchObject({ id: reply2.id, hidden: true, hiddenAt: expect.any(String) });
    expect(ids(await call('get', postsUrl, mentor).expect(200))).toEqual([reply1.id, reply3.id]);
    const asOrganizer = await call('get', postsUrl, organizer).expect(200);
    expect(asOrganizer.body.items.map((post: { id: string; hidden: boolean }) => [post.id, post.hidden])).toEqual([
      [reply1.id, false],
      [reply2.id, true],
      [reply3.id, false],
    ]);
    // A member cannot even find the hidden post to act on it.
    await call('patch', `/v1/forums/posts/${reply2.id}`, mentee, { hidden: false }).expect(404);

    // Locking a thread: no new posts (409 naming why), until unlocked.
    expect(paths(await call('patch', `/v1/forums/threads/${first.id}`, organizer, {}).expect(400))).toEqual(['hidden']);
    expect(paths(await call('patch', `/v1/forums/threads/${first.id}`, organizer, { locked: 'soon' }).expect(400))).toEqual(['locked']);
    await call('patch', `/v1/forums/threads/${first.id}`, mentee, { locked: true }).expect(403);
    expect((await call('patch', `/v1/forums/threads/${first.id}`, organizer, { locked: true }).expect(200)).body).toMatchObject({ locked: true, lockedAt: expect.any(String) });
    const locked = await call('post', postsUrl, mentee, { body: 'One more thing…' }).expect(409);
    expect(locked.body.details).toEqual([{ path: 'threadId', issue: 'names a locked thread' }]);
    await call('patch', `/v1/forums/threads/${first.id}`, organizer, { locked: false }).expect(200);
    await call('post', postsUrl, mentee, { body: 'One more thing…' }).expect(201);

    // Hiding a thread: gone for members (404, not listed), visible to organizers marked hidden.
    await call('patch', `/v1/forums/threads/${second.id}`, organizer, { hidden: true }).expect(200);
    await call('get', `/v1/forums/threads/${second.id}`, mentee).expect(404);
    await call('get', `/v1/forums/threads/${second.id}/posts`, mentee).expect(404);
    await call('post', `/v1/forums/threads/${second.id}/posts`, mentee, { body: 'Hello?' }).expect(404);
    expect(ids(await call('get', threadsUrl, mentee).expect(200))).toEqual([third.id, first.id]);
    const organizerThreads = await call('get', threadsUrl, organizer).expect(200);
    expect(organizerThreads.body.items.find((thread: { id: string }) => thread.id === second.id)).toMatchObject({ hidden: true });

    // The cohort's texts are its own: another network, and a member of this one outside the cohort, find nothing.
    await expectHiddenFrom(
      [outsider, ...strangers],
      [
        ['get', threadsUrl],
        ['post', threadsUrl, { title: 'Hi', body: 'Anyone?' }],
        ['get', `/v1/forums/threads/${first.id}`],
        ['patch', `/v1/forums/threads/${first.id}`, { locked: true }],
        ['get', postsUrl],
        ['post', postsUrl, { body: 'Hello' }],
        ['patch', `/v1/forums/posts/${reply1.id}`, { hidden: true }],
      ],
    );

    // A closed programme stays readable and takes nothing new.
    await intake.http.post(`/v1/programs/${programId}/close`).set(bearer(organizer.token)).expect(200);
    await expectEventually(async () => {
      const [program] = await communication.dataSource.query('SELECT status FROM cohort_programs WHERE id = $1', [programId]);
      expect(program.status).toBe('closed');
    });
    const closed = await call('post', threadsUrl, mentee, { title: 'Still there?', body: 'Hello' }).expect(409);
    expect(closed.body.details).toEqual([{ path: 'programId', issue: 'names a closed programme' }]);
    await call('post', postsUrl, mentor, { body: 'Goodbye' }).expect(409);
    await call('get', postsUrl, mentor).expect(200);
  });

  it('schedules gatherings: bad input named, waitlist when full, promotion on cancel, attendance after the start, and their events', async () => {
    const { programId, organizer, mentor, mentee, outsider } = await cohort();

    // Bad input: every problem named, nothing written.
    const bad = await call('post', '/v1/gatherings', organizer, {
      ...webinar(programId),
      kind: 'party',
      capacity: 0,
      durationMinutes: 5,
      onlineUrl: 'http://meet.example.org/x',
      startsAt: 'next tuesday',
    }).expect(400);
    expect(paths(bad)).toEqual(expect.arrayContaining(['kind', 'capacity', 'durationMinutes', 'onlineUrl', 'startsAt']));
    const past = await call('post', '/v1/gatherings', organizer, webinar(programId, { startsAt: inDays(-1) })).expect(400);
    expect(past.body.details).toEqual([{ path: 'startsAt', issue: 'must be in the future' }]);
    expect(paths(await call('post', '/v1/gatherings', organizer, webinar(programId, { onlineUrl: undefined })).expect(400))).toEqual(['onlineUrl']);
    expect(paths(await call('post', '/v1/gatherings', organizer, webinar(programId, { place: 'Lyon' })).expect(400))).toEqual(['place']);
    expect((await communication.dataSource.query('SELECT count(*)::int AS count FROM gatherings WHERE program_id = $1', [programId]))[0].count).toBe(0);
    await call('post', '/v1/gatherings', mentor, webinar(programId)).expect(403);

    const created = await call('post', '/v1/gatherings', organizer, webinar(programId)).expect(201);
    const gathering = created.body;
    expect(gathering).toMatchObject({ programId, kind: 'webinar', capacity: 1, status: 'scheduled', confirmedCount: 0, waitlistCount: 0, seatsLeft: 1, place: null, myRegistration: null });
    const meetup = (await call('post', '/v1/gatherings', organizer, { ...webinar(programId), kind: 'networking_event', onlineUrl: undefined, place: 'Maison des Alumni, Lyon', startsAt: inDays(5), capacity: 30 }).expect(201)).body;
    const listed = await call('get', `/v1/gatherings?programId=${programId}&limit=1`, mentee).expect(200);
    expect(ids(listed)).toEqual([gathering.id]);
    expect(ids(await call('get', `/v1/gatherings?programId=${programId}&cursor=${listed.body.nextCursor}`, mentee).expect(200))).toEqual([meetup.id]);
    expect(paths(await call('get', '/v1/gatherings?limit=2', mentee).expect(400))).toEqual(['programId']);
    expect(paths(await call('get', '/v1/gatherings/not-a-uuid', mentee).expect(400))).toEqual(['id']);

    // Seats: the first is confirmed and announced; the next is waitlisted with a position; no double registration.
    expect(paths(await call('post', `/v1/gatherings/${gathering.id}/registrations`, mentee, { waitlist: 'maybe' }).expect(400))).toEqual(['waitlist']);
    await call('post', `/v1/gatherings/${gathering.id}/registrations`, organizer).expect(403);
    const adaSeat = (await call('post', `/v1/gatherings/${gathering.id}/registrations`, mentee).expect(201)).body;
    expect(adaSeat).toMatchObject({ gatheringId: gathering.id, userId: mentee.userId, status: 'confirmed', waitlistPosition: null });
    const registered = await published(gatheringRegistered, gathering.id, { userId: mentee.userId });
    expect(registered).toMatchObject({ registrationId: adaSeat.id, programId, kind: 'webinar', startsAt: gathering.startsAt });
    expect(registered).not.toHaveProperty('waitlistedAt');
    const full = await call('post', `/v1/gatherings/${gathering.id}/registrations`, mentor, { waitlist: false }).expect(409);
    expect(full.body.details).toEqual([{ path: 'capacity', issue: 'is reached: 1 of 1 seats are confirmed' }]);
    const miraWaits = (await call('post', `/v1/gatherings/${gathering.id}/registrations`, mentor).expect(201)).body;
    expect(miraWaits).toMatchObject({ status: 'waitlisted', waitlistPosition: 1, confirmedAt: null });
    const twice = await call('post', `/v1/gatherings/${gathering.id}/registrations`, mentor).expect(409);
    expect(twice.body.details).toEqual([{ path: 'registration', issue: 'is waitlisted' }]);
    expect((await call('get', `/v1/gatherings/${gathering.id}`, mentor).expect(200)).body).toMatchObject({
      confirmedCount: 1,
      waitlistCount: 1,
      seatsLeft: 0,
      myRegistration: { id: miraWaits.id, status: 'waitlisted', waitlistPosition: 1 },
    });

    // Only organizers (and integrators) list the registrations.
    await call('get', `/v1/gatherings/${gathering.id}/registrations`, mentee).expect(403);
    expect(paths(await call('get', `/v1/gatherings/${gathering.id}/registrations?status=lost`, organizer).expect(400))).toEqual(['status']);
    const registrations = await call('get', `/v1/gatherings/${gathering.id}/registrations`, organizer).expect(200);
    expect(registrations.body.items.map((item: { userId: string; status: string }) => [item.userId, item.status])).toEqual([
      [mentee.userId, 'confirmed'],
      [mentor.userId, 'waitlisted'],
    ]);

    // Ada cancels: her seat goes to Mira in the same transaction, and both changes are announced.
    expect(paths(await call('delete', '/v1/gatherings/not-a-uuid/registrations/me', mentee).expect(400))).toEqual(['id']);
    const cancelled = await call('delete', `/v1/gatherings/${gathering.id}/registrations/me`, mentee).expect(200);
    expect(cancelled.body).toMatchObject({ id: adaSeat.id, status: 'cancelled', cancelReason: 'participant_cancelled' });
    await call('delete', `/v1/gatherings/${gathering.id}/registrations/me`, mentee).expect(404);
    expect((await call('get', `/v1/gatherings/${gathering.id}`, mentor).expect(200)).body).toMatchObject({
      confirmedCount: 1,
      waitlistCount: 0,
      myRegistration: { id: miraWaits.id, status: 'confirmed', waitlistPosition: null, confirmedAt: expect.any(String) },
    });
    expect(await published(gatheringRegistrationCancelled, gathering.id, { userId: mentee.userId })).toMatchObject({
      registrationId: adaSeat.id,
      reason: 'participant_cancelled',
    });
    expect(await published(gatheringRegistered, gathering.id, { userId: mentor.userId })).toMatchObject({
      registrationId: miraWaits.id,
      waitlistedAt: miraWaits.registeredAt,
    });

    // Changes by organizers until the start; the capacity never drops below the confirmed seats.
    expect(paths(await call('patch', `/v1/gatherings/${gathering.id}`, organizer, {}).expect(400))).toEqual(['body']);
    expect(paths(await call('patch', `/v1/gatherings/${gathering.id}`, organizer, { capacity: 0, kind: 'networking_event' }).expect(400))).toEqual(
      expect.arrayContaining(['capacity', 'kind']),
    );
    expect(paths(await call('patch', `/v1/gatherings/${gathering.id}`, organizer, { startsAt: inDays(-2) }).expect(400))).toEqual(['startsAt']);
    await call('patch', `/v1/gatherings/${gathering.id}`, mentor, { title: 'Mine now' }).expect(403);
    const moved = await call('patch', `/v1/gatherings/${gathering.id}`, organizer, { place: 'Room 12, Campus Nord', capacity: 3 }).expect(200);
    expect(moved.body).toMatchObject({ place: 'Room 12, Campus Nord', onlineUrl: null, capacity: 3, seatsLeft: 2 });
    await call('post', `/v1/gatherings/${gathering.id}/registrations`, mentee).expect(201);
    const tooSmall = await call('patch', `/v1/gatherings/${gathering.id}`, organizer, { capacity: 1 }).expect(409);
    expect(tooSmall.body.details).toEqual([{ path: 'capacity', issue: 'must be at least 2 (the confirmed registrations)' }]);

    // Attendance: only once started, only for confirmed registrants, all or nothing, once each.
    const early = await call('post', `/v1/gatherings/${gathering.id}/attendance`, organizer, { userIds: [mentor.userId] }).expect(409);
    expect(paths(early)).toEqual(['startsAt']);
    await startedAlready(gathering.id);
    expect(paths(await call('post', `/v1/gatherings/${gathering.id}/attendance`, organizer, { userIds: [] }).expect(400))).toEqual(['userIds']);
    expect(paths(await call('post', `/v1/gatherings/${gathering.id}/attendance`, organizer, { userIds: ['someone'] }).expect(400))).toEqual(['userIds']);
    await call('post', `/v1/gatherings/${gathering.id}/attendance`, mentor, { userIds: [mentor.userId] }).expect(403);
    const notRegistered = await call('post', `/v1/gatherings/${gathering.id}/attendance`, organizer, { userIds: [mentor.userId, outsider.userId] }).expect(409);
    expect(notRegistered.body.details).toEqual([{ path: 'userIds.1', issue: 'is not a confirmed registrant' }]);
    const attended = await call('post', `/v1/gatherings/${gathering.id}/attendance`, organizer, { userIds: [mentor.userId] }).expect(200);
    expect(attended.body).toEqual({ recorded: [mentor.userId], alreadyRecorded: [] });
    const again = await call('post', `/v1/gatherings/${gathering.id}/attendance`, organizer, { userIds: [mentor.userId, mentee.userId] }).expect(200);
    expect(again.body).toEqual({ recorded: [mentee.userId], alreadyRecorded: [mentor.userId] });
    expect(await published(gatheringAttended, gathering.id, { userId: mentor.userId })).toMatchObject({ registrationId: miraWaits.id, programId, kind: 'webinar' });
    expect(await outboxCount(gatheringAttended, gathering.id, mentor.userId)).toBe(1);
    await call('post', `/v1/gatherings/${gathering.id}/registrations`, outsider).expect(404);
    expect(paths(await call('post', `/v1/gatherings/${gathering.id}/registrations`, mentor).expect(409))).toEqual(['startsAt']);
    await call('delete', `/v1/gatherings/${gathering.id}/registrations/me`, mentor).expect(409);
    await call('patch', `/v1/gatherings/${gathering.id}`, organizer, { title: 'Too late' }).expect(409);

    // Cancelling a gathering cancels its registrations, announcing each confirmed seat given up.
    await call('post', `/v1/gatherings/${meetup.id}/registrations`, mentee).expect(201);
    expect(paths(await call('post', `/v1/gatherings/${meetup.id}/cancel`, organizer, { reason: 42 }).expect(400))).toEqual(['reason']);
    await call('post', `/v1/gatherings/${meetup.id}/cancel`, mentee, {}).expect(403);
    const called = await call('post', `/v1/gatherings/${meetup.id}/cancel`, organizer, { reason: 'The venue flooded.' }).expect(200);
    expect(called.body).toMatchObject({ status: 'cancelled', cancelReason: 'The venue flooded.', confirmedCount: 0, seatsLeft: 0 });
    expect(await published(gatheringRegistrationCancelled, meetup.id, { userId: mentee.userId })).toMatchObject({ reason: 'gathering_cancelled', kind: 'networking_event' });
    expect(paths(await call('post', `/v1/gatherings/${meetup.id}/cancel`, organizer, {}).expect(409))).toEqual(['status']);
    expect(paths(await call('post', `/v1/gatherings/${meetup.id}/registrations`, mentor).expect(409))).toEqual(['status']);

    // Another network, and members of this one outside the cohort, find none of it.
    await expectHiddenFrom(
      [outsider, ...strangers],
      [
        ['post', '/v1/gatherings', webinar(programId)],
        ['get', `/v1/gatherings?programId=${programId}`],
        ['get', `/v1/gatherings/${gathering.id}`],
        ['patch', `/v1/gatherings/${meetup.id}`, { title: 'Ours' }],
        ['post', `/v1/gatherings/${meetup.id}/cancel`, {}],
        ['post', `/v1/gatherings/${meetup.id}/registrations`, {}],
        ['delete', `/v1/gatherings/${gathering.id}/registrations/me`],
        ['get', `/v1/gatherings/${gathering.id}/registrations`],
        ['post', `/v1/gatherings/${gathering.id}/attendance`, { userIds: [mentor.userId] }],
      ],
    );
  });

  it('never confirms more registrants than seats under parallel registrations and cancellations, and frees the seat of who leaves the programme', async () => {
    const { programId, organizer, mentor, mentee, others, enrollments } = await cohort(4);
    const people = [mentor, mentee, ...others];
    const gathering = (await call('post', '/v1/gatherings', organizer, webinar(programId, { capacity: 2 })).expect(201)).body;

    const answersInParallel = await Promise.all(people.map((person) => call('post', `/v1/gatherings/${gathering.id}/registrations`, person)));
    expect(answersInParallel.map((response) => response.status)).toEqual(people.map(() => 201));
    const byStatus = (status: string) => answersInParallel.filter((response) => response.body.status === status).map((response) => response.body);
    expect(byStatus('confirmed')).toHaveLength(2);
    expect(byStatus('waitlisted').map((registration) => registration.waitlistPosition).sort()).toEqual([1, 2, 3, 4]);
    const seats = async () =>
      (
        await communication.dataSource.query(
          `SELECT count(*) FILTER (WHERE status = 'confirmed')::int AS confirmed, count(*) FILTER (WHERE status = 'waitlisted')::int AS waitlisted
             FROM gathering_registrations WHERE gathering_id = $1`,
          [gathering.id],
        )
      )[0];
    expect(await seats()).toEqual({ confirmed: 2, waitlisted: 4 });
    // Waitlist positions follow registration order.
    const waiting = (await call('get', `/v1/gatherings/${gathering.id}/registrations?status=waitlisted`, organizer).expect(200)).body.items;
    expect(waiting.map((registration: { waitlistPosition: number }) => registration.waitlistPosition)).toEqual([1, 2, 3, 4]);

    // Both confirmed people cancel at once: the first two of the waitlist move up, never more.
    const confirmedPeople = people.filter((person) => byStatus('confirmed').some((registration) => registration.userId === person.userId));
    const cancellations = await Promise.all(confirmedPeople.map((person) => call('delete', `/v1/gatherings/${gathering.id}/registrations/me`, person)));
    expect(cancellations.map((response) => response.status)).toEqual([200, 200]);
    expect(await seats()).toEqual({ confirmed: 2, waitlisted: 2 });
    const nowConfirmed = (await call('get', `/v1/gatherings/${gathering.id}/registrations?status=confirmed`, organizer).expect(200)).body.items;
    expect(nowConfirmed.map((registration: { id: string }) => registration.id)).toEqual([waiting[0].id, waiting[1].id]);
    await probe.waitFor((record) => record.key === gathering.id && record.headers['ce_type'] === gatheringRegistered.type, 4);
    await probe.waitFor((record) => record.key === gathering.id && record.headers['ce_type'] === gatheringRegistrationCancelled.type, 2);
    const [row] = await communication.dataSource.query(`SELECT count(*)::int AS count FROM outbox WHERE message_key = $1 AND event_type = $2`, [gathering.id, gatheringRegistered.type]);
    expect(row.count).toBe(4);

    // A confirmed participant leaves the programme in intake: their seat goes to the next in line, and the gathering is no longer theirs to see.
    const leaver = people.find((person) => person.userId === nowConfirmed[0].userId)!;
    await intake.http.post(`/v1/enrollments/${enrollments.get(leaver.userId)}/withdraw`).set(bearer(leaver.token)).expect(200);
    expect(
      await published(gatheringRegistrationCancelled, gathering.id, { userId: leaver.userId, reason: 'participant_withdrew' }),
    ).toMatchObject({ registrationId: nowConfirmed[0].id });
    expect(await seats()).toEqual({ confirmed: 2, waitlisted: 1 });
    expect((await call('get', `/v1/gatherings/${gathering.id}/registrations?status=confirmed`, organizer).expect(200)).body.items.map((r: { id: string }) => r.id)).toEqual([
      waiting[1].id,
      waiting[2].id,
    ]);
    await call('get', `/v1/gatherings/${gathering.id}`, leaver).expect(404);
  });

  it('publishes resources per role, lets participants complete training once, and announces it', async () => {
    const { programId, organizer, mentor, mentee, outsider } = await cohort();

    const bad = await call('post', '/v1/resources', organizer, {
      programId,
      kind: 'podcast',
      audience: 'everyone',
      title: '',
      url: 'ftp://files.example.org/guide.pdf',
    }).expect(400);
    expect(paths(bad)).toEqual(expect.arrayContaining(['kind', 'audience', 'title', 'url']));
    const both = await call('post', '/v1/resources', organizer, { programId, kind: 'guide', audience: 'all', title: 'Guide', url: 'https://example.org/g', body: 'Text' }).expect(400);
    expect(both.body.details).toEqual([{ path: 'body', issue: 'must not be given with url (exactly one of them)' }]);
    const noLink = await call('post', '/v1/resources', organizer, { programId, kind: 'webinar_recording', audience: 'mentee', title: 'Replay', body: 'We talked.' }).expect(400);
    expect(noLink.body.details).toEqual([{ path: 'url', issue: 'is required for a webinar_recording (the link to the recording)' }]);
    await call('post', '/v1/resources', mentor, { programId, kind: 'guide', audience: 'all', title: 'Mine', body: 'Text' }).expect(403);

    const training = (
      await call('post', '/v1/resources', organizer, { programId, kind: 'training_module', audience: 'mentor', title: 'Mentoring 101', url: 'https://learn.example.org/mentoring-101' }).expect(201)
    ).body;
    expect(training).toMatchObject({ programId, kind: 'training_module', audience: 'mentor', status: 'published', completable: true, completionCount: 0, myCompletion: null });
    expect(await published(resourcePublished, training.id, {})).toMatchObject({ kind: 'training_module', audience: 'mentor', publishedBy: organizer.userId });
    const guide = (
      await call('post', '/v1/resources', organizer, { programId, kind: 'tool_howto', audience: 'all', title: 'Using the conversations', body: 'Open your match, then write.' }).expect(201)
    ).body;
    const replay = (
      await call('post', '/v1/resources', organizer, { programId, kind: 'webinar_recording', audience: 'mentee', title: 'Replay: first interviews', url: 'https://video.example.org/42' }).expect(201)
    ).body;

    // Each participant sees what applies to their role; organizers see everything.
    expect(ids(await call('get', `/v1/resources?programId=${programId}`, mentor).expect(200))).toEqual([training.id, guide.id]);
    expect(ids(await call('get', `/v1/resources?programId=${programId}`, mentee).expect(200))).toEqual([guide.id, replay.id]);
    expect(ids(await call('get', `/v1/resources?programId=${programId}&kind=webinar_recording`, organizer).expect(200))).toEqual([replay.id]);
    expect(paths(await call('get', `/v1/resources?programId=${programId}&kind=podcast`, mentee).expect(400))).toEqual(['kind']);
    expect(paths(await call('get', '/v1/resources', mentee).expect(400))).toEqual(['programId']);
    await call('get', `/v1/resources/${training.id}`, mentee).expect(404);
    expect(paths(await call('get', '/v1/resources/not-a-uuid', mentee).expect(400))).toEqual(['id']);

    // Completion: training modules only, by participants, once.
    expect(paths(await call('post', '/v1/resources/not-a-uuid/completion', mentor).expect(400))).toEqual(['id']);
    await call('post', `/v1/resources/${training.id}/completion`, organizer).expect(403);
    await call('post', `/v1/resources/${training.id}/completion`, mentee).expect(404);
    expect((await call('post', `/v1/resources/${guide.id}/completion`, mentor).expect(409)).body.details).toEqual([{ path: 'kind', issue: 'is tool_howto' }]);
    const done = await call('post', `/v1/resources/${training.id}/completion`, mentor).expect(201);
    expect(done.body).toEqual({ resourceId: training.id, role: 'mentor', completedAt: expect.any(String) });
    const repeated = await call('post', `/v1/resources/${training.id}/completion`, mentor).expect(200);
    expect(repeated.body).toEqual(done.body);
    expect(await published(resourceCompleted, training.id, { userId: mentor.userId })).toMatchObject({ programId, role: 'mentor', completedAt: done.body.completedAt });
    expect(await outboxCount(resourceCompleted, training.id, mentor.userId)).toBe(1);
    expect((await call('get', `/v1/resources/${training.id}`, mentor).expect(200)).body).toMatchObject({ myCompletion: done.body, completionCount: null });
    expect((await call('get', `/v1/resources/${training.id}`, organizer).expect(200)).body).toMatchObject({ completionCount: 1 });

    // Organizers correct the material; the kind and audience stay.
    expect(paths(await call('patch', `/v1/resources/${guide.id}`, organizer, {}).expect(400))).toEqual(['body']);
    expect(paths(await call('patch', `/v1/resources/${guide.id}`, organizer, { url: 'http://example.org', audience: 'mentor' }).expect(400))).toEqual(
      expect.arrayContaining(['url', 'audience']),
    );
    await call('patch', `/v1/resources/${guide.id}`, mentee, { title: 'Mine' }).expect(403);
    const revised = await call('patch', `/v1/resources/${guide.id}`, organizer, { url: 'https://help.example.org/conversations' }).expect(200);
    expect(revised.body).toMatchObject({ url: 'https://help.example.org/conversations', body: null, kind: 'tool_howto', audience: 'all' });

    // Archived material disappears for participants; completions stay counted.
    expect(paths(await call('post', '/v1/resources/not-a-uuid/archive', organizer).expect(400))).toEqual(['id']);
    await call('post', `/v1/resources/${training.id}/archive`, mentor).expect(403);
    expect((await call('post', `/v1/resources/${training.id}/archive`, organizer).expect(200)).body).toMatchObject({ status: 'archived', completionCount: 1 });
    await call('get', `/v1/resources/${training.id}`, mentor).expect(404);
    expect(ids(await call('get', `/v1/resources?programId=${programId}`, mentor).expect(200))).toEqual([guide.id]);
    expect(paths(await call('patch', `/v1/resources/${training.id}`, organizer, { title: 'Mentoring 102' }).expect(409))).toEqual(['status']);

    await expectHiddenFrom(
      [outsider, ...strangers],
      [
        ['post', '/v1/resources', { programId, kind: 'guide', audience: 'all', title: 'Ours', body: 'Text' }],
        ['get', `/v1/resources?programId=${programId}`],
        ['get', `/v1/resources/${guide.id}`],
        ['patch', `/v1/resources/${guide.id}`, { title: 'Ours' }],
        ['post', `/v1/resources/${guide.id}/archive`],
        ['post', `/v1/resources/${replay.id}/completion`],
      ],
    );
  });

  it('erases a person: forum texts become placeholders, places are given up and registrations anonymised, completions stay counted', async () => {
    const { programId, organizer, mentor, mentee, others } = await cohort(1);
    const [next] = others;
    const marker = `erase-me-${mentee.userId}`;

    const thread = (await call('post', `/v1/forums/programs/${programId}/threads`, mentee, { title: `About ${marker}`, body: `Opening ${marker}` }).expect(201)).body;
    const reply = (await call('post', `/v1/forums/threads/${thread.id}/posts`, mentor, { body: 'A reply that stays.' }).expect(201)).body;
    const own = (await call('post', `/v1/forums/threads/${thread.id}/posts`, mentee, { body: `Reply ${marker}` }).expect(201)).body;

    // A gathering she attended, and an upcoming one where she holds the only seat and someone waits.
    const past = (await call('post', '/v1/gatherings', organizer, webinar(programId, { capacity: 5 })).expect(201)).body;
    await call('post', `/v1/gatherings/${past.id}/registrations`, mentee).expect(201);
    await startedAlready(past.id);
    await call('post', `/v1/gatherings/${past.id}/attendance`, organizer, { userIds: [mentee.userId] }).expect(200);
    const upcoming = (await call('post', '/v1/gatherings', organizer, webinar(programId, { capacity: 1 })).expect(201)).body;
    await call('post', `/v1/gatherings/${upcoming.id}/registrations`, mentee).expect(201);
    expect((await call('post', `/v1/gatherings/${upcoming.id}/registrations`, next).expect(201)).body.status).toBe('waitlisted');

    const training = (
      await call('post', '/v1/resources', organizer, { programId, kind: 'training_module', audience: 'all', title: 'Using the platform', body: 'Step one…' }).expect(201)
    ).body;
    await call('post', `/v1/resources/${training.id}/completion`, mentee).expect(201);

    await identity.http.delete('/v1/users/me').set(bearer(mentee.token)).expect(204);

    // Nothing left that names her or carries her text.
    const traces = `SELECT
        (SELECT count(*) FROM forum_threads WHERE author_id = $1 OR title LIKE '%' || $2 || '%' OR body LIKE '%' || $2 || '%')::int AS threads,
        (SELECT count(*) FROM forum_posts WHERE author_id = $1 OR body LIKE '%' || $2 || '%')::int AS posts,
        (SELECT count(*) FROM gathering_registrations WHERE user_id = $1)::int AS registrations,
        (SELECT count(*) FROM resource_completions WHERE user_id = $1)::int AS completions,
        (SELECT count(*) FROM cohort_members WHERE user_id = $1)::int AS memberships`;
    await expectEventually(
      async () => expect((await communication.dataSource.query(traces, [mentee.userId, marker]))[0]).toEqual({ threads: 0, posts: 0, registrations: 0, completions: 0, memberships: 0 }),
      { timeoutMs: 30_000 },
    );

    // The forum keeps the places, as placeholders, and the replies of others.
    expect((await call('get', `/v1/forums/threads/${thread.id}`, mentor).expect(200)).body).toMatchObject({ id: thread.id, erased: true, title: null, body: null, authorId: null, authorName: null });
    const posts = (await call('get', `/v1/forums/threads/${thread.id}/posts`, mentor).expect(200)).body.items;
    expect(posts).toEqual([
      expect.objectContaining({ id: reply.id, body: 'A reply that stays.', authorId: mentor.userId, erased: false }),
      expect.objectContaining({ id: own.id, body: null, authorId: null, authorName: null, erased: true }),
    ]);

    // Her upcoming seat went to the next in line; the past gathering still counts her attendance, anonymously.
    expect(await published(gatheringRegistrationCancelled, upcoming.id, { userId: mentee.userId })).toMatchObject({ reason: 'participant_erased' });
    expect(await published(gatheringRegistered, upcoming.id, { userId: next.userId })).toMatchObject({ waitlistedAt: expect.any(String) });
    expect((await call('get', `/v1/gatherings/${upcoming.id}`, next).expect(200)).body).toMatchObject({ confirmedCount: 1, myRegistration: { status: 'confirmed' } });
    const pastRegistrations = (await call('get', `/v1/gatherings/${past.id}/registrations`, organizer).expect(200)).body.items;
    expect(pastRegistrations).toEqual([expect.objectContaining({ userId: null, status: 'confirmed', attended: true })]);
    expect((await call('get', `/v1/gatherings/${past.id}`, organizer).expect(200)).body).toMatchObject({ confirmedCount: 1 });

    // Her completion still counts for the statistics.
    expect((await call('get', `/v1/resources/${training.id}`, organizer).expect(200)).body).toMatchObject({ completionCount: 1 });
    const [completion] = await communication.dataSource.query('SELECT role, erased_at FROM resource_completions WHERE resource_id = $1', [training.id]);
    expect(completion).toMatchObject({ role: 'mentee', erased_at: expect.any(Date) });

    // Her access token, not yet expired, opens nothing here any more: the erasure
    // also revokes it, so once that reaches communication it is refused outright.
    await expectEventually(async () => {
      await call('get', `/v1/forums/programs/${programId}/threads`, mentee).expect(401);
    }, { timeoutMs: 10_000 });
  });
});
