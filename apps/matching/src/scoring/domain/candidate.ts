/**
 * A participant as the scoring model sees them (PRODUCT.md, lifecycle step 3:
 * "Mentees are paired with mentors on skills, interests and needs"): the
 * matching features an enrolment event carries (intake's `matchingFeatures`
 * schema in libs/contracts), the exclusions the participant declared, and a
 * mentor's capacity. Pure types: the scorer reads them, nothing here does I/O.
 */

/** PRODUCT.md, lifecycle step 1: a programme's objectives are any of these. */
export const PROGRAM_OBJECTIVES = ['job_search', 'networking', 'skills'] as const;
export type ProgramObjective = (typeof PROGRAM_OBJECTIVES)[number];

export type CandidateRole = 'mentor' | 'mentee';

/** A skill with a level 1–5: the level offered (mentor) or the level aimed at (mentee). */
export interface LeveledTerm {
  readonly id: string;
  readonly level: number;
}

/**
 * The enrolment event's `features`, field for field, read-only. Lists of ids
 * come from the network's taxonomies (skills, interests, industries), from
 * fixed option lists (target roles, contact kinds) or ISO 639-1 (languages),
 * so equal strings mean the same thing on both sides.
 */
export interface CandidateFeatures {
  readonly skillsOffered: readonly LeveledTerm[];
  readonly skillsWanted: readonly LeveledTerm[];
  readonly interests: readonly string[];
  readonly industries: readonly string[];
  readonly languages: readonly string[];
  readonly availability: {
    readonly timeZone: string;
    /** The zone's offset from UTC when the answer was given, in minutes east of Greenwich. */
    readonly utcOffsetMinutes: number;
    /** One-hour slots as hours of a UTC week: 0 = Monday 00:00–01:00 UTC … 167 = Sunday 23:00 UTC. */
    readonly weeklySlotsUtc: readonly number[];
  };
  readonly experienceYears: number | null;
  /** Equal keys mean the same employer; the name stays in intake. */
  readonly employerKey: string | null;
  /** job_search: role families aimed at (mentee) or advised on (mentor). */
  readonly targetRoles: readonly string[];
  /** job_search: industries aimed at (mentee) or known from the inside besides their own (mentor). */
  readonly targetIndustries: readonly string[];
  /** networking: size of the professional network, 1–5. */
  readonly networkSize: number | null;
  /** networking: kinds of contact wanted (mentee) or that can be introduced (mentor). */
  readonly contactKinds: readonly string[];
}

export interface Candidate {
  readonly userId: string;
  readonly role: CandidateRole;
  /** Mentors: how many mentees they take at once (1–5). Absent for mentees. */
  readonly capacity?: number;
  /** People this participant must not be matched with (e.g. their own manager). */
  readonly excludedUserIds: readonly string[];
  readonly features: CandidateFeatures;
}

/** The part of an enrolment event (submitted or updated) a candidate is built from. */
export interface EnrollmentSnapshot {
  readonly userId: string;
  readonly role: CandidateRole;
  readonly capacity?: number;
  readonly excludedUserIds: readonly string[];
  readonly features: CandidateFeatures;
}

/** The candidate an enrolment event describes; copies nothing the scorer does not read. */
export function candidateFromEnrollment(enrollment: EnrollmentSnapshot): Candidate {
  const { userId, role, capacity, excludedUserIds, features } = enrollment;
  return role === 'mentor' ? { userId, role, capacity, excludedUserIds, features } : { userId, role, excludedUserIds, features };
}
