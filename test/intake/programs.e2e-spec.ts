import { fromKafkaMessage, programClosed, programPublished, programUpdated, validateEventData } from '@passerelle/contracts';
import { adminToken, createTestApp, createTestMember, createTestNetwork, KafkaProbe, loginAs, type TestApp, type TestNetwork } from '@passerelle/testing';
import { randomUUID } from 'crypto';
import { identityApp } from '../../apps/identity/src/identity.app';
import { intakeApp } from '../../apps/intake/src/intake.app';

/** Programmes over HTTP (issue 4, item 1): drafts, the state machine, its events, validation and tenancy. */
describe('intake: programmes', () => {
  let identity: TestApp;
  let intake: TestApp;
  let probe: KafkaProbe;
  let admin: string;

  beforeAll(async () => {
    probe = await new KafkaProbe([programPublished.topic]).start();
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
  const tokenOf = async (network: TestNetwork, roles: string[] = []) => {
    const member = await createTestMember(identity.http, identity.dataSource, network, { roles });
    return { userId: member.userId, token: (await loginAs(identity.http, member)).accessToken };
  };
  const programsOf = async (networkId: string) =>
    (await intake.dataSource.query('SELECT count(*)::int AS count FROM programs WHERE network_id = $1', [networkId]))[0].count as number;
  const draft = {
    name: 'Premiers pas 2026',
    description: 'Alumni in finance mentor final-year students.',
    charter: 'We meet every two weeks and keep what is said private.',
    objectives: ['job_search', 'networking'],
    startsOn: '2031-02-01',
    endsOn: '2031-07-31',
    cadenceDays: 14,
    matchingModes: ['organizer_rounds', 'mentee_choice'],
    defaultMentorCapacity: 2,
    intakeOpensOn: '2031-01-05',
    intakeClosesOn: '2031-01-31',
  };

  it('lets an organizer draft, publish, update and close a programme, publishing each step', async () => {
    const network = await createTestNetwork(identity.http, admin);
    const organizer = await tokenOf(network, ['organizer']);

    await intake.http.post('/v1/programs').send(draft).expect(401);
    const created = await intake.http.post('/v1/programs').set(bearer(organizer.token)).send(draft).expect(201);
    expect(created.body).toEqual({
      ...draft,
      id: expect.any(String),
      networkId: network.id,
      status: 'draft',
      version: 1,
      publishedAt: null,
      closedAt: null,
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    });
    const id = created.body.id as string;
    // A draft is not announced.
    await intake.http.patch(`/v1/programs/${id}`).set(bearer(organizer.token)).send({ cadenceDays: 10 }).expect(200);

    const published = await intake.http.post(`/v1/programs/${id}/publish`).set(bearer(organizer.token)).expect(200);
    expect(published.body).toMatchObject({ status: 'published', version: 3, publishedAt: expect.any(String) });
    const [record] = await probe.waitFor((r) => r.key === id && r.headers['ce_type'] === programPublished.type);
    expect(fromKafkaMessage({ key: Buffer.from(record.key ?? ''), value: Buffer.from(record.value ?? ''), headers: record.headers }).ok).toBe(true);
    expect(record.headers).toMatchObject({ ce_networkid: network.id, ce_subject: id });
    expect(validateEventData(programPublished, record.data)).toEqual({ valid: true });
    expect(record.data).toEqual({
      programId: id,
      networkId: network.id,
      name: draft.name,
      objectives: draft.objectives,
      startsOn: draft.startsOn,
      endsOn: draft.endsOn,
      cadenceDays: 10,
      matchingModes: draft.matchingModes,
      defaultMentorCapacity: draft.defaultMentorCapacity,
      intakeOpensOn: draft.intakeOpensOn,
      intakeClosesOn: draft.intakeClosesOn,
      publishedBy: organizer.userId,
      publishedAt: published.body.publishedAt,
    });
    expect(probe.records.filter((r) => r.key === id && r.headers['ce_type'] === programUpdated.type)).toHaveLength(0);

    const updated = await intake.http
      .patch(`/v1/programs/${id}`)
      .set(bearer(organizer.token))
      .set('if-match', '"3"')
      .send({ objectives: ['job_search', 'networking', 'skills'], endsOn: '2031-08-31' })
      .expect(200);
    expect(updated.body).toMatchObject({ status: 'published', version: 4, endsOn: '2031-08-31' });
    const [update] = await probe.waitFor((r) => r.key === id && r.headers['ce_type'] === programUpdated.type);
    expect(validateEventData(programUpdated, update.data)).toEqual({ valid: true });
    expect(update.data).toMatchObject({ programId: id, objectives: ['job_search', 'networking', 'skills'], endsOn: '2031-08-31', updatedBy: organizer.userId });
    // A stale version is refused and changes nothing.
    const stale = await intake.http.patch(`/v1/programs/${id}`).set(bearer(organizer.token)).send({ version: 3, cadenceDays: 20 }).expect(409);
    expect(stale.body.details).toEqual([{ path: 'version', issue: 'must be 4' }]);

    const closed = await intake.http.post(`/v1/programs/${id}/close`).set(bearer(organizer.token)).expect(200);
    expect(closed.body).toMatchObject({ status: 'closed', version: 5, closedAt: expect.any(String) });
    const [close] = await probe.waitFor((r) => r.key === id && r.headers['ce_type'] === programClosed.type);
    expect(validateEventData(programClosed, close.data)).toEqual({ valid: true });
    expect(close.data).toEqual({ programId: id, networkId: network.id, reason: 'cancelled', closedBy: organizer.userId, closedAt: closed.body.closedAt });
  });

  it('answers 409 naming the status for every illegal transition', async () => {
    const network = await createTestNetwork(identity.http, admin);
    const { token } = await tokenOf(network, ['organizer']);
    const id = (await intake.http.post('/v1/programs').set(bearer(token)).send(draft).expect(201)).body.id;

    const closeDraft = await intake.http.post(`/v1/programs/${id}/close`).set(bearer(token)).expect(409);
    expect(closeDraft.body).toMatchObject({ statusCode: 409, message: expect.stringContaining('draft'), details: [{ path: 'status', issue: 'is draft' }] });
    await intake.http.post(`/v1/programs/${id}/publish`).set(bearer(token)).expect(200);
    const twice = await intake.http.post(`/v1/programs/${id}/publish`).set(bearer(token)).expect(409);
    expect(twice.body.message).toContain('published');
    await intake.http.post(`/v1/programs/${id}/close`).set(bearer(token)).expect(200);
    for (const response of [
      await intake.http.patch(`/v1/programs/${id}`).set(bearer(token)).send({ name: 'Renamed' }),
      await intake.http.post(`/v1/programs/${id}/publish`).set(bearer(token)),
      await intake.http.post(`/v1/programs/${id}/close`).set(bearer(token)),
    ]) {
      expect(response.status).toBe(409);
      expect(response.body.message).toContain('closed');
    }
    const [row] = await intake.dataSource.query('SELECT name, status, version FROM programs WHERE id = $1', [id]);
    expect(row).toEqual({ name: draft.name, status: 'closed', version: 3 });
    const events = await intake.dataSource.query('SELECT event_type FROM outbox WHERE message_key = $1 ORDER BY position', [id]);
    expect(events.map((e: { event_type: string }) => e.event_type)).toEqual([programPublished.type, programClosed.type]);
  });

  it('rejects bad input on every field, naming each, and writes nothing', async () => {
    const network = await createTestNetwork(identity.http, admin);
    const { token } = await tokenOf(network, ['organizer']);
    const bad = await intake.http
      .post('/v1/programs')
      .set(bearer(token))
      .send({
        name: '',
        description: 42,
        charter: ['x'],
        objectives: ['job_search', 'dating'],
        startsOn: '2031-02-30',
        endsOn: 'tomorrow',
        cadenceDays: 91,
        matchingModes: [],
        defaultMentorCapacity: 0,
        intakeOpensOn: '05/01/2026',
        intakeClosesOn: null,
        colour: 'blue',
      })
      .expect(400);
    const paths = new Set(bad.body.details.map((d: { path: string }) => d.path));
    expect([...paths].sort()).toEqual(
      [
        'name',
        'description',
        'charter',
        'objectives',
        'startsOn',
        'endsOn',
        'cadenceDays',
        'matchingModes',
        'defaultMentorCapacity',
        'intakeOpensOn',
        'intakeClosesOn',
        'colour',
      ].sort(),
    );
    expect(bad.body.details).toContainEqual({ path: 'colour', issue: 'is not an accepted field' });

    // Well-formed fields that do not fit together: all problems at once.
    const incoherent = await intake.http
      .post('/v1/programs')
      .set(bearer(token))
      .send({ ...draft, startsOn: '2031-08-01', endsOn: '2031-07-31', intakeOpensOn: '2031-09-01', intakeClosesOn: '2031-08-15' })
      .expect(400);
    expect(incoherent.body.details).toEqual(
      expect.arrayContaining([
        { path: 'endsOn', issue: 'must be after startsOn' },
        { path: 'intakeClosesOn', issue: 'must not be before intakeOpensOn' },
        { path: 'intakeClosesOn', issue: 'must not be after endsOn' },
      ]),
    );
    const missing = await intake.http.post('/v1/programs').set(bearer(token)).send({}).expect(400);
    expect(new Set(missing.body.details.map((d: { path: string }) => d.path))).toEqual(
      new Set(['name', 'objectives', 'startsOn', 'endsOn', 'cadenceDays', 'matchingModes', 'defaultMentorCapacity', 'intakeOpensOn', 'intakeClosesOn']),
    );
    expect(await programsOf(network.id)).toBe(0);

    // A partial update is checked merged with what is stored.
    const id = (await intake.http.post('/v1/programs').set(bearer(token)).send(draft).expect(201)).body.id;
    const patch = await intake.http.patch(`/v1/programs/${id}`).set(bearer(token)).send({ endsOn: '2031-01-15', status: 'closed' }).expect(400);
    expect(patch.body.details).toEqual([{ path: 'status', issue: 'is not an accepted field' }]);
    const merged = await intake.http.patch(`/v1/programs/${id}`).set(bearer(token)).send({ endsOn: '2031-01-15' }).expect(400);
    expect(merged.body.details).toEqual(
      expect.arrayContaining([
        { path: 'endsOn', issue: 'must be after startsOn' },
        { path: 'intakeClosesOn', issue: 'must not be after endsOn' },
      ]),
    );
    const [row] = await intake.dataSource.query('SELECT ends_on::text AS ends_on, version FROM programs WHERE id = $1', [id]);
    expect(row).toEqual({ ends_on: draft.endsOn, version: 1 });
    await intake.http.get('/v1/programs/not-a-uuid').set(bearer(token)).expect(400);
  });

  it('lets members read but not write, and pages through the network’s programmes', async () => {
    const network = await createTestNetwork(identity.http, admin);
    const organizer = await tokenOf(network, ['organizer']);
    const member = await tokenOf(network);
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) ids.push((await intake.http.post('/v1/programs').set(bearer(organizer.token)).send({ ...draft, name: `P${i}` }).expect(201)).body.id);

    await intake.http.post('/v1/programs').set(bearer(member.token)).send(draft).expect(403);
    await intake.http.patch(`/v1/programs/${ids[0]}`).set(bearer(member.token)).send({ name: 'Mine' }).expect(403);
    await intake.http.post(`/v1/programs/${ids[0]}/publish`).set(bearer(member.token)).expect(403);
    await intake.http.post(`/v1/programs/${ids[0]}/close`).set(bearer(member.token)).expect(403);
    expect((await intake.http.get(`/v1/programs/${ids[0]}`).set(bearer(member.token)).expect(200)).body.name).toBe('P0');

    const first = await intake.http.get('/v1/programs?limit=2').set(bearer(member.token)).expect(200);
    expect(first.body.items.map((p: { id: string }) => p.id)).toEqual(ids.slice(0, 2));
    expect(first.body.nextCursor).toBe(ids[1]);
    const second = await intake.http.get(`/v1/programs?limit=2&cursor=${first.body.nextCursor}`).set(bearer(member.token)).expect(200);
    expect(second.body).toEqual({ items: [expect.objectContaining({ id: ids[2] })], nextCursor: null });
    const badQuery = await intake.http.get('/v1/programs?limit=0&cursor=x').set(bearer(member.token)).expect(400);
    expect(badQuery.body.details.map((d: { path: string }) => d.path).sort()).toEqual(['cursor', 'limit']);

    // The platform admin names the network.
    await intake.http.post('/v1/programs').set(bearer(admin)).send(draft).expect(400);
    const byAdmin = await intake.http.post('/v1/programs').set(bearer(admin)).send({ ...draft, networkId: network.id }).expect(201);
    expect(byAdmin.body.networkId).toBe(network.id);
    expect((await intake.http.get(`/v1/programs?networkId=${network.id}`).set(bearer(admin)).expect(200)).body.items).toHaveLength(4);
  });

  it('answers 404 to an organizer of another network for every id endpoint, and changes nothing', async () => {
    const [a, b] = [await createTestNetwork(identity.http, admin), await createTestNetwork(identity.http, admin)];
    const organizerA = (await tokenOf(a, ['organizer'])).token;
    const organizerB = (await tokenOf(b, ['organizer'])).token;
    const id = (await intake.http.post('/v1/programs').set(bearer(organizerB)).send(draft).expect(201)).body.id;

    for (const target of [id, randomUUID()]) {
      const responses = [
        await intake.http.get(`/v1/programs/${target}`).set(bearer(organizerA)),
        await intake.http.patch(`/v1/programs/${target}`).set(bearer(organizerA)).send({ name: 'Taken' }),
        await intake.http.post(`/v1/programs/${target}/publish`).set(bearer(organizerA)),
        await intake.http.post(`/v1/programs/${target}/close`).set(bearer(organizerA)),
      ];
      for (const response of responses) {
        expect(response.status).toBe(404);
        expect(response.body).toMatchObject({ statusCode: 404, message: 'No such programme.' });
      }
    }
    await intake.http.post('/v1/programs').set(bearer(organizerA)).send({ ...draft, networkId: b.id }).expect(404);
    expect((await intake.http.get('/v1/programs').set(bearer(organizerA)).expect(200)).body.items).toEqual([]);
    await intake.http.get(`/v1/programs?networkId=${b.id}`).set(bearer(organizerA)).expect(400);
    const [row] = await intake.dataSource.query('SELECT name, status, version FROM programs WHERE id = $1', [id]);
    expect(row).toEqual({ name: draft.name, status: 'draft', version: 1 });
    expect(await programsOf(a.id)).toBe(0);
  });
});
