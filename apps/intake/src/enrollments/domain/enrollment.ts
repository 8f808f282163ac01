/**
 * Enrolment rules (PRODUCT.md, lifecycle step 2, and issue 4 item 4): when a
 * programme takes enrolments, what a mentor's capacity is, and what a
 * participant may declare. Pure: no I/O, no framework.
 */
import { MENTOR_CAPACITY, type ProgramRole, type ProgramStatus } from '../../programs/domain/program';
import type { Problem } from '../../surveys/domain/question';

export const ENROLLMENT_STATUSES = ['active', 'withdrawn'] as const;
export type EnrollmentStatus = (typeof ENROLLMENT_STATUSES)[number];

export interface Baseline {
  readonly confidence: number;
  readonly communication: number;
  readonly leadership: number;
  readonly networkSize: number;
}

export const MAX_EXCLUSIONS = 20;

export interface IntakeWindow {
  readonly status: ProgramStatus;
  /** Calendar dates, YYYY-MM-DD. */
  readonly intakeOpensOn: string;
  readonly intakeClosesOn: string;
}

export type IntakeState = 'draft' | 'not_yet_open' | 'open' | 'ended' | 'program_closed';

/** Where a programme's intake stands on `today` (YYYY-MM-DD): enrolments are taken only while `open`. */
export function intakeState(program: IntakeWindow, today: string): IntakeState {
  if (program.status === 'draft') return 'draft';
  if (program.status === 'closed') return 'program_closed';
  if (today < program.intakeOpensOn) return 'not_yet_open';
  if (today > program.intakeClosesOn) return 'ended';
  return 'open';
}

/** Why an enrolment cannot be taken or changed now, for the 409; null while intake is open. */
export function intakeClosedReason(program: IntakeWindow, today: string): string | null {
  switch (intakeState(program, today)) {
    case 'open':
      return null;
    case 'draft':
      return 'The programme is a draft: intake opens once it is published.';
    case 'not_yet_open':
      return `Intake for this programme opens on ${program.intakeOpensOn}.`;
    case 'ended':
      return `Intake for this programme closed on ${program.intakeClosesOn}.`;
    case 'program_closed':
      return 'The programme is closed.';
  }
}

/**
 * Organisers shape the survey until intake opens; from then on every answer
 * must follow the version participants saw (issue 4, item 3).
 */
export function templateEditable(program: IntakeWindow, today: string): boolean {
  const state = intakeState(program, today);
  return state === 'draft' || state === 'not_yet_open';
}

export interface Declarations {
  readonly role: ProgramRole;
  readonly capacity?: number | null;
  readonly excludedUserIds: readonly string[];
}

/** A mentor states a capacity (1–5, else the programme's default); a mentee does not; nobody excludes themselves. */
export function checkDeclarations(declared: Declarations, userId: string): Problem[] {
  const problems: Problem[] = [];
  if (declared.role === 'mentee' && declared.capacity != null) {
    problems.push({ path: 'capacity', issue: 'is stated by mentors only' });
  }
  if (declared.role === 'mentor' && declared.capacity != null) {
    const { min, max } = MENTOR_CAPACITY;
    if (!Number.isInteger(declared.capacity) || declared.capacity < min || declared.capacity > max) {
      problems.push({ path: 'capacity', issue: `must be a whole number from ${min} to ${max}` });
    }
  }
  if (declared.excludedUserIds.includes(userId)) {
    problems.push({ path: 'excludedUserIds', issue: 'must not include yourself' });
  }
  return problems;
}

export function mentorCapacity(role: ProgramRole, stated: number | null | undefined, programDefault: number): number | null {
  return role === 'mentor' ? (stated ?? programDefault) : null;
}
