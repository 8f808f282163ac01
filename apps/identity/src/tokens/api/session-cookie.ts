import type { SecuritySchemeObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import type { CookieOptions, Response } from 'express';

/**
 * The browser session: the web application's refresh token, in a cookie its
 * scripts cannot read (HttpOnly), sent over TLS or loopback only (Secure;
 * browsers treat http://127.0.0.1 and http://localhost as secure, so the
 * local one origin keeps it), never on a request another site starts
 * (SameSite=Strict), and only to the session routes (Path), so no other
 * request of the page carries it.
 */
export const SESSION_COOKIE = 'passerelle_session';
export const SESSION_COOKIE_PATH = '/v1/auth/session';

/** The name the OpenAPI document gives the cookie as a credential. */
export const SESSION_SECURITY = 'session';

export const SESSION_SECURITY_SCHEME: SecuritySchemeObject = {
  type: 'apiKey',
  in: 'cookie',
  name: SESSION_COOKIE,
  description: `The browser session's refresh token, set by POST ${SESSION_COOKIE_PATH} (HttpOnly; Secure; SameSite=Strict; Path=${SESSION_COOKIE_PATH}).`,
};

const ATTRIBUTES: CookieOptions = { httpOnly: true, secure: true, sameSite: 'strict', path: SESSION_COOKIE_PATH };

/** Sets the session cookie to `refreshToken` until the token itself expires. */
export function setSessionCookie(response: Response, refreshToken: string, expiresAt: Date, now = new Date()): void {
  response.cookie(SESSION_COOKIE, refreshToken, { ...ATTRIBUTES, maxAge: Math.max(0, expiresAt.getTime() - now.getTime()) });
}

/** Tells the browser to drop the session cookie (same name and path, `Max-Age=0`). */
export function clearSessionCookie(response: Response): void {
  response.cookie(SESSION_COOKIE, '', { ...ATTRIBUTES, maxAge: 0 });
}

/**
 * The value of the cookie `name` in a `Cookie` request header (RFC 6265,
 * 5.4: `name=value` pairs separated by `; `), or undefined when it is absent
 * or empty. When the name repeats, the first wins: browsers send the cookie
 * of the longest path first. Values are taken as sent (a refresh token is
 * base64url, which needs no decoding), double quotes around them aside.
 */
export function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const pair of (header ?? '').split(';')) {
    const separator = pair.indexOf('=');
    if (separator < 0 || pair.slice(0, separator).trim() !== name) continue;
    const raw = pair.slice(separator + 1).trim();
    const value = raw.length >= 2 && raw.startsWith('"') && raw.endsWith('"') ? raw.slice(1, -1) : raw;
    return value === '' ? undefined : value;
  }
  return undefined;
}
