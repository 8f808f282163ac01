import { createEnvelope, toKafkaMessage, userErased, userRegistered } from '@passerelle/contracts';
import { createTestApp, expectEventually, RawProducer, SmtpTestServer, type TestApp } from '@passerelle/testing';
import { randomUUID } from 'crypto';
import { communicationApp } from '../../apps/communication/src/communication.app';
import { MailRetentionSweep } from '../../apps/communication/src/notifications/infrastructure/mail-retention.sweep';

const DAY = 86_400_000;

/**
 * What communication keeps of its mails: finished mails go after
 * MAIL_RETENTION_DAYS (two replicas sweeping at once delete each once, and
 * miss none), and an erasure drops the mails not yet sent to others that
 * name the erased person.
 */
describe('mail retention and erasure', () => {
  let smtp: SmtpTestServer;
  let communication: TestApp;
  let replica: TestApp;
  let producer: RawProducer;

  beforeAll(async () => {
    smtp = await SmtpTestServer.start();
    // The timers stay out of the way: the test runs the sweeps itself, at once.
    const env = { SMTP_URL: smtp.url, MAIL_RETENTION_DAYS: '30', MAIL_PURGE_INTERVAL_MS: '86400000' };
    communication = await createTestApp(communicationApp, { env });
    replica = await createTestApp(communicationApp, { env });
    producer = new RawProducer();
  });

  afterAll(async () => {
    await producer?.stop();
    await replica?.close();
    await communication?.close();
    await smtp?.stop();
  });

  /** Inserts `count` mails of one kind for `networkId`; pending ones are due tomorrow so the sender leaves them be. */
  const insertMails = async (
    networkId: string,
    count: number,
    mail: { status: 'pending' | 'sent' | 'failed'; ageDays: number; recipientId?: string; text?: string },
  ): Promise<void> => {
    const at = new Date(Date.now() - mail.ageDays * DAY);
    await communication.dataSource.query(
      `INSERT INTO mail_deliveries (id, network_id, recipient_id, to_address, template, subject, text_body, status, attempts,
                                    next_attempt_at, last_error, created_at, sent_at)
       SELECT gen_random_uuid(), $1, $2, 'someone@example.test', 'match.proposed', 'A mentor for you', $3, $4::text, 1,
              CASE WHEN $4::text = 'pending' THEN now() + interval '1 day' ELSE $5 END, NULL, $5,
              CASE WHEN $4::text = 'sent' THEN $5 END
         FROM generate_series(1, $6)`,
      [networkId, mail.recipientId ?? randomUUID(), mail.text ?? 'Hello', mail.status, at, count],
    );
  };

  const countsOf = async (networkId: string) =>
    Object.fromEntries(
      (
        await communication.dataSource.query(
          `SELECT status || ':' || CASE WHEN COALESCE(sent_at, created_at) < now() - interval '30 days' THEN 'old' ELSE 'recent' END AS kind, count(*)::int AS n
             FROM mail_deliveries WHERE network_id = $1 GROUP BY 1`,
          [networkId],
        )
      ).map((row: { kind: string; n: number }) => [row.kind, row.n]),
    );

  it('deletes finished mails past the retention, keeps recent and pending ones, each deleted once across two replicas', async () => {
    const networkId = randomUUID();
    // More than one batch, so the replicas' batches interleave.
    await insertMails(networkId, 1_300, { status: 'sent', ageDays: 31 });
    await insertMails(networkId, 20, { status: 'failed', ageDays: 45 });
    await insertMails(networkId, 15, { status: 'sent', ageDays: 29 });
    await insertMails(networkId, 5, { status: 'pending', ageDays: 60 });
    expect(await countsOf(networkId)).toEqual({ 'sent:old': 1_300, 'failed:old': 20, 'sent:recent': 15, 'pending:old': 5 });
    const [{ due }] = await communication.dataSource.query(
      `SELECT count(*)::int AS due FROM mail_deliveries WHERE status <> 'pending' AND COALESCE(sent_at, created_at) < now() - interval '30 days'`,
    );

    const [first, second] = await Promise.all([communication.app.get(MailRetentionSweep).sweep(), replica.app.get(MailRetentionSweep).sweep()]);

    // Every deletion is counted by the replica that made it: together exactly what was due, none twice.
    expect(first + second).toBe(due);
    expect(await countsOf(networkId)).toEqual({ 'sent:recent': 15, 'pending:old': 5 });
    expect(await communication.app.get(MailRetentionSweep).sweep()).toBe(0);
  });

  it('on erasure, drops the pending mails to others that name the person, and keeps the rest', async () => {
    const [erased, other, networkId] = [randomUUID(), randomUUID(), randomUUID()];
    const register = (userId: string, displayName: string) =>
      toKafkaMessage(createEnvelope(userRegistered, { ...userRegistered.example, userId, networkId, email: `${userId}@example.test`, displayName }));
    await producer.send(userRegistered.topic, [register(erased, 'Zélie Ormeau'), register(other, 'Basile Tran')]);
    await expectEventually(async () => {
      const rows = await communication.dataSource.query('SELECT 1 FROM directory_entries WHERE user_id = ANY($1)', [[erased, other]]);
      expect(rows).toHaveLength(2);
    });
    await insertMails(networkId, 2, { status: 'pending', ageDays: 0, recipientId: other, text: 'Zélie Ormeau proposes to mentor you.' });
    await insertMails(networkId, 1, { status: 'pending', ageDays: 0, recipientId: other, text: 'Your session is tomorrow.' });
    await insertMails(networkId, 1, { status: 'sent', ageDays: 1, recipientId: other, text: 'Zélie Ormeau accepted.' });

    await producer.send(userErased.topic, [toKafkaMessage(createEnvelope(userErased, { userId: erased, networkId, erasedAt: new Date().toISOString() }))]);
    await expectEventually(async () => {
      const [entry] = await communication.dataSource.query('SELECT status FROM directory_entries WHERE user_id = $1', [erased]);
      expect(entry.status).toBe('erased');
    });

    const left = await communication.dataSource.query(
      'SELECT status, text_body FROM mail_deliveries WHERE network_id = $1 ORDER BY status, text_body',
      [networkId],
    );
    // The sent one goes with the retention; the unrelated pending one is still owed.
    expect(left).toEqual([
      { status: 'pending', text_body: 'Your session is tomorrow.' },
      { status: 'sent', text_body: 'Zélie Ormeau accepted.' },
    ]);
  });
});
