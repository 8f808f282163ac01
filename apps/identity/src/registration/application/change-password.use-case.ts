import { BadRequestException, ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import type { AuthUser } from '@passerelle/platform/auth';
import { DataSource } from 'typeorm';
import { UserEntity } from '../../accounts/infrastructure/user.entity';
import { PasswordHasher } from '../../accounts/infrastructure/password-hasher';
import { assertPasswordAcceptable } from './password-rules';
import { RefreshTokenRevoker } from '../../tokens/infrastructure/refresh-token.revoker';

/** The signed-in person changes their password, proving they know the current one. */
@Injectable()
export class ChangePasswordUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly hasher: PasswordHasher,
    private readonly sessions: RefreshTokenRevoker,
  ) {}

  async execute(caller: AuthUser, command: { currentPassword: string; newPassword: string }): Promise<void> {
    if (caller.kind !== 'user') {
      throw new ForbiddenException({
        message: 'A service account has no password.',
        details: [{ path: 'authorization', issue: 'must be a person\'s access token' }],
      });
    }
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
