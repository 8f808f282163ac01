import { Module } from '@nestjs/common';
import { AccountsController } from './api/accounts.controller';
import { TokensModule } from '../tokens/tokens.module';
import { AccountStatusUseCase } from './application/account-status.use-case';
import { GrantRoleUseCase } from './application/grant-role.use-case';
import { RegisterUserUseCase } from './application/register-user.use-case';
import { RevokeRoleUseCase } from './application/revoke-role.use-case';

/** Accounts, their roles and their status (disabled or not). Registration is the interim one until invitation and open registration land (see README). */
@Module({
  imports: [TokensModule],
  controllers: [AccountsController],
  providers: [RegisterUserUseCase, GrantRoleUseCase, RevokeRoleUseCase, AccountStatusUseCase],
})
export class AccountsModule {}
