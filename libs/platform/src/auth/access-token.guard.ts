import {
  type CanActivate,
  type ExecutionContext,
  ForbiddenException,
  Inject,
  Injectable,
  ServiceUnavailableException,
  UnauthorizedException,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request, Response } from 'express';
import { errors, jwtVerify } from 'jose';
import { APP_CONFIG, type PlatformConfig } from '../platform-tokens';
import { ACCESS_TOKEN_ALGORITHM, ACCESS_TOKEN_AUDIENCE, authUserFromClaims, tokenEpochOf } from './access-token-claims';
import { ACCESS_TOKEN_KEYS, type AccessTokenKeys } from './access-token-keys';
import { IS_PUBLIC, REQUIRED_ROLES } from './auth.decorators';
import type { AccountRole, AuthUser } from './auth-user';
import { TokenRevocations } from './token-revocations';
import { VerifiedTokens } from './verified-tokens';

interface VerifiedAccess {
  readonly user: AuthUser;
  readonly tokenEpoch: number;
}

/**
 * Every route needs a valid access token unless it is marked `@Public()`
 * (PRODUCT.md, Security: services verify tokens offline from identity's
 * JWKS). Registered globally by the platform, so a new controller is
 * protected by default instead of open by mistake. A token whose epoch is
 * below the one its account was last revoked at is refused, remembered or
 * not (token-revocations.ts).
 */
@Injectable()
export class AccessTokenGuard implements CanActivate {
  private readonly verified = new VerifiedTokens<VerifiedAccess>();

  constructor(
    private readonly reflector: Reflector,
    private readonly revocations: TokenRevocations,
    @Inject(ACCESS_TOKEN_KEYS) private readonly keys: AccessTokenKeys,
    @Inject(APP_CONFIG) private readonly config: PlatformConfig,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const request = context.switchToHttp().getRequest<Request & { user?: AuthUser }>();
    const response = context.switchToHttp().getResponse<Response>();

    const token = bearerToken(request.headers.authorization);
    if (!token) {
      response.setHeader('WWW-Authenticate', 'Bearer realm="passerelle"');
      throw new UnauthorizedException({
        message: 'An access token is required.',
        details: [{ path: 'authorization', issue: 'must be "Bearer <access token>"' }],
      });
    }
    const user = await this.verify(token, response);
    request.user = user;

    const required = this.reflector.getAllAndOverride<AccountRole[] | undefined>(REQUIRED_ROLES, targets);
    if (required && required.length > 0 && !required.some((role) => user.roles.includes(role))) {
      throw new ForbiddenException({
        message: 'Your account may not do this.',
        details: [{ path: 'authorization', issue: `requires the role ${required.join(' or ')}` }],
      });
    }
    return true;
  }

  private async verify(token: string, response: Response): Promise<AuthUser> {
    const access = this.verified.get(token) ?? (await this.verifySignature(token));
    if (!access || this.revocations.refuses(access.user.userId, access.tokenEpoch)) {
      // Which check failed is not said: it would only help someone forging tokens.
      response.setHeader('WWW-Authenticate', 'Bearer realm="passerelle", error="invalid_token"');
      throw new UnauthorizedException({
        message: 'The access token is invalid or has expired.',
        details: [{ path: 'authorization', issue: 'is not a valid access token' }],
      });
    }
    return access.user;
  }

  private async verifySignature(token: string): Promise<VerifiedAccess | undefined> {
    try {
      const { payload } = await jwtVerify(token, this.keys, {
        algorithms: [ACCESS_TOKEN_ALGORITHM],
        issuer: this.config.authIssuer,
        audience: ACCESS_TOKEN_AUDIENCE,
        requiredClaims: ['sub', 'iat', 'exp', 'jti'],
      });
      const user = authUserFromClaims(payload);
      const tokenEpoch = tokenEpochOf(payload);
      if (!user || tokenEpoch === undefined) return undefined;
      const access = { user, tokenEpoch };
      this.verified.remember(token, access, payload.exp as number);
      return access;
    } catch (error) {
      if (keysUnavailable(error)) {
        throw new ServiceUnavailableException({ message: 'The signing keys cannot be fetched; retry shortly.', details: [] });
      }
      if (!(error instanceof errors.JOSEError)) throw error;
      return undefined;
    }
  }
}

function bearerToken(header: string | undefined): string | undefined {
  const match = /^Bearer ([A-Za-z0-9._~+/-]+=*)$/i.exec(header?.trim() ?? '');
  return match?.[1];
}

/** identity's JWKS did not answer: the caller is not at fault, so not a 401. */
function keysUnavailable(error: unknown): boolean {
  if (error instanceof errors.JWKSTimeout) return true;
  return error instanceof Error && !(error instanceof errors.JOSEError) && 'code' in error && typeof error.code === 'string' && /^E[A-Z]+/.test(error.code);
}
