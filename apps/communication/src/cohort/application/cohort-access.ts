import { ConflictException, ForbiddenException, NotFoundException } from '@nestjs/common';
import { type AuthUser, canManageNetwork, canSeeNetwork, isIntegrator } from '@passerelle/platform/auth';
import type { EntityManager } from 'typeorm';
import type { CohortStanding, ProgramRole } from '../domain/program-role';
import { CohortProgramEntity } from '../infrastructure/cohort-program.entity';

export interface CohortOptions {
  /** Integrators (read APIs) may read this context; forums stay private to the cohort. */
  readonly integratorsRead: boolean;
}

export interface ProgramInCohort {
  readonly program: CohortProgramEntity;
  readonly standing: CohortStanding;
}

/**
 * Where the caller stands in a programme, or null for an outsider. A cohort's
 * texts, gatherings and material are its own: a member of the same network
 * who is not in the cohort gets the same 404 as for another network's id or
 * one that does not exist (PRODUCT.md: "not by guessing ids"), so ids of a
 * cohort's content tell nothing to anyone outside it.
 */
export async function standingOf(
  manager: EntityManager,
  caller: AuthUser,
  program: { readonly id: string; readonly networkId: string },
  options: CohortOptions,
): Promise<CohortStanding | null> {
  if (!canSeeNetwork(caller, program.networkId)) return null;
  if (caller.kind === 'service') return options.integratorsRead && isIntegrator(caller) ? { kind: 'integrator' } : null;
  const [row] = (await manager.query(
    `SELECT EXISTS (SELECT 1 FROM cohort_erased_users WHERE user_id = $2) AS erased,
            COALESCE((SELECT array_agg(DISTINCT role ORDER BY role) FROM cohort_members
                       WHERE program_id = $1 AND user_id = $2 AND status = 'active'), '{}') AS roles`,
    [program.id, caller.userId],
  )) as Array<{ erased: boolean; roles: ProgramRole[] }>;
  // An access token outlives an erasure by minutes (README, Current limits): it opens nothing here.
  if (row.erased) return null;
  if (canManageNetwork(caller, program.networkId)) return { kind: 'organizer', roles: row.roles };
  return row.roles.length > 0 ? { kind: 'member', roles: row.roles } : null;
}

export function programNotFound(path = 'programId'): NotFoundException {
  return new NotFoundException({
    message: 'No such programme of yours (a programme appears here once intake has published it, to its cohort and organizers).',
    details: [{ path, issue: 'does not name a programme whose cohort you belong to or run' }],
  });
}

/** The programme and the caller's standing in it; a 404 for a missing programme and for an outsider alike. */
export async function loadProgramInCohort(
  manager: EntityManager,
  caller: AuthUser,
  programId: string,
  options: CohortOptions,
): Promise<ProgramInCohort> {
  const program = await manager.findOneBy(CohortProgramEntity, { id: programId });
  const standing = program ? await standingOf(manager, caller, program, options) : null;
  if (!program || !standing) throw programNotFound();
  return { program, standing };
}

/** The standing of someone who runs the programme; members and integrators get a 403 (they may see, not run). */
export function requireOrganizer(standing: CohortStanding, what: string): void {
  if (standing.kind !== 'organizer') {
    throw new ForbiddenException({
      message: `Only an organizer of the network ${what}.`,
      details: [{ path: 'authorization', issue: 'requires the role organizer' }],
    });
  }
}

/** A participant acting in their own name (registering, completing training): an active enrolment is what counts. */
export function requireMember(standing: CohortStanding, what: string): readonly ProgramRole[] {
  if (standing.kind === 'integrator' || standing.roles.length === 0) {
    throw new ForbiddenException({
      message: `Only a participant of the programme ${what}.`,
      details: [{ path: 'authorization', issue: 'requires an active enrolment in the programme' }],
    });
  }
  return standing.roles;
}

/** Anyone of the cohort writing (posts, threads); integrators only read. */
export function requireWriter(standing: CohortStanding): void {
  if (standing.kind === 'integrator') {
    throw new ForbiddenException({ message: 'A service account only reads.', details: [{ path: 'authorization', issue: 'is a service account' }] });
  }
}

/** A closed programme's spaces stay readable, and take nothing new. */
export function assertProgramOpen(program: CohortProgramEntity): void {
  if (program.status === 'closed') {
    throw new ConflictException({ message: 'The programme is closed: its spaces are read-only.', details: [{ path: 'programId', issue: 'names a closed programme' }] });
  }
}
