import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { type ServiceApps, startServiceApps } from './service-apps';
import { repositoryRoot } from './repository-root';

export interface WebStack extends ServiceApps {
  /** The one origin the browser talks to: the built web application, and the API under /v1 and /.well-known. */
  readonly url: string;
}

export interface WebStackOptions {
  /** Environment overrides per service, on top of what the one origin needs. */
  readonly env?: Readonly<Record<string, Record<string, string>>>;
}

/**
 * What a person's browser reaches in production, on this machine: the five
 * services in this process against the real Kafka and PostgreSQL, behind the
 * one origin of `npm start` (tools/dev/gateway.ts, routed by the public
 * routing table) on a free port of 127.0.0.1, serving the built application
 * (apps/web/dist: `npm run build:web`, which `npm test` runs first).
 */
export async function startWebStack(options: WebStackOptions = {}): Promise<WebStack> {
  const webRoot = join(repositoryRoot(), 'apps', 'web', 'dist');
  if (!existsSync(join(webRoot, 'index.html'))) {
    throw new Error(`${webRoot}/index.html is missing: build the web application first (npm run build:web)`);
  }
  // Loaded here, not at the top: the catalogue loads every service's modules,
  // which the many suites importing this library for other helpers never need.
  const [{ startGateway }, { publicRoutes }, { SERVICE_APPS }] = await Promise.all([
    import('../../../tools/dev/gateway'),
    import('../../../tools/deploy/public-routes'),
    import('../../../tools/deploy/service-catalogue'),
  ]);
  // The gateway starts first, so the services know its address for their mails'
  // links; it reads the upstreams per request, and they are filled in below.
  const upstreams: Record<string, { host: string; port: number }> = {};
  const gateway = await startGateway({ routes: publicRoutes(), upstreams, webRoot, host: '127.0.0.1', port: 0 });
  const behindGateway = {
    // One proxy hop: per-address throttles see the browser's address, as behind the Ingress.
    HTTP_TRUST_PROXY_HOPS: '1',
    // Identity's mail links lead to the application's pages, communication's unsubscribe links to its API, both on this origin.
    PUBLIC_APP_URL: gateway.url,
    PUBLIC_API_URL: gateway.url,
  };
  let services: ServiceApps;
  try {
    services = await startServiceApps(
      SERVICE_APPS,
      Object.fromEntries(SERVICE_APPS.map(({ description: { service } }) => [service, { ...behindGateway, ...options.env?.[service] }])),
    );
  } catch (error) {
    await gateway.close();
    throw error;
  }
  for (const [service, app] of Object.entries(services.apps)) upstreams[service] = { host: '127.0.0.1', port: Number(new URL(app.url).port) };
  return {
    ...services,
    url: gateway.url,
    close: async () => {
      await gateway.close();
      await services.close();
    },
  };
}
