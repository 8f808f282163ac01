import { Injectable } from '@nestjs/common';
import {
  enrollmentSubmitted,
  type EnrollmentSubmittedData,
  enrollmentUpdated,
  type EnrollmentUpdatedData,
  enrollmentWithdrawn,
  type EnrollmentWithdrawnData,
  type EventEnvelope,
} from '@passerelle/contracts';
import { type EventHandler, HandlesEvent } from '@passerelle/platform/inbox';
import type { EntityManager } from 'typeorm';
import { MatchCloser } from '../../matches/application/match-closer';
import { lockProgramPool } from '../application/program-access';
import { CandidateEntity } from './candidate.entity';

/** Enrolment events carry the whole state, so the candidate is an upsert (issue 5, item 1). */
async function upsertCandidate(manager: EntityManager, data: EnrollmentSubmittedData | EnrollmentUpdatedData, at: string): Promise<void> {
  // A capacity or feature change must not land in the middle of a round on this pool.
  await lockProgramPool(manager, data.programId);
  const existing = await manager.findOneBy(CandidateEntity, { enrollmentId: data.enrollmentId });
  // A late update must not revive a withdrawn or erased candidate.
  if (existing && existing.status !== 'active') return;
  const [erased] = await manager.query('SELECT 1 FROM erased_users WHERE user_id = $1', [data.userId]);
  if (erased) {
    // The erasure came first (another topic): keep only that this enrolment existed.
    await manager.save(
      manager.create(CandidateEntity, {
        enrollmentId: data.enrollmentId,
        networkId: data.networkId,
        programId: data.programId,
        userId: null,
        role: data.role,
        capacity: data.role === 'mentor' ? (data.capacity ?? null) : null,
        features: null,
        excludedUserIds: [],
        status: 'erased',
        enrolledAt: new Date(at),
        updatedAt: new Date(),
      }),
    );
    return;
  }
  await manager.save(
    manager.create(CandidateEntity, {
      enrollmentId: data.enrollmentId,
      networkId: data.networkId,
      programId: data.programId,
      userId: data.userId,
      role: data.role,
      capacity: data.role === 'mentor' ? (data.capacity ?? null) : null,
      features: data.features,
      excludedUserIds: [...data.excludedUserIds],
      status: 'active',
      enrolledAt: existing?.enrolledAt ?? new Date(at),
      updatedAt: new Date(),
    }),
  );
}

@Injectable()
@HandlesEvent(enrollmentSubmitted)
export class EnrollmentSubmittedHandler implements EventHandler<EnrollmentSubmittedData> {
  handle(event: EventEnvelope<EnrollmentSubmittedData>, manager: EntityManager): Promise<void> {
    return upsertCandidate(manager, event.data, event.data.submittedAt);
  }
}

@Injectable()
@HandlesEvent(enrollmentUpdated)
export class EnrollmentUpdatedHandler implements EventHandler<EnrollmentUpdatedData> {
  handle(event: EventEnvelope<EnrollmentUpdatedData>, manager: EntityManager): Promise<void> {
    return upsertCandidate(manager, event.data, event.data.updatedAt);
  }
}

/** A participant who leaves drops out of the pool; their open proposals are declined and active matches end. */
@Injectable()
@HandlesEvent(enrollmentWithdrawn)
export class EnrollmentWithdrawnHandler implements EventHandler<EnrollmentWithdrawnData> {
  constructor(private readonly closer: MatchCloser) {}

  async handle(event: EventEnvelope<EnrollmentWithdrawnData>, manager: EntityManager): Promise<void> {
    const { enrollmentId, programId, role, withdrawnAt } = event.data;
    // Waits for a round running on this pool, so its proposals are closed here, not left to a withdrawn person.
    await lockProgramPool(manager, programId);
    await manager.update(CandidateEntity, { enrollmentId, status: 'active' }, { status: 'withdrawn', updatedAt: new Date() });
    await this.closer.closeOpen(manager, { enrollmentId }, { declinedBy: 'system', endedBy: role, reason: 'participant_withdrew' }, new Date(withdrawnAt));
  }
}
