import { Module, type OnApplicationBootstrap } from '@nestjs/common';
import { NetworksController } from './api/networks.controller';
import { BootstrapPlatformAdminUseCase } from './application/bootstrap-platform-admin.use-case';
import { CreateNetworkUseCase } from './application/create-network.use-case';
import { CreateServiceAccountUseCase } from './application/create-service-account.use-case';
import { GetNetworkUseCase } from './application/get-network.use-case';
import { ListNetworksUseCase } from './application/list-networks.use-case';
import { TokensModule } from '../tokens/tokens.module';

/** Networks (tenants), the platform admin who creates them, and their integrators' service accounts. */
@Module({
  imports: [TokensModule],
  controllers: [NetworksController],
  providers: [
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
