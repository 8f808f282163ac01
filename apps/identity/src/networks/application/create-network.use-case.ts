import { ConflictException, Injectable } from '@nestjs/common';
import { networkCreated } from '@passerelle/contracts';
import { invalidField } from '@passerelle/platform/http';
import { OutboxWriter } from '@passerelle/platform/outbox';
import { DataSource } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { NetworkEntity, type RegistrationPolicy } from '../infrastructure/network.entity';

export interface CreateNetworkCommand {
  readonly name: string;
  readonly slug: string;
  readonly allowedEmailDomains: readonly string[];
  readonly registrationPolicy: RegistrationPolicy;
  /** The platform_admin creating it. */
  readonly createdBy: string;
}

/** A platform admin creates a tenant; `network.created` is written in the same transaction. */
@Injectable()
export class CreateNetworkUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
  ) {}

  async execute(command: CreateNetworkCommand): Promise<NetworkEntity> {
    // An open network without a domain would let nobody register on their own: surely a mistake.
    if (command.registrationPolicy === 'open' && command.allowedEmailDomains.length === 0) {
      throw invalidField('allowedEmailDomains', 'must list at least one domain when registrationPolicy is open');
    }
    return this.dataSource.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`identity:network-slug:${command.slug}`]);
      if (await manager.existsBy(NetworkEntity, { slug: command.slug })) {
        throw new ConflictException({
          message: 'A network with this slug already exists.',
          details: [{ path: 'slug', issue: 'is already taken' }],
        });
      }
      const network = await manager.save(
        manager.create(NetworkEntity, {
          id: uuidv7(),
          name: command.name.trim(),
          slug: command.slug,
          allowedEmailDomains: [...new Set(command.allowedEmailDomains.map((domain) => domain.toLowerCase()))],
          registrationPolicy: command.registrationPolicy,
        }),
      );
      await this.outbox.append(manager, networkCreated, {
        networkId: network.id,
        name: network.name,
        slug: network.slug,
        createdBy: command.createdBy,
        createdAt: network.createdAt.toISOString(),
      });
      return network;
    });
  }
}
