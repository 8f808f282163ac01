import { execFile } from 'child_process';
import { Client } from 'pg';
import { promisify } from 'util';
import { freePort, ServiceProcess, testDatabaseUrl } from '@passerelle/testing';

const run = promisify(execFile);

/** How a command that should fail ended: its exit code and what it wrote to stderr. */
const failureOf = (command: Promise<unknown>) =>
  command.then(
    () => undefined,
    (error: { code: number; stderr: string }) => error,
  );

/** The test process's environment without anything that would choose the mode or the secrets for the service. */
function environmentWithout(...names: string[]): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const name of ['PASSERELLE_MODE', 'DATABASE_URL', 'SMTP_URL', 'TOKEN_SIGNING_SECRET', 'PLATFORM_ADMIN_PASSWORD', ...names]) delete env[name];
  return env;
}

/** Secrets an operator would set: values of their own. */
const OWN_SECRETS = {
  SMTP_URL: 'smtp://relay.example.org:587',
  TOKEN_SIGNING_SECRET: 'a-signing-secret-of-this-deployment-only-0123456789',
  PLATFORM_ADMIN_PASSWORD: 'an admin password of its own',
};

/**
 * The built services as an operator meets them: bad configuration stops the
 * start with one line per problem, and `main.js migrate` (a deployment's
 * migration Job) creates the database and applies the migrations once.
 */
describe('service commands', () => {
  const main = 'dist/apps/identity/src/main.js';

  it('refuses to start with bad configuration, naming every problem and masking secrets', async () => {
    const failure = await failureOf(
      run(process.execPath, [main], {
        env: { ...process.env, PASSERELLE_MODE: 'development', PORT: 'eighty', DATABASE_URL: 'mysql://root:hunter2@db/identity', KAFKA_CREATE_TOPICS: 'maybe' },
      }),
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

  describe('outside development mode (the default), secrets fail closed', () => {
    it('stops when a secret is missing, with one line naming it', async () => {
      const url = testDatabaseUrl('identity', '_migrate');
      const failure = await failureOf(
        run(process.execPath, [main, 'migrate'], { env: { ...environmentWithout(), ...OWN_SECRETS, DATABASE_URL: url, TOKEN_SIGNING_SECRET: '' } }),
      );
      expect(failure?.code).toBe(1);
      expect(failure!.stderr.trim().split('\n')).toEqual([
        'identity: Invalid configuration:',
        '  - TOKEN_SIGNING_SECRET is required: encrypts the private signing keys at rest (AES-256-GCM); at least 32 characters (its default is for PASSERELLE_MODE=development only)',
      ]);
    });

    it('names every secret left unset, the database and SMTP URLs included', async () => {
      const failure = await failureOf(run(process.execPath, [main], { env: environmentWithout() }));
      expect(failure?.code).toBe(1);
      const named = failure!.stderr.trim().split('\n').slice(1).map((line) => line.replace(/^ {2}- /, '').split(' ')[0]);
      expect(named).toEqual(['DATABASE_URL', 'SMTP_URL', 'TOKEN_SIGNING_SECRET', 'PLATFORM_ADMIN_PASSWORD']);
    });

    it('refuses the public development values even when set explicitly, without printing them', async () => {
      const failure = await failureOf(
        run(process.execPath, [main], {
          env: {
            ...environmentWithout(),
            ...OWN_SECRETS,
            DATABASE_URL: testDatabaseUrl('identity', '_migrate'),
            TOKEN_SIGNING_SECRET: 'development-only-token-signing-secret-do-not-deploy',
            PLATFORM_ADMIN_PASSWORD: 'development-only-admin-password',
          },
        }),
      );
      expect(failure?.code).toBe(1);
      expect(failure!.stderr.trim().split('\n')).toEqual([
        'identity: Invalid configuration:',
        '  - TOKEN_SIGNING_SECRET=(secret) is refused: it is a public development value, accepted only with PASSERELLE_MODE=development',
        '  - PLATFORM_ADMIN_PASSWORD=(secret) is refused: it is a public development value, accepted only with PASSERELLE_MODE=development',
      ]);
      expect(failure!.stderr).not.toContain('development-only-');
    });

    it.each(['intake', 'matching', 'communication', 'evaluation'])('%s also stops without its database and SMTP URLs', async (service) => {
      const failure = await failureOf(run(process.execPath, [`dist/apps/${service}/src/main.js`], { env: environmentWithout() }));
      expect(failure?.code).toBe(1);
      const named = failure!.stderr.trim().split('\n').slice(1).map((line) => line.replace(/^ {2}- /, '').split(' ')[0]);
      expect({ service, named }).toEqual({ service, named: ['DATABASE_URL', 'SMTP_URL'] });
    });
  });

  it('starts in development mode on the public development secrets, and says so in its log', async () => {
    const identity = new ServiceProcess('identity', await freePort(), { ...environmentWithout(), PASSERELLE_MODE: 'development', DATABASE_URL: testDatabaseUrl('identity', '_devmode'), LOG_LEVEL: 'info' } as Record<string, string>);
    await identity.start();
    const response = await fetch(`${identity.url}/health/ready`);
    const { exit, log } = await identity.terminate();
    expect([response.status, exit]).toEqual([200, 'SIGTERM']);
    const warnings = log.filter((line) => line.includes('"level":"warn"')).map((line) => JSON.parse(line).msg);
    expect(warnings).toContain('development mode (PASSERELLE_MODE=development): public development secrets are accepted');
  });

  it('creates the database and applies migrations with `migrate`, once (in production with its own secrets, then in development mode)', async () => {
    const url = testDatabaseUrl('identity', '_migrate');
    const admin = new Client({ connectionString: process.env['TEST_DATABASE_SERVER'] ?? 'postgres://postgres@127.0.0.1:5432/postgres' });
    await admin.connect();
    // The name testDatabaseUrl gives, TEST_DATABASE_TAG included.
    await admin.query(`DROP DATABASE IF EXISTS ${new URL(url).pathname.slice(1)}`);
    await admin.end();

    const env = { ...environmentWithout(), DATABASE_URL: url, LOG_LEVEL: 'info' };
    const first = await run(process.execPath, [main, 'migrate'], { env: { ...env, ...OWN_SECRETS } });
    expect(first.stdout).toContain('"msg":"migrations applied"');
    expect(first.stdout).toContain('IdentityInitial1764201700000');
    const second = await run(process.execPath, [main, 'migrate'], { env: { ...env, PASSERELLE_MODE: 'development' } });
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
        'match_partners',
        'migrations',
        'networks',
        'one_time_tokens',
        'outbox',
        'profiles',
        'refresh_tokens',
        'service_accounts',
        'signing_keys',
        'throttle_attempts',
        'token_revocations',
        'users',
      ]);
    } finally {
      await client.end();
    }
  });
});
