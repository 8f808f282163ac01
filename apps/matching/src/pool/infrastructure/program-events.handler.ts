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
import { MatchCloser } from '../../matches/application/match-closer';
import { lockProgramPool } from '../application/program-access';
import { MatchingProgramEntity } from './program.entity';

/** Published and updated programmes carry their whole state: an upsert keeps matching's copy exact. */
async function upsertProgram(manager: EntityManager, data: ProgramPublishedData | ProgramUpdatedData): Promise<void> {
  await manager
    .createQueryBuilder()
    .insert()
    .into(MatchingProgramEntity)
    .values({
      id: data.programId,
      networkId: data.networkId,
      name: data.name,
      objectives: [...data.objectives],
      matchingModes: [...data.matchingModes],
      defaultMentorCapacity: data.defaultMentorCapacity,
      startsOn: data.startsOn,
      endsOn: data.endsOn,
      status: 'published',
      modelVersion: 0,
      updatedAt: new Date(),
    })
    .orUpdate(['name', 'objectives', 'matching_modes', 'default_mentor_capacity', 'starts_on', 'ends_on', 'updated_at'], ['id'])
    .execute();
}

@Injectable()
@HandlesEvent(programPublished)
export class ProgramPublishedHandler implements EventHandler<ProgramPublishedData> {
  handle(event: EventEnvelope<ProgramPublishedData>, manager: EntityManager): Promise<void> {
    return upsertProgram(manager, event.data);
  }
}

@Injectable()
@HandlesEvent(programUpdated)
export class ProgramUpdatedHandler implements EventHandler<ProgramUpdatedData> {
  handle(event: EventEnvelope<ProgramUpdatedData>, manager: EntityManager): Promise<void> {
    return upsertProgram(manager, event.data);
  }
}

/** A closed programme takes no more rounds; its open proposals are declined and active matches end. */
@Injectable()
@HandlesEvent(programClosed)
export class ProgramClosedHandler implements EventHandler<ProgramClosedData> {
  constructor(private readonly closer: MatchCloser) {}

  async handle(event: EventEnvelope<ProgramClosedData>, manager: EntityManager): Promise<void> {
    await lockProgramPool(manager, event.data.programId);
    // Events of one programme share a partition, so `published` came first; the update is a no-op otherwise.
    await manager.update(MatchingProgramEntity, { id: event.data.programId }, { status: 'closed', updatedAt: new Date() });
    await this.closer.closeOpen(manager, { programId: event.data.programId }, { declinedBy: 'system', endedBy: 'system', reason: 'program_closed' }, new Date(event.data.closedAt));
  }
}
