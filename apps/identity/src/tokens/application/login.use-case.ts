import { Injectable, UnauthorizedException } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { PasswordHasher } from '../../accounts/infrastructure/password-hasher';
import { UserEntity } from '../../accounts/infrastructure/user.entity';
import { NetworkEntity } from '../../networks/infrastructure/network.entity';
import { AttemptThrottleStore } from '../infrastructure/attempt-throttle.store';
import { accountThrottleKey, LOGIN_THROTTLE } from '../domain/attempt-throttle';
import { TokenIssuer } from './token.issuer';

export interface LoginCommand {
  /** The network's slug: people know their network by name, not by id. */
  readonly network: string;
  readonly email: string;
  readonly password: string;
  readonly clientAddress: string;
}

export interface SessionTokens {
  readonly accessToken: string;
  readonly expiresIn: number;
  readonly refreshToken: string;
  /** When the refresh token stops being accepted: a browser's cookie lives as long. */
  readonly refreshTokenExpiresAt: Date;
}

export function invalidCredentials(): UnauthorizedException {
  return new UnauthorizedException({ message: 'Invalid credentials.', details: [] });
}

/**
 * Password login. The answer is the same 401 whether the network, the
 * address or the password is wrong, or the account cannot log in, and takes
 * as long, so it reveals nothing about who has an account.
 */
@Injectable()
export class LoginUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly passwords: PasswordHasher,
    private readonly throttle: AttemptThrottleStore,
    private readonly tokens: TokenIssuer,
  ) {}

  async execute(command: LoginCommand): Promise<SessionTokens> {
    const email = command.email.trim().toLowerCase();
    const accountKey = accountThrottleKey(command.network, email);
    const attemptId = await this.throttle.begin(LOGIN_THROTTLE, accountKey, command.clientAddress);

    const user = await this.dataSource
      .getRepository(UserEntity)
      .createQueryBuilder('user')
      .innerJoin(NetworkEntity, 'network', 'network.id = user.networkId')
      .where('network.slug = :slug AND user.email = :email', { slug: command.network, email })
      .getOne();
    const accepted =
      user && user.status === 'active' && user.passwordHash
        ? await this.passwords.verify(user.passwordHash, command.password)
        : await this.passwords.verifyNothing(command.password);
    if (!user || !accepted) throw invalidCredentials();

    await this.throttle.succeeded(LOGIN_THROTTLE, attemptId, accountKey);
    const access = await this.tokens.accessToken({ userId: user.id, networkId: user.networkId, roles: user.roles, kind: 'user' }, user.tokenEpoch);
    const refresh = await this.dataSource.transaction((manager) =>
      this.tokens.refreshToken(manager, { userId: user.id, networkId: user.networkId }, { familyId: uuidv7(), familyStartedAt: new Date() }),
    );
    return { ...access, refreshToken: refresh.token, refreshTokenExpiresAt: refresh.expiresAt };
  }
}
