import { adminToken, createTestApp, createTestMember, createTestNetwork, type TestApp } from '@passerelle/testing';
import { randomBytes } from 'crypto';
import { identityApp } from '../../apps/identity/src/identity.app';
import { ExpiredRecordsSweep } from '../../apps/identity/src/registration/infrastructure/expired-records.sweep';

/**
 * Identity's sweep of what has outlived its use (invitations and one-time
 * links past their expiry, throttle attempts past every window), run by two
 * replicas at once: each row goes exactly once, none is missed, and what is
 * still live stays.
 */
describe('expired records sweep with two replicas', () => {
  let identity: TestApp;
  let replica: TestApp;

  beforeAll(async () => {
    identity = await createTestApp(identityApp);
    replica = await createTestApp(identityApp);
  });

  afterAll(async () => {
    await replica?.close();
    await identity?.close();
  });

  const count = async (sql: string, params: unknown[] = []): Promise<number> => {
    const [{ n }] = await identity.dataSource.query(`SELECT count(*)::int AS n FROM (${sql}) AS rows`, params);
    return n;
  };

  /**
   * Inserts `total` tokens of one purpose, shaped as the table requires (an
   * invitation holds an address; a registration waiting for its link an
   * address, a name and a password hash; a reset link a user); `expiresIn`
   * is an SQL interval (negative: expired).
   */
  const insertTokens = (purpose: 'invitation' | 'verify_email' | 'reset_password', total: number, networkId: string, userId: string, expiresIn: string) =>
    identity.dataSource.query(
      `INSERT INTO one_time_tokens (id, purpose, token_hash, network_id, user_id, email, display_name, password_hash, created_at, expires_at)
       SELECT gen_random_uuid(), $1::text, encode(sha256(($5 || i)::bytea), 'hex'), $2,
              CASE WHEN $1::text = 'reset_password' THEN $3::uuid END,
              CASE WHEN $1::text <> 'reset_password' THEN 'invitee-' || $5 || '-' || i || '@example.org' END,
              CASE WHEN $1::text = 'verify_email' THEN 'Pending Person' END,
              CASE WHEN $1::text = 'verify_email' THEN '$argon2id$placeholder' END,
              now() - interval '8 days', now() + $4::interval
         FROM generate_series(1, $6) AS i`,
      [purpose, networkId, userId, expiresIn, randomBytes(8).toString('hex'), total],
    );

  it('deletes expired invitations, verification and reset links and old throttle attempts once, and keeps live ones', async () => {
    const network = await createTestNetwork(identity.http, await adminToken(identity.http), 'sweep');
    const member = await createTestMember(identity.http, identity.dataSource, network);
    // More invitations than one batch, so the replicas' batches interleave.
    await insertTokens('invitation', 1_200, network.id, member.userId, '-1 minute');
    await insertTokens('verify_email', 3, network.id, member.userId, '-1 hour');
    await insertTokens('reset_password', 4, network.id, member.userId, '-1 day');
    await insertTokens('invitation', 5, network.id, member.userId, '6 days');
    await insertTokens('reset_password', 2, network.id, member.userId, '1 hour');
    const address = `198.51.100.${Math.floor(Math.random() * 200) + 1}`;
    await identity.dataSource.query(
      `INSERT INTO throttle_attempts (id, action, account_key, address, attempted_at)
       SELECT gen_random_uuid(), 'login', NULL, $1, now() - interval '30 days' FROM generate_series(1, 700)
       UNION ALL SELECT gen_random_uuid(), 'login', NULL, $1, now() FROM generate_series(1, 3)`,
      [address],
    );
    const tokensBefore = await count('SELECT 1 FROM one_time_tokens');
    const attemptsBefore = await count('SELECT 1 FROM throttle_attempts');

    const [first, second] = await Promise.all([identity.app.get(ExpiredRecordsSweep).sweep(), replica.app.get(ExpiredRecordsSweep).sweep()]);

    // Each deletion is counted by the one replica that made it: the counts add up to what left the tables.
    expect(first.tokens + second.tokens).toBe(tokensBefore - (await count('SELECT 1 FROM one_time_tokens')));
    expect(first.attempts + second.attempts).toBe(attemptsBefore - (await count('SELECT 1 FROM throttle_attempts')));
    expect(first.tokens + second.tokens).toBeGreaterThanOrEqual(1_207);
    expect(first.attempts + second.attempts).toBeGreaterThanOrEqual(700);
    // None missed, the live ones kept.
    expect(await count('SELECT 1 FROM one_time_tokens WHERE expires_at <= now()')).toBe(0);
    const left = await identity.dataSource.query(
      'SELECT purpose, count(*)::int AS n FROM one_time_tokens WHERE network_id = $1 AND created_at < now() - interval \'7 days\' GROUP BY purpose ORDER BY purpose',
      [network.id],
    );
    expect(left).toEqual([
      { purpose: 'invitation', n: 5 },
      { purpose: 'reset_password', n: 2 },
    ]);
    const attempts = await identity.dataSource.query(
      `SELECT attempted_at > now() - interval '1 hour' AS recent, count(*)::int AS n FROM throttle_attempts WHERE address = $1 GROUP BY 1`,
      [address],
    );
    expect(attempts).toEqual([{ recent: true, n: 3 }]);
  });
});
