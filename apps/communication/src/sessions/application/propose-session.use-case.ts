import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG } from '@passerelle/platform';
import type { AuthUser } from '@passerelle/platform/auth';
import { randomBytes, randomUUID } from 'crypto';
import { DataSource } from 'typeorm';
import type { CommunicationConfig } from '../../config';
import { meetingLink } from '../domain/meeting-link';
import { checkSlot, type SessionMode } from '../domain/session';
import { SessionEntity } from '../infrastructure/session.entity';
import { assertNoOverlap, loadOwnOpenPair, refused } from './session-access';
import { type SessionView, toSessionView } from './session-view';

export interface ProposeSessionInput {
  readonly matchId: string;
  readonly startsAt: Date;
  readonly durationMinutes: number;
  readonly mode: SessionMode;
  readonly timeZone: string;
  readonly agenda?: string;
  readonly location?: string;
}

/**
 * Either participant proposes a session; nothing is announced until the other
 * confirms it. A video session gets its meeting link now, so both see it
 * while deciding.
 */
@Injectable()
export class ProposeSessionUseCase {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: CommunicationConfig,
  ) {}

  async execute(caller: AuthUser, input: ProposeSessionInput): Promise<SessionView> {
    const now = new Date();
    const slot = checkSlot(input.startsAt, input.durationMinutes, now);
    if (!slot.ok) throw refused(slot);
    return this.dataSource.transaction(async (manager) => {
      const { pair } = await loadOwnOpenPair(manager, caller, input.matchId);
      await assertNoOverlap(manager, [pair.mentorId, pair.menteeId], input, null);
      const session = manager.create(SessionEntity, {
        id: randomUUID(),
        networkId: pair.networkId,
        programId: pair.programId,
        matchId: pair.matchId,
        mentorId: pair.mentorId,
        menteeId: pair.menteeId,
        status: 'proposed',
        startsAt: input.startsAt,
        durationMinutes: input.durationMinutes,
        mode: input.mode,
        timeZone: input.timeZone,
        agenda: input.agenda?.trim() || null,
        location: input.mode === 'in_person' ? input.location?.trim() || null : null,
        meetingUrl: input.mode === 'video' ? meetingLink(this.config.sessionVideoUrlTemplate, randomBytes(16)) : null,
        createdBy: caller.userId,
        proposedBy: caller.userId,
        sequence: 0,
        createdAt: now,
        scheduledAt: null,
        cancelledBy: null,
        cancelReason: null,
        actualDurationMinutes: null,
        absentRole: null,
        closedAt: null,
        remindedAt: null,
        updatedAt: now,
      });
      await manager.insert(SessionEntity, session);
      return toSessionView(session, caller.userId);
    });
  }
}
