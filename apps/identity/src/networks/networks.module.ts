import { Module, type OnApplicationBootstrap } from '@nestjs/common';
import { NetworksController } from './api/networks.controller';
import { BootstrapPlatformAdminUseCase } from './application/bootstrap-platform-admin.use-case';
import { CreateNetworkUseCase } from './application/create-network.use-case';
import { CreateServiceAccountUseCase } from './application/create-service-account.use-case';
import { GetNetworkUseCase } from './application/get-network.use-case';
import { ListNetworksUseCase } from './application/list-networks.use-case';
import { ListServiceAccountsUseCase } from './application/list-service-accounts.use-case';
import { RevokeServiceAccountUseCase } from './application/revoke-service-account.use-case';
import { RotateServiceAccountSecretUseCase } from './application/rotate-service-account-secret.use-case';
import { SecretOverlapSweep } from './infrastructure/secret-overlap.sweep';
import { TokensModule } from '../tokens/tokens.module';

/** Networks (tenants), the platform admin who creates them, and their integrators' service accounts (created, listed, rotated, revoked). */
@Module({
  imports: [TokensModule],
  controllers: [NetworksController],
  providers: [
    BootstrapPlatformAdminUseCase,
    CreateNetworkUseCase,
    ListNetworksUseCase,
    GetNetworkUseCase,
    CreateServiceAccountUseCase,
    ListServiceAccountsUseCase,
    RevokeServiceAccountUseCase,
    RotateServiceAccountSecretUseCase,
    SecretOverlapSweep,
  ],
})
export class NetworksModule implements OnApplicationBootstrap {
  constructor(private readonly bootstrapAdmin: BootstrapPlatformAdminUseCase) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.bootstrapAdmin.execute();
  }
}
