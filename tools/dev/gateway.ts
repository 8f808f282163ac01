/**
 * The one origin of `npm start`: the browser talks to this server only. It
 * routes by the public routing table (tools/deploy/public-routes.ts), as the
 * Kubernetes Ingress does: a service's paths are proxied to that service,
 * everything else is the web application's built files. Same origin for
 * pages and API, so the services keep CORS closed.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { type IncomingHttpHeaders, type IncomingMessage, request as httpRequest, type Server, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import { SECURITY_HEADERS, WEB_CONTENT_SECURITY_POLICY } from '@passerelle/platform/http/security-headers';
import { type PublicRoute, routeOf, WEB_APPLICATION } from '../deploy/public-routes';

export interface GatewayOptions {
  readonly routes: readonly PublicRoute[];
  /** Where each service listens on this machine, by name. */
  readonly upstreams: Readonly<Record<string, { readonly host: string; readonly port: number }>>;
  /** The web application's build output (apps/web/dist). */
  readonly webRoot: string;
  readonly host: string;
  /** 0 picks a free port. */
  readonly port: number;
}

export interface Gateway {
  readonly url: string;
  close(): Promise<void>;
}

/** Meaningful for one connection only (RFC 9110, 7.6.1): never forwarded. */
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'proxy-connection', 'transfer-encoding', 'te', 'trailer', 'upgrade', 'proxy-authenticate', 'proxy-authorization']);

function forwardable(headers: IncomingHttpHeaders): IncomingHttpHeaders {
  const named = String(headers.connection ?? '')
    .split(',')
    .map((name) => name.trim().toLowerCase())
    .filter((name) => name !== '');
  return Object.fromEntries(Object.entries(headers).filter(([name]) => !HOP_BY_HOP.has(name) && !named.includes(name)));
}

/** The house error shape, for the few answers the gateway gives itself. */
function sendError(response: ServerResponse, statusCode: number, error: string, message: string): void {
  if (response.headersSent) {
    response.destroy();
    return;
  }
  const body = JSON.stringify({ statusCode, error, message, details: [] });
  response.writeHead(statusCode, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body) });
  response.end(body);
}

/**
 * Streams both ways without buffering: a request body goes up as it arrives,
 * and a response (a conversation's server-sent events included) comes down
 * chunk by chunk for as long as the service keeps it open.
 */
function proxy(request: IncomingMessage, response: ServerResponse, path: string, service: string, target: { host: string; port: number }): void {
  const client = request.socket.remoteAddress ?? '';
  const forwardedFor = request.headers['x-forwarded-for'];
  const headers: IncomingHttpHeaders = {
    ...forwardable(request.headers),
    // Appended, so a service trusting one hop (HTTP_TRUST_PROXY_HOPS=1) reads the address this gateway saw, whatever a client claims.
    'x-forwarded-for': forwardedFor ? `${String(forwardedFor)}, ${client}` : client,
    'x-forwarded-proto': 'http',
    'x-forwarded-host': request.headers.host ?? '',
  };
  const upstream = httpRequest({ host: target.host, port: target.port, method: request.method, path, headers }, (answer) => {
    response.writeHead(answer.statusCode ?? 502, answer.statusMessage, forwardable(answer.headers));
    // A stream's headers go out now, not with its first event.
    response.flushHeaders();
    answer.pipe(response);
    answer.on('error', () => response.destroy());
  });
  upstream.on('error', () => sendError(response, 502, 'Bad Gateway', `${service} is not answering; is it running?`));
  // The browser went away before the end (a closed EventSource): so does the service's side.
  response.on('close', () => {
    if (!response.writableFinished) upstream.destroy();
  });
  request.pipe(upstream);
}

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
};

/** Paths only the API serves: a miss there is an API 404, not a page of the application. */
const API_NAMESPACES = ['/v1/', '/.well-known/'];

export const NOT_BUILT_PAGE = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Passerelle</title></head>
<body>
<h1>The web application is not built yet</h1>
<p>The services are running and answer under <code>/v1/</code> on this address.</p>
<p>The pages are served from <code>apps/web/dist/</code>, which does not exist yet: build the web application, then reload this page.</p>
</body>
</html>
`;

function sendFile(request: IncomingMessage, response: ServerResponse, file: string, cacheControl: string): void {
  const body = readFileSync(file);
  response.writeHead(200, {
    'content-type': CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
    'content-length': body.length,
    'cache-control': cacheControl,
  });
  response.end(request.method === 'HEAD' ? undefined : body);
}

const isFile = (path: string) => existsSync(path) && statSync(path).isFile();

/**
 * The built files as they are; any other path without a file extension is a
 * route of the single-page application and gets index.html. Every answer
 * carries the headers the web image's nginx sends (deploy/web/nginx.conf), so
 * a page that breaks the policy breaks here first.
 */
function serveWeb(request: IncomingMessage, response: ServerResponse, webRoot: string, pathname: string): void {
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) response.setHeader(name, value);
  response.setHeader('Content-Security-Policy', WEB_CONTENT_SECURITY_POLICY);
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    response.setHeader('allow', 'GET, HEAD');
    return sendError(response, 405, 'Method Not Allowed', `${request.method} is not allowed on ${pathname}`);
  }
  if (API_NAMESPACES.some((namespace) => pathname.startsWith(namespace))) {
    return sendError(response, 404, 'Not Found', `Cannot ${request.method} ${pathname}`);
  }
  const index = join(webRoot, 'index.html');
  if (!isFile(index)) {
    response.writeHead(503, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    response.end(request.method === 'HEAD' ? undefined : NOT_BUILT_PAGE);
    return;
  }
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return sendError(response, 400, 'Bad Request', 'the path is not valid percent-encoding');
  }
  const file = normalize(join(webRoot, decoded));
  if (file !== webRoot && !file.startsWith(webRoot.endsWith(sep) ? webRoot : webRoot + sep)) {
    return sendError(response, 404, 'Not Found', `Cannot ${request.method} ${pathname}`);
  }
  // Vite names the files under assets/ by their content: they never change under one name.
  if (isFile(file)) return sendFile(request, response, file, decoded.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache');
  if (extname(decoded) !== '') return sendError(response, 404, 'Not Found', `Cannot ${request.method} ${pathname}`);
  sendFile(request, response, index, 'no-cache');
}

export async function startGateway(options: GatewayOptions): Promise<Gateway> {
  const webRoot = normalize(options.webRoot);
  const server: Server = createServer((request, response) => {
    // Resolved once (dot segments, absolute form), so the path routed is the path forwarded.
    const { pathname, search } = new URL(request.url ?? '/', 'http://gateway.invalid');
    const service = routeOf(options.routes, pathname);
    if (service === WEB_APPLICATION) return serveWeb(request, response, webRoot, pathname);
    const target = options.upstreams[service];
    if (!target) return sendError(response, 502, 'Bad Gateway', `no address is known for ${service}`);
    proxy(request, response, `${pathname}${search}`, service, target);
  });
  // Conversation streams stay open for hours; the services' own timeouts apply.
  server.requestTimeout = 0;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${options.host}:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        // Open streams would hold close() forever.
        server.closeAllConnections();
      }),
  };
}
