import { userRegistered } from '@passerelle/contracts';
import type { AccountRole } from '@passerelle/platform/auth';
import type { OutboxWriter } from '@passerelle/platform/outbox';
import type { EntityManager } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { UserEntity } from '../../accounts/infrastructure/user.entity';

export interface ProvenRegistration {
  readonly networkId: string;
  readonly email: string;
  readonly displayName: string;
  readonly passwordHash: string;
  readonly roles: readonly AccountRole[];
}

/**
 * Creates the account of an address that was just proven (a verification
 * link or an invitation, both mailed to it), active, with the credentials
 * chosen by the person who proved it, and its `user.registered` in the same
 * transaction. The caller holds the address's lock and has checked that it
 * has no account yet.
 */
export async function createProvenAccount(manager: EntityManager, outbox: OutboxWriter, registration: ProvenRegistration): Promise<UserEntity> {
  const now = new Date();
  const roles = [...registration.roles];
  const user = await manager.save(
    manager.create(UserEntity, {
      id: uuidv7(),
      networkId: registration.networkId,
      email: registration.email,
      displayName: registration.displayName,
      passwordHash: registration.passwordHash,
      status: 'active',
      emailVerifiedAt: now,
      roles,
      registeredAt: now,
    }),
  );
  await outbox.append(manager, userRegistered, {
    userId: user.id,
    networkId: user.networkId,
    email: user.email,
    displayName: user.displayName,
    roles,
    registeredAt: now.toISOString(),
  });
  return user;
}

/** Serialises what happens to one address in one network (registrations, verification, invitations). */
export async function lockAddress(manager: EntityManager, networkId: string, email: string): Promise<void> {
  await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`${networkId}:${email}`]);
}
