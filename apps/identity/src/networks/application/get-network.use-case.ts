import { Injectable, NotFoundException } from '@nestjs/common';
import type { AuthUser } from '@passerelle/platform/auth';
import { DataSource } from 'typeorm';
import { canSeeNetwork } from '@passerelle/platform/auth';
import { NetworkEntity } from '../infrastructure/network.entity';

export function networkNotFound(): NotFoundException {
  return new NotFoundException({ message: 'No such network.', details: [{ path: 'id', issue: 'does not name a network you belong to' }] });
}

@Injectable()
export class GetNetworkUseCase {
  constructor(private readonly dataSource: DataSource) {}

  async execute(caller: AuthUser, networkId: string): Promise<NetworkEntity> {
    // Checked before reading, so the answer for another network is the same as for a missing one.
    if (!canSeeNetwork(caller, networkId)) throw networkNotFound();
    const network = await this.dataSource.getRepository(NetworkEntity).findOneBy({ id: networkId });
    if (!network) throw networkNotFound();
    return network;
  }
}
