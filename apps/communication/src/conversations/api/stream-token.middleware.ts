import type { NextFunction, Request, Response } from 'express';
import { tokenEpochOf } from '@passerelle/platform/auth';
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

export interface StreamTokenFacts {
  /** When the token expires: the stream ends then. */
  readonly expiresAt?: Date;
  /** Its token epoch: a revocation above it ends the stream. */
  readonly tokenEpoch: number;
}

/** What the stream needs of the request's access token, which the guard has already verified. */
export function accessTokenFacts(request: Request): StreamTokenFacts {
  const token = /^Bearer (\S+)$/i.exec(request.headers.authorization?.trim() ?? '')?.[1];
  if (!token) return { tokenEpoch: 0 };
  try {
    const payload = decodeJwt(token);
    return { expiresAt: typeof payload.exp === 'number' ? new Date(payload.exp * 1000) : undefined, tokenEpoch: tokenEpochOf(payload) ?? 0 };
  } catch {
    return { tokenEpoch: 0 };
  }
}
