import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG } from '@passerelle/platform';
import { ACCESS_TOKEN_ALGORITHM, ACCESS_TOKEN_AUDIENCE, accessTokenClaims, type AuthUser } from '@passerelle/platform/auth';
import { SignJWT } from 'jose';
import type { EntityManager } from 'typeorm';
import { v4 as uuidv4, v7 as uuidv7 } from 'uuid';
import type { IdentityConfig } from '../../config';
import { newRefreshToken, refreshFamilyEnd, refreshTokenHash } from '../domain/refresh-token';
import { RefreshTokenEntity } from '../infrastructure/refresh-token.entity';
import { SigningKeyStore } from '../infrastructure/signing-key.store';

export interface IssuedAccessToken {
  readonly accessToken: string;
  readonly expiresIn: number;
}

export interface IssuedRefreshToken {
  readonly token: string;
  /** The earlier of the token's own lifetime and its family's end. */
  readonly expiresAt: Date;
}

/** Mints the tokens every login, refresh and client-credentials grant hands out. */
@Injectable()
export class TokenIssuer {
  constructor(
    private readonly keys: SigningKeyStore,
    @Inject(APP_CONFIG) private readonly config: IdentityConfig,
  ) {}

  /** `tokenEpoch`: the account's current epoch (tokens/infrastructure/refresh-token.revoker.ts). */
  async accessToken(user: AuthUser, tokenEpoch: number): Promise<IssuedAccessToken> {
    const { kid, privateKey } = await this.keys.signingKey();
    const expiresIn = this.config.accessTokenTtlSeconds;
    const accessToken = await new SignJWT(accessTokenClaims(user, tokenEpoch))
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

  /**
   * A new refresh token of the family (login) `familyId`, begun at
   * `familyStartedAt`, written in the caller's transaction; only its hash is
   * kept. It expires with the family at the latest.
   */
  async refreshToken(
    manager: EntityManager,
    owner: { userId: string; networkId: string },
    family: { familyId: string; familyStartedAt: Date },
  ): Promise<IssuedRefreshToken> {
    const token = newRefreshToken();
    const now = new Date();
    const familyEnd = refreshFamilyEnd(family.familyStartedAt, this.config.refreshFamilyLifetimeSeconds);
    const expiresAt = new Date(Math.min(now.getTime() + this.config.refreshTokenTtlDays * 86_400_000, familyEnd.getTime()));
    await manager.insert(RefreshTokenEntity, {
      id: uuidv7(),
      familyId: family.familyId,
      familyStartedAt: family.familyStartedAt,
      userId: owner.userId,
      networkId: owner.networkId,
      tokenHash: refreshTokenHash(token),
      createdAt: now,
      expiresAt,
      usedAt: null,
      revokedAt: null,
    });
    return { token, expiresAt };
  }
}
