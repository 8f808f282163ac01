import { Module } from '@nestjs/common';
import { AccountsController } from './api/accounts.controller';
import { GrantRoleUseCase } from './application/grant-role.use-case';
import { RegisterUserUseCase } from './application/register-user.use-case';

/** Accounts and their roles. Registration is the interim one until invitation and open registration land (see README). */
@Module({
  controllers: [AccountsController],
  providers: [RegisterUserUseCase, GrantRoleUseCase],
})
export class AccountsModule {}
