import { Injectable, UnauthorizedException } from '@nestjs/common';
import { DataSource, IsNull } from 'typeorm';
import { PasswordHasher } from '../../accounts/infrastructure/password-hasher';
import { ServiceAccountEntity } from '../../networks/infrastructure/service-account.entity';
import { LOGIN_THROTTLE } from '../domain/attempt-throttle';
import { AttemptThrottleStore } from '../infrastructure/attempt-throttle.store';
import { type IssuedAccessToken, TokenIssuer } from './token.issuer';

export interface ClientCredentialsCommand {
  readonly clientId: string;
  readonly clientSecret: string;
  readonly clientAddress: string;
}

/**
 * The OAuth 2.0 client-credentials grant for integrators (PRODUCT.md, Roles):
 * an access token of the service account's network with the `integrator`
 * role, and no refresh token (the integrator simply asks again). During a
 * rotation's overlap the previous secret works too; its tokens carry the
 * epoch below the account's, so the end of the overlap revokes them.
 */
@Injectable()
export class ClientCredentialsUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly passwords: PasswordHasher,
    private readonly throttle: AttemptThrottleStore,
    private readonly tokens: TokenIssuer,
  ) {}

  async execute(command: ClientCredentialsCommand): Promise<IssuedAccessToken> {
    const accountKey = `client:${command.clientId}`;
    const attemptId = await this.throttle.begin(LOGIN_THROTTLE, accountKey, command.clientAddress);
    const account = await this.dataSource
      .getRepository(ServiceAccountEntity)
      .findOneBy({ clientId: command.clientId, revokedAt: IsNull() });
    const tokenEpoch = account ? await this.epochOfSecret(account, command.clientSecret) : await this.passwords.verifyNothing(command.clientSecret);
    if (!account || typeof tokenEpoch !== 'number') {
      throw new UnauthorizedException({ message: 'Invalid client credentials.', details: [] });
    }
    await this.throttle.succeeded(LOGIN_THROTTLE, attemptId, accountKey);
    return this.tokens.accessToken({ userId: account.id, networkId: account.networkId, roles: ['integrator'], kind: 'service' }, tokenEpoch);
  }

  /** The epoch a token got with `secret` carries, or undefined when the secret is not (or no longer) the account's. */
  private async epochOfSecret(account: ServiceAccountEntity, secret: string): Promise<number | undefined> {
    if (await this.passwords.verify(account.secretHash, secret)) return account.tokenEpoch;
    const { previousSecretHash, previousSecretUntil } = account;
    if (previousSecretHash && previousSecretUntil && previousSecretUntil > new Date() && (await this.passwords.verify(previousSecretHash, secret))) {
      return account.tokenEpoch - 1;
    }
    return undefined;
  }
}
