import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, PLATFORM_LOGGER } from '@passerelle/platform';
import type { Logger } from 'pino';
import { DataSource } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { PasswordHasher } from '../../accounts/infrastructure/password-hasher';
import { UserEntity } from '../../accounts/infrastructure/user.entity';
import type { IdentityConfig } from '../../config';
import { PLATFORM_NETWORK_SLUG } from '../domain/platform-network';
import { NetworkEntity } from '../infrastructure/network.entity';

/**
 * The first platform_admin, from configuration (issue 3, item 1). It lives
 * in a reserved network, `platform`, so its token has a `nid` like every
 * other and no tenant's data is scoped to it. Idempotent and safe when
 * several replicas start at once (one advisory lock); an existing admin is
 * never changed, so a password changed since is not reset by a restart.
 * Neither the platform network nor its admin is announced on Kafka: they
 * are no tenant and no member of one.
 */
@Injectable()
export class BootstrapPlatformAdminUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly passwords: PasswordHasher,
    @Inject(APP_CONFIG) private readonly config: IdentityConfig,
    @Inject(PLATFORM_LOGGER) private readonly logger: Logger,
  ) {}

  async execute(): Promise<void> {
    const email = this.config.platformAdminEmail.toLowerCase();
    const created = await this.dataSource.transaction(async (manager) => {
      await manager.query("SELECT pg_advisory_xact_lock(hashtext('identity:platform-admin-bootstrap'))");
      let network = await manager.findOneBy(NetworkEntity, { slug: PLATFORM_NETWORK_SLUG });
      network ??= await manager.save(
        manager.create(NetworkEntity, {
          id: uuidv7(),
          name: 'Passerelle platform',
          slug: PLATFORM_NETWORK_SLUG,
          allowedEmailDomains: [],
          registrationPolicy: 'invitation',
        }),
      );
      if (await manager.existsBy(UserEntity, { networkId: network.id, email })) return false;
      const now = new Date();
      await manager.insert(UserEntity, {
        id: uuidv7(),
        networkId: network.id,
        email,
        displayName: 'Platform admin',
        passwordHash: await this.passwords.hash(this.config.platformAdminPassword),
        status: 'active',
        emailVerifiedAt: now,
        roles: ['platform_admin'],
        registeredAt: now,
      });
      return true;
    });
    if (created) this.logger.info({ email }, 'platform admin created');
  }
}
