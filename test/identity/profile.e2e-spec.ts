import { fromKafkaMessage, userErased, userProfileUpdated } from '@passerelle/contracts';
import {
  adminToken,
  createTestApp,
  createTestMember,
  createTestNetwork,
  KafkaProbe,
  loginAs,
  type ProbedRecord,
  type TestApp,
  type TestNetwork,
} from '@passerelle/testing';
import { createHash, randomUUID } from 'crypto';
import { identityApp } from '../../apps/identity/src/identity.app';

/**
 * Profile, consent, export and erasure (issue 3, items 5 and 6) over HTTP
 * against the real identity app, its PostgreSQL database and the real Kafka.
 */
describe('identity profile, consent, export and erasure (HTTP + PostgreSQL + Kafka)', () => {
  let identity: TestApp;
  let probe: KafkaProbe;
  let admin: string;

  beforeAll(async () => {
    probe = await new KafkaProbe([...new Set([userProfileUpdated.topic, userErased.topic])]).start();
    identity = await createTestApp(identityApp);
    admin = await adminToken(identity.http);
  });

  afterAll(async () => {
    await identity?.close();
    await probe?.stop();
  });

  async function member(network: TestNetwork, roles: string[] = []) {
    const credentials = await createTestMember(identity.http, identity.dataSource, network, { roles });
    const session = await loginAs(identity.http, credentials);
    return { ...credentials, ...session, auth: `Bearer ${session.accessToken}` };
  }

  function paths(body: { details: { path: string }[] }): string[] {
    return [...new Set(body.details.map((detail) => detail.path))].sort();
  }

  async function rowCounts(): Promise<Record<string, number>> {
    const [row] = await identity.dataSource.query(
      `SELECT (SELECT count(*)::int FROM profiles) AS profiles, (SELECT count(*)::int FROM consents) AS consents,
              (SELECT count(*)::int FROM outbox) AS outbox, (SELECT max(updated_at) FROM users) AS users_updated`,
    );
    return row;
  }

  describe('profile', () => {
    it('PATCH is reflected by GET, and only a changed display name is announced, with a valid envelope', async () => {
      const network = await createTestNetwork(identity.http, admin, 'prof');
      const camille = await member(network);
      const displayName = `Camille ${randomUUID().slice(0, 6)}`;
      const patch = {
        displayName,
        graduationYear: 2012,
        degree: 'MSc Computer Science',
        industry: 'Software',
        employer: 'Acme',
        city: 'Lyon',
        country: 'FR',
        timeZone: 'Europe/Paris',
        languages: ['fr', 'en'],
        bio: 'Happy to help with career changes.',
      };
      const patched = await identity.http.patch('/v1/users/me').set('authorization', camille.auth).send(patch).expect(200);
      const expected = { id: camille.userId, networkId: network.id, email: camille.email, ...patch, locale: null };
      expect(patched.body).toEqual(expected);
      const read = await identity.http.get('/v1/users/me').set('authorization', camille.auth).expect(200);
      expect(read.body).toEqual({ ...expected, roles: [] });

      const [record] = await probe.waitFor((candidate) => candidate.key === camille.userId && candidate.headers['ce_type'] === userProfileUpdated.type);
      const parsed = fromKafkaMessage({ key: Buffer.from(record.key ?? ''), value: Buffer.from(record.value ?? ''), headers: record.headers });
      expect(parsed.ok).toBe(true);
      expect(record.headers).toMatchObject({ ce_subject: camille.userId, ce_networkid: network.id, ce_source: '/passerelle/identity' });
      expect(record.data).toEqual({
        userId: camille.userId,
        networkId: network.id,
        changedFields: ['displayName'],
        displayName,
        updatedAt: expect.any(String),
      });

      // A partial update touches only what it names; without a name change nothing is published.
      const outboxBefore = (await rowCounts()).outbox;
      const partial = await identity.http.patch('/v1/users/me').set('authorization', camille.auth).send({ city: 'Paris', bio: null }).expect(200);
      expect(partial.body).toEqual({ ...expected, city: 'Paris', bio: null });
      expect((await rowCounts()).outbox).toBe(outboxBefore);
    });

    it('keeps the chosen language and announces it when it changes, alone or with the name', async () => {
      const network = await createTestNetwork(identity.http, admin, 'prof');
      const camille = await member(network);
      const patched = await identity.http.patch('/v1/users/me').set('authorization', camille.auth).send({ locale: 'en' }).expect(200);
      expect(patched.body).toMatchObject({ locale: 'en', displayName: 'Test member' });
      expect((await identity.http.get('/v1/users/me').set('authorization', camille.auth).expect(200)).body.locale).toBe('en');
      const profileEvent = (candidate: ProbedRecord) =>
        candidate.key === camille.userId && candidate.headers['ce_type'] === userProfileUpdated.type;
      const [first] = await probe.waitFor(profileEvent);
      expect(first.data).toEqual({ userId: camille.userId, networkId: network.id, changedFields: ['locale'], locale: 'en', updatedAt: expect.any(String) });

      // The same language again changes nothing and announces nothing.
      const outboxBefore = (await rowCounts()).outbox;
      await identity.http.patch('/v1/users/me').set('authorization', camille.auth).send({ locale: 'en', city: 'Lille' }).expect(200);
      expect((await rowCounts()).outbox).toBe(outboxBefore);

      await identity.http.patch('/v1/users/me').set('authorization', camille.auth).send({ locale: 'fr', displayName: 'Camille Martin' }).expect(200);
      const both = await probe.waitFor((candidate) => profileEvent(candidate) && (candidate.data as { locale?: string }).locale === 'fr');
      expect(both[0].data).toEqual({
        userId: camille.userId,
        networkId: network.id,
        changedFields: ['displayName', 'locale'],
        displayName: 'Camille Martin',
        locale: 'fr',
        updatedAt: expect.any(String),
      });
      const exported = await identity.http.get('/v1/users/me/export').set('authorization', camille.auth).expect(200);
      expect(exported.body.profile).toMatchObject({ locale: 'fr', city: 'Lille' });
    });

    it('refuses a language the application is not written in, and a cleared one, naming the field', async () => {
      const network = await createTestNetwork(identity.http, admin, 'prof');
      const camille = await member(network);
      const before = await rowCounts();
      for (const locale of ['de', 'fr-FR', null, 1]) {
        const refused = await identity.http.patch('/v1/users/me').set('authorization', camille.auth).send({ locale }).expect(400);
        expect(refused.body.details).toEqual([{ path: 'locale', issue: 'must be one of fr, en' }]);
      }
      expect(await rowCounts()).toEqual(before);
    });

    it('changes only the caller\'s own language: another member keeps theirs', async () => {
      const network = await createTestNetwork(identity.http, admin, 'prof');
      const other = await createTestNetwork(identity.http, admin, 'prof');
      const camille = await member(network);
      const peer = await member(network);
      const stranger = await member(other);
      await identity.http.patch('/v1/users/me').set('authorization', camille.auth).send({ locale: 'en' }).expect(200);
      for (const person of [peer, stranger]) {
        expect((await identity.http.get('/v1/users/me').set('authorization', person.auth).expect(200)).body.locale).toBeNull();
      }
    });

    it('rejects bad input on every field with 400 naming each field, rejects unknown fields, and writes nothing', async () => {
      const network = await createTestNetwork(identity.http, admin, 'prof');
      const camille = await member(network);
      const before = await rowCounts();
      const bad = await identity.http
        .patch('/v1/users/me')
        .set('authorization', camille.auth)
        .send({
          displayName: '',
          graduationYear: new Date().getUTCFullYear() + 11,
          degree: 'x'.repeat(201),
          industry: 42,
          employer: '',
          city: ['Lyon'],
          country: 'FRA',
          timeZone: 'Europe/Atlantis',
          languages: ['fr', 'fr', 'xx'],
          bio: 'x'.repeat(1001),
          passwordHash: 'nope',
        })
        .expect(400);
      expect(paths(bad.body)).toEqual(
        ['bio', 'city', 'country', 'degree', 'displayName', 'employer', 'graduationYear', 'industry', 'languages', 'passwordHash', 'timeZone'].sort(),
      );
      expect(bad.body.details).toContainEqual({ path: 'passwordHash', issue: 'is not an accepted field' });
      expect(bad.body.details).toContainEqual({ path: 'timeZone', issue: 'must be an IANA time zone, e.g. Europe/Paris' });

      const more = await identity.http
        .patch('/v1/users/me')
        .set('authorization', camille.auth)
        .send({ displayName: null, graduationYear: 1899, languages: Array.from({ length: 11 }, (_, i) => ['fr', 'en', 'de', 'es', 'it', 'pt', 'nl', 'pl', 'sv', 'da', 'fi'][i]) })
        .expect(400);
      expect(paths(more.body)).toEqual(['displayName', 'graduationYear', 'languages']);

      expect(await rowCounts()).toEqual(before);
      const read = await identity.http.get('/v1/users/me').set('authorization', camille.auth).expect(200);
      expect(read.body).toMatchObject({ displayName: 'Test member', country: null, languages: [] });
    });

    it('answers 401 without a token', async () => {
      await identity.http.get('/v1/users/me').expect(401);
      await identity.http.patch('/v1/users/me').send({ city: 'Lyon' }).expect(401);
      await identity.http.get('/v1/users/me/export').expect(401);
      await identity.http.delete('/v1/users/me').expect(401);
    });

    it('lets an organizer of the network read a member; another network gets 404, a plain member 403', async () => {
      const network = await createTestNetwork(identity.http, admin, 'prof');
      const other = await createTestNetwork(identity.http, admin, 'prof');
      const camille = await member(network);
      const organizer = await member(network, ['organizer']);
      const peer = await member(network);
      const stranger = await member(other, ['organizer']);
      const read = await identity.http.get(`/v1/users/${camille.userId}`).set('authorization', organizer.auth).expect(200);
      expect(read.body).toMatchObject({ id: camille.userId, networkId: network.id, displayName: 'Test member', roles: [] });
      await identity.http.get(`/v1/users/${camille.userId}`).set('authorization', stranger.auth).expect(404);
      await identity.http.get(`/v1/users/${camille.userId}`).set('authorization', peer.auth).expect(403);
      await identity.http.get(`/v1/users/${randomUUID()}`).set('authorization', organizer.auth).expect(404);
    });
  });

  describe('consent', () => {
    it('records decisions, keeps the history and shows the current state per purpose', async () => {
      const network = await createTestNetwork(identity.http, admin, 'prof');
      const camille = await member(network);
      const empty = await identity.http.get('/v1/users/me/consents').set('authorization', camille.auth).expect(200);
      expect(empty.body.history).toEqual([]);
      expect(empty.body.current).toEqual([
        { purpose: 'terms', granted: null, recordedAt: null },
        { purpose: 'matching_data_processing', granted: null, recordedAt: null },
        { purpose: 'emails', granted: null, recordedAt: null },
      ]);

      await identity.http.put('/v1/users/me/consents/terms').set('authorization', camille.auth).send({ granted: true }).expect(200);
      await identity.http.put('/v1/users/me/consents/emails').set('authorization', camille.auth).send({ granted: true }).expect(200);
      const last = await identity.http.put('/v1/users/me/consents/emails').set('authorization', camille.auth).send({ granted: false }).expect(200);
      const read = await identity.http.get('/v1/users/me/consents').set('authorization', camille.auth).expect(200);
      expect(read.body).toEqual(last.body);
      expect(read.body.history.map((record: { purpose: string; granted: boolean }) => [record.purpose, record.granted])).toEqual([
        ['terms', true],
        ['emails', true],
        ['emails', false],
      ]);
      expect(read.body.current).toEqual([
        { purpose: 'terms', granted: true, recordedAt: expect.any(String) },
        { purpose: 'matching_data_processing', granted: null, recordedAt: null },
        { purpose: 'emails', granted: false, recordedAt: read.body.history[2].recordedAt },
      ]);
    });

    it('rejects an unknown purpose, a non-boolean decision and unknown fields, writing nothing', async () => {
      const network = await createTestNetwork(identity.http, admin, 'prof');
      const camille = await member(network);
      const before = await rowCounts();
      const purpose = await identity.http.put('/v1/users/me/consents/marketing').set('authorization', camille.auth).send({ granted: true }).expect(400);
      expect(purpose.body.details).toEqual([{ path: 'purpose', issue: 'must be one of terms, matching_data_processing, emails' }]);
      const granted = await identity.http.put('/v1/users/me/consents/terms').set('authorization', camille.auth).send({ granted: 'yes', at: 'now' }).expect(400);
      expect(paths(granted.body)).toEqual(['at', 'granted']);
      expect(await rowCounts()).toEqual(before);
    });
  });

  describe('export', () => {
    it('returns profile, consents, account and sessions as an attachment, without password or token hashes', async () => {
      const network = await createTestNetwork(identity.http, admin, 'prof');
      const camille = await member(network);
      await identity.http.patch('/v1/users/me').set('authorization', camille.auth).send({ bio: 'Loves graph theory.', languages: ['fr'] }).expect(200);
      await identity.http.put('/v1/users/me/consents/terms').set('authorization', camille.auth).send({ granted: true }).expect(200);

      const response = await identity.http.get('/v1/users/me/export').set('authorization', camille.auth).expect(200);
      expect(response.headers['content-disposition']).toMatch(/^attachment; filename=/);
      expect(response.body).toMatchObject({
        account: { id: camille.userId, email: camille.email, displayName: 'Test member', status: 'active', roles: [] },
        network: { id: network.id, slug: network.slug },
        profile: { bio: 'Loves graph theory.', languages: ['fr'] },
        consents: [{ purpose: 'terms', granted: true, recordedAt: expect.any(String) }],
        sessions: { count: 1, items: [{ startedAt: expect.any(String), active: true }] },
      });

      const text = JSON.stringify(response.body);
      const [user] = await identity.dataSource.query('SELECT password_hash FROM users WHERE id = $1', [camille.userId]);
      expect(text).not.toContain(user.password_hash);
      expect(text).not.toMatch(/argon2|hash/i);
      const tokens: { token_hash: Buffer }[] = await identity.dataSource.query('SELECT token_hash FROM refresh_tokens WHERE user_id = $1', [camille.userId]);
      expect(tokens.length).toBeGreaterThan(0);
      for (const token of tokens) {
        expect(text).not.toContain(token.token_hash.toString('hex'));
        expect(text).not.toContain(token.token_hash.toString('base64'));
      }
      expect(text).not.toContain(camille.refreshToken);
    });
  });

  describe('erasure', () => {
    /** Every row of identity's tables that mentions any of `needles` anywhere. */
    async function rowsMentioning(needles: string[], outboxAfter: number): Promise<unknown[]> {
      const found: unknown[] = [];
      for (const table of ['users', 'profiles', 'one_time_tokens', 'consents', 'throttle_attempts', 'account_mails', 'refresh_tokens', 'service_accounts']) {
        for (const needle of needles) {
          const rows = await identity.dataSource.query(`SELECT '${table}' AS t, x::text AS row FROM ${table} x WHERE strpos(lower(x::text), lower($1)) > 0`, [needle]);
          found.push(...rows);
        }
      }
      for (const needle of needles) {
        found.push(
          ...(await identity.dataSource.query(
            `SELECT 'outbox' AS t, x::text AS row FROM outbox x WHERE position > $2 AND strpos(lower(x::text), lower($1)) > 0`,
            [needle, outboxAfter],
          )),
        );
      }
      return found;
    }

    async function personalise(person: { auth: string; email: string; userId: string }, network: TestNetwork) {
      const displayName = `Dominique ${randomUUID().slice(0, 8)}`;
      const bio = `Unique bio ${randomUUID()}`;
      await identity.http.patch('/v1/users/me').set('authorization', person.auth).send({ displayName, bio, city: 'Grenoble' }).expect(200);
      await identity.http.put('/v1/users/me/consents/terms').set('authorization', person.auth).send({ granted: true }).expect(200);
      // A pending reset token and an (old) invitation addressed to the same e-mail, as the registration flows leave them.
      const sha = () => createHash('sha256').update(randomUUID()).digest('hex');
      await identity.dataSource.query(
        `INSERT INTO one_time_tokens (id, purpose, token_hash, network_id, user_id, expires_at) VALUES ($1, 'reset_password', $2, $3, $4, now() + interval '1 hour')`,
        [randomUUID(), sha(), network.id, person.userId],
      );
      await identity.dataSource.query(
        `INSERT INTO one_time_tokens (id, purpose, token_hash, network_id, email, expires_at) VALUES ($1, 'invitation', $2, $3, $4, now() + interval '1 day')`,
        [randomUUID(), sha(), network.id, person.email],
      );
      // A failed login leaves a throttle row (keyed by a digest of the address, which erasure removes too).
      await identity.http.post('/v1/auth/login').send({ network: network.slug, email: person.email, password: 'wrong password, surely' }).expect(401);
      return { displayName, bio };
    }

    it('erases one\'s own account: no row names the person, the event is published, login and refresh fail', async () => {
      const network = await createTestNetwork(identity.http, admin, 'prof');
      const dominique = await member(network);
      const { displayName, bio } = await personalise(dominique, network);
      const needles = [dominique.email, displayName, bio];
      expect((await rowsMentioning(needles, 0)).length).toBeGreaterThan(0);
      const [{ max: outboxBefore }] = await identity.dataSource.query('SELECT coalesce(max(position), 0)::int AS max FROM outbox');

      await identity.http.delete('/v1/users/me').set('authorization', dominique.auth).expect(204);

      expect(await rowsMentioning(needles, outboxBefore)).toEqual([]);
      const [user] = await identity.dataSource.query('SELECT email, display_name, password_hash, status, roles FROM users WHERE id = $1', [dominique.userId]);
      expect(user).toEqual({ email: `erased+${dominique.userId}@invalid`, display_name: 'Erased user', password_hash: null, status: 'erased', roles: [] });
      expect(await identity.dataSource.query('SELECT * FROM profiles WHERE user_id = $1', [dominique.userId])).toEqual([]);
      expect(await identity.dataSource.query('SELECT * FROM one_time_tokens WHERE user_id = $1', [dominique.userId])).toEqual([]);
      // Consents stay, as bare decisions: the proof of what was agreed before.
      expect(await identity.dataSource.query('SELECT purpose, granted FROM consents WHERE user_id = $1', [dominique.userId])).toEqual([
        { purpose: 'terms', granted: true },
      ]);
      const [{ open }] = await identity.dataSource.query(
        'SELECT count(*)::int AS open FROM refresh_tokens WHERE user_id = $1 AND revoked_at IS NULL',
        [dominique.userId],
      );
      expect(open).toBe(0);

      const [record] = await probe.waitFor((candidate) => candidate.key === dominique.userId && candidate.headers['ce_type'] === userErased.type);
      const parsed = fromKafkaMessage({ key: Buffer.from(record.key ?? ''), value: Buffer.from(record.value ?? ''), headers: record.headers });
      expect(parsed.ok).toBe(true);
      expect(record.data).toEqual({ userId: dominique.userId, networkId: network.id, erasedAt: expect.any(String) });
      expect(record.value).not.toContain(dominique.email);

      await identity.http.post('/v1/auth/login').send({ network: network.slug, email: dominique.email, password: dominique.password }).expect(401);
      // That failed login after the erasure wrote nothing that names the person.
      expect(await rowsMentioning(needles, outboxBefore)).toEqual([]);
      await identity.http.post('/v1/auth/refresh').send({ refreshToken: dominique.refreshToken }).expect(401);
      // The access token ends with the account: identity applies its own revocation at commit.
      await identity.http.get('/v1/users/me').set('authorization', dominique.auth).expect(401);
      await identity.http.delete('/v1/users/me').set('authorization', dominique.auth).expect(401);
    });

    it('lets an organizer of the network erase a member; an organizer of another network gets 404 and nothing changes', async () => {
      const network = await createTestNetwork(identity.http, admin, 'prof');
      const other = await createTestNetwork(identity.http, admin, 'prof');
      const alex = await member(network);
      const organizer = await member(network, ['organizer']);
      const stranger = await member(other, ['organizer']);
      const peer = await member(network);
      const { displayName } = await personalise(alex, network);

      const snapshot = async () => ({
        user: await identity.dataSource.query('SELECT * FROM users WHERE id = $1', [alex.userId]),
        profile: await identity.dataSource.query('SELECT * FROM profiles WHERE user_id = $1', [alex.userId]),
        tokens: await identity.dataSource.query('SELECT * FROM one_time_tokens WHERE network_id = $1 ORDER BY id', [network.id]),
        refresh: await identity.dataSource.query('SELECT id, revoked_at FROM refresh_tokens WHERE user_id = $1 ORDER BY id', [alex.userId]),
        outbox: (await rowCounts()).outbox,
      });
      const before = await snapshot();
      const refused = await identity.http.delete(`/v1/users/${alex.userId}`).set('authorization', stranger.auth).expect(404);
      expect(refused.body.details).toEqual([{ path: 'id', issue: 'does not name a user of your network' }]);
      await identity.http.delete(`/v1/users/${alex.userId}`).set('authorization', peer.auth).expect(403);
      expect(await snapshot()).toEqual(before);

      await identity.http.delete(`/v1/users/${alex.userId}`).set('authorization', organizer.auth).expect(204);
      const [user] = await identity.dataSource.query('SELECT display_name, status FROM users WHERE id = $1', [alex.userId]);
      expect(user).toEqual({ display_name: 'Erased user', status: 'erased' });
      expect(await rowsMentioning([alex.email, displayName], Number.MAX_SAFE_INTEGER)).toEqual([]);
      await probe.waitFor((candidate) => candidate.key === alex.userId && candidate.headers['ce_type'] === userErased.type);
      await identity.http.get(`/v1/users/${alex.userId}`).set('authorization', organizer.auth).expect(404);
      await identity.http.delete(`/v1/users/${alex.userId}`).set('authorization', organizer.auth).expect(404);
    });
  });
});
