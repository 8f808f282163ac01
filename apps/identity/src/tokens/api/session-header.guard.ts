import { type CanActivate, type ExecutionContext, ForbiddenException, Injectable } from '@nestjs/common';
import type { Request } from 'express';

export const SESSION_HEADER = 'X-Passerelle-Session';
export const SESSION_HEADER_VALUE = '1';

/**
 * The routes that act on the session cookie answer only a request carrying
 * this header. A page of another site cannot add a custom header to a
 * request without a CORS preflight, which the API refuses, so even a browser
 * that sent the cookie across sites despite SameSite=Strict could not be
 * made to refresh or end someone's session.
 */
@Injectable()
export class SessionHeaderGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<Request>();
    if (request.get(SESSION_HEADER) === SESSION_HEADER_VALUE) return true;
    throw new ForbiddenException({
      message: `Send the ${SESSION_HEADER} header with the session cookie.`,
      details: [{ path: SESSION_HEADER.toLowerCase(), issue: `must be sent, with the value ${SESSION_HEADER_VALUE}` }],
    });
  }
}
