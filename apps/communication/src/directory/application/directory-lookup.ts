import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager, In } from 'typeorm';
import { DirectoryEntryEntity } from '../infrastructure/directory-entry.entity';

/** Whom a notification reaches: only someone known and not erased. */
export interface Recipient {
  readonly userId: string;
  readonly networkId: string;
  readonly email: string | null;
  readonly displayName: string | null;
  readonly locale: string | null;
}

/** What other contexts of communication read from the directory (names, erasures, recipients). */
@Injectable()
export class DirectoryLookup {
  constructor(private readonly dataSource: DataSource) {}

  /** The ids among `userIds` that belong to erased accounts. */
  async erasedAmong(manager: EntityManager, userIds: readonly string[]): Promise<Set<string>> {
    if (userIds.length === 0) return new Set();
    const rows = await manager.findBy(DirectoryEntryEntity, { userId: In([...userIds]), status: 'erased' });
    return new Set(rows.map((row) => row.userId));
  }

  /** Display names of people still there, by user id (unknown or erased people are absent). */
  async displayNames(userIds: readonly string[]): Promise<Map<string, string>> {
    const ids = [...new Set(userIds)];
    if (ids.length === 0) return new Map();
    const rows = await this.dataSource.getRepository(DirectoryEntryEntity).findBy({ userId: In(ids), status: 'active' });
    return new Map(rows.flatMap((row) => (row.displayName ? [[row.userId, row.displayName] as const] : [])));
  }

  /** The organizers of a network still there (they are told of pairs at risk). */
  async organizersOf(networkId: string, manager: EntityManager = this.dataSource.manager): Promise<string[]> {
    const rows: Array<{ user_id: string }> = await manager.query(
      `SELECT user_id FROM directory_entries WHERE network_id = $1 AND status = 'active' AND 'organizer' = ANY (roles) ORDER BY user_id`,
      [networkId],
    );
    return rows.map((row) => row.user_id);
  }

  /** A recipient to write to, or null for an unknown or erased person. */
  async recipient(userId: string, manager: EntityManager = this.dataSource.manager): Promise<Recipient | null> {
    const row = await manager.findOneBy(DirectoryEntryEntity, { userId, status: 'active' });
    if (!row) return null;
    return { userId: row.userId, networkId: row.networkId, email: row.email, displayName: row.displayName, locale: row.locale };
  }
}
