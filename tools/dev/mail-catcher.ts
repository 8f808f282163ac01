import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SmtpTestServer } from '@passerelle/testing';
import { isPortOpen } from '../kafka/broker-probe';

/** The SMTP address the services' development default (`SMTP_URL`) points at. */
export const DEV_SMTP_PORT = 1025;

export interface MailCatcher {
  readonly url: string;
  /** Where the caught mails are written, or undefined when another server on the port takes them. */
  readonly folder?: string;
  stop(): Promise<void>;
}

/**
 * A local SMTP server for `npm start`, so that registration, verification
 * and reset mails can be read on a developer machine: each mail is written
 * to `<folder>/<time>-<recipient>.txt` and announced in the terminal. A
 * server already listening on the port (e.g. another mail catcher) is used
 * as it is.
 */
export async function startMailCatcher(folder: string, log: (line: string) => void): Promise<MailCatcher> {
  const url = `smtp://127.0.0.1:${DEV_SMTP_PORT}`;
  if (await isPortOpen('127.0.0.1', DEV_SMTP_PORT, 1_000)) {
    log(`mail: an SMTP server already answers on 127.0.0.1:${DEV_SMTP_PORT}; the services send there`);
    return { url, stop: async () => undefined };
  }
  mkdirSync(folder, { recursive: true });
  const server = await SmtpTestServer.start({
    port: DEV_SMTP_PORT,
    onMail: (mail) => {
      const name = `${mail.receivedAt.toISOString().replace(/[:.]/g, '-')}-${mail.to.join('+')}.txt`;
      const file = join(folder, name.replace(/[^A-Za-z0-9@+._-]/g, '_'));
      writeFileSync(file, `From: ${mail.fromHeader}\nTo: ${mail.to.join(', ')}\nSubject: ${mail.subject}\n\n${mail.text}\n`);
      log(`mail: "${mail.subject}" to ${mail.to.join(', ')} → ${file}`);
    },
  });
  log(`mail: catching the services' mails on ${url} (written to ${folder})`);
  return { url, folder, stop: () => server.stop() };
}
