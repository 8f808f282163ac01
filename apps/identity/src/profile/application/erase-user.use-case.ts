import { ForbiddenException, Injectable } from '@nestjs/common';
import { userErased } from '@passerelle/contracts';
import type { AuthUser } from '@passerelle/platform/auth';
import { OutboxWriter } from '@passerelle/platform/outbox';
import { DataSource } from 'typeorm';
import { UserEntity } from '../../accounts/infrastructure/user.entity';
import { canManageNetwork } from '@passerelle/platform/auth';
import { NetworkEntity } from '../../networks/infrastructure/network.entity';
import { RefreshTokenRevoker } from '../../tokens/infrastructure/refresh-token.revoker';
import { accountThrottleKey, userThrottleKey } from '../../tokens/domain/attempt-throttle';
import { ERASED_DISPLAY_NAME, erasedEmail } from '../domain/erasure';
import { findVisibleUser } from './visible-user';

export interface EraseUserCommand {
  readonly caller: AuthUser;
  readonly userId: string;
}

/**
 * GDPR erasure (PRODUCT.md, Security and data protection), all in one
 * transaction so it never half-happens:
 * - the users row stays, anonymised (the id is referenced by other tables
 *   and services, whose aggregates must stay correct): placeholder e-mail,
 *   "Erased user", no password, status `erased` (login accepts `active`
 *   only), no roles;
 * - the profile row is deleted, and the pairs matching proposed them in;
 * - consents are kept: each row holds only the user id, purpose, decision
 *   and time, nothing else identifying, and is the proof of the lawful basis
 *   for processing done before the erasure (GDPR art. 7(1));
 * - one-time tokens of the user and those addressed to the e-mail
 *   (invitations, registrations waiting for their link) are deleted, and
 *   account mails to it still queued;
 * - throttle rows keyed by the address or the account are deleted;
 * - already published outbox rows keyed by the user are deleted (user.registered
 *   and profile_updated carry the address and name); unpublished ones still go
 *   out, in order, and the relay's retention removes them afterwards;
 * - refresh tokens are revoked, and so are access tokens, on every service
 *   within seconds (`user.access_revoked`);
 * - service accounts are not the person's and are left alone: the network's
 *   organizers still list, rotate and revoke those this person created;
 * - `user.erased` is published so every service does its part.
 */
@Injectable()
export class EraseUserUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
    private readonly refreshTokens: RefreshTokenRevoker,
  ) {}

  async execute(command: EraseUserCommand): Promise<void> {
    const { caller, userId } = command;
    await this.dataSource.transaction(async (manager) => {
      const user = await findVisibleUser(manager, caller, userId, { lock: true });
      const self = caller.kind === 'user' && caller.userId === user.id;
      if (!self && !canManageNetwork(caller, user.networkId)) {
        throw new ForbiddenException({
          message: 'Only the person or an organizer of this network may erase an account.',
          details: [{ path: 'authorization', issue: 'requires the role organizer' }],
        });
      }
      const email = user.email;
      const network = await manager.findOneByOrFail(NetworkEntity, { id: user.networkId });

      await manager.query('DELETE FROM one_time_tokens WHERE user_id = $1', [user.id]);
      await manager.query('DELETE FROM one_time_tokens WHERE network_id = $1 AND email = $2', [user.networkId, email]);
      await manager.query('DELETE FROM account_mails WHERE network_id = $1 AND to_address = $2', [user.networkId, email]);
      await manager.query('DELETE FROM throttle_attempts WHERE account_key = ANY($1)', [
        [accountThrottleKey(network.slug, email), userThrottleKey(user.id)],
      ]);
      await manager.query('DELETE FROM profiles WHERE user_id = $1', [user.id]);
      await manager.query('DELETE FROM match_partners WHERE mentor_id = $1 OR mentee_id = $1', [user.id]);
      await manager.query('DELETE FROM outbox WHERE message_key = $1 AND published_at IS NOT NULL', [user.id]);
      await this.refreshTokens.revokeAll(manager, user.id, 'erased');

      user.email = erasedEmail(user.id);
      user.displayName = ERASED_DISPLAY_NAME;
      user.passwordHash = null;
      user.status = 'erased';
      user.roles = [];
      user.emailVerifiedAt = null;
      const saved = await manager.save(UserEntity, user);

      await this.outbox.append(manager, userErased, {
        userId: user.id,
        networkId: user.networkId,
        erasedAt: saved.updatedAt.toISOString(),
      });
    });
  }
}
