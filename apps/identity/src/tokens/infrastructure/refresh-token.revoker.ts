import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/**
 * Ends every session of a user: after a password reset or change, a refresh
 * token obtained with the old password must stop working. Runs in the
 * caller's transaction, with the new password hash.
 */
@Injectable()
export class RefreshTokenRevoker {
  async revokeAll(manager: EntityManager, userId: string): Promise<void> {
    await manager.query('UPDATE refresh_tokens SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL', [userId]);
  }
}
