import { BadRequestException, ConflictException, NotFoundException } from '@nestjs/common';
import type { AuthUser } from '@passerelle/platform/auth';
import type { EntityManager } from 'typeorm';
import { PairEntity } from '../../pairs/infrastructure/pair.entity';
import { endOf, type Refusal } from '../domain/session';
import { SessionEntity } from '../infrastructure/session.entity';

export type ParticipantRole = 'mentor' | 'mentee';

/** An open pair's ids, both participants still there. */
export interface OpenPair {
  readonly matchId: string;
  readonly networkId: string;
  readonly programId: string;
  readonly mentorId: string;
  readonly menteeId: string;
}

/** Only the pair's two participants see or act on its sessions; everyone else gets the 404 of an unknown id. */
export function sessionNotFound(path = 'id'): NotFoundException {
  return new NotFoundException({
    message: path === 'matchId' ? 'No such pair.' : 'No such session.',
    details: [{ path, issue: path === 'matchId' ? 'does not name an open pair of yours' : 'does not name a session of yours' }],
  });
}

export function refused(refusal: Refusal): BadRequestException | ConflictException {
  const body = { message: refusal.kind === 'invalid' ? 'The request is invalid.' : 'The session cannot change that way.', details: [{ path: refusal.path, issue: refusal.issue }] };
  return refusal.kind === 'invalid' ? new BadRequestException(body) : new ConflictException(body);
}

function roleOf(ids: { mentorId: string | null; menteeId: string | null }, caller: AuthUser): ParticipantRole | null {
  if (caller.kind !== 'user') return null;
  if (ids.mentorId === caller.userId) return 'mentor';
  if (ids.menteeId === caller.userId) return 'mentee';
  return null;
}

/** The caller's active pair of `matchId` (an ended pair, or one whose participant left, books nothing). */
export async function loadOwnOpenPair(manager: EntityManager, caller: AuthUser, matchId: string): Promise<{ pair: OpenPair; role: ParticipantRole }> {
  const pair = await manager.findOneBy(PairEntity, { matchId, networkId: caller.networkId });
  const role = pair ? roleOf(pair, caller) : null;
  if (!pair || !role || pair.status !== 'active' || !pair.mentorId || !pair.menteeId) throw sessionNotFound('matchId');
  return { pair: { matchId: pair.matchId, networkId: pair.networkId, programId: pair.programId, mentorId: pair.mentorId, menteeId: pair.menteeId }, role };
}

/** A session of the caller's, optionally locked for a change (which also needs the pair still open). */
export async function loadOwnSession(
  manager: EntityManager,
  caller: AuthUser,
  id: string,
  options: { forChange?: boolean } = {},
): Promise<{ session: SessionEntity; role: ParticipantRole; pair?: OpenPair }> {
  const session = await manager.findOne(SessionEntity, {
    where: { id, networkId: caller.networkId },
    ...(options.forChange ? { lock: { mode: 'pessimistic_write' as const } } : {}),
  });
  const role = session ? roleOf(session, caller) : null;
  if (!session || !role) throw sessionNotFound();
  if (!options.forChange) return { session, role };
  const pair = await manager.findOneBy(PairEntity, { matchId: session.matchId });
  if (!pair || pair.status !== 'active' || !session.mentorId || !session.menteeId) throw sessionNotFound();
  return { session, role, pair: { matchId: session.matchId, networkId: session.networkId, programId: session.programId, mentorId: session.mentorId, menteeId: session.menteeId } };
}

/**
 * Refuses a slot overlapping a confirmed session of either participant (in
 * any of their pairs). Transaction-scoped advisory locks on both people, in
 * a fixed order, make two concurrent bookings wait for each other.
 */
export async function assertNoOverlap(
  manager: EntityManager,
  participants: readonly string[],
  slot: { startsAt: Date; durationMinutes: number },
  exceptSessionId: string | null,
): Promise<void> {
  for (const userId of [...participants].sort()) {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended('session:' || $1, 0))`, [userId]);
  }
  const rows: Array<{ id: string }> = await manager.query(
    `SELECT id FROM sessions
      WHERE status = 'confirmed'
        AND (mentor_id = ANY($1::uuid[]) OR mentee_id = ANY($1::uuid[]))
        AND ($4::uuid IS NULL OR id <> $4::uuid)
        AND starts_at < $3 AND starts_at + duration_minutes * interval '1 minute' > $2
      LIMIT 1`,
    [participants, slot.startsAt, endOf(slot), exceptSessionId],
  );
  if (rows.length > 0) {
    throw new ConflictException({
      message: 'A participant already has a confirmed session at that time.',
      details: [{ path: 'startsAt', issue: 'overlaps a confirmed session of one of the participants' }],
    });
  }
}
