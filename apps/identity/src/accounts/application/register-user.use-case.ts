import { ConflictException, ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import type { AuthUser } from '@passerelle/platform/auth';
import { userRegistered } from '@passerelle/contracts';
import { OutboxWriter } from '@passerelle/platform/outbox';
import { DataSource } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { canManageNetwork, canSeeNetwork } from '@passerelle/platform/auth';
import { NetworkEntity } from '../../networks/infrastructure/network.entity';
import { UserEntity } from '../infrastructure/user.entity';

export interface RegisterUserCommand {
  readonly caller: AuthUser;
  readonly networkId: string;
  readonly email: string;
  readonly displayName: string;
}

/**
 * An organizer (or the platform admin) creates an account for someone, e.g.
 * when importing alumni from the university's CRM; its owner sets a password
 * through the reset mail. The account and its event
 * (`passerelle.identity.user.registered`) are written in one transaction, so
 * the event exists if and only if the account does.
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
      // Outside the network, the same 404 as for an unknown id: ids cannot be probed.
      if (!canSeeNetwork(command.caller, command.networkId) || !(await manager.existsBy(NetworkEntity, { id: command.networkId }))) {
        throw new NotFoundException({
          message: 'No such network.',
          details: [{ path: 'networkId', issue: 'does not name an existing network' }],
        });
      }
      if (!canManageNetwork(command.caller, command.networkId)) {
        throw new ForbiddenException({
          message: 'Only an organizer of the network creates accounts directly.',
          details: [{ path: 'networkId', issue: 'is not a network you organise' }],
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
