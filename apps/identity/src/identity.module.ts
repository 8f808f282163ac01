import { type DynamicModule, Module } from '@nestjs/common';
import { PlatformModule } from '@passerelle/platform';
import type { ConfigOf } from '@passerelle/platform/config';
import type { ServiceDescription } from '@passerelle/platform/bootstrap';
import { AccountsModule } from './accounts/accounts.module';
import { NetworkEntity } from './accounts/infrastructure/network.entity';
import { UserEntity } from './accounts/infrastructure/user.entity';
import type { identityConfigSchema } from './config';
import { IdentityInitial1764201700000 } from './migrations/1764201700000-identity-initial.migration';

export type IdentityConfig = ConfigOf<typeof identityConfigSchema>;

@Module({})
export class IdentityModule {
  static readonly description: ServiceDescription = {
    service: 'identity',
    title: 'Passerelle identity',
    description: 'Networks (tenants), accounts, roles, tokens, consent and erasure.',
  };

  static register(config: IdentityConfig, options: { migrateOnStart?: boolean } = {}): DynamicModule {
    return {
      module: IdentityModule,
      imports: [
        PlatformModule.forRoot({
          service: 'identity',
          config,
          entities: [NetworkEntity, UserEntity],
          migrations: [IdentityInitial1764201700000],
          migrateOnStart: options.migrateOnStart ?? true,
        }),
        AccountsModule,
      ],
    };
  }
}
