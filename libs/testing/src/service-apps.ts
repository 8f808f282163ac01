import type { ServiceDefinition } from '@passerelle/platform/bootstrap';
import type { ConfigSchema } from '@passerelle/platform/config';
import { SmtpTestServer } from './smtp-test-server';
import { createTestApp, type TestApp } from './test-app';

export interface ServiceApps {
  /** Each app by its service's name (identity, intake, …). */
  readonly apps: Readonly<Record<string, TestApp>>;
  readonly smtp: SmtpTestServer;
  close(): Promise<void>;
}

/**
 * The given services in this process, one app each, sharing one real SMTP
 * server and identity's keys (identity is started first when present), for
 * suites that follow a request across every service.
 */
export async function startServiceApps(
  definitions: ReadonlyArray<ServiceDefinition<ConfigSchema>>,
  env: Readonly<Record<string, Record<string, string>>> = {},
): Promise<ServiceApps> {
  const smtp = await SmtpTestServer.start();
  const apps: Record<string, TestApp> = {};
  const ordered = [...definitions].sort((a, b) => Number(b.description.service === 'identity') - Number(a.description.service === 'identity'));
  try {
    for (const definition of ordered) {
      const service = definition.description.service;
      const keys: Record<string, string> = apps['identity'] ? { AUTH_JWKS_URL: `${apps['identity'].url}/.well-known/jwks.json` } : {};
      apps[service] = await createTestApp(definition, { env: { SMTP_URL: smtp.url, ...keys, ...env[service] } });
    }
  } catch (error) {
    await Promise.all(Object.values(apps).map((app) => app.close()));
    await smtp.stop();
    throw error;
  }
  return {
    apps,
    smtp,
    close: async () => {
      await Promise.all(Object.values(apps).map((app) => app.close()));
      await smtp.stop();
    },
  };
}
