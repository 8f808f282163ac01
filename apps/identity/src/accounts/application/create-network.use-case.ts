import { ConflictException, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { NetworkEntity } from '../infrastructure/network.entity';

export interface CreateNetworkCommand {
  readonly name: string;
  readonly slug: string;
}

@Injectable()
export class CreateNetworkUseCase {
  constructor(private readonly dataSource: DataSource) {}

  async execute(command: CreateNetworkCommand): Promise<NetworkEntity> {
    const networks = this.dataSource.getRepository(NetworkEntity);
    if (await networks.existsBy({ slug: command.slug })) {
      throw new ConflictException({
        message: 'A network with this slug already exists.',
        details: [{ path: 'slug', issue: 'is already taken' }],
      });
    }
    return networks.save(networks.create({ id: uuidv7(), name: command.name, slug: command.slug }));
  }
}
