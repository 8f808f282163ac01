import type { EnrollmentSubmittedData } from '@passerelle/contracts';
import type { EnrollmentEntity } from '../infrastructure/enrollment.entity';

type Snapshot = Omit<EnrollmentSubmittedData, 'submittedAt'>;

/** What `enrollment.submitted` / `updated` carry: ids, numbers and taxonomy ids, never the free-text answers. */
export function enrollmentSnapshot(enrollment: EnrollmentEntity): Snapshot {
  return {
    enrollmentId: enrollment.id,
    networkId: enrollment.networkId,
    programId: enrollment.programId,
    userId: enrollment.userId!,
    role: enrollment.role,
    templateVersion: enrollment.templateVersion,
    ...(enrollment.capacity !== null ? { capacity: enrollment.capacity } : {}),
    features: enrollment.features,
    excludedUserIds: [...enrollment.excludedUserIds],
    baseline: enrollment.baseline(),
  } as Snapshot;
}
