import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

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

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
