import type { INestApplication } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';

/**
 * The API answers JSON to programs: nothing in it may run, load or be framed.
 * Its only page, communication's unsubscribe button, posts a form to itself.
 * The Swagger UI at /docs loads its own scripts and styles (with an inline
 * <style>), data: icons, and fetches /docs-json.
 */
export const API_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";
export const DOCS_CONTENT_SECURITY_POLICY =
  "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
/**
 * The one stylesheet a library writes into the application's pages: React
 * Aria's press handling adds a <style> at run time that sets `touch-action`
 * on pressable elements, so that a tap is not held back for a double-tap
 * zoom. Allowed by its hash: that text, no other. The browser suite fails on
 * any refusal of the policy, so a new version of that text shows there.
 */
export const REACT_ARIA_PRESS_STYLE_HASH = "'sha256-38RhXrc7EdReTKsOm23ZPOCUgniTUUcjky8QOOrQx6o='";
/**
 * The web application's pages (served beside the API, on the same origin):
 * its own scripts and stylesheets only (Vite emits no inline script or
 * style; React sets styles through the DOM, which a policy does not block;
 * React Aria's one stylesheet by its hash), images and fonts of its own or
 * inlined by Vite as data: URLs, requests to its own origin only (the API is
 * there), nothing framed, no plug-ins.
 */
export const WEB_CONTENT_SECURITY_POLICY =
  `default-src 'none'; script-src 'self'; style-src 'self' ${REACT_ARIA_PRESS_STYLE_HASH}; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; manifest-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'`;
/** Two years, subdomains included: what browsers' preload lists ask for. */
export const STRICT_TRANSPORT_SECURITY = 'max-age=63072000; includeSubDomains';

/**
 * Every answer of the origin carries these besides its Content-Security-Policy:
 * the services' and the web application's (deploy/web/nginx.conf, and the
 * gateway of `npm start`).
 */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

const DOCS_PATH = /^\/docs(?:[/.?-]|$)/;

/** Security headers of every answer; HSTS only over TLS (directly or behind a trusted proxy that says so). */
export function securityHeaders(req: Request, res: Response, next: NextFunction): void {
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
  res.setHeader('Content-Security-Policy', DOCS_PATH.test(req.path) ? DOCS_CONTENT_SECURITY_POLICY : API_CONTENT_SECURITY_POLICY);
  if (req.secure) res.setHeader('Strict-Transport-Security', STRICT_TRANSPORT_SECURITY);
  next();
}

/**
 * Browsers may call the API from the listed origins only (the web
 * application's); every other origin gets no CORS allowance, preflights
 * included. Access tokens travel in the Authorization header, so credentials
 * stay off: identity's session cookie serves pages of the API's own origin
 * only, and its routes require X-Passerelle-Session, which no preflight
 * allows, so no other page can make a browser send it.
 */
export function applyHttpHardening(app: INestApplication, config: { readonly corsAllowedOrigins: readonly string[] }): void {
  app.getHttpAdapter().getInstance().disable('x-powered-by');
  app.use(securityHeaders);
  const allowed = new Set(config.corsAllowedOrigins);
  app.enableCors({
    origin: (origin: string | undefined, callback: (error: Error | null, allow: boolean) => void) => callback(null, origin !== undefined && allowed.has(origin)),
    methods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'],
    allowedHeaders: ['Authorization', 'Content-Type', 'If-Match', 'If-None-Match', 'Last-Event-ID'],
    exposedHeaders: ['ETag', 'Location', 'Retry-After'],
    credentials: false,
    maxAge: 600,
  });
}
