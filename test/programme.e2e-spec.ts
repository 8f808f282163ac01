import {
  alertRaised,
  enrollmentSubmitted,
  deadLetterTopic,
  feedbackSubmitted,
  fromKafkaMessage,
  gatheringAttended,
  gatheringRegistered,
  gatheringRegistrationCancelled,
  goalProgressed,
  goalSet,
  matchAccepted,
  matchDeclined,
  matchEnded,
  matchProposed,
  messageSent,
  networkCreated,
  nudgeSent,
  programPublished,
  resourceCompleted,
  resourcePublished,
  roundCompleted,
  sessionCompleted,
  sessionNoShow,
  sessionScheduled,
  TOPICS,
  userAccessRevoked,
  userErased,
  userRegistered,
  userRoleGranted,
} from '@passerelle/contracts';
import { expectEventually, KafkaProbe, type ReceivedMail } from '@passerelle/testing';
import { randomUUID } from 'crypto';
import { type Api, inParallel } from './programme/api';
import { emptyLedger, expectedKpis, expectedWeeklyTotals, type Ledger, pairsAtRisk, type Role, type Scales } from './programme/ledger';
import { answersTo, baselineOf, login, type Person, platformAdminToken, registerAndVerify } from './programme/people';
import { SERVICES, Stack } from './programme/stack';
import { tablesHolding } from './programme/traces';

/**
 * The whole programme, end to end (issue 8, item 1): the five services run as
 * separate processes built from `dist/`, on the real Kafka broker and
 * PostgreSQL, with a real SMTP server; the test is a client of their public
 * HTTP APIs only. A platform admin creates a network; an organizer publishes
 * a programme; 40 mentees and 20 mentors register, verify their address,
 * enrol with full surveys and SMART goals; two matching rounds pair them
 * (three proposals are declined and rematched); pairs message, hold sessions
 * (invitations reach the SMTP server), miss some; feedback, pulse and exit
 * surveys come in; pairs at risk raise alerts that nudge them (for what both
 * participants witnessed: an alert drawn from ratings alone reaches the
 * organizer only); one mentee
 * erases their account. Then the programme report equals the figures the
 * test computes from what it did, every record seen on the topics is a valid
 * CloudEvent, and no database of the five still holds the erased person's
 * e-mail address or name.
 *
 * The tests below are the programme's phases, in order: each builds on the last.
 */
jest.setTimeout(120_000);

const MENTORS = 20;
const MENTEES = 40;
const CADENCE_DAYS = 14;
const DEFAULT_CAPACITY = 2;
/** Requests in flight at once: enough to overlap I/O, few enough for two cores hashing passwords. */
const PARALLEL = 6;

/** The subject of communication's follow-up of an alert, in English or French. */
const FOLLOW_UP = /^(How is your mentoring going\?|Comment se passe votre mentorat \?)$/;
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const sleepUntil = async (instant: number) => {
  // Waiting for wall-clock time to pass a session's start, not for an effect.
  while (Date.now() <= instant) await new Promise((resolve) => setTimeout(resolve, Math.max(10, instant - Date.now() + 5)));
};

interface Pair {
  readonly matchId: string;
  readonly mentor: Person;
  readonly mentee: Person;
  conversationId?: string;
}

