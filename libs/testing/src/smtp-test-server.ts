import { type AddressInfo } from 'net';
import { type AddressObject, type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer, type SMTPServerAddress } from 'smtp-server';
import { expectEventually } from './expect-eventually';

export interface ReceivedMail {
  /** Envelope recipients (RCPT TO), lower-cased. */
  readonly to: readonly string[];
  /** Envelope sender (MAIL FROM). */
  readonly from: string;
  /** The From header, as written. */
  readonly fromHeader: string;
  readonly subject: string;
  readonly text: string;
  readonly html: string | null;
  /** Every http(s) URL in the text body, in order. */
  readonly links: readonly string[];
  readonly attachments: readonly { filename?: string; contentType: string; content: Buffer }[];
  readonly parsed: ParsedMail;
  readonly receivedAt: Date;
}

/**
 * A real SMTP server (the `smtp-server` package) for the e2e tests: the apps
 * send to it over TCP exactly as they would to a production relay, and every
 * message is parsed with mailparser and kept for assertions. No mock of
 * SMTP anywhere (ARCHITECTURE.md, Tests).
 *
 *   const smtp = await SmtpTestServer.start();
 *   const app = await createTestApp(identityApp, { env: { SMTP_URL: smtp.url } });
 *   const mail = await smtp.waitFor('camille@example.org', /confirm/i);
 *   const token = tokenInMail(mail);
 */
export class SmtpTestServer {
  readonly messages: ReceivedMail[] = [];
  private readonly rejected = new Set<string>();
  private rejectAll = false;

  private constructor(
    private readonly server: SMTPServer,
    readonly port: number,
    private readonly onMail?: (mail: ReceivedMail) => void,
  ) {}

  /**
   * Listens on `port` (default: any free one). `onMail` sees each message as
   * it arrives (the local mail catcher of `npm start` writes them to files).
   */
  static async start(options: { port?: number; onMail?: (mail: ReceivedMail) => void } = {}): Promise<SmtpTestServer> {
    // The handlers need the instance, which needs the server: filled in below.
    const self: { instance?: SmtpTestServer } = {};
    const server = new SMTPServer({
      // Plain SMTP on loopback: no TLS, no authentication, nothing logged.
      disabledCommands: ['STARTTLS', 'AUTH'],
      authOptional: true,
      logger: false,
      size: 10 * 1024 * 1024,
      onRcptTo(address: SMTPServerAddress, _session, callback) {
        const to = address.address.toLowerCase();
        if (self.instance?.rejectAll || self.instance?.rejected.has(to)) {
          const error = new Error('mailbox unavailable (rejected by the test)') as Error & { responseCode: number };
          error.responseCode = 550;
          return callback(error);
        }
        callback();
      },
      onData(stream, session, callback) {
        simpleParser(stream)
          .then((parsed) => {
            self.instance?.record(parsed, session.envelope.rcptTo.map((rcpt) => rcpt.address.toLowerCase()), session.envelope.mailFrom);
            callback();
          })
          .catch((error: Error) => callback(error));
      },
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? 0, '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    });
    const address = server.server.address() as AddressInfo;
    self.instance = new SmtpTestServer(server, address.port, options.onMail);
    return self.instance;
  }

  /** What `SMTP_URL` should be for an app under test. */
  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  /** Mails received for `to` (case-insensitive), oldest first. */
  messagesTo(to: string, subject?: RegExp): ReceivedMail[] {
    const address = to.toLowerCase();
    return this.messages.filter((mail) => mail.to.includes(address) && (!subject || subject.test(mail.subject)));
  }

  /**
   * Waits until a mail for `to` whose subject matches arrives, and returns
   * the latest such mail. `count` waits for that many of them.
   */
  async waitFor(to: string, subject: RegExp = /.*/, { timeoutMs = 15_000, count = 1 } = {}): Promise<ReceivedMail> {
    return expectEventually(
      () => {
        const found = this.messagesTo(to, subject);
        if (found.length < count) {
          const seen = this.messages.map((mail) => `${mail.to.join(',')}: ${mail.subject}`);
          throw new Error(
            `expected ${count} mail(s) to ${to} matching ${subject}, got ${found.length}; received: ${JSON.stringify(seen)}`,
          );
        }
        return found[found.length - 1];
      },
      { timeoutMs, intervalMs: 50 },
    );
  }

  /** Refuse RCPT TO for these addresses (550), or for everyone with `'*'`, until `acceptAgain`. */
  rejectRecipients(...addresses: string[]): void {
    for (const address of addresses) {
      if (address === '*') this.rejectAll = true;
      else this.rejected.add(address.toLowerCase());
    }
  }

  acceptAgain(): void {
    this.rejected.clear();
    this.rejectAll = false;
  }

  clear(): void {
    this.messages.length = 0;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private record(parsed: ParsedMail, to: string[], mailFrom: SMTPServerAddress | false): void {
    const text = parsed.text ?? '';
    const mail: ReceivedMail = {
      to,
      from: mailFrom ? mailFrom.address : '',
      fromHeader: addressText(parsed.from),
      subject: parsed.subject ?? '',
      text,
      html: typeof parsed.html === 'string' ? parsed.html : null,
      links: [...text.matchAll(/https?:\/\/[^\s<>"')]+/g)].map((match) => match[0]),
      attachments: parsed.attachments.map((attachment) => ({
        filename: attachment.filename,
        contentType: attachment.contentType,
        content: attachment.content,
      })),
      parsed,
      receivedAt: new Date(),
    };
    this.messages.push(mail);
    this.onMail?.(mail);
  }
}

function addressText(address: AddressObject | AddressObject[] | undefined): string {
  if (!address) return '';
  return (Array.isArray(address) ? address : [address]).map((entry) => entry.text).join(', ');
}

/**
 * The one-time token a mail carries: the `token` parameter of its link
 * (query or fragment). Fails when there is none, or several different ones.
 */
export function tokenInMail(mail: ReceivedMail): string {
  const tokens = new Set(
    mail.links.flatMap((link) => {
      const url = new URL(link);
      const fromFragment = new URLSearchParams(url.hash.replace(/^#/, '')).get('token');
      return [url.searchParams.get('token'), fromFragment].filter((token): token is string => !!token);
    }),
  );
  if (tokens.size !== 1) {
    throw new Error(`expected one token in the mail "${mail.subject}", found ${tokens.size}: ${mail.text}`);
  }
  return [...tokens][0];
}
