import { Injectable } from '@nestjs/common';
import { matchDeclined, matchEnded, type MatchDeclinedData, type MatchEndedData } from '@passerelle/contracts';
import { OutboxWriter } from '@passerelle/platform/outbox';
import { type EntityManager, In } from 'typeorm';
import { MatchingProgramEntity } from '../../pool/infrastructure/program.entity';
import { endsEarly } from '../domain/match-lifecycle';
import { MatchEntity } from '../infrastructure/match.entity';
import { pairOf } from './match-events';

export interface Closing {
  readonly declinedBy: MatchDeclinedData['declinedBy'];
  readonly endedBy: MatchEndedData['endedBy'];
  /** `participant_request` only ends an active match: a participant declines a proposal instead. */
  readonly reason: 'program_closed' | 'participant_withdrew' | 'participant_erased' | 'organizer_decision' | 'participant_request';
  readonly note?: string | null;
}

/**
 * Closes open matches (a participant ending theirs, a withdrawal, an erasure,
 * the programme closing, an organizer): proposals are declined, active
 * matches ended, each with its event in the same transaction.
 */
@Injectable()
export class MatchCloser {
  constructor(private readonly outbox: OutboxWriter) {}

  async closeOpen(manager: EntityManager, where: { programId?: string; enrollmentId?: string; matchId?: string }, closing: Closing, at = new Date()): Promise<MatchEntity[]> {
    const query = manager
      .createQueryBuilder(MatchEntity, 'match')
      .setLock('pessimistic_write')
      .where('match.status IN (:...open)', { open: ['proposed', 'active'] });
    if (where.programId) query.andWhere('match.program_id = :programId', { programId: where.programId });
    if (where.enrollmentId) query.andWhere('(match.mentee_enrollment_id = :enrollmentId OR match.mentor_enrollment_id = :enrollmentId)', { enrollmentId: where.enrollmentId });
    if (where.matchId) query.andWhere('match.id = :matchId', { matchId: where.matchId });
    const matches = await query.orderBy('match.id').getMany();
    if (matches.length === 0) return [];
    const programs = await manager.findBy(MatchingProgramEntity, { id: In([...new Set(matches.map((match) => match.programId))]) });
    const endsOn = new Map(programs.map((program) => [program.id, program.endsOn]));
    for (const match of matches) {
      if (match.status === 'proposed') {
        Object.assign(match, { status: 'declined', declinedBy: closing.declinedBy, declineReason: closing.reason, closedAt: at, reasonNote: closing.note ?? match.reasonNote });
        await this.outbox.append(manager, matchDeclined, {
          ...pairOf(match),
          declinedBy: closing.declinedBy,
          reason: closing.reason as MatchDeclinedData['reason'],
          declinedAt: at.toISOString(),
        });
      } else {
        Object.assign(match, { status: 'ended', endedBy: closing.endedBy, endReason: closing.reason, closedAt: at, reasonNote: closing.note ?? match.reasonNote });
        await this.outbox.append(manager, matchEnded, {
          ...pairOf(match),
          endedBy: closing.endedBy,
          reason: closing.reason,
          early: endsEarly(endsOn.get(match.programId) ?? '9999-12-31', at),
          endedAt: at.toISOString(),
        });
      }
      match.version += 1;
    }
    return manager.save(matches);
  }
}
