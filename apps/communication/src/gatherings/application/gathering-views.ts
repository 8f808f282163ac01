import type { AuthUser } from '@passerelle/platform/auth';
import { type EntityManager, In } from 'typeorm';
import { GatheringRegistrationEntity } from '../infrastructure/gathering-registration.entity';
import type { GatheringEntity } from '../infrastructure/gathering.entity';
import type { GatheringSeats, SeatCounts } from './gathering-seats';

export interface RegistrationView {
  readonly registration: GatheringRegistrationEntity;
  readonly waitlistPosition: number | null;
}

export interface GatheringView {
  readonly gathering: GatheringEntity;
  readonly seats: SeatCounts;
  /** The caller's open registration, if any. */
  readonly mine: RegistrationView | null;
}

/** Gatherings with their seat counts and the caller's own place, in two queries for a whole page. */
export async function gatheringViews(
  manager: EntityManager,
  seats: GatheringSeats,
  caller: AuthUser,
  gatherings: readonly GatheringEntity[],
): Promise<GatheringView[]> {
  if (gatherings.length === 0) return [];
  const ids = gatherings.map((gathering) => gathering.id);
  const counts = (await manager.query(
    `SELECT gathering_id AS "gatheringId",
            count(*) FILTER (WHERE status = 'confirmed')::int AS confirmed,
            count(*) FILTER (WHERE status = 'waitlisted')::int AS waitlisted
       FROM gathering_registrations WHERE gathering_id = ANY ($1::uuid[]) GROUP BY gathering_id`,
    [ids],
  )) as Array<SeatCounts & { gatheringId: string }>;
  const countsById = new Map(counts.map((row) => [row.gatheringId, { confirmed: row.confirmed, waitlisted: row.waitlisted }]));
  const mine = await manager.findBy(GatheringRegistrationEntity, {
    gatheringId: In(ids),
    userId: caller.userId,
    status: In(['confirmed', 'waitlisted']),
  });
  const mineById = new Map(mine.map((registration) => [registration.gatheringId, registration]));
  return Promise.all(
    gatherings.map(async (gathering) => {
      const registration = mineById.get(gathering.id);
      return {
        gathering,
        seats: countsById.get(gathering.id) ?? { confirmed: 0, waitlisted: 0 },
        mine: registration ? { registration, waitlistPosition: await seats.waitlistPosition(manager, registration) } : null,
      };
    }),
  );
}
