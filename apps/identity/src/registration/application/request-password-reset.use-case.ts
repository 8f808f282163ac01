import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG } from '@passerelle/platform';
import { DataSource } from 'typeorm';
import { UserEntity } from '../../accounts/infrastructure/user.entity';
import type { IdentityConfig } from '../../config';
import { NetworkEntity } from '../../networks/infrastructure/network.entity';
import { accountThrottleKey } from '../../tokens/domain/attempt-throttle';
import { AttemptThrottleStore } from '../../tokens/infrastructure/attempt-throttle.store';
import { passwordResetMail } from '../domain/account-mails';
import { normalizeEmail } from '../domain/email-domain';
import { OneTimeTokenRepository } from '../infrastructure/one-time-token.repository';
import { AccountMailer } from './account-mailer';
import { accountRouteThrottle } from './account-throttle';

/**
 * Queues a reset link when the address has a usable account in the network;
 * the caller answers 202 either way, so the answer does not say whether the
 * address exists, and as fast: the mail leaves through the queue, never
 * while the request waits. Only the latest link works. Throttled per address
 * and per client IP, every request counting (each one may mail the address).
 */
@Injectable()
export class RequestPasswordResetUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly tokens: OneTimeTokenRepository,
    private readonly mailer: AccountMailer,
    private readonly throttle: AttemptThrottleStore,
    @Inject(APP_CONFIG) private readonly config: IdentityConfig,
  ) {}

  async execute(command: { network: string; email: string; clientAddress: string }): Promise<void> {
    const email = normalizeEmail(command.email);
    await this.throttle.begin(accountRouteThrottle('password_reset', this.config), accountThrottleKey(command.network, email), command.clientAddress);
    const validMinutes = this.config.passwordResetTtlMinutes;
    await this.dataSource.transaction(async (manager) => {
      const network = await manager.findOneBy(NetworkEntity, { slug: command.network });
      const user = network ? await manager.findOneBy(UserEntity, { networkId: network.id, email }) : null;
      if (!network || !user || (user.status !== 'active' && user.status !== 'pending_verification')) return;
      const token = await this.tokens.issue(manager, {
        purpose: 'reset_password',
        networkId: network.id,
        userId: user.id,
        validForMs: validMinutes * 60_000,
      });
      await this.mailer.enqueue(manager, network.id, email, passwordResetMail(this.mailer.context(network), token, Math.max(1, Math.round(validMinutes / 60))));
    });
  }
}
