import { freePort, ServiceProcess, SmtpTestServer, testDatabaseUrl } from '@passerelle/testing';
import { Api } from './api';
import { nodeArgsOf } from '../../tools/deploy/deployment-settings';

export const SERVICES = ['identity', 'intake', 'matching', 'communication', 'evaluation'] as const;
export type Service = (typeof SERVICES)[number];

/**
 * The five services as separate processes built from `dist/` (as deployed),
 * on the test run's Kafka broker and test databases, with a real SMTP server
 * receiving every mail they send. Clients reach them only over HTTP.
 */
export class Stack {
  private constructor(
    readonly smtp: SmtpTestServer,
    readonly processes: Record<Service, ServiceProcess>,
  ) {}

  static async start(): Promise<Stack> {
    const smtp = await SmtpTestServer.start();
    const ports = await Promise.all(SERVICES.map(() => freePort()));
    const identityUrl = `http://127.0.0.1:${ports[0]}`;
    const common = {
      AUTH_JWKS_URL: `${identityUrl}/.well-known/jwks.json`,
      LOG_LEVEL: process.env['TEST_LOG_LEVEL'] ?? 'warn',
      OUTBOX_POLL_INTERVAL_MS: '200',
      CONSUMER_RETRY_BASE_MS: '50',
    };
    const extra: Record<Service, Record<string, string>> = {
      identity: {
        SMTP_URL: smtp.url,
        PUBLIC_APP_URL: 'https://mentoring.test',
        MAIL_POLL_INTERVAL_MS: '100',
        // Every participant registers from 127.0.0.1, run after run.
        ACCOUNT_THROTTLE_PER_IP: '1000000',
      },
      intake: {},
      matching: {},
      communication: {
        SMTP_URL: smtp.url,
        MAIL_POLL_INTERVAL_MS: '100',
        SESSION_VIDEO_URL_TEMPLATE: 'https://meet.example.org/passerelle-{room}',
        // The reminder scheduler has its own suite (reminders.e2e-spec.ts); here its
        // first sweep would come after the run, so the nudges counted are exactly
        // the follow-ups of evaluation's alerts, which this suite provokes.
        REMINDER_SWEEP_INTERVAL_MS: '3600000',
      },
      // Pairs are judged as their events arrive: alerts follow within a fraction of a second.
      evaluation: { ALERT_SWEEP_INTERVAL_MS: '200' },
    };
    const processes = Object.fromEntries(
      SERVICES.map((service, index) => [
        service,
        new ServiceProcess(service, ports[index], { ...common, ...extra[service], DATABASE_URL: testDatabaseUrl(service) }, nodeArgsOf(service)),
      ]),
    ) as Record<Service, ServiceProcess>;
    const stack = new Stack(smtp, processes);
    // Identity first: the others fetch its keys only when a request comes, but
    // starting it alone keeps the platform admin's first-start bootstrap uncontended.
    await processes.identity.start();
    await Promise.all(SERVICES.filter((service) => service !== 'identity').map((service) => processes[service].start()));
    return stack;
  }

  api(service: Service): Api {
    return new Api(this.processes[service].url);
  }

  async stop(): Promise<void> {
    await Promise.all(SERVICES.map((service) => this.processes[service].terminate().catch(() => undefined)));
    await this.smtp.stop();
  }
}
