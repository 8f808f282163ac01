import { BadRequestException, Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG } from '@passerelle/platform';
import { DataSource } from 'typeorm';
import { PasswordHasher } from '../../accounts/infrastructure/password-hasher';
import { UserEntity } from '../../accounts/infrastructure/user.entity';
import type { IdentityConfig } from '../../config';
import { NetworkEntity } from '../../networks/infrastructure/network.entity';
import { accountThrottleKey } from '../../tokens/domain/attempt-throttle';
import { AttemptThrottleStore } from '../../tokens/infrastructure/attempt-throttle.store';
import { RefreshTokenRevoker } from '../../tokens/infrastructure/refresh-token.revoker';
import { OneTimeTokenRepository } from '../infrastructure/one-time-token.repository';
import { accountRouteThrottle } from './account-throttle';
import { assertPasswordAcceptable } from './password-rules';

/**
 * Spends a reset token and sets the new password. The token came by mail to
 * the account's address, so an account still waiting for verification is
 * verified by it too (with the password chosen now, by the one who proved
 * the address). Every session of the user is revoked (through the tokens
 * context's hook), since a reset often follows a compromise. Throttled per
 * account and per client IP: unknown links and refused passwords count.
 */
@Injectable()
export class ConfirmPasswordResetUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly tokens: OneTimeTokenRepository,
    private readonly hasher: PasswordHasher,
    private readonly sessions: RefreshTokenRevoker,
    private readonly throttle: AttemptThrottleStore,
    @Inject(APP_CONFIG) private readonly config: IdentityConfig,
  ) {}

  async execute(command: { token: string; newPassword: string; clientAddress: string }): Promise<void> {
    // The length rules first, before a token is looked at; the rules that need the account below.
    assertPasswordAcceptable('newPassword', command.newPassword, {});
    const policy = accountRouteThrottle('password_reset_confirm', this.config);
    const live = await this.tokens.findLive(this.dataSource.manager, 'reset_password', command.token);
    const owner = live?.userId ? await this.dataSource.getRepository(UserEntity).findOneBy({ id: live.userId }) : null;
    const network = owner ? await this.dataSource.getRepository(NetworkEntity).findOneBy({ id: owner.networkId }) : null;
    const accountKey = owner && network ? accountThrottleKey(network.slug, owner.email) : null;
    const attemptId = await this.throttle.begin(policy, accountKey, command.clientAddress);

    await this.dataSource.transaction(async (manager) => {
      const spent = await this.tokens.spend(manager, 'reset_password', command.token);
      const user = spent?.userId ? await manager.findOneBy(UserEntity, { id: spent.userId }) : null;
      if (!user || (user.status !== 'active' && user.status !== 'pending_verification')) {
        throw new BadRequestException({
          message: 'The request is invalid.',
          details: [{ path: 'token', issue: 'is invalid, has expired or was already used' }],
        });
      }
      // Throwing here rolls the spend back, so the link still works with a better password.
      assertPasswordAcceptable('newPassword', command.newPassword, { email: user.email, displayName: user.displayName });
      const passwordHash = await this.hasher.hash(command.newPassword);
      await manager.update(
        UserEntity,
        { id: user.id },
        user.status === 'pending_verification'
          ? { passwordHash, status: 'active', emailVerifiedAt: new Date() }
          : { passwordHash },
      );
      await this.sessions.revokeAll(manager, user.id, 'password_reset');
    });
    await this.throttle.succeeded(policy, attemptId, accountKey);
  }
}
