import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { ProfileLocale } from '../domain/profile-rules';

/** The optional profile of a user; the display name stays on `users`, where registration writes it. */
@Entity({ name: 'profiles' })
export class ProfileEntity {
  @PrimaryColumn('uuid', { name: 'user_id' })
  userId: string;

  @Column('uuid', { name: 'network_id' })
  networkId: string;

  @Column('int', { name: 'graduation_year', nullable: true })
  graduationYear: number | null;

  @Column('text', { nullable: true })
  degree: string | null;

  @Column('text', { nullable: true })
  industry: string | null;

  @Column('text', { nullable: true })
  employer: string | null;

  @Column('text', { nullable: true })
  city: string | null;

  /** ISO 3166-1 alpha-2. */
  @Column('text', { nullable: true })
  country: string | null;

  /** IANA time zone name. */
  @Column('text', { name: 'time_zone', nullable: true })
  timeZone: string | null;

  /** ISO 639-1 codes. */
  @Column('text', { array: true, default: () => "'{}'" })
  languages: string[];

  @Column('text', { nullable: true })
  bio: string | null;

  /** The language the person reads the application and its mails in; null until they choose. */
  @Column('text', { nullable: true })
  locale: ProfileLocale | null;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
