import { adminToken, createTestApp, createTestNetwork, expectEventually, type TestApp } from '@passerelle/testing';
import { identityApp } from '../../apps/identity/src/identity.app';
import { intakeApp } from '../../apps/intake/src/intake.app';
import { matchingApp } from '../../apps/matching/src/matching.app';
import { answers, bearer, memberOf, programmeWithParticipants } from '../matching/matching-fixtures';

/**
 * A member's public profile, opened to the other side of a match by
 * matching's events: proposed, accepted and ended pairs read each other,
 * a declined pair no longer does, nobody else of the network does, and
 * another network's ids are unknown.
 */
describe('identity: the public profile of a match partner', () => {
  let identity: TestApp;
  let intake: TestApp;
  let matching: TestApp;
  let admin: string;
  const apps = () => ({ identity, intake, matching });

  beforeAll(async () => {
    identity = await createTestApp(identityApp);
    const env = { AUTH_JWKS_URL: `${identity.url}/.well-known/jwks.json` };
    intake = await createTestApp(intakeApp, { env });
    matching = await createTestApp(matchingApp, { env });
    admin = await adminToken(identity.http);
  });

  afterAll(async () => {
    await matching?.close();
    await intake?.close();
    await identity?.close();
  });

  const publicProfile = (token: string, userId: string) => identity.http.get(`/v1/users/${userId}/public-profile`).set(bearer(token));

  it('opens to the pair once proposed, stays open once ended, closes when declined, and to no one else', async () => {
    const network = await createTestNetwork(identity.http, admin);
    const organizer = await memberOf(apps(), network, ['organizer']);
    const [mentee, mentor, otherMentor, bystander] = await Promise.all([1, 2, 3, 4].map(() => memberOf(apps(), network)));
    await identity.http
      .patch('/v1/users/me')
      .set(bearer(mentor.token))
      .send({ displayName: 'Inès Moreau', employer: 'Banque du Rhône', industry: 'Banking', bio: 'Data lead, twelve years in banking.', languages: ['fr', 'en'], timeZone: 'Europe/Paris' })
      .expect(200);
    const { programId, enrollments } = await programmeWithParticipants(apps(), organizer.token, [
      { token: mentee.token, role: 'mentee', answers: answers(['fr'], [{ id: 'data-analysis', level: 4 }], 'mentee') },
      { token: mentor.token, role: 'mentor', answers: answers(['fr'], [{ id: 'data-analysis', level: 5 }], 'mentor'), capacity: 2 },
      { token: otherMentor.token, role: 'mentor', answers: answers(['fr'], [{ id: 'data-analysis', level: 5 }], 'mentor'), capacity: 2 },
    ]);
    const [menteeEnrollment, mentorEnrollment, otherEnrollment] = enrollments;

    // Before any proposal the mentee cannot read the mentor.
    const before = await publicProfile(mentee.token, mentor.userId).expect(403);
    expect(before.body.details).toEqual([{ path: 'id', issue: 'is not someone you were proposed or matched with' }]);

    const propose = async (mentorEnrollmentId: string) =>
      (
        await matching.http
          .post('/v1/matches')
          .set(bearer(organizer.token))
          .send({ programId, menteeEnrollmentId: menteeEnrollment, mentorEnrollmentId, reason: 'Paired by hand' })
          .expect(201)
      ).body.id as string;

    const declined = await propose(otherEnrollment);
    await expectEventually(() => publicProfile(mentee.token, otherMentor.userId).expect(200));
    await matching.http.post(`/v1/matches/${declined}/decline`).set(bearer(otherMentor.token)).send({ reason: 'no_availability' }).expect(200);
    await expectEventually(() => publicProfile(mentee.token, otherMentor.userId).expect(403));
    await publicProfile(otherMentor.token, mentee.userId).expect(403);

    const matchId = await propose(mentorEnrollment);
    const shown = await expectEventually(() => publicProfile(mentee.token, mentor.userId).expect(200));
    expect(shown.body).toEqual({
      id: mentor.userId,
      displayName: 'Inès Moreau',
      graduationYear: null,
      degree: null,
      industry: 'Banking',
      employer: 'Banque du Rhône',
      city: null,
      country: null,
      languages: ['fr', 'en'],
      bio: 'Data lead, twelve years in banking.',
    });
    // Both ways, and the organizer too; a bystander of the same network is refused.
    await publicProfile(mentor.token, mentee.userId).expect(200);
    await publicProfile(organizer.token, mentor.userId).expect(200);
    await publicProfile(bystander.token, mentor.userId).expect(403);

    for (const person of [mentee, mentor]) await matching.http.post(`/v1/matches/${matchId}/accept`).set(bearer(person.token)).expect(200);
    await matching.http.post(`/v1/matches/${matchId}/end`).set(bearer(mentee.token)).send({}).expect(200);
    await expectEventually(async () => {
      const [row] = await identity.dataSource.query('SELECT state FROM match_partners WHERE match_id = $1', [matchId]);
      expect(row?.state).toBe('ended');
    });
    await publicProfile(mentee.token, mentor.userId).expect(200);
  });

  it('answers a bad id with 400 naming it, and another network’s member as unknown', async () => {
    const network = await createTestNetwork(identity.http, admin);
    const elsewhere = await createTestNetwork(identity.http, admin);
    const [member] = await Promise.all([memberOf(apps(), network)]);
    const stranger = await memberOf(apps(), elsewhere);
    const bad = await publicProfile(member.token, 'not-a-uuid').expect(400);
    expect(bad.body.details).toEqual([expect.objectContaining({ path: 'id' })]);
    const foreign = await publicProfile(member.token, stranger.userId).expect(404);
    expect(foreign.body.details).toEqual([{ path: 'id', issue: 'does not name a user of your network' }]);
  });
});
