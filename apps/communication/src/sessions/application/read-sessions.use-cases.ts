import { Injectable } from '@nestjs/common';
import type { AuthUser } from '@passerelle/platform/auth';
import { DataSource } from 'typeorm';
import { SessionEntity } from '../infrastructure/session.entity';
import { loadOwnSession, sessionNotFound } from './session-access';
import { type SessionView, toSessionView } from './session-view';

const LIMIT = 200;

/** The caller's sessions, soonest first: all their pairs', or one pair's (`matchId`). */
@Injectable()
export class ListSessionsUseCase {
  constructor(private readonly dataSource: DataSource) {}

  async execute(caller: AuthUser, filter: { matchId?: string }): Promise<{ items: SessionView[] }> {
    if (caller.kind !== 'user') return { items: [] };
    const query = this.dataSource
      .getRepository(SessionEntity)
      .createQueryBuilder('s')
      .where('s.network_id = :networkId', { networkId: caller.networkId })
      .andWhere('(s.mentor_id = :userId OR s.mentee_id = :userId)', { userId: caller.userId })
      .orderBy('s.starts_at', 'ASC')
      .addOrderBy('s.id', 'ASC')
      .limit(LIMIT);
    if (filter.matchId) query.andWhere('s.match_id = :matchId', { matchId: filter.matchId });
    const sessions = await query.getMany();
    if (filter.matchId && sessions.length === 0) {
      // A pair of someone else's and a pair without sessions must not be told apart by a stranger.
      const own: Array<{ one: number }> = await this.dataSource.query(
        'SELECT 1 AS one FROM pairs WHERE match_id = $1 AND network_id = $2 AND (mentor_id = $3 OR mentee_id = $3)',
        [filter.matchId, caller.networkId, caller.userId],
      );
      if (own.length === 0) throw sessionNotFound('matchId');
    }
    return { items: sessions.map((session) => toSessionView(session, caller.userId)) };
  }
}

@Injectable()
export class GetSessionUseCase {
  constructor(private readonly dataSource: DataSource) {}

  async execute(caller: AuthUser, id: string): Promise<SessionView> {
    const { session } = await loadOwnSession(this.dataSource.manager, caller, id);
    return toSessionView(session, caller.userId);
  }
}
