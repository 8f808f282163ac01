import { BadRequestException, ConflictException, NotFoundException } from '@nestjs/common';
import type { AuthUser } from '@passerelle/platform/auth';
import type { EntityManager } from 'typeorm';
import { loadOwnForChange } from '../../enrollments/application/enrollment-lookup';
import type { EnrollmentEntity } from '../../enrollments/infrastructure/enrollment.entity';
import { ProgramEntity } from '../../programs/infrastructure/program.entity';
import { type CriterionResult, smartFailures } from '../domain/smart-goal';
import { GoalEntity } from '../infrastructure/goal.entity';

export interface GoalScope {
  readonly enrollment: EnrollmentEntity;
  readonly program: ProgramEntity;
}

/**
 * The caller's own active enrolment in a programme still running, locked:
 * goals belong to the participant alone (organizers read them, never write).
 */
export async function loadGoalScope(manager: EntityManager, caller: AuthUser, enrollmentId: string): Promise<GoalScope> {
  const enrollment = await loadOwnForChange(manager, caller, enrollmentId);
  if (enrollment.status !== 'active') {
    throw new ConflictException({ message: 'This enrolment was withdrawn; its goals no longer change.', details: [{ path: 'enrollmentId', issue: 'is withdrawn' }] });
  }
  const program = await manager.findOneByOrFail(ProgramEntity, { id: enrollment.programId });
  if (program.status === 'closed') {
    throw new ConflictException({ message: 'The programme is closed; its goals no longer change.', details: [{ path: 'enrollmentId', issue: 'belongs to a closed programme' }] });
  }
  return { enrollment, program };
}

export async function loadGoal(manager: EntityManager, scope: GoalScope, goalId: string): Promise<GoalEntity> {
  const goal = await manager.findOne(GoalEntity, { where: { id: goalId, enrollmentId: scope.enrollment.id }, lock: { mode: 'pessimistic_write' } });
  if (!goal) throw new NotFoundException({ message: 'No such goal.', details: [{ path: 'goalId', issue: 'does not name a goal of this enrolment' }] });
  return goal;
}

/** A goal that fails SMART: every failing criterion, each with the field to change and why (issue 4, item 5). */
export function notSmart(results: readonly CriterionResult[]): BadRequestException | null {
  const failures = smartFailures(results);
  if (failures.length === 0) return null;
  return new BadRequestException({
    message: `The goal is not SMART: it fails ${failures.map((failure) => failure.criterion).join(', ')}.`,
    details: failures.map((failure) => ({ path: failure.path, issue: `${failure.criterion}: ${failure.reason}` })),
  });
}
