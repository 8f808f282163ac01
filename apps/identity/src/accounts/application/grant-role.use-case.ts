import { Injectable } from '@nestjs/common';
import { userRoleGranted } from '@passerelle/contracts';
import type { AccountRole, AuthUser } from '@passerelle/platform/auth';
import { OutboxWriter } from '@passerelle/platform/outbox';
import { DataSource } from 'typeorm';
import type { UserEntity } from '../infrastructure/user.entity';
import { findManagedUser } from './managed-user';

/** The roles a person can be granted through the API; `integrator` belongs to service accounts, `platform_admin` to configuration. */
export const GRANTABLE_ROLES = ['organizer'] as const satisfies readonly AccountRole[];
export type GrantableRole = (typeof GRANTABLE_ROLES)[number];

export interface GrantRoleCommand {
  readonly caller: AuthUser;
  readonly userId: string;
  readonly role: GrantableRole;
}

/**
 * An organizer is appointed by a platform admin or by another organizer of
 * the same network (issue 3, item 4). A user of another network is answered
 * 404, as if the id did not exist. Granting a role the user already has
 * changes nothing and publishes nothing. The new role reaches the user's
 * access token at the next login or refresh.
 */
@Injectable()
export class GrantRoleUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
  ) {}

  async execute(command: GrantRoleCommand): Promise<UserEntity> {
    const { caller } = command;
    return this.dataSource.transaction(async (manager) => {
      const user = await findManagedUser(manager, caller, command.userId, 'grant roles');
      if (user.roles.includes(command.role)) return user;
      user.roles = [...user.roles, command.role];
      const saved = await manager.save(user);
      await this.outbox.append(manager, userRoleGranted, {
        userId: user.id,
        networkId: user.networkId,
        role: command.role,
        grantedBy: caller.userId,
        grantedAt: saved.updatedAt.toISOString(),
      });
      return saved;
    });
  }
}
