import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

export type RegistrationPolicy = 'open' | 'invitation';

@Entity({ name: 'networks' })
export class NetworkEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('text')
  name: string;

  @Column('text')
  slug: string;

  /** E-mail domains whose owners may register on their own when the policy is `open`. */
  @Column('text', { name: 'allowed_email_domains', array: true })
  allowedEmailDomains: string[];

  @Column('text', { name: 'registration_policy' })
  registrationPolicy: RegistrationPolicy;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
