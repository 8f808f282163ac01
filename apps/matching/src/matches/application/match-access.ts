import { ConflictException, ForbiddenException, NotFoundException } from '@nestjs/common';
import type { AuthUser } from '@passerelle/platform/auth';
import { canManageNetwork, canSeeNetwork, isIntegrator } from '@passerelle/platform/auth';
import type { EntityManager } from 'typeorm';
import { MatchTransitionError, type Side } from '../domain/match-lifecycle';
import { MatchEntity } from '../infrastructure/match.entity';

export function matchNotFound(): NotFoundException {
  return new NotFoundException({ message: 'No such match.', details: [{ path: 'id', issue: 'does not name a match you can see' }] });
}

export function illegalMatchTransition(error: MatchTransitionError): ConflictException {
  return new ConflictException({ message: error.message, details: [{ path: 'status', issue: `is ${error.status}` }] });
}

/** The caller's side in the match, if they are one of the pair. */
export function sideOf(caller: AuthUser, match: MatchEntity): Side | null {
  if (caller.networkId !== match.networkId) return null;
  if (match.menteeId === caller.userId) return 'mentee';
  if (match.mentorId === caller.userId) return 'mentor';
  return null;
}

/** A mentor or mentee reads only their own matches (PRODUCT.md, Security); organizers and integrators read the network's. */
export function canReadMatch(caller: AuthUser, match: MatchEntity): boolean {
  if (!canSeeNetwork(caller, match.networkId)) return false;
  return sideOf(caller, match) !== null || canManageNetwork(caller, match.networkId) || isIntegrator(caller);
}

export async function loadMatchForChange(manager: EntityManager, caller: AuthUser, id: string): Promise<MatchEntity> {
  const match = await manager.findOne(MatchEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
  if (!match || !canReadMatch(caller, match)) throw matchNotFound();
  return match;
}

/** Only the two participants answer a proposal; an organizer of the network gets a 403 saying so. */
export function participantSide(caller: AuthUser, match: MatchEntity): Side {
  const side = sideOf(caller, match);
  if (side) return side;
  if (canManageNetwork(caller, match.networkId)) throw new ForbiddenException({ message: 'Only the mentor and the mentee answer a proposal; organizers cancel it instead.' });
  throw matchNotFound();
}

/** Runs a domain transition, turning an illegal one into a 409 that names the current state. */
export function transitionOr409<T>(step: () => T): T {
  try {
    return step();
  } catch (error) {
    if (error instanceof MatchTransitionError) throw illegalMatchTransition(error);
    throw error;
  }
}
