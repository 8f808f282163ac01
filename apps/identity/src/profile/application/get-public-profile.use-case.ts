import { ForbiddenException, Injectable } from '@nestjs/common';
import { type AuthUser, canManageNetwork } from '@passerelle/platform/auth';
import { DataSource } from 'typeorm';
import { opensProfile, type PartnershipState } from '../domain/match-partnership';
import { ProfileEntity } from '../infrastructure/profile.entity';
import { profileView } from './profile-view';
import { findVisibleUser } from './visible-user';

export interface PublicProfileView {
  readonly id: string;
  readonly displayName: string;
  readonly graduationYear: number | null;
  readonly degree: string | null;
  readonly industry: string | null;
  readonly employer: string | null;
  readonly city: string | null;
  readonly country: string | null;
  readonly languages: string[];
  readonly bio: string | null;
}

/**
 * A member's public profile (no e-mail, no time zone): for the other side of
 * a match they were proposed or matched in, and for the network's
 * organizers. Anyone else of the network gets a 403, another network's
 * caller a 404, as for the full profile.
 */
@Injectable()
export class GetPublicProfileUseCase {
  constructor(private readonly dataSource: DataSource) {}

  async execute(caller: AuthUser, userId: string): Promise<PublicProfileView> {
    const manager = this.dataSource.manager;
    const user = await findVisibleUser(manager, caller, userId);
    const self = caller.kind === 'user' && caller.userId === user.id;
    if (!self && !canManageNetwork(caller, user.networkId) && !(await this.arePartners(caller, user.id, user.networkId))) {
      throw new ForbiddenException({
        message: 'Only the other side of a match, or an organizer, reads this profile.',
        details: [{ path: 'id', issue: 'is not someone you were proposed or matched with' }],
      });
    }
    const full = profileView(user, await manager.findOneBy(ProfileEntity, { userId: user.id }));
    return {
      id: full.id,
      displayName: full.displayName,
      graduationYear: full.graduationYear,
      degree: full.degree,
      industry: full.industry,
      employer: full.employer,
      city: full.city,
      country: full.country,
      languages: full.languages,
      bio: full.bio,
    };
  }

  private async arePartners(caller: AuthUser, userId: string, networkId: string): Promise<boolean> {
    if (caller.kind !== 'user') return false;
    const rows = (await this.dataSource.query(
      `SELECT state FROM match_partners
        WHERE network_id = $1 AND ((mentor_id = $2 AND mentee_id = $3) OR (mentor_id = $3 AND mentee_id = $2))`,
      [networkId, caller.userId, userId],
    )) as Array<{ state: PartnershipState }>;
    return rows.some((row) => opensProfile(row.state));
  }
}
