import { Injectable, type OnModuleInit } from '@nestjs/common';
import { type UserAccessRevokedData, userAccessRevoked } from '@passerelle/contracts';
import { recordRevocation, type Revocation, TokenRevocations } from '@passerelle/platform/auth';
import { OutboxWriter } from '@passerelle/platform/outbox';
import { DataSource, type EntityManager, type EntitySubscriberInterface, type TransactionCommitEvent } from 'typeorm';

export type RevocationReason = UserAccessRevokedData['reason'];
export type AccountKind = UserAccessRevokedData['accountKind'];

/** Revocations of a transaction, applied to this replica's guard once it commits. */
const PENDING = 'passerelle:pending-revocations';

/**
 * Ends access: refresh tokens here, access tokens everywhere. Raising an
 * account's token epoch refuses every access token issued before; the
 * revocation is recorded in identity's own `token_revocations` and published
 * (`user.access_revoked`) in the caller's transaction, so it happens exactly
 * when the change that causes it commits. This replica's guard applies it as
 * soon as the transaction commits, the other replicas within their next
 * read, the other services once the event reaches them.
 */
@Injectable()
export class RefreshTokenRevoker implements OnModuleInit, EntitySubscriberInterface {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
    private readonly revocations: TokenRevocations,
  ) {}

  onModuleInit(): void {
    this.dataSource.subscribers.push(this);
  }

  /** Every session and access token of a person: after a password change or reset, a disabling, an erasure. */
  async revokeAll(manager: EntityManager, userId: string, reason: RevocationReason): Promise<void> {
    await manager.query('UPDATE refresh_tokens SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL', [userId]);
    await this.revokeAccess(manager, 'user', userId, reason);
  }

  /** Refuses the account's access tokens issued so far, on every service; its sessions stay. Returns the new epoch. */
  async revokeAccess(manager: EntityManager, kind: AccountKind, accountId: string, reason: RevocationReason): Promise<number> {
    const table = kind === 'user' ? 'users' : 'service_accounts';
    const [rows]: [Array<{ network_id: string; token_epoch: number }>, number] = await manager.query(
      `UPDATE ${table} SET token_epoch = token_epoch + 1 WHERE id = $1 RETURNING network_id, token_epoch`,
      [accountId],
    );
    const { network_id: networkId, token_epoch: tokenEpoch } = rows[0];
    await this.announce(manager, kind, { accountId, networkId, tokenEpoch, revokedAt: new Date().toISOString() }, reason);
    return tokenEpoch;
  }

  /** Refuses the account's tokens below `revocation.tokenEpoch` without raising its epoch (the end of a rotation's overlap). */
  async announce(manager: EntityManager, kind: AccountKind, revocation: Revocation, reason: RevocationReason): Promise<void> {
    await recordRevocation(manager, revocation);
    await this.outbox.append(manager, userAccessRevoked, {
      userId: revocation.accountId,
      networkId: revocation.networkId,
      accountKind: kind,
      tokenEpoch: revocation.tokenEpoch,
      reason,
      revokedAt: revocation.revokedAt,
    });
    const runner = manager.queryRunner;
    if (runner) ((runner.data[PENDING] as Revocation[] | undefined) ??= []).push(revocation);
  }

  afterTransactionCommit(event: TransactionCommitEvent): void {
    const pending = event.queryRunner.data[PENDING] as Revocation[] | undefined;
    if (!pending) return;
    delete event.queryRunner.data[PENDING];
    for (const revocation of pending) this.revocations.applyNow(revocation.accountId, revocation.tokenEpoch);
  }
}
