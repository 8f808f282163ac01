import { ForbiddenException, Injectable } from '@nestjs/common';
import { enrollmentSubmitted } from '@passerelle/contracts';
import type { AuthUser } from '@passerelle/platform/auth';
import { OutboxWriter } from '@passerelle/platform/outbox';
import { DataSource } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { programNotFound } from '../../programs/application/program-errors';
import { loadVisible } from '../../programs/application/program-lookup';
import { calendarDay } from '../../programs/domain/program';
import type { Baseline } from '../domain/enrollment';
import { intakeClosedReason, mentorCapacity } from '../domain/enrollment';
import { EnrollmentEntity } from '../infrastructure/enrollment.entity';
import { EnrollmentAnswers, type EnrollmentInput } from './enrollment-answers';
import { alreadyEnrolled, intakeNotOpen, isUniqueViolation } from './enrollment-errors';
import { enrollmentSnapshot } from './enrollment-snapshot';

export interface SubmitEnrollment extends EnrollmentInput {
  readonly programId: string;
  readonly baseline: Baseline;
}

/**
 * A member of the network enrols as mentor or mentee in a programme whose
 * intake is open; the enrolment and `enrollment.submitted` are one
 * transaction (PRODUCT.md, Events: Delivery).
 */
@Injectable()
export class SubmitEnrollmentUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
    private readonly answers: EnrollmentAnswers,
  ) {}

  async execute(caller: AuthUser, input: SubmitEnrollment): Promise<EnrollmentEntity> {
    if (caller.kind !== 'user') throw new ForbiddenException({ message: 'A service account does not enrol; a person does.' });
    try {
      return await this.dataSource.transaction(async (manager) => {
        // FOR SHARE: the programme cannot close (or its survey change) under an enrolment being written.
        const program = await loadVisible(manager, caller, input.programId, 'share');
        if (program.networkId !== caller.networkId) throw programNotFound();
        const now = new Date();
        const reason = intakeClosedReason(program, calendarDay(now));
        if (reason) throw intakeNotOpen(reason);
        const existing = await manager.findOneBy(EnrollmentEntity, { programId: program.id, userId: caller.userId, role: input.role, status: 'active' });
        if (existing) throw alreadyEnrolled(input.role);
        const features = await this.answers.check(manager, program, caller.userId, input, now);
        const enrollment = await manager.save(
          manager.create(EnrollmentEntity, {
            id: uuidv7(),
            networkId: program.networkId,
            programId: program.id,
            userId: caller.userId,
            role: input.role,
            status: 'active',
            templateVersion: input.templateVersion,
            answers: input.answers,
            features,
            capacity: mentorCapacity(input.role, input.capacity, program.defaultMentorCapacity),
            baselineConfidence: input.baseline.confidence,
            baselineCommunication: input.baseline.communication,
            baselineLeadership: input.baseline.leadership,
            baselineNetworkSize: input.baseline.networkSize,
            excludedUserIds: [...input.excludedUserIds],
            version: 1,
            submittedAt: now,
            updatedAt: now,
            withdrawnAt: null,
            erasedAt: null,
          }),
        );
        await this.outbox.append(manager, enrollmentSubmitted, { ...enrollmentSnapshot(enrollment), submittedAt: now.toISOString() });
        return enrollment;
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw alreadyEnrolled(input.role);
      throw error;
    }
  }
}
