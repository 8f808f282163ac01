import { Body, Controller, Delete, Header, HttpCode, Ip, Post, Req, Res, UnauthorizedException, UseGuards } from '@nestjs/common';
import { Public } from '@passerelle/platform/auth';
import {
  ApiBadRequestResponse,
  ApiCookieAuth,
  ApiForbiddenResponse,
  ApiHeader,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { invalidCredentials, LoginUseCase, type SessionTokens } from '../application/login.use-case';
import { LogoutUseCase } from '../application/logout.use-case';
import { RefreshSessionUseCase } from '../application/refresh-session.use-case';
import { BrowserSessionResponse, LoginRequest } from './auth.dto';
import { clearSessionCookie, cookieValue, SESSION_COOKIE, SESSION_COOKIE_PATH, SESSION_SECURITY, setSessionCookie } from './session-cookie';
import { SESSION_HEADER, SESSION_HEADER_VALUE, SessionHeaderGuard } from './session-header.guard';

/** What a refresh token looks like (32 random bytes, base64url): anything else is refused without a lookup. */
const REFRESH_TOKEN = /^[A-Za-z0-9_-]{43}$/;

const COOKIE_ATTRIBUTES = `Path=${SESSION_COOKIE_PATH}; HttpOnly; Secure; SameSite=Strict`;
const SETS_COOKIE = {
  'Set-Cookie': {
    description: `\`${SESSION_COOKIE}=<refresh token>; Max-Age=<seconds until it expires>; ${COOKIE_ATTRIBUTES}\` (with the matching \`Expires\`): the login's newest refresh token, for as long as it is valid (REFRESH_TOKEN_TTL_DAYS, at most until REFRESH_FAMILY_LIFETIME_SECONDS after the login).`,
    schema: { type: 'string' },
  },
};
const CLEARS_COOKIE = {
  'Set-Cookie': {
    description: `\`${SESSION_COOKIE}=; Max-Age=0; ${COOKIE_ATTRIBUTES}\`: the browser drops the cookie.`,
    schema: { type: 'string' },
  },
};
const REQUIRES_HEADER = ApiHeader({
  name: SESSION_HEADER,
  required: true,
  enum: [SESSION_HEADER_VALUE],
  description: 'Proves the request comes from a page of this origin: another site cannot send a custom header without a CORS preflight, which the API refuses.',
});
const MISSING_HEADER = ApiForbiddenResponse({ description: `The ${SESSION_HEADER} header is missing (\`details\` names it).` });

/**
 * The web application's session: the same login, rotation and logout as
 * /v1/auth/login, /refresh and /logout, but the refresh token travels in an
 * HttpOnly cookie instead of the body, so a script injected into the page
 * can steal at most the short-lived access token the application holds in
 * memory, never the login itself.
 */
@Public()
@ApiTags('auth')
@Controller('v1/auth/session')
export class BrowserSessionController {
  constructor(
    private readonly login: LoginUseCase,
    private readonly refresh: RefreshSessionUseCase,
    private readonly logout: LogoutUseCase,
  ) {}

  @Post()
  @HttpCode(200)
  @Header('Cache-Control', 'no-store')
  @ApiOkResponse({ type: BrowserSessionResponse, headers: SETS_COOKIE, description: 'Signed in: the access token here, the refresh token in the cookie only.' })
  @ApiBadRequestResponse({ description: 'Invalid fields, listed in `details`.' })
  @ApiUnauthorizedResponse({ description: 'Invalid credentials (the same answer whatever was wrong).' })
  @ApiTooManyRequestsResponse({ description: 'Too many failures for this account or address; see `Retry-After`.' })
  async open(@Body() body: LoginRequest, @Ip() clientAddress: string, @Res({ passthrough: true }) response: Response): Promise<BrowserSessionResponse> {
    return this.answer(response, await this.login.execute({ ...body, clientAddress }));
  }

  @Post('refresh')
  @HttpCode(200)
  @Header('Cache-Control', 'no-store')
  @UseGuards(SessionHeaderGuard)
  @ApiCookieAuth(SESSION_SECURITY)
  @REQUIRES_HEADER
  @ApiOkResponse({ type: BrowserSessionResponse, headers: SETS_COOKIE, description: "A new access token; the cookie now holds the login's next refresh token (the one sent is used up)." })
  @ApiUnauthorizedResponse({
    headers: CLEARS_COOKIE,
    description:
      'No cookie, or its token is unknown, expired, revoked or already used (the last revokes the whole login), the login is older than REFRESH_FAMILY_LIFETIME_SECONDS, or the account is disabled or erased. The cookie is cleared.',
  })
  @MISSING_HEADER
  async rotate(@Req() request: Request, @Res({ passthrough: true }) response: Response): Promise<BrowserSessionResponse> {
    const presented = cookieValue(request.headers.cookie, SESSION_COOKIE);
    try {
      if (presented === undefined) throw new UnauthorizedException({ message: 'No session.', details: [{ path: SESSION_COOKIE, issue: 'is missing' }] });
      if (!REFRESH_TOKEN.test(presented)) throw invalidCredentials();
      return this.answer(response, await this.refresh.execute(presented));
    } catch (error) {
      // A refusal ends the session in the browser too; an outage (503) leaves the cookie for the next try.
      if (error instanceof UnauthorizedException) clearSessionCookie(response);
      throw error;
    }
  }

  @Delete()
  @HttpCode(204)
  @UseGuards(SessionHeaderGuard)
  @ApiCookieAuth(SESSION_SECURITY)
  @REQUIRES_HEADER
  @ApiNoContentResponse({
    headers: CLEARS_COOKIE,
    description:
      "Every refresh token of this login is revoked, and the person's access tokens are refused on every service within seconds. The same answer without a cookie, or with one of a login already ended.",
  })
  @MISSING_HEADER
  async close(@Req() request: Request, @Res({ passthrough: true }) response: Response): Promise<void> {
    const presented = cookieValue(request.headers.cookie, SESSION_COOKIE);
    if (presented !== undefined && REFRESH_TOKEN.test(presented)) await this.logout.execute(presented);
    clearSessionCookie(response);
  }

  private answer(response: Response, tokens: SessionTokens): BrowserSessionResponse {
    setSessionCookie(response, tokens.refreshToken, tokens.refreshTokenExpiresAt);
    return { accessToken: tokens.accessToken, tokenType: 'Bearer', expiresIn: tokens.expiresIn };
  }
}
