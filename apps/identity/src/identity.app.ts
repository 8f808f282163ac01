import { defineService } from '@passerelle/platform/bootstrap';
import { AccountsModule } from './accounts/accounts.module';
import { NetworkEntity } from './accounts/infrastructure/network.entity';
import { UserEntity } from './accounts/infrastructure/user.entity';
import { identityConfigSchema } from './config';
import { IdentityInitial1764201700000 } from './migrations/1764201700000-identity-initial.migration';
import { IdentityAccounts1764300000000 } from './migrations/1764300000000-identity-accounts.migration';

export const identityApp = defineService({
  description: {
    service: 'identity',
    title: 'Passerelle identity',
    description: 'Networks (tenants), accounts, roles, tokens, consent and erasure.',
  },
  configSchema: identityConfigSchema,
  entities: [NetworkEntity, UserEntity],
  migrations: [IdentityInitial1764201700000, IdentityAccounts1764300000000],
  imports: [AccountsModule],
});
