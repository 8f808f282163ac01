import { BadRequestException, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { UserEntity } from '../../accounts/infrastructure/user.entity';
import { OneTimeTokenRepository } from '../infrastructure/one-time-token.repository';

/** Spends a verification token: the account becomes `active` and its address verified. */
@Injectable()
export class VerifyEmailUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly tokens: OneTimeTokenRepository,
  ) {}

  async execute(token: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const spent = await this.tokens.spend(manager, 'verify_email', token);
      const user = spent?.userId ? await manager.findOneBy(UserEntity, { id: spent.userId }) : null;
      // A disabled or erased account is not brought back by an old link.
      if (!user || (user.status !== 'pending_verification' && user.status !== 'active')) {
        throw new BadRequestException({
          message: 'The request is invalid.',
          details: [{ path: 'token', issue: 'is invalid, has expired or was already used' }],
        });
      }
      if (user.status === 'pending_verification') {
        await manager.update(UserEntity, { id: user.id }, { status: 'active', emailVerifiedAt: new Date() });
      }
    });
  }
}
