import { ConflictException, Injectable } from '@nestjs/common';
import { gatheringAttended } from '@passerelle/contracts';
import type { AuthUser } from '@passerelle/platform/auth';
import { OutboxWriter } from '@passerelle/platform/outbox';
import { DataSource, In } from 'typeorm';
import { requireOrganizer } from '../../cohort/application/cohort-access';
import { attendanceClosedReason } from '../domain/gathering';
import { GatheringRegistrationEntity } from '../infrastructure/gathering-registration.entity';
import { gatheringConflict, loadGathering } from './gathering-lookup';

export interface AttendanceResult {
  /** Attendance recorded by this request, each announced once (`gathering.attended`). */
  readonly recorded: string[];
  /** Already recorded before: nothing new happened for them. */
  readonly alreadyRecorded: string[];
}

/**
 * Organizers check attendance once the gathering has started, for confirmed
 * registrants only. All or nothing: one name that is not a confirmed
 * registrant refuses the whole request, naming each such entry.
 */
@Injectable()
export class RecordAttendanceUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
  ) {}

  async execute(caller: AuthUser, gatheringId: string, userIds: readonly string[]): Promise<AttendanceResult> {
    return this.dataSource.transaction(async (manager) => {
      const { gathering, standing } = await loadGathering(manager, caller, gatheringId, true);
      requireOrganizer(standing, 'records attendance');
      const now = new Date();
      const closed = attendanceClosedReason(gathering, now);
      if (closed) throw gatheringConflict('Attendance is not open for this gathering.', closed);
      const confirmed = await manager.findBy(GatheringRegistrationEntity, { gatheringId, status: 'confirmed', userId: In([...userIds]) });
      const byUser = new Map(confirmed.map((registration) => [registration.userId, registration]));
      const strangers = userIds.flatMap((userId, index) => (byUser.has(userId) ? [] : [{ path: `userIds.${index}`, issue: 'is not a confirmed registrant' }]));
      if (strangers.length > 0) {
        throw new ConflictException({ message: 'Attendance is recorded for confirmed registrants only; nothing was recorded.', details: strangers });
      }
      const result: AttendanceResult = { recorded: [], alreadyRecorded: [] };
      for (const userId of userIds) {
        const registration = byUser.get(userId)!;
        if (registration.attendanceRecordedAt !== null) {
          result.alreadyRecorded.push(userId);
          continue;
        }
        registration.attendanceRecordedAt = now;
        registration.attendanceRecordedBy = caller.userId;
        await manager.save(registration);
        await this.outbox.append(manager, gatheringAttended, {
          gatheringId,
          registrationId: registration.id,
          networkId: gathering.networkId,
          programId: gathering.programId,
          userId,
          kind: gathering.kind,
          startsAt: gathering.startsAt.toISOString(),
          recordedAt: now.toISOString(),
        });
        result.recorded.push(userId);
      }
      return result;
    });
  }
}
