import { ForbiddenException, NotFoundException } from '@nestjs/common';
import { type AuthUser, canManageNetwork, canSeeNetwork } from '@passerelle/platform/auth';
import type { EntityManager } from 'typeorm';
import { UserEntity } from '../infrastructure/user.entity';

/**
 * The user an organizer of its network (or the platform admin) is about to
 * change, locked for the transaction. A user of another network, or an
 * erased one, is answered 404 as if the id did not exist; a member of the
 * network who is not an organizer gets 403.
 */
export async function findManagedUser(manager: EntityManager, caller: AuthUser, userId: string, action: string): Promise<UserEntity> {
  const user = await manager.findOne(UserEntity, { where: { id: userId }, lock: { mode: 'pessimistic_write' } });
  if (!user || user.status === 'erased' || !canSeeNetwork(caller, user.networkId)) {
    throw new NotFoundException({ message: 'No such user.', details: [{ path: 'id', issue: 'does not name a user of your network' }] });
  }
  if (!canManageNetwork(caller, user.networkId)) {
    throw new ForbiddenException({
      message: `Only an organizer of this network may ${action}.`,
      details: [{ path: 'authorization', issue: 'requires the role organizer' }],
    });
  }
  return user;
}
