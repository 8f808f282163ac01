import { Module } from '@nestjs/common';
import { AccountsController } from './api/accounts.controller';
import { CreateNetworkUseCase } from './application/create-network.use-case';
import { RegisterUserUseCase } from './application/register-user.use-case';

/** Networks and accounts. Registration is minimal until authentication lands (see README). */
@Module({
  controllers: [AccountsController],
  providers: [CreateNetworkUseCase, RegisterUserUseCase],
})
export class AccountsModule {}
