import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { refreshTokenHash } from '../domain/refresh-token';
import { RefreshTokenRevoker } from '../infrastructure/refresh-token.revoker';

/**
 * Ends the login the refresh token belongs to: every token of its family is
 * revoked, and the person's access tokens are refused on every service
 * within seconds. Access tokens carry no link to their login, so those of
 * the person's other logins end too; those logins refresh and carry on.
 * Idempotent, and silent about unknown tokens (nothing to learn): a second
 * logout of the same login revokes nothing more.
 */
@Injectable()
export class LogoutUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly revoker: RefreshTokenRevoker,
  ) {}

  async execute(refreshToken: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const [ended]: [Array<{ user_id: string }>, number] = await manager.query(
        `UPDATE refresh_tokens SET revoked_at = now()
          WHERE revoked_at IS NULL
            AND family_id = (SELECT family_id FROM refresh_tokens WHERE token_hash = $1)
          RETURNING user_id`,
        [refreshTokenHash(refreshToken)],
      );
      if (ended.length > 0) await this.revoker.revokeAccess(manager, 'user', ended[0].user_id, 'logout');
    });
  }
}
