import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG } from '@passerelle/platform';
import { DataSource } from 'typeorm';
import { UserEntity } from '../../accounts/infrastructure/user.entity';
import type { IdentityConfig } from '../../config';
import { NetworkEntity } from '../../networks/infrastructure/network.entity';
import { passwordResetMail } from '../domain/account-mails';
import { normalizeEmail } from '../domain/email-domain';
import { OneTimeTokenRepository } from '../infrastructure/one-time-token.repository';
import { AccountMailer } from './account-mailer';

/**
 * Mails a reset link when the address has a usable account in the network;
 * the caller answers 202 either way, so the answer does not say whether the
 * address exists (issue 3). Only the latest link works. A mail that cannot
 * be sent surfaces as a 503 (the token is rolled back with it); that tells a
 * caller the account exists only while the SMTP server is down, which we
 * accept over a reset that silently never arrives.
 */
@Injectable()
export class RequestPasswordResetUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly tokens: OneTimeTokenRepository,
    private readonly mailer: AccountMailer,
    @Inject(APP_CONFIG) private readonly config: IdentityConfig,
  ) {}

  async execute(command: { network: string; email: string }): Promise<void> {
    const network = await this.dataSource.getRepository(NetworkEntity).findOneBy({ slug: command.network });
    if (!network) return;
    const email = normalizeEmail(command.email);
    const user = await this.dataSource.getRepository(UserEntity).findOneBy({ networkId: network.id, email });
    if (!user || (user.status !== 'active' && user.status !== 'pending_verification')) return;

    const validMinutes = this.config.passwordResetTtlMinutes;
    await this.dataSource.transaction(async (manager) => {
      const token = await this.tokens.issue(manager, {
        purpose: 'reset_password',
        networkId: network.id,
        userId: user.id,
        validForMs: validMinutes * 60_000,
      });
      await this.mailer.send(email, passwordResetMail(this.mailer.context(network), token, Math.max(1, Math.round(validMinutes / 60))));
    });
  }
}
