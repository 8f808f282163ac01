import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG } from '@passerelle/platform';
import { ACCESS_TOKEN_ALGORITHM, ACCESS_TOKEN_AUDIENCE, accessTokenClaims, type AuthUser } from '@passerelle/platform/auth';
import { SignJWT } from 'jose';
import type { EntityManager } from 'typeorm';
import { v4 as uuidv4, v7 as uuidv7 } from 'uuid';
import type { IdentityConfig } from '../../config';
import { newRefreshToken, refreshTokenHash } from '../domain/refresh-token';
import { RefreshTokenEntity } from '../infrastructure/refresh-token.entity';
import { SigningKeyStore } from '../infrastructure/signing-key.store';

export interface IssuedAccessToken {
  readonly accessToken: string;
  readonly expiresIn: number;
}

/** Mints the tokens every login, refresh and client-credentials grant hands out. */
@Injectable()
export class TokenIssuer {
  constructor(
    private readonly keys: SigningKeyStore,
    @Inject(APP_CONFIG) private readonly config: IdentityConfig,
  ) {}

  async accessToken(user: AuthUser): Promise<IssuedAccessToken> {
    const { kid, privateKey } = await this.keys.signingKey();
    const expiresIn = this.config.accessTokenTtlSeconds;
    const accessToken = await new SignJWT(accessTokenClaims(user))
      .setProtectedHeader({ alg: ACCESS_TOKEN_ALGORITHM, kid, typ: 'JWT' })
      .setIssuer(this.config.authIssuer)
      .setAudience(ACCESS_TOKEN_AUDIENCE)
      .setSubject(user.userId)
      .setJti(uuidv4())
      .setIssuedAt()
      .setExpirationTime(`${expiresIn}s`)
      .sign(privateKey);
    return { accessToken, expiresIn };
  }

  /** A new refresh token of `familyId`, written in the caller's transaction; only its hash is kept. */
  async refreshToken(manager: EntityManager, owner: { userId: string; networkId: string }, familyId: string): Promise<string> {
    const token = newRefreshToken();
    const now = new Date();
    await manager.insert(RefreshTokenEntity, {
      id: uuidv7(),
      familyId,
      userId: owner.userId,
      networkId: owner.networkId,
      tokenHash: refreshTokenHash(token),
      createdAt: now,
      expiresAt: new Date(now.getTime() + this.config.refreshTokenTtlDays * 86_400_000),
      usedAt: null,
      revokedAt: null,
    });
    return token;
  }
}
