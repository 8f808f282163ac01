import { BadRequestException, ConflictException, NotFoundException } from '@nestjs/common';
import type { Problem } from '../../surveys/domain/question';

export function enrollmentNotFound(): NotFoundException {
  return new NotFoundException({ message: 'No such enrolment.', details: [{ path: 'id', issue: 'does not name an enrolment you can see' }] });
}

export function invalidEnrollment(problems: readonly Problem[]): BadRequestException {
  return new BadRequestException({ message: 'The answers are invalid; nothing was saved.', details: problems });
}

export function intakeNotOpen(reason: string): ConflictException {
  return new ConflictException({ message: reason, details: [{ path: 'programId', issue: 'names a programme not taking enrolments now' }] });
}

export function alreadyEnrolled(role: string): ConflictException {
  return new ConflictException({
    message: `You are already enrolled as ${role} in this programme; update or withdraw that enrolment instead.`,
    details: [{ path: 'role', issue: `already enrolled as ${role}` }],
  });
}

export function staleEnrollment(expected: number, actual: number): ConflictException {
  return new ConflictException({
    message: `The enrolment changed since you read it (you sent version ${expected}, it is now at version ${actual}); read it again.`,
    details: [{ path: 'version', issue: `must be ${actual}` }],
  });
}

/** PostgreSQL's unique_violation: two requests raced past the "already enrolled" check. */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === '23505';
}
