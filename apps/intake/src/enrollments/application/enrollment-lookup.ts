import type { AuthUser } from '@passerelle/platform/auth';
import { canManageNetwork, canSeeNetwork, isIntegrator } from '@passerelle/platform/auth';
import type { EntityManager } from 'typeorm';
import { EnrollmentEntity } from '../infrastructure/enrollment.entity';
import { enrollmentNotFound, staleEnrollment } from './enrollment-errors';

/**
 * Who sees an enrolment: its participant, the network's organizers and
 * integrators (read APIs). Anyone else, another participant of the same
 * network included, gets the 404 of an id that does not exist.
 */
export function canReadEnrollment(caller: AuthUser, enrollment: EnrollmentEntity): boolean {
  if (!canSeeNetwork(caller, enrollment.networkId)) return false;
  return enrollment.userId === caller.userId || canManageNetwork(caller, enrollment.networkId) || isIntegrator(caller);
}

/** The caller's own enrolment, locked for a change; what is not theirs is a 404. */
export async function loadOwnForChange(manager: EntityManager, caller: AuthUser, id: string, expectedVersion?: number): Promise<EnrollmentEntity> {
  const enrollment = await manager.findOne(EnrollmentEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
  if (!enrollment || enrollment.userId !== caller.userId || enrollment.networkId !== caller.networkId) throw enrollmentNotFound();
  if (expectedVersion !== undefined && expectedVersion !== enrollment.version) throw staleEnrollment(expectedVersion, enrollment.version);
  return enrollment;
}
