import { execFile } from 'child_process';
import { Client } from 'pg';
import { promisify } from 'util';
import { testDatabaseUrl } from '@passerelle/testing';

const run = promisify(execFile);

/**
 * The built services as an operator meets them: bad configuration stops the
 * start with one line per problem, and `main.js migrate` (a deployment's
 * migration Job) creates the database and applies the migrations once.
 */
describe('service commands', () => {
  const main = 'dist/apps/identity/src/main.js';

  it('refuses to start with bad configuration, naming every problem and masking secrets', async () => {
    const failure = await run(process.execPath, [main], {
      env: { ...process.env, PORT: 'eighty', DATABASE_URL: 'mysql://root:hunter2@db/identity', KAFKA_CREATE_TOPICS: 'maybe' },
    }).then(
      () => undefined,
      (error: { code: number; stderr: string }) => error,
    );
    expect(failure?.code).toBe(1);
    const lines = failure!.stderr.trim().split('\n');
    expect(lines[0]).toBe('identity: Invalid configuration:');
    expect(lines).toEqual(
      expect.arrayContaining([
        '  - PORT="eighty" is invalid: must be a whole number',
        '  - DATABASE_URL=(secret) is invalid: protocol must be postgres or postgresql, not mysql',
        '  - KAFKA_CREATE_TOPICS="maybe" is invalid: must be true or false',
      ]),
    );
    expect(failure!.stderr).not.toContain('hunter2');
  });

  it('creates the database and applies migrations with `migrate`, once', async () => {
    const url = testDatabaseUrl('identity', '_migrate');
    const admin = new Client({ connectionString: process.env['TEST_DATABASE_SERVER'] ?? 'postgres://postgres@127.0.0.1:5432/postgres' });
    await admin.connect();
    // The name testDatabaseUrl gives, TEST_DATABASE_TAG included.
    await admin.query(`DROP DATABASE IF EXISTS ${new URL(url).pathname.slice(1)}`);
    await admin.end();

    const env = { ...process.env, DATABASE_URL: url, LOG_LEVEL: 'info' };
    const first = await run(process.execPath, [main, 'migrate'], { env });
    expect(first.stdout).toContain('"msg":"migrations applied"');
    expect(first.stdout).toContain('IdentityInitial1764201700000');
    const second = await run(process.execPath, [main, 'migrate'], { env });
    expect(second.stdout).toContain('"msg":"database schema is up to date"');

    const client = new Client({ connectionString: url });
    await client.connect();
    try {
      const { rows } = await client.query(
        `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name`,
      );
      expect(rows.map((row) => row.table_name)).toEqual([
        'account_mails',
        'consents',
        'inbox',
        'migrations',
        'networks',
        'one_time_tokens',
        'outbox',
        'profiles',
        'refresh_tokens',
        'service_accounts',
        'signing_keys',
        'throttle_attempts',
        'users',
      ]);
    } finally {
      await client.end();
    }
  });
});