describe('a whole mentoring programme, end to end, through the public APIs of the five services', () => {
  let stack: Stack;
  let probe: KafkaProbe;
  let identity: Api, intake: Api, matching: Api, communication: Api, evaluation: Api;
  const suffix = randomUUID().slice(0, 8);
  const domain = `alumni-${suffix}.example`;
  const slug = `e2e-${suffix}`;
  let networkId: string;
  let organizer: Person;
  let programId: string;
  const mentors: Person[] = [];
  const mentees: Person[] = [];
  const enrollmentOf = new Map<string, string>();
  const personByEnrollment = new Map<string, Person>();
  const goalsOf = new Map<string, Array<{ id: string; metric: string; objective: string }>>();
  const ledger: Ledger = emptyLedger(CADENCE_DAYS, DEFAULT_CAPACITY);
  let pairs: Pair[] = [];
  let erased: Person;
  const started = Date.now();

  // Every topic of the catalogue, and its dead-letter topic: a consumer that rejected one of the programme's records would put it there.
  const deadLetterTopics = new Set<string>(TOPICS.map((topic) => deadLetterTopic(topic.name)));
  const topics = [...TOPICS.map((topic) => topic.name), ...deadLetterTopics];

  /** A phase of the programme: once one fails, the later ones fail at once instead of waiting on what never came. */
  let broken: string | undefined;
  const phase = (name: string, body: () => Promise<void>) =>
    it(name, async () => {
      if (broken) throw new Error(`not run: the phase "${broken}" failed`);
      const begun = Date.now();
      try {
        await body();
        process.stderr.write(`programme e2e: ${((Date.now() - begun) / 1000).toFixed(1)} s  ${name}\n`);
      } catch (error) {
        broken = name;
        throw error;
      }
    });

  beforeAll(async () => {
    [stack, probe] = await Promise.all([Stack.start(), new KafkaProbe(topics).start()]);
    [identity, intake, matching, communication, evaluation] = SERVICES.map((service) => stack.api(service));
    process.stderr.write(`programme e2e: five services ready in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  }, 150_000);

  afterAll(async () => {
    await probe?.stop();
    await stack?.stop();
    process.stderr.write(`programme e2e: whole run ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  });

  phase('a platform admin creates an open network; an organizer registers there and is granted the role', async () => {
    const admin = await platformAdminToken(identity);
    const network = await identity.expect(201, 'POST', '/v1/networks', {
      token: admin,
      body: { name: `Alumni ${suffix}`, slug, allowedEmailDomains: [domain], registrationPolicy: 'open' },
    });
    networkId = network.id;
    organizer = await registerAndVerify(identity, stack.smtp, slug, {
      index: 0,
      role: 'organizer',
      email: `organizer@${domain}`,
      displayName: `Olivia Organizer ${suffix}`,
      password: `violet tram ${suffix} under bridges`,
    });
    const granted = await identity.expect(200, 'POST', `/v1/users/${organizer.userId}/roles`, { token: admin, body: { role: 'organizer' } });
    expect(granted.roles).toEqual(['organizer']);
    // Roles reach a token at the next login.
    organizer.token = await login(identity, slug, organizer.email, organizer.password);
  });

  phase('the organizer publishes a programme with objectives, running since two months and ending in ten days, intake open', async () => {
    // Started in the past so that, within one run, the pulse survey (from the
    // midpoint) and the exit survey (14 days before the end) are open.
    const created = await intake.expect(201, 'POST', '/v1/programs', {
      token: organizer.token,
      body: {
        name: 'Premiers pas vers l’emploi',
        description: 'Alumni help students and young graduates into their first job.',
        charter: 'Meet every two weeks; keep what is said confidential; tell the organizers if something goes wrong.',
        objectives: ['job_search', 'networking', 'skills'],
        startsOn: day(-60),
        endsOn: day(10),
        cadenceDays: CADENCE_DAYS,
        matchingModes: ['organizer_rounds'],
        defaultMentorCapacity: DEFAULT_CAPACITY,
        intakeOpensOn: day(-1),
        intakeClosesOn: day(5),
      },
    });
    programId = created.id;
    const published = await intake.expect(200, 'POST', `/v1/programs/${programId}/publish`, { token: organizer.token });
    expect(published).toMatchObject({ id: programId, status: 'published', objectives: ['job_search', 'networking', 'skills'] });
  });

  phase(`${MENTORS} mentors and ${MENTEES} mentees register, verify their address and log in`, async () => {
    const people = [
      ...Array.from({ length: MENTORS }, (_, index) => ({ index, role: 'mentor' as const })),
      ...Array.from({ length: MENTEES }, (_, index) => ({ index, role: 'mentee' as const })),
    ];
    const registered = await inParallel(people, PARALLEL, ({ index, role }) =>
      registerAndVerify(identity, stack.smtp, slug, {
        index,
        role,
        email: `${role}.${index}.${suffix}@${domain}`,
        displayName: `${role === 'mentor' ? 'Mentor' : 'Mentee'} ${index} Quillfeather${suffix}`,
        password: `${role} password ${index} ${suffix}`,
      }),
    );
    mentors.push(...registered.filter((person) => person.role === 'mentor'));
    mentees.push(...registered.filter((person) => person.role === 'mentee'));
    expect(new Set(registered.map((person) => person.userId)).size).toBe(MENTORS + MENTEES);
  });

  phase('each enrols with a full survey and a baseline, and mentees set SMART goals', async () => {
    const surveys: Record<Role, { version: number; questions: Array<{ id: string }> }> = {
      mentor: await intake.expect(200, 'GET', `/v1/programs/${programId}/surveys/mentor`, { token: mentors[0].token }),
      mentee: await intake.expect(200, 'GET', `/v1/programs/${programId}/surveys/mentee`, { token: mentees[0].token }),
    };
    // Intake is open: the generated surveys are frozen as version 1.
    expect([surveys.mentor.version, surveys.mentee.version]).toEqual([1, 1]);

    await inParallel([...mentors, ...mentees], PARALLEL, async (person) => {
      const role = person.role as Role;
      // Mentors 0–9 take three mentees, 10–14 leave it to the programme's default (2), 15–19 state 2.
      const capacity = role === 'mentor' ? (person.index < 10 ? 3 : person.index < 15 ? null : 2) : null;
      const baseline = baselineOf(role, person.index);
      const enrolment = await intake.expect(201, 'POST', '/v1/enrollments', {
        token: person.token,
        body: {
          programId,
          role,
          templateVersion: surveys[role].version,
          answers: answersTo(surveys[role].questions, role, person.index),
          baseline,
          ...(capacity !== null ? { capacity } : {}),
        },
      });
      expect(enrolment).toMatchObject({ programId, userId: person.userId, role, status: 'active', baseline });
      enrollmentOf.set(person.userId, enrolment.id);
      personByEnrollment.set(enrolment.id, person);
      ledger.enrollments.push({ userId: person.userId, role, capacity, baseline, submittedAt: enrolment.submittedAt });
      if (role !== 'mentee') return;

      const goals = [
        { title: 'Obtain one interview for a data analyst role in banking', objective: 'job_search', metric: 'interviews_obtained', targetValue: 1 },
        ...(person.index % 2 === 0
          ? [{ title: 'Make four professional contacts in consulting firms', objective: 'networking', metric: 'professional_contacts_made', targetValue: 4 }]
          : []),
        ...(person.index % 5 === 0
          ? [{ title: 'Complete one portfolio project analysing public transport data', objective: 'skills', metric: 'portfolio_items_completed', targetValue: 1 }]
          : []),
      ];
      const set = [];
      for (const goal of goals) {
        const created = await intake.expect(201, 'POST', `/v1/enrollments/${enrolment.id}/goals`, {
          token: person.token,
          body: { ...goal, baselineValue: 0, dueOn: day(9) },
        });
        set.push({ id: created.id as string, metric: goal.metric, objective: goal.objective });
      }
      goalsOf.set(person.userId, set);
    });
    // A goal that is not SMART is refused criterion by criterion, and nothing is written.
    const vague = await intake.post(`/v1/enrollments/${enrollmentOf.get(mentees[0].userId)}/goals`, {
      token: mentees[0].token,
      body: { title: 'Get better at things', objective: 'job_search', metric: 'interviews_obtained', targetValue: 50, dueOn: day(400) },
    });
    expect(vague.status).toBe(400);
    expect(vague.body.details.map((detail: { issue: string }) => detail.issue.split(':')[0]).sort()).toEqual(['achievable', 'specific', 'time_bound']);

    const statistics = await intake.expect(200, 'GET', `/v1/programs/${programId}/statistics`, { token: organizer.token });
    expect(statistics).toMatchObject({ enrollments: { mentor: { active: MENTORS }, mentee: { active: MENTEES } } });
  });

  phase('the organizer runs a matching round once matching has every enrolment; pairs accept, three decline and are rematched', async () => {
    // Matching learns the enrolments from intake's events: the organizer's what-if (which stores nothing) shows when all arrived.
    await expectEventually(
      async () => {
        const whatIf = await matching.expect(200, 'POST', `/v1/matching/programs/${programId}/what-if`, { token: organizer.token, body: {} });
        expect(whatIf.statistics).toMatchObject({ menteeCount: MENTEES, mentorCount: MENTORS });
      },
      { timeoutMs: 60_000, intervalMs: 500 },
    );
    const first = await matching.expect(201, 'POST', `/v1/matching/programs/${programId}/rounds`, { token: organizer.token, body: {} });
    expect(first.statistics).toMatchObject({ menteeCount: MENTEES, mentorCount: MENTORS, matchedCount: MENTEES, unmatched: { noFeasibleMentor: 0, mentorsFull: 0 } });
    ledger.rounds += 1;
    const proposals = await matching.all(`/v1/matches`, { token: organizer.token, query: { programId, status: 'proposed' } });
    expect(proposals.map((match) => match.id).sort()).toEqual([...first.matchIds].sort());
    for (const proposal of proposals) {
      // Every proposal explains itself: points per criterion add up to the score, every hard constraint held.
      expect(proposal.score.breakdown.reduce((sum: number, item: { points: number }) => sum + item.points, 0)).toBe(proposal.score.total);
      expect(proposal.score.constraints.every((constraint: { held: boolean }) => constraint.held)).toBe(true);
    }

    const declining = proposals.slice(0, 3);
    const accepting = proposals.slice(3);
    const decisions = async (batch: typeof proposals) =>
      inParallel(batch, PARALLEL, async (proposal) => {
        const mentee = personByEnrollment.get(proposal.menteeEnrollmentId) as Person;
        const mentor = personByEnrollment.get(proposal.mentorEnrollmentId) as Person;
        expect([proposal.menteeId, proposal.mentorId]).toEqual([mentee.userId, mentor.userId]);
        await matching.expect(200, 'POST', `/v1/matches/${proposal.id}/accept`, { token: mentee.token });
        const active = await matching.expect(200, 'POST', `/v1/matches/${proposal.id}/accept`, { token: mentor.token });
        expect(active.status).toBe('active');
        ledger.matches.push({ matchId: proposal.id, mentorId: mentor.userId, menteeId: mentee.userId, acceptedAt: active.acceptedAt, declined: false, ended: false });
        return { matchId: proposal.id as string, mentor, mentee };
      });
    const accepted = await decisions(accepting);
    for (const [index, proposal] of declining.entries()) {
      const byMentor = index === 2;
      const who = personByEnrollment.get(byMentor ? proposal.mentorEnrollmentId : proposal.menteeEnrollmentId) as Person;
      const declined = await matching.expect(200, 'POST', `/v1/matches/${proposal.id}/decline`, { token: who.token, body: { reason: byMentor ? 'no_availability' : 'not_a_fit' } });
      expect(declined).toMatchObject({ status: 'declined', declinedBy: byMentor ? 'mentor' : 'mentee' });
      ledger.matches.push({ matchId: proposal.id, mentorId: proposal.mentorId, menteeId: proposal.menteeId, acceptedAt: null, declined: true, ended: false });
    }

    // The three mentees return to the pool; the second round never proposes a declined pair again.
    const second = await matching.expect(201, 'POST', `/v1/matching/programs/${programId}/rounds`, { token: organizer.token, body: {} });
    expect(second.statistics).toMatchObject({ menteeCount: 3, matchedCount: 3 });
    ledger.rounds += 1;
    const rematches = await matching.all(`/v1/matches`, { token: organizer.token, query: { programId, status: 'proposed' } });
    expect(rematches.map((match) => match.menteeEnrollmentId).sort()).toEqual(declining.map((match) => match.menteeEnrollmentId).sort());
    for (const rematch of rematches) {
      const before = declining.find((match) => match.menteeEnrollmentId === rematch.menteeEnrollmentId);
      expect(rematch.mentorEnrollmentId).not.toBe(before.mentorEnrollmentId);
    }
    pairs = [...accepted, ...(await decisions(rematches))];
    expect(pairs).toHaveLength(MENTEES);
    expect(new Set(pairs.map((pair) => pair.mentee.userId)).size).toBe(MENTEES);
  });

  phase('each pair finds its private conversation and writes in it', async () => {
    await inParallel(pairs, PARALLEL, async (pair, index) => {
      // Communication opens the conversation when it hears match.accepted.
      const conversation = await expectEventually(
        async () => {
          const items = await communication.all('/v1/conversations', { token: pair.mentee.token });
          const found = items.find((item) => item.matchId === pair.matchId);
          expect(found).toBeDefined();
          return found;
        },
        { timeoutMs: 30_000, intervalMs: 200 },
      );
      pair.conversationId = conversation.id;
      const write = async (person: Person, text: string) => {
        await communication.expect(201, 'POST', `/v1/conversations/${conversation.id}/messages`, { token: person.token, body: { text } });
        ledger.messages.push({ matchId: pair.matchId });
      };
      await write(pair.mentee, 'Hello, thank you for accepting! When could we meet for a first session?');
      if (index % 2 === 0) await write(pair.mentor, 'Happy to help. I will propose a slot next week; send me your CV before.');
    });
    // The mentor of the first pair reads exactly the conversation's messages, newest first.
    const read = await communication.expect(200, 'GET', `/v1/conversations/${pairs[0].conversationId}/messages`, { token: pairs[0].mentor.token });
    expect(read.items.map((message: { mine: boolean }) => message.mine)).toEqual([true, false]);
  });

  phase('the organizer publishes training and a webinar; participants complete modules, register, one cancels, attendance is recorded', async () => {
    const publish = async (body: Record<string, unknown>) => {
      const resource = await communication.expect(201, 'POST', '/v1/resources', { token: organizer.token, body: { programId, ...body } });
      ledger.resources.push({ resourceId: resource.id, kind: body['kind'] as string, audience: body['audience'] as 'mentor' | 'mentee' | 'all' });
      return resource.id as string;
    };
    const forMentors = await publish({ kind: 'training_module', audience: 'mentor', title: 'Mentoring 101', url: 'https://learn.example.org/mentoring-101' });
    const forAll = await publish({ kind: 'training_module', audience: 'all', title: 'Using Passerelle', body: 'Open your match, write, book sessions, give feedback.' });
    await publish({ kind: 'guide', audience: 'mentee', title: 'Preparing a first meeting', body: 'Bring your CV and three questions.' });
    // Every mentor takes their module, even-numbered mentors the common one too; every third mentee the common one.
    const completions = [
      ...mentors.map((mentor) => ({ person: mentor, resourceId: forMentors })),
      ...mentors.filter((mentor) => mentor.index % 2 === 0).map((mentor) => ({ person: mentor, resourceId: forAll })),
      ...mentees.filter((mentee) => mentee.index % 3 === 0).map((mentee) => ({ person: mentee, resourceId: forAll })),
    ];
    await inParallel(completions, PARALLEL, async ({ person, resourceId }) => {
      const done = await communication.expect(201, 'POST', `/v1/resources/${resourceId}/completion`, { token: person.token });
      expect(done).toMatchObject({ resourceId, role: person.role });
      ledger.completions.push({ resourceId, userId: person.userId, completedAt: done.completedAt });
    });

    // A webinar starting in a few seconds: registrations close when it starts, attendance is recorded after.
    const gathering = await communication.expect(201, 'POST', '/v1/gatherings', {
      token: organizer.token,
      body: { programId, kind: 'webinar', title: 'First interviews: questions and answers', startsAt: new Date(Date.now() + 4_000).toISOString(), durationMinutes: 60, capacity: 50, onlineUrl: 'https://meet.example.org/first-interviews' },
    });
    const registrants = [...mentees.filter((mentee) => mentee.index % 4 === 0), ...mentors.filter((mentor) => mentor.index % 5 === 0)];
    await inParallel(registrants, PARALLEL, async (person) => {
      const seat = await communication.expect(201, 'POST', `/v1/gatherings/${gathering.id}/registrations`, { token: person.token });
      expect(seat.status).toBe('confirmed');
    });
    const cancelling = registrants[1];
    const cancelled = await communication.expect(200, 'DELETE', `/v1/gatherings/${gathering.id}/registrations/me`, { token: cancelling.token });
    expect(cancelled).toMatchObject({ status: 'cancelled', cancelReason: 'participant_cancelled' });
    const present = registrants.filter((person, index) => person !== cancelling && index % 3 !== 2);
    await sleepUntil(Date.parse(gathering.startsAt));
    await communication.expect(200, 'POST', `/v1/gatherings/${gathering.id}/attendance`, { token: organizer.token, body: { userIds: present.map((person) => person.userId) } });
    for (const person of registrants) {
      ledger.gatherings.push({ userId: person.userId, cancelled: person === cancelling, attended: present.includes(person) });
    }
  });

  /**
   * The session plan per pair, in order. Pairs 0 and 1 miss two sessions
   * (at risk: repeated no-shows), pair 2 rates its session 2 out of 5 from
   * both sides (at risk: low satisfaction, which only the organizer hears of),
   * pairs 3–9 meet twice, the others once.
   */
  const planOf = (index: number): Array<'held' | 'no_show'> =>
    index < 2 ? ['no_show', 'no_show'] : index >= 3 && index < 10 ? ['held', 'held'] : ['held'];

  phase('pairs schedule sessions, the SMTP server receives the invitations, sessions are held or missed', async () => {
    const pending = pairs.map((pair, index) => ({ pair, plan: [...planOf(index)] }));
    // A person cannot hold two confirmed sessions at once: each wave books at
    // most one session per person, starting in a moment, and records its
    // outcome once it started; the next wave follows.
    let waves = 0;
    while (pending.some((entry) => entry.plan.length > 0)) {
      waves += 1;
      const waveStart = Date.now();
      const busy = new Set<string>();
      const wave = pending.filter((entry) => {
        if (entry.plan.length === 0 || busy.has(entry.pair.mentor.userId) || busy.has(entry.pair.mentee.userId)) return false;
        busy.add(entry.pair.mentor.userId);
        busy.add(entry.pair.mentee.userId);
        return true;
      });
      const booked = await inParallel(wave, PARALLEL, async ({ pair }) => {
        const proposed = await expectEventually(
          async () => {
            const answer = await communication.post('/v1/sessions', {
              token: pair.mentee.token,
              body: { matchId: pair.matchId, startsAt: new Date(Date.now() + 1_500).toISOString(), durationMinutes: 45, mode: 'video', agenda: 'Review my CV and plan applications', timeZone: 'Europe/Paris' },
            });
            expect([answer.status, answer.text]).toEqual([201, expect.any(String)]);
            return answer.body;
          },
          { timeoutMs: 20_000, intervalMs: 200 },
        );
        const confirmed = await communication.expect(200, 'POST', `/v1/sessions/${proposed.id}/confirm`, { token: pair.mentor.token });
        expect(confirmed).toMatchObject({ status: 'confirmed', meetingUrl: expect.stringMatching(/^https:\/\/meet\.example\.org\/passerelle-[0-9a-f]{32}$/) });
        return { pair, sessionId: proposed.id as string, startsAt: proposed.startsAt as string };
      });
      const bookedAt = Date.now();
      await sleepUntil(Math.max(...booked.map((session) => Date.parse(session.startsAt))));
      await inParallel(booked, PARALLEL, async ({ pair, sessionId, startsAt }) => {
        const entry = pending.find((candidate) => candidate.pair === pair)!;
        const outcome = entry.plan.shift()!;
        if (outcome === 'held') {
          const done = await communication.expect(200, 'POST', `/v1/sessions/${sessionId}/complete`, { token: pair.mentee.token, body: { actualDurationMinutes: 50 } });
          expect(done.status).toBe('completed');
        } else {
          const missed = await communication.expect(200, 'POST', `/v1/sessions/${sessionId}/no-show`, { token: pair.mentor.token, body: { absent: 'mentee' } });
          expect(missed.status).toBe('no_show');
        }
        ledger.sessions.push({ sessionId, matchId: pair.matchId, mentorId: pair.mentor.userId, menteeId: pair.mentee.userId, startsAt, outcome });
      });
      process.stderr.write(`programme e2e: wave ${waves}: ${booked.length} sessions booked in ${((bookedAt - waveStart) / 1000).toFixed(1)} s, recorded ${((Date.now() - bookedAt) / 1000).toFixed(1)} s later\n`);
    }
    expect(ledger.sessions).toHaveLength(pairs.reduce((sum, _, index) => sum + planOf(index).length, 0));
    process.stderr.write(`programme e2e: ${ledger.sessions.length} sessions in ${waves} waves\n`);

  });

  phase('participants give session feedback, mentees record goal progress, pulse and exit surveys come in', async () => {
    const give = async (person: Person, role: Role, body: Record<string, unknown>, matchId: string | null) => {
      // Evaluation accepts session feedback once it has heard the session was held: a client retries until then.
      const answer = await expectEventually(
        async () => {
          const response = await evaluation.post('/v1/feedback', { token: person.token, body });
          expect([response.status, response.text]).toEqual([201, expect.any(String)]);
          return response.body;
        },
        { timeoutMs: 30_000, intervalMs: 250 },
      );
      ledger.feedback.push({
        respondentId: person.userId,
        role,
        form: body['form'] as 'session' | 'pulse' | 'exit',
        matchId,
        satisfaction: body['satisfaction'] as number,
        nps: (body['nps'] as number | undefined) ?? null,
        scales: (body['scales'] as Scales | undefined) ?? null,
        outcomes: (body['outcomes'] as Ledger['feedback'][number]['outcomes'] | undefined) ?? null,
        submittedAt: answer.submittedAt,
      });
    };
    const held = ledger.sessions.filter((session) => session.outcome === 'held');
    await inParallel(held, PARALLEL, async (session) => {
      const index = pairs.findIndex((pair) => pair.matchId === session.matchId);
      const pair = pairs[index];
      const rating = index === 2 ? 2 : 3 + (index % 3);
      await give(pair.mentee, 'mentee', { form: 'session', sessionId: session.sessionId, satisfaction: rating, helped: ['cv_review', 'advice'], comment: 'Very concrete advice on my applications.' }, pair.matchId);
      if (index === 2 || index % 2 === 0) await give(pair.mentor, 'mentor', { form: 'session', sessionId: session.sessionId, satisfaction: index === 2 ? 2 : 4 }, pair.matchId);
    });

    // Goal progress, recorded by the mentees in intake: one achieved, one half-way, one abandoned, per pattern.
    await inParallel(mentees, PARALLEL, async (mentee) => {
      const enrollmentId = enrollmentOf.get(mentee.userId);
      for (const goal of goalsOf.get(mentee.userId) ?? []) {
        const record = goalOutcome(mentee.index, goal.metric);
        if (record === 'abandon') {
          await intake.expect(200, 'DELETE', `/v1/enrollments/${enrollmentId}/goals/${goal.id}`, { token: mentee.token });
          ledger.goals.push({ goalId: goal.id, userId: mentee.userId, objective: goal.objective, status: 'abandoned', progressPercent: null });
        } else if (record !== undefined) {
          const progressed = await intake.expect(200, 'POST', `/v1/enrollments/${enrollmentId}/goals/${goal.id}/progress`, {
            token: mentee.token,
            body: { valueReached: record.value, reachedOn: day(0) },
          });
          // From baseline 0 to the target: a whole percentage, 100 only once reached.
          const achieved = record.value >= record.target;
          const percent = achieved ? 100 : Math.min(99, Math.round((record.value / record.target) * 100));
          expect(progressed).toMatchObject({ progressPercent: percent, status: achieved ? 'achieved' : 'in_progress' });
          ledger.goals.push({ goalId: goal.id, userId: mentee.userId, objective: goal.objective, status: achieved ? 'achieved' : 'in_progress', progressPercent: percent });
        } else {
          ledger.goals.push({ goalId: goal.id, userId: mentee.userId, objective: goal.objective, status: 'in_progress', progressPercent: null });
        }
      }
    });

    // Pulse (the programme is past its midpoint) from half the mentees and mentors; exit (its end is ten days away) from a third.
    const everyone = [...mentees, ...mentors];
    await inParallel(everyone, PARALLEL, async (person) => {
      const role = person.role as Role;
      if (person.index % 2 === 0) {
        await give(person, role, { form: 'pulse', programId, satisfaction: 3 + (person.index % 3), nps: 5 + (person.index % 6) }, null);
      }
      if (person.index % 3 === 0) {
        const base = baselineOf(role, person.index);
        const up = (value: number, by: number) => Math.min(5, value + by);
        await give(
          person,
          role,
          {
            form: 'exit',
            programId,
            satisfaction: 2 + (person.index % 4),
            nps: 4 + (person.index % 7),
            scales: { confidence: up(base.confidence, 1), communication: up(base.communication, person.index % 2), leadership: base.leadership, networkSize: up(base.networkSize, 2) },
            outcomes: { connectionsMade: person.index % 5, interviews: role === 'mentee' ? person.index % 3 : 0, offers: role === 'mentee' && person.index % 9 === 0 ? 1 : 0 },
          },
          null,
        );
      }
    });
  });

  phase('pairs at risk raise one alert each; communication nudges both participants of a pair whose reasons they witnessed', async () => {
    const expected = pairsAtRisk(ledger, new Date().toISOString());
    expect([...expected.keys()].sort()).toEqual([pairs[0].matchId, pairs[1].matchId, pairs[2].matchId].sort());
    const alerts = await expectEventually(
      async () => {
        const open = await evaluation.all('/v1/alerts', { token: organizer.token, query: { programId, status: 'open' } });
        expect(open.map((alert) => alert.matchId).sort()).toEqual([...expected.keys()].sort());
        return open;
      },
      { timeoutMs: 30_000, intervalMs: 250 },
    );
    for (const alert of alerts) {
      expect(alert.reasons.map((reason: { code: string }) => reason.code)).toEqual(expected.get(alert.matchId));
    }
    // Two follow-ups per alert with a reason both participants witnessed (mentor and mentee), by mail, each announced as nudge.sent.
    // Pair 2 is at risk for its ratings alone: a follow-up would tell each participant how the other rated, so there is none.
    const atRisk = pairs.filter((pair) => expected.get(pair.matchId)?.some((code) => code !== 'low_satisfaction'));
    expect(atRisk).toEqual([pairs[0], pairs[1]]);
    await expectEventually(
      () => {
        // Each follow-up went by mail to its participant (in their language), and to nobody else.
        const followUps = stack.smtp.messages.filter((mail) => FOLLOW_UP.test(mail.subject) && mail.to.some((to) => to.endsWith(`@${domain}`)));
        expect(followUps.flatMap((mail) => mail.to).sort()).toEqual(atRisk.flatMap((pair) => [pair.mentor.email, pair.mentee.email]).sort());
        const nudges = probe.records.filter((record) => record.headers['ce_networkid'] === networkId && record.headers['ce_type'] === nudgeSent.type);
        expect(new Set(nudges.map((record) => record.headers['ce_id'])).size).toBe(2 * atRisk.length);
      },
      { timeoutMs: 30_000, intervalMs: 250 },
    );
    ledger.nudges = 2 * atRisk.length;
    // The network's organizer is told of each alert, in-app (and by mail).
    await expectEventually(
      async () => {
        const notices = await communication.all('/v1/notifications', { token: organizer.token });
        const aboutAlerts = notices.filter((notice) => notice.template === 'organizer_alert').map((notice) => notice.about.alertId);
        expect(aboutAlerts.sort()).toEqual(alerts.map((alert) => alert.id).sort());
      },
      { timeoutMs: 30_000, intervalMs: 250 },
    );
  });

  phase("the SMTP server received each session's calendar invitation, once, for both participants", async () => {
    // Both participants of every session got its invitation, with the calendar UID of that session.
    const uidOf = (mail: ReceivedMail) =>
      mail.attachments
        .filter((attachment) => attachment.contentType.startsWith('text/calendar'))
        .map((attachment) => /UID:(\S+)/.exec(attachment.content.toString('utf8'))?.[1])[0];
    await expectEventually(
      () => {
        const missing = ledger.sessions.flatMap((session) => {
          const pair = pairs.find((candidate) => candidate.matchId === session.matchId)!;
          return [pair.mentor, pair.mentee].filter(
            (person) => !stack.smtp.messagesTo(person.email, /session confirmed/i).some((mail) => uidOf(mail) === `${session.sessionId}@sessions.passerelle`),
          ).map((person) => `${person.email} for ${session.sessionId}`);
        });
        expect(missing).toEqual([]);
      },
      { timeoutMs: 30_000, intervalMs: 250 },
    );
    const invitations = stack.smtp.messages.filter((mail) => /session confirmed/i.test(mail.subject) && mail.to.some((to) => to.endsWith(`@${domain}`)));
    expect(invitations).toHaveLength(2 * ledger.sessions.length);
  });

  phase('each participant sees their own progress: goals, sessions held, baseline beside the latest self-assessment', async () => {
    const mentee = mentees[0];
    const pair = pairs.find((candidate) => candidate.mentee === mentee)!;
    const mine = await evaluation.expect(200, 'GET', `/v1/reports/programs/${programId}/me`, { token: mentee.token });
    const held = ledger.sessions.filter((session) => session.matchId === pair.matchId && session.outcome === 'held');
    const exit = ledger.feedback.find((answer) => answer.respondentId === mentee.userId && answer.form === 'exit');
    expect(mine.roles).toHaveLength(1);
    expect(mine.roles[0]).toMatchObject({
      role: 'mentee',
      baseline: baselineOf('mentee', mentee.index),
      sessionsHeld: held.length,
      latestSelfAssessment: { form: 'exit', scales: exit?.scales },
    });
    const goals = ledger.goals.filter((goal) => goal.userId === mentee.userId);
    expect(
      (mine.roles[0].goals as Array<{ goalId: string; progressPercent: number; status: string }>).map((goal) => [goal.goalId, goal.progressPercent, goal.status]).sort(),
    ).toEqual(goals.map((goal) => [goal.goalId, goal.progressPercent ?? 0, goal.status]).sort());
    // Another participant's programme view is their own: a mentor of another pair sees none of this mentee's goals.
    const other = await evaluation.expect(200, 'GET', `/v1/reports/programs/${programId}/me`, { token: mentors[19].token });
    expect(other.roles.map((role: { role: string }) => role.role)).toEqual(['mentor']);
  });

  phase('a mentee erases their account: their match ends, and no database of the five keeps their e-mail address or name', async () => {
    const pair = pairs[10];
    erased = pair.mentee;
    expect((await identity.delete('/v1/users/me', { token: erased.token })).status).toBe(204);
    const ended = await expectEventually(
      async () => {
        const match = await matching.expect(200, 'GET', `/v1/matches/${pair.matchId}`, { token: organizer.token });
        expect(match).toMatchObject({ status: 'ended', endReason: 'participant_erased', menteeId: null });
        return match;
      },
      { timeoutMs: 30_000, intervalMs: 250 },
    );
    expect(ended.mentorId).toBe(pair.mentor.userId);
    ledger.matches.find((match) => match.matchId === pair.matchId)!.ended = true;

    // Intake keeps the erased enrolment, anonymous, in its counts.
    const statistics = await intake.expect(200, 'GET', `/v1/programs/${programId}/statistics`, { token: organizer.token });
    expect(statistics.enrollments.mentee).toMatchObject({ submitted: MENTEES, active: MENTEES - 1, erased: 1 });

    const needles = [erased.email, erased.displayName];
    await expectEventually(
      async () => {
        const found = (await Promise.all(SERVICES.map((service) => tablesHolding(service, needles)))).flat();
        expect(found).toEqual([]);
      },
      { timeoutMs: 30_000, intervalMs: 500 },
    );
    // The account is gone for good: no more login (checked after the scan, since a
    // failed login records its address for throttling, whoever tries it).
    expect((await identity.post('/v1/auth/login', { body: { network: slug, email: erased.email, password: erased.password } })).status).toBe(401);
    // …while the others' data is still there (the scan can find what it looks for).
    const kept = (await Promise.all(SERVICES.map((service) => tablesHolding(service, [pair.mentor.email])))).flat();
    expect(kept.some((entry) => entry.startsWith('identity.users'))).toBe(true);
    expect(kept.some((entry) => entry.startsWith('communication.'))).toBe(true);
  });

  phase("the programme report's figures equal those computed from what the participants did", async () => {
    const asOf = new Date().toISOString();
    const expected = expectedKpis(ledger, asOf);
    const report = await expectEventually(
      async () => {
        const body = await evaluation.expect(200, 'GET', `/v1/reports/programs/${programId}`, { token: organizer.token, query: { asOf } });
        expect(body.kpis).toEqual(expected);
        return body;
      },
      { timeoutMs: 60_000, intervalMs: 500 },
    );
    expect(report).toMatchObject({ programId, networkId });
    const { participation, engagement, quality, outcomes, support } = report.kpis;
    process.stderr.write(
      `programme e2e: report: ${participation.activePairs} active pairs, ${engagement.sessionsHeld} sessions held, no-show rate ${engagement.noShowRate}, ` +
        `mean rating ${quality.averageSessionRating}, exit NPS ${quality.nps}, ${outcomes.goalsAchieved}/${outcomes.goalsSet} goals achieved, ` +
        `mentors trained ${support.mentorsTrainedRate}, ${report.kpis.pairHealth.pairsAtRisk} pairs at risk\n`,
    );
    // The headline figures, spelled out.
    expect(report.kpis.participation).toMatchObject({ mentorsEnrolled: MENTORS, menteesEnrolled: MENTEES, matchesProposed: MENTEES + 3, matchesAccepted: MENTEES, matchesDeclined: 3, activePairs: MENTEES - 1, roundsCompleted: 2 });
    expect(report.kpis.pairHealth).toEqual({ activePairs: MENTEES - 1, pairsAtRisk: 3 });

    // The university's data warehouse reads the same report with a service account of the network; another network's organizer sees nothing.
    const account = await identity.expect(201, 'POST', `/v1/networks/${networkId}/service-accounts`, { token: organizer.token, body: { name: 'Data warehouse' } });
    const integrator = await identity.expect(200, 'POST', '/v1/auth/token', {
      body: { grant_type: 'client_credentials', client_id: account.clientId, client_secret: account.clientSecret },
    });
    const forIntegrator = await evaluation.expect(200, 'GET', `/v1/reports/programs/${programId}`, { token: integrator.access_token, query: { asOf } });
    expect(forIntegrator.kpis).toEqual(report.kpis);
    const admin = await platformAdminToken(identity);
    const elsewhere = await identity.expect(201, 'POST', '/v1/networks', {
      token: admin,
      body: { name: `Elsewhere ${suffix}`, slug: `elsewhere-${suffix}`, allowedEmailDomains: [`elsewhere-${suffix}.example`], registrationPolicy: 'open' },
    });
    const stranger = await identity.expect(201, 'POST', `/v1/networks/${elsewhere.id}/service-accounts`, { token: admin, body: { name: 'Other CRM' } });
    const strangerToken = await identity.expect(200, 'POST', '/v1/auth/token', {
      body: { grant_type: 'client_credentials', client_id: stranger.clientId, client_secret: stranger.clientSecret },
    });
    expect((await evaluation.get(`/v1/reports/programs/${programId}`, { token: strangerToken.access_token })).status).toBe(404);

    const atRisk = pairsAtRisk(ledger, asOf);
    const flagged = (report.pairs as Array<{ matchId: string; atRisk: boolean }>).filter((pair) => pair.atRisk).map((pair) => pair.matchId);
    expect(flagged.sort()).toEqual([...atRisk.keys()].sort());

    const weeks = report.weekly as Array<Record<string, number>>;
    const total = (field: string) => weeks.reduce((sum, week) => sum + week[field], 0);
    const totals = expectedWeeklyTotals(ledger);
    expect({
      enrolments: total('enrolments'),
      matchesAccepted: total('matchesAccepted'),
      sessionsHeld: total('sessionsHeld'),
      noShows: total('noShows'),
      messagesSent: total('messagesSent'),
      feedbackResponses: total('feedbackResponses'),
      lastWeekCumulativeMatchedMentees: weeks[weeks.length - 1].cumulativeMatchedMentees,
    }).toEqual(totals);
  });

  phase('every record seen on the topics is a valid CloudEvent of the catalogue, and the programme produced exactly its events', async () => {
    // Only the programme's own: a service starting in a full test run may first drain older suites' poison records.
    const deadLettered = probe.records.filter(
      (record) => deadLetterTopics.has(record.topic) && (record.headers['ce_networkid'] === networkId || !!record.value?.includes(networkId)),
    );
    expect(deadLettered.map((record) => `${record.topic}: ${record.headers['dlt_reason']} ${record.headers['dlt_error']}`)).toEqual([]);
    const live = probe.records.filter((record) => !deadLetterTopics.has(record.topic));
    const ours = () => live.filter((record) => record.headers['ce_networkid'] === networkId);
    const goalsProgressed = ledger.goals.filter((goal) => goal.status !== 'in_progress' || goal.progressPercent !== null).length;
    const held = ledger.sessions.filter((session) => session.outcome === 'held').length;
    const expectedCounts: Record<string, number> = Object.fromEntries(
      (
        [
          [networkCreated, 1],
          [userRegistered, 1 + MENTORS + MENTEES],
          [userRoleGranted, 1],
          [userErased, 1],
          // The erasure ends the person's access tokens on every service.
          [userAccessRevoked, 1],
          [programPublished, 1],
          [enrollmentSubmitted, MENTORS + MENTEES],
          [goalSet, ledger.goals.length],
          [goalProgressed, goalsProgressed],
          [roundCompleted, 2],
          [matchProposed, MENTEES + 3],
          [matchAccepted, MENTEES],
          [matchDeclined, 3],
          [matchEnded, 1],
          [messageSent, ledger.messages.length],
          [resourcePublished, ledger.resources.length],
          [resourceCompleted, ledger.completions.length],
          [gatheringRegistered, ledger.gatherings.length],
          [gatheringRegistrationCancelled, ledger.gatherings.filter((seat) => seat.cancelled).length],
          [gatheringAttended, ledger.gatherings.filter((seat) => seat.attended).length],
          [sessionScheduled, ledger.sessions.length],
          [sessionCompleted, held],
          [sessionNoShow, ledger.sessions.length - held],
          [nudgeSent, ledger.nudges],
          [feedbackSubmitted, ledger.feedback.length],
          [alertRaised, 3],
        ] as const
      ).map(([definition, count]) => [definition.type, count]),
    );
    // Distinct events per type. A type published in two versions side by side
    // (a breaking change adds a version beside the old one) counts once per version.
    const unversioned = (type: string) => type.replace(/\.v\d+$/, '');
    const counts = () => {
      const ids = new Map<string, Set<string>>();
      for (const record of ours()) {
        const type = record.headers['ce_type'];
        if (!ids.has(type)) ids.set(type, new Set());
        ids.get(type)!.add(record.headers['ce_id']);
      }
      return ids;
    };
    await expectEventually(
      () => {
        const seen = counts();
        const expected = Object.fromEntries(Object.entries(expectedCounts).map(([type, count]) => [unversioned(type), count]));
        const versions = [...seen].map(([type, set]) => [type, set.size] as const);
        expect(Object.fromEntries(versions.filter(([type]) => !(unversioned(type) in expected)))).toEqual({});
        expect(Object.fromEntries(versions.map(([type]) => [type, expected[unversioned(type)]]))).toEqual(Object.fromEntries(versions));
        expect([...new Set(versions.map(([type]) => unversioned(type)))].sort()).toEqual(Object.keys(expected).sort());
      },
      { timeoutMs: 30_000, intervalMs: 250 },
    );

    // Every record of the run, ours or not: headers, key, JSON, schema, and a trace context.
    const invalid = live.flatMap((record) => {
      const parsed = fromKafkaMessage({ key: record.key === null ? null : Buffer.from(record.key), value: record.value === null ? null : Buffer.from(record.value), headers: record.headers });
      const problems = parsed.ok ? [] : parsed.errors.map((error) => `${error.path} ${error.issue}`);
      if (!/^00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]$/.test(record.headers['traceparent'] ?? '')) problems.push('traceparent missing or malformed');
      if (record.headers['ce_source'] !== `/passerelle/${record.topic.split('.')[1]}`) problems.push(`ce_source ${record.headers['ce_source']} is not the topic's service`);
      return problems.length ? [`${record.topic}@${record.partition}:${record.offset} ${record.headers['ce_type']}: ${problems.join('; ')}`] : [];
    });
    expect(invalid).toEqual([]);
    expect(live.length).toBeGreaterThanOrEqual(Object.values(expectedCounts).reduce((a, b) => a + b, 0));
    // Payloads carry ids, not personal data: only identity's user.registered names a person.
    const personal = ours().filter((record) => record.topic !== 'passerelle.identity.user' && mentees.some((mentee) => record.value?.includes(mentee.email) || record.value?.includes(mentee.displayName)));
    expect(personal.map((record) => record.headers['ce_type'])).toEqual([]);
    process.stderr.write(`programme e2e: ${live.length} records checked, ${ours().length} of this programme's network\n`);
  });
});

/** What a mentee records about one goal: by index, an achieved one, a half-way one, an abandoned one, or nothing. */
function goalOutcome(index: number, metric: string): { value: number; target: number } | 'abandon' | undefined {
  if (metric === 'interviews_obtained') return index % 4 === 0 ? { value: 1, target: 1 } : index % 4 === 1 ? 'abandon' : undefined;
  if (metric === 'professional_contacts_made') return index % 4 === 2 ? { value: 2, target: 4 } : index % 4 === 0 ? { value: 1, target: 4 } : undefined;
  if (metric === 'portfolio_items_completed') return index % 10 === 0 ? { value: 1, target: 1 } : undefined;
  return undefined;
}
