import { ConflictException, ForbiddenException, NotFoundException } from '@nestjs/common';
import type { AuthUser } from '@passerelle/platform/auth';
import { canManageNetwork, canSeeNetwork } from '@passerelle/platform/auth';
import type { EntityManager } from 'typeorm';
import { MatchingProgramEntity } from '../infrastructure/program.entity';

export function programNotFound(): NotFoundException {
  return new NotFoundException({
    message: 'No such programme in matching (a programme appears here once intake has published it).',
    details: [{ path: 'programId', issue: 'does not name a published programme of your network' }],
  });
}

/** The programme if the caller's network may see it, else a 404; `lock` holds the row for the rest of the transaction. */
export async function loadVisibleProgram(manager: EntityManager, caller: AuthUser, programId: string, lock = false): Promise<MatchingProgramEntity> {
  const program = await manager.findOne(MatchingProgramEntity, { where: { id: programId }, ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
  if (!program || !canSeeNetwork(caller, program.networkId)) throw programNotFound();
  return program;
}

/** Rounds, models and manual matches are the programme's organizers' (issue 5, proof: "only the programme's organizers"). */
export async function loadManagedProgram(manager: EntityManager, caller: AuthUser, programId: string, lock = false): Promise<MatchingProgramEntity> {
  const program = await loadVisibleProgram(manager, caller, programId, lock);
  if (!canManageNetwork(caller, program.networkId)) throw new ForbiddenException({ message: "Only an organizer of the network runs its programmes' matching." });
  return program;
}

export function assertOpen(program: MatchingProgramEntity): void {
  if (program.status === 'closed') {
    throw new ConflictException({ message: 'The programme is closed: no more matching.', details: [{ path: 'programId', issue: 'names a closed programme' }] });
  }
}

/**
 * Serialises everything that hands out mentors' capacity in one programme
 * (rounds, requests, manual matches, withdrawals), for the rest of the
 * transaction: a round that solves on a pool must write its proposals on the same pool.
 */
export async function lockProgramPool(manager: EntityManager, programId: string): Promise<void> {
  await manager.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 7))', [programId]);
}
