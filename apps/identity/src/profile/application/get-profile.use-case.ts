import { ForbiddenException, Injectable } from '@nestjs/common';
import type { AuthUser } from '@passerelle/platform/auth';
import { DataSource } from 'typeorm';
import { canManageNetwork } from '@passerelle/platform/auth';
import { ProfileEntity } from '../infrastructure/profile.entity';
import { type ProfileView, profileView } from './profile-view';
import { findSelf, findVisibleUser } from './visible-user';

export interface GetProfileCommand {
  readonly caller: AuthUser;
  /** Absent: the caller's own profile. */
  readonly userId?: string;
}

/**
 * A profile: one's own, or, for an organizer (or the platform admin), any
 * member of the network. Another network's user is a 404; a plain member
 * asking for someone else is a 403, as for role grants.
 */
@Injectable()
export class GetProfileUseCase {
  constructor(private readonly dataSource: DataSource) {}

  async execute(command: GetProfileCommand): Promise<ProfileView & { readonly roles: string[] }> {
    const { caller, userId } = command;
    const manager = this.dataSource.manager;
    const self = userId === undefined || (caller.kind === 'user' && caller.userId === userId);
    const user = userId === undefined ? await findSelf(manager, caller) : await findVisibleUser(manager, caller, userId);
    if (!self && !canManageNetwork(caller, user.networkId)) {
      throw new ForbiddenException({
        message: "Only an organizer of this network may read another member's profile.",
        details: [{ path: 'authorization', issue: 'requires the role organizer' }],
      });
    }
    const profile = await manager.findOneBy(ProfileEntity, { userId: user.id });
    return { ...profileView(user, profile), roles: [...user.roles] };
  }
}
