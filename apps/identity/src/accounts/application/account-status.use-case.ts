import { ConflictException, Injectable } from '@nestjs/common';
import type { AuthUser } from '@passerelle/platform/auth';
import { DataSource } from 'typeorm';
import { RefreshTokenRevoker } from '../../tokens/infrastructure/refresh-token.revoker';
import type { UserEntity } from '../infrastructure/user.entity';
import { findManagedUser } from './managed-user';

export interface AccountStatusCommand {
  readonly caller: AuthUser;
  readonly userId: string;
}

/**
 * An organizer of the network (or the platform admin) disables an account
 * and enables it again. A disabled account cannot log in or refresh, and
 * its sessions and access tokens end on every service within seconds; once
 * enabled, its owner logs in again with the same password. Only an active
 * account is disabled (one waiting for verification has no access to end),
 * never the caller's own (a platform admin would lock everyone out), and
 * doing either twice changes nothing the second time.
 */
@Injectable()
export class AccountStatusUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly revoker: RefreshTokenRevoker,
  ) {}

  disable(command: AccountStatusCommand): Promise<UserEntity> {
    return this.dataSource.transaction(async (manager) => {
      const user = await findManagedUser(manager, command.caller, command.userId, 'disable accounts');
      if (user.status === 'disabled') return user;
      if (user.status !== 'active') throw notActivated();
      if (user.id === command.caller.userId) {
        throw new ConflictException({ message: 'You cannot disable your own account.', details: [{ path: 'id', issue: 'names your own account' }] });
      }
      user.status = 'disabled';
      const saved = await manager.save(user);
      await this.revoker.revokeAll(manager, user.id, 'disabled');
      return saved;
    });
  }

  enable(command: AccountStatusCommand): Promise<UserEntity> {
    return this.dataSource.transaction(async (manager) => {
      const user = await findManagedUser(manager, command.caller, command.userId, 'enable accounts');
      if (user.status === 'active') return user;
      if (user.status !== 'disabled') throw notActivated();
      user.status = 'active';
      return manager.save(user);
    });
  }
}

function notActivated(): ConflictException {
  return new ConflictException({
    message: 'This account has not been activated yet.',
    details: [{ path: 'id', issue: 'names an account waiting for its e-mail to be verified' }],
  });
}
