import { ConflictException, Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG } from '@passerelle/platform';
import type { AuthUser } from '@passerelle/platform/auth';
import { randomBytes } from 'crypto';
import { DataSource } from 'typeorm';
import { PasswordHasher } from '../../accounts/infrastructure/password-hasher';
import type { IdentityConfig } from '../../config';
import { RefreshTokenRevoker } from '../../tokens/infrastructure/refresh-token.revoker';
import { findManagedServiceAccount } from './managed-service-account';

export interface RotatedSecret {
  readonly id: string;
  readonly clientId: string;
  /** Shown this once; only its Argon2id hash is kept. */
  readonly clientSecret: string;
  /** Until when the previous secret, and the tokens got with it, keep working. */
  readonly previousSecretValidUntil: Date;
}

/**
 * A new secret for a service account, with an overlap: the previous secret
 * and the tokens got with it keep working for
 * SERVICE_ACCOUNT_SECRET_OVERLAP_SECONDS, so the integrator can deploy the
 * new one without an outage; then the overlap sweep revokes them. Tokens got
 * with the new secret carry the next epoch, which that revocation spares.
 * Rotating again during an overlap ends the oldest secret and its tokens at
 * once: only two secrets are ever valid together.
 */
@Injectable()
export class RotateServiceAccountSecretUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly passwords: PasswordHasher,
    private readonly revoker: RefreshTokenRevoker,
    @Inject(APP_CONFIG) private readonly config: IdentityConfig,
  ) {}

  async execute(caller: AuthUser, networkId: string, accountId: string): Promise<RotatedSecret> {
    const clientSecret = randomBytes(32).toString('base64url');
    const secretHash = await this.passwords.hash(clientSecret);
    return this.dataSource.transaction(async (manager) => {
      const account = await findManagedServiceAccount(manager, caller, networkId, accountId);
      if (account.revokedAt) {
        throw new ConflictException({
          message: 'This service account is revoked.',
          details: [{ path: 'accountId', issue: 'names a revoked service account' }],
        });
      }
      const now = new Date();
      if (account.previousSecretHash) {
        await this.revoker.announce(
          manager,
          'service',
          { accountId: account.id, networkId, tokenEpoch: account.tokenEpoch, revokedAt: now.toISOString() },
          'secret_rotated',
        );
      }
      const previousSecretValidUntil = new Date(now.getTime() + this.config.serviceAccountSecretOverlapSeconds * 1000);
      await manager.query(
        `UPDATE service_accounts
            SET token_epoch = token_epoch + 1, previous_secret_hash = secret_hash, previous_secret_until = $2,
                secret_hash = $3, rotated_at = $4
          WHERE id = $1`,
        [account.id, previousSecretValidUntil, secretHash, now],
      );
      return { id: account.id, clientId: account.clientId, clientSecret, previousSecretValidUntil };
    });
  }
}
