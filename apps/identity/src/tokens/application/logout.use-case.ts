import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { refreshTokenHash } from '../domain/refresh-token';

/**
 * Ends the login the refresh token belongs to: every token of its family is
 * revoked. Idempotent, and silent about unknown tokens (nothing to learn).
 * Access tokens already issued stay valid until they expire (at most
 * ACCESS_TOKEN_TTL_SECONDS): verification is offline by design.
 */
@Injectable()
export class LogoutUseCase {
  constructor(private readonly dataSource: DataSource) {}

  async execute(refreshToken: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE refresh_tokens SET revoked_at = now()
        WHERE revoked_at IS NULL
          AND family_id = (SELECT family_id FROM refresh_tokens WHERE token_hash = $1)`,
      [refreshTokenHash(refreshToken)],
    );
  }
}
