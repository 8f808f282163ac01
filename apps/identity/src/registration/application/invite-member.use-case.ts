import { ConflictException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import { APP_CONFIG } from '@passerelle/platform';
import type { AuthUser } from '@passerelle/platform/auth';
import { DataSource } from 'typeorm';
import { UserEntity } from '../../accounts/infrastructure/user.entity';
import type { IdentityConfig } from '../../config';
import { NetworkEntity } from '../../networks/infrastructure/network.entity';
import { invitationMail } from '../domain/account-mails';
import { normalizeEmail } from '../domain/email-domain';
import { OneTimeTokenRepository } from '../infrastructure/one-time-token.repository';
import { AccountMailer } from './account-mailer';
import { lockAddress } from './create-account';

export interface InviteMemberCommand {
  readonly networkId: string;
  readonly email: string;
  /** The account role the invitation grants; none for a plain member (mentor or mentee roles come from intake). */
  readonly role?: 'organizer';
}

export interface Invitation {
  readonly networkId: string;
  readonly email: string;
  readonly role: 'organizer' | null;
  readonly expiresAt: Date;
}

/**
 * An organizer invites someone into their own network; a platform admin
 * into any network (that is how a new network gets its first organizer).
 * Another network's id is a 404, exactly like an id that does not exist
 * (PRODUCT.md: a network never sees another's data, not by guessing ids).
 * Inviting an address anew withdraws its earlier unused invitations. The
 * mail is queued with the invitation (`AccountMailer`).
 */
@Injectable()
export class InviteMemberUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly tokens: OneTimeTokenRepository,
    private readonly mailer: AccountMailer,
    @Inject(APP_CONFIG) private readonly config: IdentityConfig,
  ) {}

  async execute(caller: AuthUser, command: InviteMemberCommand): Promise<Invitation> {
    const mayInviteHere = caller.roles.includes('platform_admin') || caller.networkId === command.networkId;
    const network = mayInviteHere ? await this.dataSource.getRepository(NetworkEntity).findOneBy({ id: command.networkId }) : null;
    if (!network) {
      throw new NotFoundException({ message: 'No such network.', details: [{ path: 'networkId', issue: 'does not name a network you manage' }] });
    }
    const email = normalizeEmail(command.email);
    const validForMs = this.config.invitationTtlHours * 3_600_000;
    return this.dataSource.transaction(async (manager) => {
      await lockAddress(manager, network.id, email);
      if (await manager.existsBy(UserEntity, { networkId: network.id, email })) {
        // The caller is an organizer of this network: they may know who its members are.
        throw new ConflictException({
          message: 'This address already has an account in this network.',
          details: [{ path: 'email', issue: 'already has an account in this network' }],
        });
      }
      const role = command.role ?? null;
      const token = await this.tokens.issue(manager, {
        purpose: 'invitation',
        networkId: network.id,
        email,
        role,
        createdBy: caller.userId,
        validForMs,
      });
      await this.mailer.enqueue(manager, network.id, email, invitationMail(this.mailer.context(network), token, this.config.invitationTtlHours, role));
      return { networkId: network.id, email, role, expiresAt: new Date(Date.now() + validForMs) };
    });
  }
}
