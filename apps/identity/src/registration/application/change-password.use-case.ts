import { BadRequestException, ForbiddenException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import { APP_CONFIG } from '@passerelle/platform';
import type { AuthUser } from '@passerelle/platform/auth';
import { DataSource } from 'typeorm';
import { UserEntity } from '../../accounts/infrastructure/user.entity';
import { PasswordHasher } from '../../accounts/infrastructure/password-hasher';
import type { IdentityConfig } from '../../config';
import { userThrottleKey } from '../../tokens/domain/attempt-throttle';
import { AttemptThrottleStore } from '../../tokens/infrastructure/attempt-throttle.store';
import { RefreshTokenRevoker } from '../../tokens/infrastructure/refresh-token.revoker';
import { accountRouteThrottle } from './account-throttle';
import { assertPasswordAcceptable } from './password-rules';

/**
 * The signed-in person changes their password, proving they know the
 * current one. Wrong current passwords are throttled per account and per
 * client IP, so a stolen access token does not buy unlimited guesses.
 */
@Injectable()
export class ChangePasswordUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly hasher: PasswordHasher,
    private readonly sessions: RefreshTokenRevoker,
    private readonly throttle: AttemptThrottleStore,
    @Inject(APP_CONFIG) private readonly config: IdentityConfig,
  ) {}

  async execute(caller: AuthUser, command: { currentPassword: string; newPassword: string; clientAddress: string }): Promise<void> {
    if (caller.kind !== 'user') {
      throw new ForbiddenException({
        message: 'A service account has no password.',
        details: [{ path: 'authorization', issue: 'must be a person\'s access token' }],
      });
    }
    const policy = accountRouteThrottle('change_password', this.config);
    const accountKey = userThrottleKey(caller.userId);
    const attemptId = await this.throttle.begin(policy, accountKey, command.clientAddress);
    let knewCurrent = false;
    try {
      await this.change(caller, command, () => (knewCurrent = true));
    } finally {
      // Only wrong current passwords count; a refused new password is no guess.
      if (knewCurrent) await this.throttle.succeeded(policy, attemptId, accountKey);
    }
  }

  private async change(caller: AuthUser, command: { currentPassword: string; newPassword: string }, currentProven: () => void): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      // Row lock: two concurrent changes cannot both check the same current password.
      const user = await manager.findOne(UserEntity, {
        where: { id: caller.userId, networkId: caller.networkId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!user || user.status !== 'active') {
        throw new NotFoundException({ message: 'No such account.', details: [] });
      }
      if (!user.passwordHash || !(await this.hasher.verify(user.passwordHash, command.currentPassword))) {
        throw new BadRequestException({
          message: 'The request is invalid.',
          details: [{ path: 'currentPassword', issue: 'is not your current password' }],
        });
      }
      currentProven();
      assertPasswordAcceptable('newPassword', command.newPassword, { email: user.email, displayName: user.displayName });
      if (command.newPassword === command.currentPassword) {
        throw new BadRequestException({
          message: 'The request is invalid.',
          details: [{ path: 'newPassword', issue: 'must differ from the current password' }],
        });
      }
      await manager.update(UserEntity, { id: user.id }, { passwordHash: await this.hasher.hash(command.newPassword) });
      await this.sessions.revokeAll(manager, user.id, 'password_changed');
    });
  }
}
