import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { NetworkRegistrationsEntity } from '../infrastructure/network-registrations.entity';

export interface RegistrationsReport {
  readonly networkId: string;
  readonly registeredUsers: number;
  readonly updatedAt: string | null;
}

@Injectable()
export class GetRegistrationsUseCase {
  constructor(private readonly dataSource: DataSource) {}

  async execute(networkId: string): Promise<RegistrationsReport> {
    const row = await this.dataSource.getRepository(NetworkRegistrationsEntity).findOneBy({ networkId });
    return {
      networkId,
      registeredUsers: row?.registeredUsers ?? 0,
      updatedAt: row?.updatedAt.toISOString() ?? null,
    };
  }
}
