import { Injectable } from '@nestjs/common';
import type { AuthUser } from '@passerelle/platform/auth';
import { randomBytes } from 'crypto';
import { DataSource } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { PasswordHasher } from '../../accounts/infrastructure/password-hasher';
import { NetworkEntity } from '../infrastructure/network.entity';
import { ServiceAccountEntity } from '../infrastructure/service-account.entity';
import { networkNotFound } from './get-network.use-case';
import { assertManagesServiceAccounts } from './managed-service-account';

export interface CreatedServiceAccount {
  readonly id: string;
  readonly clientId: string;
  /** Shown this once; only its Argon2id hash is kept. */
  readonly clientSecret: string;
}

/** An organizer (or the platform admin) gives an integrator of the network its credentials. */
@Injectable()
export class CreateServiceAccountUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly passwords: PasswordHasher,
  ) {}

  async execute(caller: AuthUser, networkId: string, name: string): Promise<CreatedServiceAccount> {
    assertManagesServiceAccounts(caller, networkId);
    if (!(await this.dataSource.getRepository(NetworkEntity).existsBy({ id: networkId }))) throw networkNotFound();
    const clientId = `psl_${randomBytes(16).toString('base64url')}`;
    const clientSecret = randomBytes(32).toString('base64url');
    const account = await this.dataSource.getRepository(ServiceAccountEntity).save({
      id: uuidv7(),
      networkId,
      name: name.trim(),
      clientId,
      secretHash: await this.passwords.hash(clientSecret),
      createdBy: caller.userId,
      createdAt: new Date(),
      revokedAt: null,
      revokedBy: null,
      previousSecretHash: null,
      previousSecretUntil: null,
      rotatedAt: null,
    });
    return { id: account.id, clientId, clientSecret };
  }
}
