import { NotFoundException } from '@nestjs/common';
import type { AuthUser } from '@passerelle/platform/auth';
import type { EntityManager } from 'typeorm';
import { UserEntity } from '../../accounts/infrastructure/user.entity';
import { canSeeNetwork } from '@passerelle/platform/auth';

export function noSuchUser(): NotFoundException {
  return new NotFoundException({ message: 'No such user.', details: [{ path: 'id', issue: 'does not name a user of your network' }] });
}

/**
 * The user `userId` if the caller's network may see it; an erased account
 * or another network's user is answered like an unknown id (404), so ids
 * cannot be probed across tenants.
 */
export async function findVisibleUser(
  manager: EntityManager,
  caller: AuthUser,
  userId: string,
  options: { readonly lock?: boolean } = {},
): Promise<UserEntity> {
  const user = await manager.findOne(UserEntity, {
    where: { id: userId },
    ...(options.lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
  });
  if (!user || user.status === 'erased' || !canSeeNetwork(caller, user.networkId)) throw noSuchUser();
  return user;
}

/** The caller's own account; a token outliving its erased account (or a service account) gets 404. */
export async function findSelf(manager: EntityManager, caller: AuthUser, options: { readonly lock?: boolean } = {}): Promise<UserEntity> {
  if (caller.kind !== 'user') throw noSuchUser();
  return findVisibleUser(manager, caller, caller.userId, options);
}
