import { freePort, ServiceProcess, SmtpTestServer, testDatabaseUrl } from '@passerelle/testing';
import { randomUUID } from 'crypto';
import { Client } from 'pg';
import { nodeArgsOf } from '../../tools/deploy/deployment-settings';

/**
 * Logs hold no personal data, even when PostgreSQL fails on it: identity run
 * as a process (its real stdout captured), its database made to refuse one
 * registration (the pending registration's row) with an error that repeats the address in its message,
 * detail, hint and context, while TypeORM holds it among the query's
 * parameters. The unhandled error is logged, and the address is nowhere.
 */
describe('logs without personal data', () => {
  const databaseUrl = testDatabaseUrl('identity', '_redaction');
  let smtp: SmtpTestServer;
  let identity: ServiceProcess;
  let database: Client;

  beforeAll(async () => {
    smtp = await SmtpTestServer.start();
    identity = new ServiceProcess('identity', await freePort(), { DATABASE_URL: databaseUrl, SMTP_URL: smtp.url, LOG_LEVEL: 'info' }, nodeArgsOf('identity'));
    await identity.start();
    database = new Client({ connectionString: databaseUrl });
    await database.connect();
    // Refuses exactly the addresses of this test, repeating them wherever PostgreSQL lets an error carry text.
    await database.query(`
      CREATE OR REPLACE FUNCTION refuse_for_redaction_test() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.email LIKE '%@redaction-test.example.org' THEN
          RAISE EXCEPTION 'refused by the redaction test: %', NEW.email
            USING DETAIL = 'Key (email)=(' || NEW.email || ') is refused.', HINT = 'check ' || NEW.email;
        END IF;
        RETURN NEW;
      END $$`);
    await database.query('DROP TRIGGER IF EXISTS refuse_for_redaction_test ON one_time_tokens');
    await database.query('CREATE TRIGGER refuse_for_redaction_test BEFORE INSERT OR UPDATE ON one_time_tokens FOR EACH ROW EXECUTE FUNCTION refuse_for_redaction_test()');
  });

  afterAll(async () => {
    await database?.query('DROP TRIGGER IF EXISTS refuse_for_redaction_test ON one_time_tokens').catch(() => undefined);
    await database?.end();
    await identity?.terminate().catch(() => undefined);
    await smtp?.stop();
  });

  it('logs a failing query that carries an address without the address, its parameters or PostgreSQL details', async () => {
    const suffix = randomUUID().slice(0, 8);
    const slug = `redaction-${suffix}`;
    await database.query('INSERT INTO networks (id, name, slug, allowed_email_domains, registration_policy) VALUES ($1, $2, $3, $4, $5)', [
      randomUUID(),
      `University ${suffix}`,
      slug,
      ['redaction-test.example.org'],
      'open',
    ]);
    const localPart = `camille.durand.${suffix}`;
    const response = await fetch(`${identity.url}/v1/auth/register`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ network: slug, email: `${localPart}@redaction-test.example.org`, password: 'violet tram under 7 bridges', displayName: 'Camille Durand' }),
    });
    expect(response.status).toBe(500);
    expect(await response.json()).toEqual({ statusCode: 500, error: 'Internal Server Error', message: 'An unexpected error occurred.', details: [] });

    const { log } = await identity.terminate();
    const logged = log.filter((line) => line.includes('refused by the redaction test')).map((line) => JSON.parse(line));
    // The failure is logged, with what an operator needs and without what it failed on.
    expect(logged).toEqual([
      expect.objectContaining({
        level: 'error',
        msg: 'unhandled error',
        err: expect.objectContaining({
          type: 'QueryFailedError',
          message: 'refused by the redaction test: [email]',
          code: 'P0001',
          parameters: '[redacted]',
          detail: '[redacted]',
          hint: '[redacted]',
          where: '[redacted]',
        }),
      }),
    ]);
    expect(logged[0].err.query).toMatch(/^INSERT INTO "one_time_tokens"/);
    const everything = log.join('\n');
    expect(everything).not.toContain(localPart);
    expect(everything).not.toContain('redaction-test.example.org');
  });
});
