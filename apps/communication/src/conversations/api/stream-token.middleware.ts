import type { NextFunction, Request, Response } from 'express';
import { decodeJwt } from 'jose';

/**
 * Browsers' EventSource cannot set headers, so on the stream route only the
 * access token may come as `?access_token=` (RFC 6750, section 2.3). It is
 * moved into the Authorization header before the platform's guard runs, which
 * then verifies it exactly as any other token; a header, when present, wins.
 */
export function streamTokenFromQuery(request: Request, _response: Response, next: NextFunction): void {
  if (!request.headers.authorization) {
    const token = new URL(request.originalUrl, 'http://stream.invalid').searchParams.get('access_token');
    if (token) request.headers.authorization = `Bearer ${token}`;
  }
  next();
}

/** When the (already verified) access token of the request expires. */
export function accessTokenExpiry(request: Request): Date | undefined {
  const token = /^Bearer (\S+)$/i.exec(request.headers.authorization?.trim() ?? '')?.[1];
  if (!token) return undefined;
  try {
    const { exp } = decodeJwt(token);
    return typeof exp === 'number' ? new Date(exp * 1000) : undefined;
  } catch {
    return undefined;
  }
}
