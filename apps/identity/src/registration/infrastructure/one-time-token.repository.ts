import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { generateToken, hashToken, isWellFormedToken, type TokenPurpose } from '../domain/one-time-token';
import { OneTimeTokenEntity } from './one-time-token.entity';

export interface IssueTokenCommand {
  readonly purpose: TokenPurpose;
  readonly networkId: string;
  readonly validForMs: number;
  readonly userId?: string;
  readonly email?: string;
  readonly role?: string | null;
  readonly createdBy?: string;
  /** Verification links: the registration the link confirms. */
  readonly displayName?: string;
  readonly passwordHash?: string;
}

/** Issues and spends one-time tokens inside the caller's transaction. */
@Injectable()
export class OneTimeTokenRepository {
  /**
   * Stores the hash of a fresh token and returns the token, to be mailed.
   * Earlier unspent tokens of the same purpose for the same user (or the
   * same address in the network) are withdrawn: only the latest link works.
   */
  async issue(manager: EntityManager, command: IssueTokenCommand): Promise<string> {
    if (command.userId) {
      await manager.query(
        'DELETE FROM one_time_tokens WHERE user_id = $1 AND purpose = $2 AND used_at IS NULL',
        [command.userId, command.purpose],
      );
    }
    if (command.email) await this.withdraw(manager, command.purpose, command.networkId, command.email);
    const token = generateToken();
    const now = new Date();
    await manager.insert(OneTimeTokenEntity, {
      id: uuidv7(),
      purpose: command.purpose,
      tokenHash: hashToken(token),
      networkId: command.networkId,
      userId: command.userId ?? null,
      email: command.email ?? null,
      role: command.role ?? null,
      createdBy: command.createdBy ?? null,
      displayName: command.displayName ?? null,
      passwordHash: command.passwordHash ?? null,
      createdAt: now,
      expiresAt: new Date(now.getTime() + command.validForMs),
      usedAt: null,
    });
    return token;
  }

  /** Withdraws the unspent tokens of `purpose` addressed to `email` in the network. */
  async withdraw(manager: EntityManager, purpose: TokenPurpose, networkId: string, email: string): Promise<void> {
    await manager.query('DELETE FROM one_time_tokens WHERE purpose = $1 AND network_id = $2 AND email = $3 AND used_at IS NULL', [
      purpose,
      networkId,
      email,
    ]);
  }

  /** The token if it is live (known, of this purpose, unexpired, unused), without spending it. */
  async findLive(manager: EntityManager, purpose: TokenPurpose, token: string): Promise<OneTimeTokenEntity | null> {
    if (!isWellFormedToken(token)) return null;
    return manager
      .createQueryBuilder(OneTimeTokenEntity, 'token')
      .where('token.token_hash = :hash AND token.purpose = :purpose AND token.used_at IS NULL AND token.expires_at > now()', {
        hash: hashToken(token),
        purpose,
      })
      .getOne();
  }

  /**
   * Marks the token used and returns it, or returns null when it is unknown,
   * of another purpose, expired or already used. One UPDATE, so two
   * concurrent requests cannot both spend it.
   */
  async spend(manager: EntityManager, purpose: TokenPurpose, token: string): Promise<OneTimeTokenEntity | null> {
    if (!isWellFormedToken(token)) return null;
    const [rows] = (await manager.query(
      `UPDATE one_time_tokens SET used_at = now()
        WHERE token_hash = $1 AND purpose = $2 AND used_at IS NULL AND expires_at > now()
        RETURNING id`,
      [hashToken(token), purpose],
    )) as [{ id: string }[], number];
    if (rows.length === 0) return null;
    return manager.findOneByOrFail(OneTimeTokenEntity, { id: rows[0].id });
  }
}
