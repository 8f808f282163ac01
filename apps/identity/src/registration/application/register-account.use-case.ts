import { BadRequestException, ForbiddenException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import { userRegistered } from '@passerelle/contracts';
import { APP_CONFIG } from '@passerelle/platform';
import type { AccountRole } from '@passerelle/platform/auth';
import { OutboxWriter } from '@passerelle/platform/outbox';
import { DataSource, type EntityManager } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { UserEntity } from '../../accounts/infrastructure/user.entity';
import type { IdentityConfig } from '../../config';
import { NetworkEntity } from '../../networks/infrastructure/network.entity';
import { alreadyRegisteredMail, verifyEmailMail } from '../domain/account-mails';
import { isEmailDomainAllowed, normalizeEmail } from '../domain/email-domain';
import { hashToken, isWellFormedToken } from '../domain/one-time-token';
import { OneTimeTokenEntity } from '../infrastructure/one-time-token.entity';
import { OneTimeTokenRepository } from '../infrastructure/one-time-token.repository';
import { PasswordHasher } from '../../accounts/infrastructure/password-hasher';
import { AccountMailer } from './account-mailer';
import { assertPasswordAcceptable } from './password-rules';

export interface RegisterAccountCommand {
  /** The network's slug. */
  readonly network: string;
  readonly email: string;
  readonly password: string;
  readonly displayName: string;
  readonly invitationToken?: string;
}

const INVALID_INVITATION = 'is invalid, has expired or was already used';

/**
 * Self-registration (issue 3, Accounts): open networks admit addresses of
 * their allowed domains, invitation-only networks a holder of a valid
 * invitation for that address; an invitation also admits an address outside
 * the allowed domains of an open network.
 *
 * The answer never says whether the address already has an account
 * (issue 3, Throttling and abuse): the same 202, and the owner of the
 * address gets a mail saying so instead of a second account (or, if that
 * account still waits for verification, a fresh verification link). The
 * password is hashed on both paths so they take the same time.
 *
 * Without an invitation the account starts `pending_verification` and a
 * verification link is mailed; with one, the invitation mailed to that very
 * address already proves it, so the account is `active` at once with the
 * role the invitation grants.
 */
@Injectable()
export class RegisterAccountUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
    private readonly tokens: OneTimeTokenRepository,
    private readonly hasher: PasswordHasher,
    private readonly mailer: AccountMailer,
    @Inject(APP_CONFIG) private readonly config: IdentityConfig,
  ) {}

  async execute(command: RegisterAccountCommand): Promise<void> {
    const email = normalizeEmail(command.email);
    const displayName = command.displayName.trim();
    assertPasswordAcceptable('password', command.password, { email, displayName });

    const network = await this.dataSource.getRepository(NetworkEntity).findOneBy({ slug: command.network });
    if (!network) {
      throw new NotFoundException({ message: 'No such network.', details: [{ path: 'network', issue: 'does not name an existing network' }] });
    }
    const invitation = command.invitationToken ? await this.findInvitation(network, email, command.invitationToken) : null;
    if (!invitation) this.assertSelfRegistrationAllowed(network, email);

    const passwordHash = await this.hasher.hash(command.password);
    const mailContext = this.mailer.context(network);

    await this.dataSource.transaction(async (manager) => {
      // Serialises concurrent registrations of one address in one network.
      await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`${network.id}:${email}`]);
      const existing = await manager.findOneBy(UserEntity, { networkId: network.id, email });
      if (existing) {
        if (existing.status === 'pending_verification') {
          const token = await this.issueVerification(manager, existing);
          await this.mailer.send(email, verifyEmailMail(mailContext, token, this.config.emailVerificationTtlHours));
        } else {
          await this.mailer.send(email, alreadyRegisteredMail(mailContext));
        }
        return;
      }

      if (invitation && !(await this.tokens.spend(manager, 'invitation', command.invitationToken ?? ''))) {
        throw invalidInvitation(); // spent by a concurrent registration meanwhile
      }
      const now = new Date();
      const roles: AccountRole[] = invitation?.role ? [invitation.role as AccountRole] : [];
      const user = await manager.save(
        manager.create(UserEntity, {
          id: uuidv7(),
          networkId: network.id,
          email,
          displayName,
          passwordHash,
          status: invitation ? 'active' : 'pending_verification',
          emailVerifiedAt: invitation ? now : null,
          roles,
          registeredAt: now,
        }),
      );
      await this.outbox.append(manager, userRegistered, {
        userId: user.id,
        networkId: network.id,
        email,
        displayName,
        roles,
        registeredAt: now.toISOString(),
      });
      if (!invitation) {
        const token = await this.issueVerification(manager, user);
        // Inside the transaction on purpose: see AccountMailer.
        await this.mailer.send(email, verifyEmailMail(mailContext, token, this.config.emailVerificationTtlHours));
      }
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

  private issueVerification(manager: EntityManager, user: UserEntity): Promise<string> {
    return this.tokens.issue(manager, {
      purpose: 'verify_email',
      networkId: user.networkId,
      userId: user.id,
      validForMs: this.config.emailVerificationTtlHours * 3_600_000,
    });
  }
}

function invalidInvitation(): BadRequestException {
  return new BadRequestException({ message: 'The request is invalid.', details: [{ path: 'invitationToken', issue: INVALID_INVITATION }] });
}
