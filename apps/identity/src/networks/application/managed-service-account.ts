import { ForbiddenException, NotFoundException } from '@nestjs/common';
import { type AuthUser, canManageNetwork, canSeeNetwork } from '@passerelle/platform/auth';
import type { EntityManager } from 'typeorm';
import { ServiceAccountEntity } from '../infrastructure/service-account.entity';
import { networkNotFound } from './get-network.use-case';

/** Who manages a network's service accounts: its organizers and the platform admin; another network's ids are 404. */
export function assertManagesServiceAccounts(caller: AuthUser, networkId: string): void {
  if (!canSeeNetwork(caller, networkId)) throw networkNotFound();
  if (!canManageNetwork(caller, networkId)) {
    throw new ForbiddenException({
      message: "Only an organizer of this network may manage its service accounts.",
      details: [{ path: 'authorization', issue: 'requires the role organizer' }],
    });
  }
}

/**
 * A service account of `networkId`, locked for the caller's transaction.
 * It outlives whoever created it: an organizer's erasure leaves it to the
 * network's other organizers.
 */
export async function findManagedServiceAccount(
  manager: EntityManager,
  caller: AuthUser,
  networkId: string,
  accountId: string,
): Promise<ServiceAccountEntity> {
  assertManagesServiceAccounts(caller, networkId);
  const account = await manager.findOne(ServiceAccountEntity, { where: { id: accountId, networkId }, lock: { mode: 'pessimistic_write' } });
  if (!account) {
    throw new NotFoundException({
      message: 'No such service account.',
      details: [{ path: 'accountId', issue: 'does not name a service account of this network' }],
    });
  }
  return account;
}
