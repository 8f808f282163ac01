import type { CohortStanding } from '../../cohort/domain/program-role';

/** Limits of what members write (also CHECKs in the migration). */
export const THREAD_TITLE_MAX = 200;
export const FORUM_TEXT_MAX = 20_000;

export interface Moderated {
  readonly hiddenAt: Date | null;
}

/**
 * Issue 6, item 4: hidden content is not shown to members; organizers see it,
 * marked hidden, so they can review and restore it.
 */
export function isVisibleTo(standing: CohortStanding, item: Moderated): boolean {
  return standing.kind === 'organizer' || item.hiddenAt === null;
}

export interface ModerationChange {
  readonly hidden?: boolean;
  readonly locked?: boolean;
}

export interface ModerationState {
  hiddenAt: Date | null;
  hiddenBy: string | null;
  lockedAt?: Date | null;
  lockedBy?: string | null;
}

/**
 * Applies an organizer's decision; asking for the state already in force
 * changes nothing (the first decision's time and author stay), so a retried
 * request is harmless.
 */
export function applyModeration(state: ModerationState, change: ModerationChange, organizerId: string, now: Date): boolean {
  let changed = false;
  if (change.hidden !== undefined && change.hidden !== (state.hiddenAt !== null)) {
    state.hiddenAt = change.hidden ? now : null;
    state.hiddenBy = change.hidden ? organizerId : null;
    changed = true;
  }
  if (change.locked !== undefined && 'lockedAt' in state && change.locked !== (state.lockedAt !== null)) {
    state.lockedAt = change.locked ? now : null;
    state.lockedBy = change.locked ? organizerId : null;
    changed = true;
  }
  return changed;
}
