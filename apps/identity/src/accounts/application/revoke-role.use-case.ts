import { Injectable } from '@nestjs/common';
import { userRoleRevoked } from '@passerelle/contracts';
import type { AuthUser } from '@passerelle/platform/auth';
import { OutboxWriter } from '@passerelle/platform/outbox';
import { DataSource } from 'typeorm';
import { RefreshTokenRevoker } from '../../tokens/infrastructure/refresh-token.revoker';
import type { UserEntity } from '../infrastructure/user.entity';
import type { GrantableRole } from './grant-role.use-case';
import { findManagedUser } from './managed-user';

export interface RevokeRoleCommand {
  readonly caller: AuthUser;
  readonly userId: string;
  readonly role: GrantableRole;
}

/**
 * Withdraws a role granted through the API, by whoever may grant it. The
 * role leaves the account at once, `user.role_revoked` updates the services
 * that copy roles, and the person's access tokens, which still list the
 * role, are refused everywhere within seconds (`user.access_revoked`): their
 * next refresh gives a token without it. Revoking a role the user does not
 * have changes nothing and publishes nothing.
 */
@Injectable()
export class RevokeRoleUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
    private readonly revoker: RefreshTokenRevoker,
  ) {}

  async execute(command: RevokeRoleCommand): Promise<UserEntity> {
    const { caller } = command;
    return this.dataSource.transaction(async (manager) => {
      const user = await findManagedUser(manager, caller, command.userId, 'revoke roles');
      if (!user.roles.includes(command.role)) return user;
      user.roles = user.roles.filter((role) => role !== command.role);
      const saved = await manager.save(user);
      await this.outbox.append(manager, userRoleRevoked, {
        userId: user.id,
        networkId: user.networkId,
        role: command.role,
        revokedBy: caller.userId,
        revokedAt: saved.updatedAt.toISOString(),
      });
      await this.revoker.revokeAccess(manager, 'user', user.id, 'role_revoked');
      return saved;
    });
  }
}
