import { BadRequestException, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { UserEntity } from '../../accounts/infrastructure/user.entity';
import { OneTimeTokenRepository } from '../infrastructure/one-time-token.repository';
import { PasswordHasher } from '../../accounts/infrastructure/password-hasher';
import { assertPasswordAcceptable } from './password-rules';
import { RefreshTokenRevoker } from '../../tokens/infrastructure/refresh-token.revoker';

/**
 * Spends a reset token and sets the new password. The token came by mail to
 * the account's address, so an account still waiting for verification is
 * verified by it too. Every session of the user is revoked (through the
 * tokens context's hook), since a reset often follows a compromise.
 */
@Injectable()
export class ConfirmPasswordResetUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly tokens: OneTimeTokenRepository,
    private readonly hasher: PasswordHasher,
    private readonly sessions: RefreshTokenRevoker,
  ) {}

  async execute(command: { token: string; newPassword: string }): Promise<void> {
    // The length rules first, before a token is looked at; the rules that need the account below.
    assertPasswordAcceptable('newPassword', command.newPassword, {});
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
  }
}
