import { ConflictException, NotFoundException } from '@nestjs/common';
import type { AuthUser } from '@passerelle/platform/auth';
import type { EntityManager } from 'typeorm';
import { standingOf } from '../../cohort/application/cohort-access';
import type { CohortStanding } from '../../cohort/domain/program-role';
import { CohortProgramEntity } from '../../cohort/infrastructure/cohort-program.entity';
import type { Problem } from '../domain/gathering';
import { GatheringEntity } from '../infrastructure/gathering.entity';

/** Integrators (read APIs) read a network's gatherings and their registrations. */
export const GATHERING_ACCESS = { integratorsRead: true } as const;

export function gatheringNotFound(): NotFoundException {
  return new NotFoundException({
    message: 'No such gathering of yours.',
    details: [{ path: 'id', issue: "does not name a gathering of a programme whose cohort you belong to or run" }],
  });
}

export function gatheringConflict(message: string, problem: Problem): ConflictException {
  return new ConflictException({ message, details: [problem] });
}

export interface GatheringInCohort {
  readonly gathering: GatheringEntity;
  readonly program: CohortProgramEntity;
  readonly standing: CohortStanding;
}

/**
 * A gathering the caller may see. With `lock`, its row is held for the rest
 * of the transaction: every change of seats (registering, cancelling,
 * promoting, changing the capacity) takes this one lock, so concurrent
 * requests are serialised and never confirm more people than the capacity.
 */
export async function loadGathering(manager: EntityManager, caller: AuthUser, id: string, lock = false): Promise<GatheringInCohort> {
  const gathering = await manager.findOne(GatheringEntity, { where: { id }, ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
  if (!gathering) throw gatheringNotFound();
  const program = await manager.findOneBy(CohortProgramEntity, { id: gathering.programId });
  const standing = program ? await standingOf(manager, caller, program, GATHERING_ACCESS) : null;
  if (!program || !standing) throw gatheringNotFound();
  return { gathering, program, standing };
}
