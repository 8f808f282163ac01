import { Injectable } from '@nestjs/common';
import { DataSource, Not } from 'typeorm';
import { PLATFORM_NETWORK_SLUG } from '../domain/platform-network';
import { NetworkEntity } from '../infrastructure/network.entity';

/** Every tenant, oldest first, for the platform admin; the admin's own `platform` network is no tenant. */
@Injectable()
export class ListNetworksUseCase {
  constructor(private readonly dataSource: DataSource) {}

  execute(): Promise<NetworkEntity[]> {
    return this.dataSource.getRepository(NetworkEntity).find({
      where: { slug: Not(PLATFORM_NETWORK_SLUG) },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
  }
}
