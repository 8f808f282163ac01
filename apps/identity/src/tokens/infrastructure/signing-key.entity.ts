import type { JWK } from 'jose';
import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'signing_keys' })
export class SigningKeyEntity {
  @PrimaryColumn('text')
  kid: string;

  @Column('jsonb', { name: 'public_jwk' })
  publicJwk: JWK;

  /** The private JWK, encrypted with PrivateKeyCipher; never stored in the clear. */
  @Column('text', { name: 'private_jwk_encrypted' })
  privateJwkEncrypted: string;

  @Column('timestamptz', { name: 'created_at' })
  createdAt: Date;
}
