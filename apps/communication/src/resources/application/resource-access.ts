import { NotFoundException } from '@nestjs/common';
import type { AuthUser } from '@passerelle/platform/auth';
import { type EntityManager, In } from 'typeorm';
import { standingOf } from '../../cohort/application/cohort-access';
import type { CohortStanding } from '../../cohort/domain/program-role';
import { CohortProgramEntity } from '../../cohort/infrastructure/cohort-program.entity';
import { appliesTo } from '../domain/resource';
import { ResourceCompletionEntity } from '../infrastructure/resource-completion.entity';
import { ResourceEntity } from '../infrastructure/resource.entity';

/** Integrators (read APIs) read a network's published material. */
export const RESOURCE_ACCESS = { integratorsRead: true } as const;

export function resourceNotFound(): NotFoundException {
  return new NotFoundException({
    message: 'No such resource for you.',
    details: [{ path: 'id', issue: 'does not name material published for your role in a programme of yours' }],
  });
}

/** Members see the published material of their role (or for all); organizers and integrators see all of it, archived included. */
export function canSee(standing: CohortStanding, resource: ResourceEntity): boolean {
  if (standing.kind !== 'member') return true;
  return resource.status === 'published' && appliesTo(resource.audience, standing.roles);
}

export interface ResourceInCohort {
  readonly resource: ResourceEntity;
  readonly program: CohortProgramEntity;
  readonly standing: CohortStanding;
}

export async function loadResource(manager: EntityManager, caller: AuthUser, id: string, lock = false): Promise<ResourceInCohort> {
  const resource = await manager.findOne(ResourceEntity, { where: { id }, ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
  if (!resource) throw resourceNotFound();
  const program = await manager.findOneBy(CohortProgramEntity, { id: resource.programId });
  const standing = program ? await standingOf(manager, caller, program, RESOURCE_ACCESS) : null;
  if (!program || !standing || !canSee(standing, resource)) throw resourceNotFound();
  return { resource, program, standing };
}

export interface ResourceView {
  readonly resource: ResourceEntity;
  /** The caller's own completion (members). */
  readonly myCompletion: ResourceCompletionEntity | null;
  /** How many completed it, erased people included: organizers and integrators only. */
  readonly completionCount: number | null;
}

export async function resourceViews(
  manager: EntityManager,
  caller: AuthUser,
  standing: CohortStanding,
  resources: readonly ResourceEntity[],
): Promise<ResourceView[]> {
  if (resources.length === 0) return [];
  const ids = resources.map((resource) => resource.id);
  const mine = standing.kind !== 'integrator' && standing.roles.length > 0 ? await manager.findBy(ResourceCompletionEntity, { resourceId: In(ids), userId: caller.userId }) : [];
  const mineById = new Map(mine.map((completion) => [completion.resourceId, completion]));
  const counts =
    standing.kind === 'member'
      ? new Map<string, number>()
      : new Map(
          (
            (await manager.query('SELECT resource_id AS "resourceId", count(*)::int AS count FROM resource_completions WHERE resource_id = ANY ($1::uuid[]) GROUP BY resource_id', [
              ids,
            ])) as Array<{ resourceId: string; count: number }>
          ).map((row) => [row.resourceId, row.count]),
        );
  return resources.map((resource) => ({
    resource,
    myCompletion: mineById.get(resource.id) ?? null,
    completionCount: standing.kind === 'member' ? null : (counts.get(resource.id) ?? 0),
  }));
}
