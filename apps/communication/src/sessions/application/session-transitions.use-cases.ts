import { Injectable } from '@nestjs/common';
import { sessionCancelled, sessionCompleted, sessionNoShow, sessionRescheduled, sessionScheduled } from '@passerelle/contracts';
import type { AuthUser } from '@passerelle/platform/auth';
import { OutboxWriter } from '@passerelle/platform/outbox';
import { DataSource, type EntityManager } from 'typeorm';
import { type AbsentRole, cancel, complete, confirm, recordNoShow, reschedule } from '../domain/session';
import { SessionEntity } from '../infrastructure/session.entity';
import { assertNoOverlap, loadOwnSession, type OpenPair, refused } from './session-access';
import { SessionMails } from './session-mails';
import { type SessionView, toSessionView } from './session-view';

/** The fields every session event repeats. */
function eventBase(session: SessionEntity, pair: OpenPair) {
  return {
    sessionId: session.id,
    networkId: pair.networkId,
    programId: pair.programId,
    matchId: pair.matchId,
    mentorId: pair.mentorId,
    menteeId: pair.menteeId,
    startsAt: session.startsAt.toISOString(),
  };
}

/** Loads the caller's session for a change, applies it and saves it, in one transaction. */
async function change(
  dataSource: DataSource,
  caller: AuthUser,
  id: string,
  apply: (manager: EntityManager, session: SessionEntity, pair: OpenPair, now: Date) => Promise<void>,
): Promise<SessionView> {
  return dataSource.transaction(async (manager) => {
    const { session, pair } = await loadOwnSession(manager, caller, id, { forChange: true });
    const now = new Date();
    await apply(manager, session, pair!, now);
    session.updatedAt = now;
    await manager.save(SessionEntity, session);
    return toSessionView(session, caller.userId);
  });
}

/**
 * The other participant confirms the proposed time: both get the invitation,
 * and the first confirmation publishes `session.scheduled` (a later one, after
 * a move, was announced by `session.rescheduled` already).
 */
@Injectable()
export class ConfirmSessionUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
    private readonly mails: SessionMails,
  ) {}

  async execute(caller: AuthUser, id: string): Promise<SessionView> {
    return change(this.dataSource, caller, id, async (manager, session, pair, now) => {
      const outcome = confirm(session, caller.userId);
      if (!outcome.ok) throw refused(outcome);
      await assertNoOverlap(manager, [pair.mentorId, pair.menteeId], session, session.id);
      session.status = 'confirmed';
      session.remindedAt = null;
      if (outcome.firstTime) {
        session.scheduledAt = now;
        await this.outbox.append(manager, sessionScheduled, {
          ...eventBase(session, pair),
          plannedDurationMinutes: session.durationMinutes,
          mode: session.mode,
          scheduledBy: session.proposedBy,
          scheduledAt: now.toISOString(),
        });
      }
      await this.mails.enqueue(manager, session, pair, 'confirmed');
    });
  }
}

/**
 * Either participant moves a session; it goes back to proposed for the other
 * to confirm, with the same UID and the next SEQUENCE. A session already
 * scheduled announces the move at once (updated invitation, `session.rescheduled`).
 */
@Injectable()
export class RescheduleSessionUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
    private readonly mails: SessionMails,
  ) {}

  async execute(caller: AuthUser, id: string, input: { startsAt: Date; durationMinutes?: number }): Promise<SessionView> {
    return change(this.dataSource, caller, id, async (manager, session, pair, now) => {
      const slot = { startsAt: input.startsAt, durationMinutes: input.durationMinutes ?? session.durationMinutes };
      const outcome = reschedule(session, caller.userId, slot, now);
      if (!outcome.ok) throw refused(outcome);
      await assertNoOverlap(manager, [pair.mentorId, pair.menteeId], slot, session.id);
      const previousStartsAt = session.startsAt;
      Object.assign(session, { status: outcome.status, proposedBy: outcome.proposedBy, sequence: outcome.sequence, ...slot });
      if (!outcome.announce) return;
      await this.outbox.append(manager, sessionRescheduled, {
        ...eventBase(session, pair),
        previousStartsAt: previousStartsAt.toISOString(),
        plannedDurationMinutes: session.durationMinutes,
        mode: session.mode,
        rescheduledBy: caller.userId,
        rescheduledAt: now.toISOString(),
      });
      await this.mails.enqueue(manager, session, pair, 'rescheduled');
    });
  }
}

/** Either participant calls the session off, with a reason; a scheduled one is withdrawn from both calendars (METHOD:CANCEL). */
@Injectable()
export class CancelSessionUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
    private readonly mails: SessionMails,
  ) {}

  async execute(caller: AuthUser, id: string, reason: string): Promise<SessionView> {
    return change(this.dataSource, caller, id, async (manager, session, pair, now) => {
      const outcome = cancel(session);
      if (!outcome.ok) throw refused(outcome);
      Object.assign(session, { status: outcome.status, sequence: outcome.sequence, cancelledBy: caller.userId, cancelReason: reason, closedAt: now });
      if (!outcome.announce) return;
      await this.outbox.append(manager, sessionCancelled, {
        ...eventBase(session, pair),
        cancelledBy: caller.userId,
        reason: 'participant_request',
        cancelledAt: now.toISOString(),
      });
      await this.mails.enqueue(manager, session, pair, 'cancelled');
    });
  }
}

/** Either participant records that the session took place, and how long it lasted. */
@Injectable()
export class CompleteSessionUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
  ) {}

  async execute(caller: AuthUser, id: string, actualDurationMinutes: number): Promise<SessionView> {
    return change(this.dataSource, caller, id, async (manager, session, pair, now) => {
      const outcome = complete(session, actualDurationMinutes, now);
      if (!outcome.ok) throw refused(outcome);
      Object.assign(session, { status: outcome.status, actualDurationMinutes, closedAt: now });
      await this.outbox.append(manager, sessionCompleted, {
        ...eventBase(session, pair),
        actualDurationMinutes,
        mode: session.mode,
        completedAt: now.toISOString(),
      });
    });
  }
}

/** Either participant records who did not turn up. */
@Injectable()
export class RecordNoShowUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
  ) {}

  async execute(caller: AuthUser, id: string, absent: AbsentRole): Promise<SessionView> {
    return change(this.dataSource, caller, id, async (manager, session, pair, now) => {
      const outcome = recordNoShow(session, now);
      if (!outcome.ok) throw refused(outcome);
      Object.assign(session, { status: outcome.status, absentRole: absent, closedAt: now });
      await this.outbox.append(manager, sessionNoShow, {
        ...eventBase(session, pair),
        absentRole: absent,
        recordedBy: caller.userId,
        recordedAt: now.toISOString(),
      });
    });
  }
}
