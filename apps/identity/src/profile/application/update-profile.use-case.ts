import { Injectable } from '@nestjs/common';
import { userProfileUpdated } from '@passerelle/contracts';
import type { AuthUser } from '@passerelle/platform/auth';
import { OutboxWriter } from '@passerelle/platform/outbox';
import { DataSource } from 'typeorm';
import { UserEntity } from '../../accounts/infrastructure/user.entity';
import type { ProfileLocale } from '../domain/profile-rules';
import { ProfileEntity } from '../infrastructure/profile.entity';
import { type ProfileView, profileView } from './profile-view';
import { findSelf } from './visible-user';

/** Already validated at the edge; absent fields are left as they are, null clears an optional one. */
export interface ProfileChanges {
  readonly displayName?: string;
  readonly graduationYear?: number | null;
  readonly degree?: string | null;
  readonly industry?: string | null;
  readonly employer?: string | null;
  readonly city?: string | null;
  readonly country?: string | null;
  readonly timeZone?: string | null;
  readonly languages?: string[] | null;
  readonly bio?: string | null;
  /** Chosen, never cleared: a person always reads the application in some language. */
  readonly locale?: ProfileLocale;
}

const PROFILE_FIELDS = ['graduationYear', 'degree', 'industry', 'employer', 'city', 'country', 'timeZone', 'bio', 'locale'] as const;

/**
 * `PATCH /v1/users/me`. Only the display name and the locale are announced
 * (`user.profile_updated`): the contract lists what other services copy
 * (e-mail, display name, locale; communication writes its mails in the
 * locale), and the rest of the profile is nobody else's business. The event
 * is written in the same transaction, and only when one of them actually
 * changed.
 */
@Injectable()
export class UpdateProfileUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
  ) {}

  async execute(caller: AuthUser, changes: ProfileChanges): Promise<ProfileView> {
    return this.dataSource.transaction(async (manager) => {
      const user = await findSelf(manager, caller, { lock: true });
      const profile =
        (await manager.findOneBy(ProfileEntity, { userId: user.id })) ??
        manager.create(ProfileEntity, { userId: user.id, networkId: user.networkId, languages: [] });

      const localeChanged = changes.locale !== undefined && changes.locale !== (profile.locale ?? null);
      for (const field of PROFILE_FIELDS) {
        const value = changes[field];
        if (value !== undefined) (profile as unknown as Record<string, unknown>)[field] = value;
      }
      if (changes.languages !== undefined) profile.languages = changes.languages ?? [];
      const savedProfile = await manager.save(ProfileEntity, profile);

      const nameChanged = changes.displayName !== undefined && changes.displayName !== user.displayName;
      let updatedAt = savedProfile.updatedAt;
      if (nameChanged) {
        user.displayName = changes.displayName as string;
        updatedAt = (await manager.save(UserEntity, user)).updatedAt;
      }
      if (nameChanged || localeChanged) {
        await this.outbox.append(manager, userProfileUpdated, {
          userId: user.id,
          networkId: user.networkId,
          changedFields: [...(nameChanged ? (['displayName'] as const) : []), ...(localeChanged ? (['locale'] as const) : [])],
          ...(nameChanged ? { displayName: user.displayName } : {}),
          ...(localeChanged ? { locale: changes.locale as ProfileLocale } : {}),
          updatedAt: updatedAt.toISOString(),
        });
      }
      return profileView(user, savedProfile);
    });
  }
}
