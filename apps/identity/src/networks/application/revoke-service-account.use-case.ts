import { Injectable } from '@nestjs/common';
import type { AuthUser } from '@passerelle/platform/auth';
import { DataSource } from 'typeorm';
import { RefreshTokenRevoker } from '../../tokens/infrastructure/refresh-token.revoker';
import type { ServiceAccountEntity } from '../infrastructure/service-account.entity';
import { findManagedServiceAccount } from './managed-service-account';

/**
 * Ends a service account for good: its secrets (current and previous) stop
 * working at once, and its access tokens are refused on every service within
 * seconds. Revoking it again changes nothing.
 */
@Injectable()
export class RevokeServiceAccountUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly revoker: RefreshTokenRevoker,
  ) {}

  execute(caller: AuthUser, networkId: string, accountId: string): Promise<ServiceAccountEntity> {
    return this.dataSource.transaction(async (manager) => {
      const account = await findManagedServiceAccount(manager, caller, networkId, accountId);
      if (account.revokedAt) return account;
      Object.assign(account, { revokedAt: new Date(), revokedBy: caller.userId, previousSecretHash: null, previousSecretUntil: null });
      const saved = await manager.save(account);
      await this.revoker.revokeAccess(manager, 'service', account.id, 'service_account_revoked');
      return saved;
    });
  }
}
