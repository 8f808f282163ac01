import { Injectable } from '@nestjs/common';
import type { AuthUser } from '@passerelle/platform/auth';
import { DataSource } from 'typeorm';
import { NetworkEntity } from '../infrastructure/network.entity';
import { ServiceAccountEntity } from '../infrastructure/service-account.entity';
import { networkNotFound } from './get-network.use-case';
import { assertManagesServiceAccounts } from './managed-service-account';

/** A network's service accounts, revoked ones included (with when), oldest first; never their secrets. */
@Injectable()
export class ListServiceAccountsUseCase {
  constructor(private readonly dataSource: DataSource) {}

  async execute(caller: AuthUser, networkId: string): Promise<ServiceAccountEntity[]> {
    assertManagesServiceAccounts(caller, networkId);
    if (!(await this.dataSource.getRepository(NetworkEntity).existsBy({ id: networkId }))) throw networkNotFound();
    return this.dataSource.getRepository(ServiceAccountEntity).find({ where: { networkId }, order: { createdAt: 'ASC', id: 'ASC' } });
  }
}
