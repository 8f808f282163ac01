import { fromKafkaMessage, networkCreated, userRoleGranted, validateEventData } from '@passerelle/contracts';
import { adminToken, createTestApp, createTestMember, createTestNetwork, KafkaProbe, loginAs, type TestApp } from '@passerelle/testing';
import { randomUUID } from 'crypto';
import { identityApp } from '../../apps/identity/src/identity.app';

/** Networks, roles, service accounts and throttling over HTTP, with the events they publish. */
describe('identity: networks, roles, service accounts, throttling', () => {
  let identity: TestApp;
  let probe: KafkaProbe;
  let admin: string;

  beforeAll(async () => {
    probe = await new KafkaProbe([networkCreated.topic, userRoleGranted.topic]).start();
    identity = await createTestApp(identityApp, { env: { HTTP_TRUST_PROXY_HOPS: '1' } });
    admin = await adminToken(identity.http);
  });

  afterAll(async () => {
    await probe?.stop();
    await identity?.close();
  });

  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
  const count = async (sql: string, params: unknown[]) => (await identity.dataSource.query(sql, params))[0].count as number;
  /** A client address of its own per test, so the per-address limit of one test does not touch another. */
  const address = () => `10.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;

  it('lets only the platform admin create and list networks, and publishes network.created', async () => {
    const slug = `created-${randomUUID().slice(0, 8)}`;
    const body = { name: 'Alumni Test', slug, allowedEmailDomains: ['Alumni.Example.org'], registrationPolicy: 'open' };
    await identity.http.post('/v1/networks').send(body).expect(401);
    const created = await identity.http.post('/v1/networks').set(bearer(admin)).send(body).expect(201);
    expect(created.body).toEqual({
      id: expect.any(String),
      name: 'Alumni Test',
      slug,
      allowedEmailDomains: ['alumni.example.org'],
      registrationPolicy: 'open',
      createdAt: expect.any(String),
    });
    const organizer = await loginAs(identity.http, await createTestMember(identity.http, identity.dataSource, created.body, { roles: ['organizer'] }));
    await identity.http.post('/v1/networks').set(bearer(organizer.accessToken)).send({ ...body, slug: `${slug}-x` }).expect(403);
    await identity.http.get('/v1/networks').set(bearer(organizer.accessToken)).expect(403);
    const list = await identity.http.get('/v1/networks').set(bearer(admin)).expect(200);
    expect(list.body.map((network: { slug: string }) => network.slug)).toContain(slug);
    expect(list.body.map((network: { slug: string }) => network.slug)).not.toContain('platform');
    await identity.http.post('/v1/networks').set(bearer(admin)).send(body).expect(409);

    const [record] = await probe.waitFor((r) => r.key === created.body.id);
    expect(fromKafkaMessage({ key: Buffer.from(record.key ?? ''), value: Buffer.from(record.value ?? ''), headers: record.headers }).ok).toBe(true);
    expect(record.headers).toMatchObject({ ce_type: networkCreated.type, ce_networkid: created.body.id, ce_subject: created.body.id });
    expect(validateEventData(networkCreated, record.data)).toEqual({ valid: true });
    const adminId = JSON.parse(Buffer.from(admin.split('.')[1], 'base64url').toString()).sub;
    expect(record.data).toMatchObject({ networkId: created.body.id, slug, createdBy: adminId });
  });

  it('grants organizer within the network and publishes role_granted; the new role is in the next token', async () => {
    const network = await createTestNetwork(identity.http, admin);
    const organizer = await createTestMember(identity.http, identity.dataSource, network, { roles: ['organizer'] });
    const person = await createTestMember(identity.http, identity.dataSource, network);
    const organizerToken = (await loginAs(identity.http, organizer)).accessToken;
    const personToken = (await loginAs(identity.http, person)).accessToken;

    await identity.http.post(`/v1/users/${organizer.userId}/roles`).set(bearer(personToken)).send({ role: 'organizer' }).expect(403);
    const granted = await identity.http.post(`/v1/users/${person.userId}/roles`).set(bearer(organizerToken)).send({ role: 'organizer' }).expect(200);
    expect(granted.body).toEqual({ id: person.userId, networkId: network.id, roles: ['organizer'] });
    const again = await loginAs(identity.http, person);
    expect(JSON.parse(Buffer.from(again.accessToken.split('.')[1], 'base64url').toString()).roles).toEqual(['organizer']);
    // Granting it again changes nothing and publishes nothing more.
    await identity.http.post(`/v1/users/${person.userId}/roles`).set(bearer(admin)).send({ role: 'organizer' }).expect(200);

    const records = await probe.waitFor((r) => r.key === person.userId && r.headers['ce_type'] === userRoleGranted.type);
    expect(validateEventData(userRoleGranted, records[0].data)).toEqual({ valid: true });
    expect(records[0].data).toMatchObject({ userId: person.userId, networkId: network.id, role: 'organizer', grantedBy: organizer.userId });
    expect(records[0].headers['ce_networkid']).toBe(network.id);
    expect(probe.records.filter((r) => r.key === person.userId && r.headers['ce_type'] === userRoleGranted.type)).toHaveLength(1);
  });

  it('answers 404 to an organizer of network A for every id of network B', async () => {
    const [a, b] = [await createTestNetwork(identity.http, admin), await createTestNetwork(identity.http, admin)];
    const organizerA = (await loginAs(identity.http, await createTestMember(identity.http, identity.dataSource, a, { roles: ['organizer'] }))).accessToken;
    const userOfB = await createTestMember(identity.http, identity.dataSource, b);
    const responses = [
      await identity.http.get(`/v1/networks/${b.id}`).set(bearer(organizerA)),
      await identity.http.post(`/v1/users/${userOfB.userId}/roles`).set(bearer(organizerA)).send({ role: 'organizer' }),
      await identity.http.post(`/v1/networks/${b.id}/service-accounts`).set(bearer(organizerA)).send({ name: 'CRM' }),
      await identity.http.get(`/v1/networks/${randomUUID()}`).set(bearer(organizerA)),
    ];
    for (const response of responses) {
      expect(response.status).toBe(404);
      expect(JSON.stringify(response.body)).not.toContain(b.slug);
    }
    expect(await count('SELECT count(*)::int AS count FROM service_accounts WHERE network_id = $1', [b.id])).toBe(0);
    expect(await count("SELECT count(*)::int AS count FROM users WHERE id = $1 AND roles <> '{}'", [userOfB.userId])).toBe(0);
  });

  it('gives integrators tokens by client credentials, and refuses a wrong secret', async () => {
    const network = await createTestNetwork(identity.http, admin);
    const organizer = (await loginAs(identity.http, await createTestMember(identity.http, identity.dataSource, network, { roles: ['organizer'] }))).accessToken;
    const created = await identity.http.post(`/v1/networks/${network.id}/service-accounts`).set(bearer(organizer)).send({ name: 'University CRM' }).expect(201);
    expect(created.body).toEqual({ id: expect.any(String), clientId: expect.stringMatching(/^psl_/), clientSecret: expect.any(String) });
    const [stored] = await identity.dataSource.query('SELECT secret_hash FROM service_accounts WHERE id = $1', [created.body.id]);
    expect(stored.secret_hash).toMatch(/^\$argon2id\$/);

    const grant = { grant_type: 'client_credentials', client_id: created.body.clientId, client_secret: created.body.clientSecret };
    const token = await identity.http.post('/v1/auth/token').set('x-forwarded-for', address()).send(grant).expect(200);
    expect(token.body).toEqual({ access_token: expect.any(String), token_type: 'Bearer', expires_in: 900 });
    expect(token.body).not.toHaveProperty('refresh_token');
    const claims = JSON.parse(Buffer.from(token.body.access_token.split('.')[1], 'base64url').toString());
    expect(claims).toMatchObject({ sub: created.body.id, nid: network.id, roles: ['integrator'], typ: 'service' });
    await identity.http.get(`/v1/networks/${network.id}`).set(bearer(token.body.access_token)).expect(200);

    const wrong = await identity.http.post('/v1/auth/token').set('x-forwarded-for', address()).send({ ...grant, client_secret: 'wrong' }).expect(401);
    expect(wrong.body).toEqual({ statusCode: 401, error: 'Unauthorized', message: 'Invalid client credentials.', details: [] });
  });

  it('throttles 20 wrong passwords for one account, while another account of the network still logs in', async () => {
    const network = await createTestNetwork(identity.http, admin);
    const victim = await createTestMember(identity.http, identity.dataSource, network);
    const other = await createTestMember(identity.http, identity.dataSource, network);
    const from = address();
    const statuses: number[] = [];
    let retryAfter: string | undefined;
    for (let i = 0; i < 20; i++) {
      const response = await identity.http
        .post('/v1/auth/login')
        .set('x-forwarded-for', from)
        .send({ network: network.slug, email: victim.email, password: `guess-${i}` });
      statuses.push(response.status);
      if (response.status === 429) {
        retryAfter ??= response.headers['retry-after'];
        expect(response.body).toMatchObject({ statusCode: 429, error: 'Too Many Requests' });
      }
      // Meanwhile, the right password of another account in the same network, from the same address, works.
      if (i === 10) await identity.http.post('/v1/auth/login').set('x-forwarded-for', from).send({ network: network.slug, email: other.email, password: other.password }).expect(200);
    }
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(statuses.slice(5)).toEqual(Array(15).fill(429));
    expect(Number(retryAfter)).toBeGreaterThan(0);
    expect(Number(retryAfter)).toBeLessThanOrEqual(30);
    // Even the right password waits: the back-off is per account, whoever is trying.
    await identity.http.post('/v1/auth/login').set('x-forwarded-for', address()).send({ network: network.slug, email: victim.email, password: victim.password }).expect(429);
  });

  describe('bad input: 400 naming the field, unknown fields rejected, nothing written', () => {
    it('POST /v1/networks', async () => {
      const slug = `bad-${randomUUID().slice(0, 8)}`;
      const response = await identity.http
        .post('/v1/networks')
        .set(bearer(admin))
        .send({ name: '', slug: 'Not A Slug', allowedEmailDomains: ['not a domain'], registrationPolicy: 'anyone', extra: 1 })
        .expect(400);
      expect(response.body.details.map((d: { path: string }) => d.path)).toEqual(
        expect.arrayContaining(['name', 'slug', 'allowedEmailDomains', 'registrationPolicy', 'extra']),
      );
      const open = await identity.http
        .post('/v1/networks')
        .set(bearer(admin))
        .send({ name: 'Open', slug, allowedEmailDomains: [], registrationPolicy: 'open' })
        .expect(400);
      expect(open.body.details).toEqual([{ path: 'allowedEmailDomains', issue: 'must list at least one domain when registrationPolicy is open' }]);
      expect(await count('SELECT count(*)::int AS count FROM networks WHERE slug = $1', [slug])).toBe(0);
    });

    it('POST /v1/auth/login, /refresh, /logout and /token', async () => {
      const cases: [string, object, string[]][] = [
        ['/v1/auth/login', { network: 'Bad Slug', email: 'nope', password: '', admin: true }, ['network', 'email', 'password', 'admin']],
        ['/v1/auth/refresh', { refreshToken: 'short', other: 1 }, ['refreshToken', 'other']],
        ['/v1/auth/logout', {}, ['refreshToken']],
        ['/v1/auth/token', { grant_type: 'password', client_id: '', scope: 'all' }, ['grant_type', 'client_id', 'client_secret', 'scope']],
      ];
      for (const [path, body, fields] of cases) {
        const response = await identity.http.post(path).set('x-forwarded-for', address()).send(body).expect(400);
        expect(response.body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
        expect(response.body.details.map((d: { path: string }) => d.path)).toEqual(expect.arrayContaining(fields));
      }
    });

    it('POST /v1/users/:id/roles and /v1/networks/:id/service-accounts', async () => {
      const network = await createTestNetwork(identity.http, admin);
      const person = await createTestMember(identity.http, identity.dataSource, network);
      const roles = await identity.http.post(`/v1/users/${person.userId}/roles`).set(bearer(admin)).send({ role: 'integrator', why: 'x' }).expect(400);
      expect(roles.body.details.map((d: { path: string }) => d.path)).toEqual(expect.arrayContaining(['role', 'why']));
      await identity.http.post('/v1/users/not-a-uuid/roles').set(bearer(admin)).send({ role: 'organizer' }).expect(400);
      const accounts = await identity.http.post(`/v1/networks/${network.id}/service-accounts`).set(bearer(admin)).send({ name: '', secret: 's' }).expect(400);
      expect(accounts.body.details.map((d: { path: string }) => d.path)).toEqual(expect.arrayContaining(['name', 'secret']));
      await identity.http.get('/v1/networks/not-a-uuid').set(bearer(admin)).expect(400);
      expect(await count("SELECT count(*)::int AS count FROM users WHERE id = $1 AND roles <> '{}'", [person.userId])).toBe(0);
      expect(await count('SELECT count(*)::int AS count FROM service_accounts WHERE network_id = $1', [network.id])).toBe(0);
    });
  });
});
