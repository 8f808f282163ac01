import type { UserEntity } from '../../accounts/infrastructure/user.entity';
import type { ProfileLocale } from '../domain/profile-rules';
import type { ProfileEntity } from '../infrastructure/profile.entity';

export interface ProfileView {
  readonly id: string;
  readonly networkId: string;
  readonly email: string;
  readonly displayName: string;
  readonly graduationYear: number | null;
  readonly degree: string | null;
  readonly industry: string | null;
  readonly employer: string | null;
  readonly city: string | null;
  readonly country: string | null;
  readonly timeZone: string | null;
  readonly languages: string[];
  readonly bio: string | null;
  readonly locale: ProfileLocale | null;
}

/** Account basics and profile in one view; a user who never filled a profile gets nulls. */
export function profileView(user: UserEntity, profile: ProfileEntity | null): ProfileView {
  return {
    id: user.id,
    networkId: user.networkId,
    email: user.email,
    displayName: user.displayName,
    graduationYear: profile?.graduationYear ?? null,
    degree: profile?.degree ?? null,
    industry: profile?.industry ?? null,
    employer: profile?.employer ?? null,
    city: profile?.city ?? null,
    country: profile?.country ?? null,
    timeZone: profile?.timeZone ?? null,
    languages: profile?.languages ?? [],
    bio: profile?.bio ?? null,
    locale: profile?.locale ?? null,
  };
}
