import type { EnrollmentSubmittedData } from '@passerelle/contracts';
import type { EnrollmentEntity } from '../infrastructure/enrollment.entity';

type Snapshot = Omit<EnrollmentSubmittedData, 'submittedAt'>;

/** What `enrollment.submitted` / `updated` carry: ids, numbers and taxonomy ids, never the free-text answers. */
export function enrollmentSnapshot(enrollment: EnrollmentEntity): Snapshot {
  const features = enrollment.features;
  return {
    enrollmentId: enrollment.id,
    networkId: enrollment.networkId,
    programId: enrollment.programId,
    userId: enrollment.userId!,
    role: enrollment.role,
    templateVersion: enrollment.templateVersion,
    ...(enrollment.capacity !== null ? { capacity: enrollment.capacity } : {}),
    features: {
      skillsOffered: features.skillsOffered.map(({ id, level }) => ({ id, level })),
      skillsWanted: features.skillsWanted.map(({ id, level }) => ({ id, level })),
      interests: [...features.interests],
      industries: [...features.industries],
      languages: [...features.languages],
      availability: {
        timeZone: features.availability.timeZone,
        utcOffsetMinutes: features.availability.utcOffsetMinutes,
        weeklySlotsUtc: [...features.availability.weeklySlotsUtc],
      },
      experienceYears: features.experienceYears,
      employerKey: features.employerKey,
      targetRoles: [...features.targetRoles],
      targetIndustries: [...features.targetIndustries],
      networkSize: features.networkSize,
      contactKinds: [...features.contactKinds],
    },
    excludedUserIds: [...enrollment.excludedUserIds],
    baseline: enrollment.baseline(),
  } as Snapshot;
}
