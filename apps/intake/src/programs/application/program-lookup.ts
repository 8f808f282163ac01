import { ForbiddenException } from '@nestjs/common';
import type { AuthUser } from '@passerelle/platform/auth';
import type { EntityManager } from 'typeorm';
import { canManageNetwork, canSeeNetwork } from '@passerelle/platform/auth';
import { type ProgramAction, ProgramTransitionError, transition } from '../domain/program';
import { ProgramEntity } from '../infrastructure/program.entity';
import { illegalTransition, programNotFound, staleVersion } from './program-errors';

/**
 * Loads a programme an organizer is about to change, locked for the rest of
 * the transaction. Another network's programme is a 404 like a missing one;
 * a member of the network who is not an organizer gets a 403.
 */
export async function loadForChange(
  manager: EntityManager,
  caller: AuthUser,
  id: string,
  action: ProgramAction,
  expectedVersion?: number,
): Promise<ProgramEntity> {
  const program = await manager.findOne(ProgramEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
  if (!program || !canSeeNetwork(caller, program.networkId)) throw programNotFound();
  if (!canManageNetwork(caller, program.networkId)) throw new ForbiddenException({ message: 'Only an organizer of the network changes its programmes.' });
  if (expectedVersion !== undefined && expectedVersion !== program.version) throw staleVersion(expectedVersion, program.version);
  try {
    program.status = transition(program.status, action);
  } catch (error) {
    if (error instanceof ProgramTransitionError) throw illegalTransition(error);
    throw error;
  }
  return program;
}

/**
 * Loads a programme the caller may see (any member of its network), optionally
 * locked (`share`: it must not change meanwhile; `update`: we change what hangs
 * on it, one writer at a time); another network's programme is a 404 like a missing one.
 */
export async function loadVisible(manager: EntityManager, caller: AuthUser, id: string, lock?: 'share' | 'update'): Promise<ProgramEntity> {
  const mode = lock === 'share' ? ('pessimistic_read' as const) : ('pessimistic_write' as const);
  const program = await manager.findOne(ProgramEntity, { where: { id }, ...(lock ? { lock: { mode } } : {}) });
  if (!program || !canSeeNetwork(caller, program.networkId)) throw programNotFound();
  return program;
}
