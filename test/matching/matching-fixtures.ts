import { createTestMember, expectEventually, loginAs, type TestApp, type TestNetwork } from '@passerelle/testing';

/** What the matching suites share: members, intake answers, and a programme whose participants matching has received. */
export interface Apps {
  readonly identity: TestApp;
  readonly intake: TestApp;
  readonly matching: TestApp;
}

export interface Participant {
  readonly token: string;
  readonly role: 'mentor' | 'mentee';
  readonly answers: object;
  readonly capacity?: number;
  /** People this participant declares a conflict with (intake's `excludedUserIds`). */
  readonly excludedUserIds?: string[];
}

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
export const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const baseline = { confidence: 3, communication: 3, leadership: 3, networkSize: 2 };

export async function memberOf(apps: Apps, network: TestNetwork, roles: string[] = []) {
  const member = await createTestMember(apps.identity.http, apps.identity.dataSource, network, { roles });
  return { userId: member.userId, token: (await loginAs(apps.identity.http, member)).accessToken };
}

/** Full answers to the generated survey of a job_search + networking + skills programme. */
export function answers(languages: string[], skills: Array<{ id: string; level: number }>, role: 'mentor' | 'mentee', employer = '') {
  return {
    languages,
    availability: { timeZone: 'Europe/Paris', slots: ['tue-18', 'tue-19', 'thu-18', 'thu-19'] },
    industries: ['banking'],
    experience_years: role === 'mentor' ? 12 : 1,
    ...(employer ? { employer } : {}),
    target_roles: ['data_analytics'],
    ...(role === 'mentee' ? { target_industries: ['banking'] } : {}),
    network_size: role === 'mentor' ? 5 : 1,
    contact_kinds: ['recruiters'],
    ...(role === 'mentor' ? { skills_offered: skills } : { skills_wanted: skills }),
  };
}

/** A job_search + networking + skills programme published in intake, its intake open from today for four weeks; resolves to its id. */
export async function publishedProgramme(intake: TestApp['http'], organizer: string, fields: { name: string; matchingModes?: string[]; defaultMentorCapacity?: number }): Promise<string> {
  const program = await intake
    .post('/v1/programs')
    .set(bearer(organizer))
    .send({
      objectives: ['job_search', 'networking', 'skills'],
      startsOn: day(30),
      endsOn: day(210),
      cadenceDays: 14,
      matchingModes: ['organizer_rounds'],
      defaultMentorCapacity: 2,
      intakeOpensOn: day(0),
      intakeClosesOn: day(29),
      ...fields,
    })
    .expect(201);
  await intake.post(`/v1/programs/${program.body.id}/publish`).set(bearer(organizer)).expect(200);
  return program.body.id as string;
}

/** A programme published in intake, its participants enrolled there; resolves once matching has them all from Kafka. */
export async function programmeWithParticipants(
  apps: Apps,
  organizer: string,
  people: readonly Participant[],
  matchingModes: string[] = ['organizer_rounds'],
): Promise<{ programId: string; enrollments: string[] }> {
  const programId = await publishedProgramme(apps.intake.http, organizer, { name: 'Data careers', matchingModes, defaultMentorCapacity: 1 });
  const enrollments: string[] = [];
  for (const person of people) {
    const response = await apps.intake.http
      .post('/v1/enrollments')
      .set(bearer(person.token))
      .send({
        programId,
        role: person.role,
        templateVersion: 1,
        answers: person.answers,
        baseline,
        ...(person.capacity ? { capacity: person.capacity } : {}),
        ...(person.excludedUserIds ? { excludedUserIds: person.excludedUserIds } : {}),
      });
    if (response.status !== 201) throw new Error(`enrolment answered ${response.status}: ${JSON.stringify(response.body)}`);
    enrollments.push(response.body.id);
  }
  await expectEventually(
    async () => {
      const [row] = await apps.matching.dataSource.query('SELECT count(*)::int AS count FROM candidates WHERE program_id = $1', [programId]);
      if (row.count !== people.length) throw new Error(`matching has ${row.count} of ${people.length} candidates`);
    },
    { timeoutMs: 30_000 },
  );
  return { programId, enrollments };
}
