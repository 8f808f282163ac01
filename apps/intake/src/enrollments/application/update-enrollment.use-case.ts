import { ConflictException, Injectable } from '@nestjs/common';
import { enrollmentUpdated } from '@passerelle/contracts';
import type { AuthUser } from '@passerelle/platform/auth';
import { OutboxWriter } from '@passerelle/platform/outbox';
import { DataSource } from 'typeorm';
import { ProgramEntity } from '../../programs/infrastructure/program.entity';
import { calendarDay } from '../../programs/domain/program';
import type { Baseline } from '../domain/enrollment';
import { intakeClosedReason, mentorCapacity } from '../domain/enrollment';
import type { EnrollmentEntity } from '../infrastructure/enrollment.entity';
import { EnrollmentAnswers } from './enrollment-answers';
import { intakeNotOpen } from './enrollment-errors';
import { loadOwnForChange } from './enrollment-lookup';
import { enrollmentSnapshot } from './enrollment-snapshot';

export interface UpdateEnrollment {
  readonly templateVersion: number;
  readonly answers: Record<string, unknown>;
  readonly capacity?: number | null;
  readonly excludedUserIds: readonly string[];
  readonly baseline: Baseline;
}

/** The participant replaces their answers while intake is open; `enrollment.updated` carries the new state. */
@Injectable()
export class UpdateEnrollmentUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
    private readonly answers: EnrollmentAnswers,
  ) {}

  execute(caller: AuthUser, id: string, input: UpdateEnrollment, expectedVersion?: number): Promise<EnrollmentEntity> {
    return this.dataSource.transaction(async (manager) => {
      const enrollment = await loadOwnForChange(manager, caller, id, expectedVersion);
      if (enrollment.status !== 'active') {
        throw new ConflictException({ message: 'This enrolment was withdrawn; enrol again instead.', details: [{ path: 'status', issue: 'is withdrawn' }] });
      }
      const program = await manager.findOneOrFail(ProgramEntity, { where: { id: enrollment.programId }, lock: { mode: 'pessimistic_read' } });
      const now = new Date();
      const reason = intakeClosedReason(program, calendarDay(now));
      if (reason) throw intakeNotOpen(reason);
      const features = await this.answers.check(manager, program, caller.userId, { ...input, role: enrollment.role }, now);
      Object.assign(enrollment, {
        templateVersion: input.templateVersion,
        answers: input.answers,
        features,
        capacity: mentorCapacity(enrollment.role, input.capacity, program.defaultMentorCapacity),
        baselineConfidence: input.baseline.confidence,
        baselineCommunication: input.baseline.communication,
        baselineLeadership: input.baseline.leadership,
        baselineNetworkSize: input.baseline.networkSize,
        excludedUserIds: [...input.excludedUserIds],
        version: enrollment.version + 1,
        updatedAt: now,
      });
      const saved = await manager.save(enrollment);
      await this.outbox.append(manager, enrollmentUpdated, { ...enrollmentSnapshot(saved), updatedAt: now.toISOString() });
      return saved;
    });
  }
}
