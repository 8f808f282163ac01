import { BadRequestException, ForbiddenException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import { APP_CONFIG } from '@passerelle/platform';
import type { AccountRole } from '@passerelle/platform/auth';
import { OutboxWriter } from '@passerelle/platform/outbox';
import { DataSource } from 'typeorm';
import { UserEntity } from '../../accounts/infrastructure/user.entity';
import { PasswordHasher } from '../../accounts/infrastructure/password-hasher';
import type { IdentityConfig } from '../../config';
import { NetworkEntity } from '../../networks/infrastructure/network.entity';
import { accountThrottleKey } from '../../tokens/domain/attempt-throttle';
import { AttemptThrottleStore } from '../../tokens/infrastructure/attempt-throttle.store';
import { alreadyRegisteredMail, verifyEmailMail } from '../domain/account-mails';
import { isEmailDomainAllowed, normalizeEmail } from '../domain/email-domain';
import { hashToken, isWellFormedToken } from '../domain/one-time-token';
import { OneTimeTokenEntity } from '../infrastructure/one-time-token.entity';
import { OneTimeTokenRepository } from '../infrastructure/one-time-token.repository';
import { AccountMailer } from './account-mailer';
import { accountRouteThrottle } from './account-throttle';
import { createProvenAccount, lockAddress } from './create-account';
import { assertPasswordAcceptable } from './password-rules';

export interface RegisterAccountCommand {
  /** The network's slug. */
  readonly network: string;
  readonly email: string;
  readonly password: string;
  readonly displayName: string;
  readonly invitationToken?: string;
  readonly clientAddress: string;
}

const INVALID_INVITATION = 'is invalid, has expired or was already used';

/**
 * Self-registration: open networks admit addresses of their allowed
 * domains, invitation-only networks a holder of a valid invitation for that
 * address; an invitation also admits an address outside the allowed domains
 * of an open network.
 *
 * No account exists before its address is proven, so nobody can take one
 * over by registering someone else's address first. Without an invitation,
 * each registration gets its own verification link, which carries that
 * registration's name and password hash, and withdraws every earlier link
 * of the address; the account is created when a link is followed with the
 * password chosen at that registration (`VerifyEmailUseCase`). With an
 * invitation, the invitation mailed to that very address already proves it:
 * the account is active at once, with the role the invitation grants.
 *
 * The answer never says whether the address already has an account: the
 * same 202, and the owner of the address gets a mail saying so instead of a
 * second account. Both paths hash the password and queue one mail in one
 * transaction (no SMTP while the request waits), so they take the same time.
 * Throttled per address and per client IP, every request counting: each one
 * may mail the address.
 */
@Injectable()
export class RegisterAccountUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
    private readonly tokens: OneTimeTokenRepository,
    private readonly hasher: PasswordHasher,
    private readonly mailer: AccountMailer,
    private readonly throttle: AttemptThrottleStore,
    @Inject(APP_CONFIG) private readonly config: IdentityConfig,
  ) {}

  async execute(command: RegisterAccountCommand): Promise<void> {
    const email = normalizeEmail(command.email);
    const displayName = command.displayName.trim();
    assertPasswordAcceptable('password', command.password, { email, displayName });
    await this.throttle.begin(accountRouteThrottle('register', this.config), accountThrottleKey(command.network, email), command.clientAddress);

    const network = await this.dataSource.getRepository(NetworkEntity).findOneBy({ slug: command.network });
    if (!network) {
      throw new NotFoundException({ message: 'No such network.', details: [{ path: 'network', issue: 'does not name an existing network' }] });
    }
    const invitation = command.invitationToken ? await this.findInvitation(network, email, command.invitationToken) : null;
    if (!invitation) this.assertSelfRegistrationAllowed(network, email);

    const passwordHash = await this.hasher.hash(command.password);
    const mailContext = this.mailer.context(network);

    await this.dataSource.transaction(async (manager) => {
      await lockAddress(manager, network.id, email);
      if (await manager.existsBy(UserEntity, { networkId: network.id, email })) {
        await this.mailer.enqueue(manager, network.id, email, alreadyRegisteredMail(mailContext));
        return;
      }
      if (invitation) {
        if (!(await this.tokens.spend(manager, 'invitation', command.invitationToken ?? ''))) {
          throw invalidInvitation(); // spent by a concurrent registration meanwhile
        }
        const roles: AccountRole[] = invitation.role ? [invitation.role as AccountRole] : [];
        await createProvenAccount(manager, this.outbox, { networkId: network.id, email, displayName, passwordHash, roles });
        // Registrations of the address waiting for their link are moot now.
        await this.tokens.withdraw(manager, 'verify_email', network.id, email);
        return;
      }
      const token = await this.tokens.issue(manager, {
        purpose: 'verify_email',
        networkId: network.id,
        email,
        displayName,
        passwordHash,
        validForMs: this.config.emailVerificationTtlHours * 3_600_000,
      });
      await this.mailer.enqueue(manager, network.id, email, verifyEmailMail(mailContext, token, this.config.emailVerificationTtlHours));
    });
  }

  private assertSelfRegistrationAllowed(network: NetworkEntity, email: string): void {
    if (network.registrationPolicy === 'invitation') {
      throw new ForbiddenException({
        message: 'This network admits new members by invitation only.',
        details: [{ path: 'invitationToken', issue: 'is required by this network' }],
      });
    }
    if (!isEmailDomainAllowed(email, network.allowedEmailDomains)) {
      throw new ForbiddenException({
        message: 'This network does not admit self-registration from this e-mail domain; ask an organizer for an invitation.',
        details: [{ path: 'email', issue: 'has a domain this network does not admit' }],
      });
    }
  }

  /** Checked before anything else so an invalid token is refused alike whether or not the address has an account. */
  private async findInvitation(network: NetworkEntity, email: string, token: string): Promise<OneTimeTokenEntity> {
    const invitation = isWellFormedToken(token)
      ? await this.dataSource.getRepository(OneTimeTokenEntity).findOneBy({ tokenHash: hashToken(token), purpose: 'invitation' })
      : null;
    if (!invitation || invitation.networkId !== network.id || invitation.usedAt || invitation.expiresAt <= new Date()) {
      throw invalidInvitation();
    }
    if (invitation.email !== email) {
      throw new BadRequestException({
        message: 'The request is invalid.',
        details: [{ path: 'invitationToken', issue: 'was issued for another e-mail address' }],
      });
    }
    return invitation;
  }
}

function invalidInvitation(): BadRequestException {
  return new BadRequestException({ message: 'The request is invalid.', details: [{ path: 'invitationToken', issue: INVALID_INVITATION }] });
}
