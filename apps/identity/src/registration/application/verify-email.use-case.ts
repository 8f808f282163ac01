import { BadRequestException, Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG } from '@passerelle/platform';
import { OutboxWriter } from '@passerelle/platform/outbox';
import { DataSource } from 'typeorm';
import { PasswordHasher } from '../../accounts/infrastructure/password-hasher';
import { UserEntity } from '../../accounts/infrastructure/user.entity';
import type { IdentityConfig } from '../../config';
import { NetworkEntity } from '../../networks/infrastructure/network.entity';
import { accountThrottleKey } from '../../tokens/domain/attempt-throttle';
import { AttemptThrottleStore } from '../../tokens/infrastructure/attempt-throttle.store';
import { hashToken } from '../domain/one-time-token';
import { OneTimeTokenRepository } from '../infrastructure/one-time-token.repository';
import { accountRouteThrottle } from './account-throttle';
import { createProvenAccount, lockAddress } from './create-account';

export interface VerifyEmailCommand {
  readonly token: string;
  /** The password chosen at the registration the link belongs to. */
  readonly password: string;
  readonly clientAddress: string;
}

const WRONG_REGISTRATION_PASSWORD =
  'does not match the password chosen when registering with this link; register again to receive a new link';

/**
 * Follows a verification link: the one who opens the mail proves the
 * address, and by giving the password chosen at that registration, that
 * the registration is theirs. The account is then created, active, with
 * that registration's name and password; every other link of the address
 * is withdrawn. Someone who registered another person's address cannot
 * follow the link (it goes to the address); the owner who follows it cannot
 * activate the stranger's password, since they do not know it: they register
 * again and use the new link.
 *
 * A wrong password leaves the link as it was; it counts against the
 * throttle (per address and per client IP), as does an unknown link.
 */
@Injectable()
export class VerifyEmailUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
    private readonly tokens: OneTimeTokenRepository,
    private readonly hasher: PasswordHasher,
    private readonly throttle: AttemptThrottleStore,
    @Inject(APP_CONFIG) private readonly config: IdentityConfig,
  ) {}

  async execute(command: VerifyEmailCommand): Promise<void> {
    const policy = accountRouteThrottle('verify_email', this.config);
    const registration = await this.tokens.findLive(this.dataSource.manager, 'verify_email', command.token);
    const network = registration ? await this.dataSource.getRepository(NetworkEntity).findOneBy({ id: registration.networkId }) : null;
    const accountKey = registration?.email && network ? accountThrottleKey(network.slug, registration.email) : null;
    const attemptId = await this.throttle.begin(policy, accountKey, command.clientAddress);

    const { email, displayName, passwordHash } = registration ?? {};
    if (!registration || !email || !displayName || !passwordHash) {
      await this.hasher.verifyNothing(command.password);
      throw invalidLink();
    }
    if (!(await this.hasher.verify(passwordHash, command.password))) {
      throw new BadRequestException({
        message: 'The password is not the one chosen when registering with this link. Register again to receive a new link.',
        details: [{ path: 'password', issue: WRONG_REGISTRATION_PASSWORD }],
      });
    }
    const { networkId } = registration;

    await this.dataSource.transaction(async (manager) => {
      await lockAddress(manager, networkId, email);
      // Every link of the address goes; ours must still have been among them (not replaced or used meanwhile).
      const withdrawn = (await manager.query(
        `DELETE FROM one_time_tokens WHERE purpose = 'verify_email' AND network_id = $1 AND email = $2 AND used_at IS NULL
          RETURNING token_hash, expires_at > now() AS live`,
        [networkId, email],
      )) as [{ token_hash: string; live: boolean }[], number];
      const ours = withdrawn[0].find((row) => row.token_hash === hashToken(command.token));
      // An address that got an account meanwhile (an invitation, an organizer) keeps it.
      if (!ours?.live || (await manager.existsBy(UserEntity, { networkId, email }))) throw invalidLink();
      await createProvenAccount(manager, this.outbox, { networkId, email, displayName, passwordHash, roles: [] });
    });
    await this.throttle.succeeded(policy, attemptId, accountKey);
  }
}

function invalidLink(): BadRequestException {
  return new BadRequestException({
    message: 'The request is invalid.',
    details: [{ path: 'token', issue: 'is invalid, has expired or was already used' }],
  });
}
