import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { userRegistered } from '@passerelle/contracts';
import { OutboxWriter } from '@passerelle/platform/outbox';
import { DataSource } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { NetworkEntity } from '../../networks/infrastructure/network.entity';
import { UserEntity } from '../infrastructure/user.entity';

export interface RegisterUserCommand {
  readonly networkId: string;
  readonly email: string;
  readonly displayName: string;
}

/**
 * Creates an account and announces it (`passerelle.identity.user.registered`)
 * in the same transaction, so the event exists if and only if the account does.
 */
@Injectable()
export class RegisterUserUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
  ) {}

  async execute(command: RegisterUserCommand): Promise<UserEntity> {
    const email = command.email.trim().toLowerCase();
    return this.dataSource.transaction(async (manager) => {
      if (!(await manager.existsBy(NetworkEntity, { id: command.networkId }))) {
        throw new NotFoundException({
          message: 'No such network.',
          details: [{ path: 'networkId', issue: 'does not name an existing network' }],
        });
      }
      // Serialises concurrent registrations of one address in one network.
      await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`${command.networkId}:${email}`]);
      if (await manager.existsBy(UserEntity, { networkId: command.networkId, email })) {
        throw new ConflictException({
          message: 'An account with this e-mail address already exists in this network.',
          details: [{ path: 'email', issue: 'is already registered' }],
        });
      }
      const user = await manager.save(
        manager.create(UserEntity, {
          id: uuidv7(),
          networkId: command.networkId,
          email,
          displayName: command.displayName.trim(),
          registeredAt: new Date(),
        }),
      );
      await this.outbox.append(manager, userRegistered, {
        userId: user.id,
        networkId: user.networkId,
        email: user.email,
        displayName: user.displayName,
        roles: [],
        registeredAt: user.registeredAt.toISOString(),
      });
      return user;
    });
  }
}
