import { Injectable } from '@nestjs/common';
import type { AuthUser } from '@passerelle/platform/auth';
import { DataSource } from 'typeorm';
import { NetworkEntity } from '../../networks/infrastructure/network.entity';
import { ProfileEntity } from '../infrastructure/profile.entity';
import { type ConsentRecord, consentHistory } from './consents.use-case';
import { findSelf } from './visible-user';

export interface PersonalDataExport {
  readonly exportedAt: string;
  readonly account: {
    readonly id: string;
    readonly email: string;
    readonly displayName: string;
    readonly status: string;
    readonly roles: string[];
    readonly emailVerifiedAt: string | null;
    readonly registeredAt: string;
    readonly updatedAt: string;
  };
  readonly network: { readonly id: string; readonly name: string; readonly slug: string };
  readonly profile: Omit<ProfileEntity, 'userId' | 'networkId' | 'updatedAt'> & { readonly updatedAt: string } | null;
  readonly consents: ConsentRecord[];
  /** Logins (refresh-token families): when each started and whether it is still open. Token hashes are secrets, not personal data, and stay out. */
  readonly sessions: { readonly count: number; readonly items: { readonly startedAt: string; readonly lastRefreshedAt: string; readonly active: boolean }[] };
}

/** GDPR right of access/portability: everything identity holds about the caller, as JSON. */
@Injectable()
export class ExportMyDataUseCase {
  constructor(private readonly dataSource: DataSource) {}

  async execute(caller: AuthUser): Promise<PersonalDataExport> {
    const manager = this.dataSource.manager;
    const user = await findSelf(manager, caller);
    const network = await manager.findOneByOrFail(NetworkEntity, { id: user.networkId });
    const profile = await manager.findOneBy(ProfileEntity, { userId: user.id });
    const sessions: { started_at: Date; last_at: Date; active: boolean }[] = await manager.query(
      `SELECT min(created_at) AS started_at, max(created_at) AS last_at,
              bool_or(revoked_at IS NULL AND used_at IS NULL AND expires_at > now()) AS active
         FROM refresh_tokens WHERE user_id = $1 GROUP BY family_id ORDER BY min(created_at)`,
      [user.id],
    );
    return {
      exportedAt: new Date().toISOString(),
      account: {
        id: user.id,
        email: user.email,
        displayName: user.displayName,
        status: user.status,
        roles: [...user.roles],
        emailVerifiedAt: user.emailVerifiedAt?.toISOString() ?? null,
        registeredAt: user.registeredAt.toISOString(),
        updatedAt: user.updatedAt.toISOString(),
      },
      network: { id: network.id, name: network.name, slug: network.slug },
      profile: profile
        ? {
            graduationYear: profile.graduationYear,
            degree: profile.degree,
            industry: profile.industry,
            employer: profile.employer,
            city: profile.city,
            country: profile.country,
            timeZone: profile.timeZone,
            languages: profile.languages,
            bio: profile.bio,
            locale: profile.locale,
            updatedAt: profile.updatedAt.toISOString(),
          }
        : null,
      consents: await consentHistory(manager, user.id),
      sessions: {
        count: sessions.length,
        items: sessions.map((row) => ({
          startedAt: new Date(row.started_at).toISOString(),
          lastRefreshedAt: new Date(row.last_at).toISOString(),
          active: row.active,
        })),
      },
    };
  }
}
