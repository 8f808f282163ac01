import { Injectable } from '@nestjs/common';
import {
  type EventEnvelope,
  programClosed,
  type ProgramClosedData,
  programPublished,
  type ProgramPublishedData,
  programUpdated,
  type ProgramUpdatedData,
} from '@passerelle/contracts';
import { type EventHandler, HandlesEvent } from '@passerelle/platform/inbox';
import type { EntityManager } from 'typeorm';

/**
 * Published and updated programmes carry their whole state, so the copy is an
 * upsert and a replay changes nothing. A late update never reopens a closed
 * programme: the status is left as it is on conflict.
 */
async function upsertProgram(manager: EntityManager, data: ProgramPublishedData | ProgramUpdatedData): Promise<void> {
  await manager.query(
    `INSERT INTO cohort_programs (id, network_id, name, starts_on, ends_on, cadence_days, status, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, 'published', now())
     ON CONFLICT (id) DO UPDATE
       SET name = EXCLUDED.name, starts_on = EXCLUDED.starts_on, ends_on = EXCLUDED.ends_on, cadence_days = EXCLUDED.cadence_days, updated_at = now()`,
    [data.programId, data.networkId, data.name, data.startsOn, data.endsOn, data.cadenceDays],
  );
}

@Injectable()
@HandlesEvent(programPublished)
export class CohortProgramPublishedHandler implements EventHandler<ProgramPublishedData> {
  handle(event: EventEnvelope<ProgramPublishedData>, manager: EntityManager): Promise<void> {
    return upsertProgram(manager, event.data);
  }
}

@Injectable()
@HandlesEvent(programUpdated)
export class CohortProgramUpdatedHandler implements EventHandler<ProgramUpdatedData> {
  handle(event: EventEnvelope<ProgramUpdatedData>, manager: EntityManager): Promise<void> {
    return upsertProgram(manager, event.data);
  }
}

/** A closed programme's forums, gatherings and material stay readable and take nothing new. */
@Injectable()
@HandlesEvent(programClosed)
export class CohortProgramClosedHandler implements EventHandler<ProgramClosedData> {
  async handle(event: EventEnvelope<ProgramClosedData>, manager: EntityManager): Promise<void> {
    // One programme's events share a partition, so `published` came first; without it there is nothing to close.
    await manager.query(
      `UPDATE cohort_programs SET status = 'closed', closed_at = $2, updated_at = now() WHERE id = $1 AND status = 'published'`,
      [event.data.programId, event.data.closedAt],
    );
  }
}
