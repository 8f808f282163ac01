import { Module, type OnApplicationBootstrap } from '@nestjs/common';
import { PasswordHasher } from '../accounts/infrastructure/password-hasher';
import { NetworksController } from './api/networks.controller';
import { BootstrapPlatformAdminUseCase } from './application/bootstrap-platform-admin.use-case';
import { CreateNetworkUseCase } from './application/create-network.use-case';
import { CreateServiceAccountUseCase } from './application/create-service-account.use-case';
import { GetNetworkUseCase } from './application/get-network.use-case';
import { ListNetworksUseCase } from './application/list-networks.use-case';

/** Networks (tenants), the platform admin who creates them, and their integrators' service accounts. */
@Module({
  controllers: [NetworksController],
  providers: [
    PasswordHasher,
    BootstrapPlatformAdminUseCase,
    CreateNetworkUseCase,
    ListNetworksUseCase,
    GetNetworkUseCase,
    CreateServiceAccountUseCase,
  ],
})
export class NetworksModule implements OnApplicationBootstrap {
  constructor(private readonly bootstrapAdmin: BootstrapPlatformAdminUseCase) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.bootstrapAdmin.execute();
  }
}
