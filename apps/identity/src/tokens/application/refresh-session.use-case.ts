import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG } from '@passerelle/platform';
import { DataSource, IsNull } from 'typeorm';
import { UserEntity } from '../../accounts/infrastructure/user.entity';
import type { IdentityConfig } from '../../config';
import { refreshFamilyEnd, refreshTokenHash } from '../domain/refresh-token';
import { RefreshTokenEntity } from '../infrastructure/refresh-token.entity';
import { invalidCredentials, type SessionTokens } from './login.use-case';
import { type IssuedRefreshToken, TokenIssuer } from './token.issuer';

type Outcome = { kind: 'refreshed'; user: UserEntity; refreshToken: IssuedRefreshToken } | { kind: 'refused' };

/**
 * Exchanges a refresh token for a new pair (rotation). A token that was
 * already exchanged has leaked, or its owner's client replayed it: either
 * way the whole family (that login) is revoked, so the thief's newer token
 * dies too (reuse detection). A family refreshes for
 * REFRESH_FAMILY_LIFETIME_SECONDS after its login at most; a disabled or
 * erased account's tokens are refused and their family revoked.
 */
@Injectable()
export class RefreshSessionUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly tokens: TokenIssuer,
    @Inject(APP_CONFIG) private readonly config: IdentityConfig,
  ) {}

  async execute(refreshToken: string): Promise<SessionTokens> {
    // The revocation must commit even though the answer is a 401, so the transaction returns instead of throwing.
    const outcome = await this.dataSource.transaction(async (manager): Promise<Outcome> => {
      const presented = await manager.findOne(RefreshTokenEntity, {
        where: { tokenHash: refreshTokenHash(refreshToken) },
        lock: { mode: 'pessimistic_write' },
      });
      const now = new Date();
      if (!presented || presented.revokedAt || presented.expiresAt <= now) return { kind: 'refused' };
      const user = await manager.findOneBy(UserEntity, { id: presented.userId });
      const familyOver = refreshFamilyEnd(presented.familyStartedAt, this.config.refreshFamilyLifetimeSeconds) <= now;
      if (presented.usedAt || familyOver || !user || user.status !== 'active') {
        await manager.update(RefreshTokenEntity, { familyId: presented.familyId, revokedAt: IsNull() }, { revokedAt: now });
        return { kind: 'refused' };
      }
      await manager.update(RefreshTokenEntity, { id: presented.id }, { usedAt: now });
      const next = await this.tokens.refreshToken(manager, { userId: user.id, networkId: user.networkId }, presented);
      return { kind: 'refreshed', user, refreshToken: next };
    });
    if (outcome.kind === 'refused') throw invalidCredentials();
    const { user } = outcome;
    const access = await this.tokens.accessToken({ userId: user.id, networkId: user.networkId, roles: user.roles, kind: 'user' }, user.tokenEpoch);
    return { ...access, refreshToken: outcome.refreshToken.token, refreshTokenExpiresAt: outcome.refreshToken.expiresAt };
  }
}
