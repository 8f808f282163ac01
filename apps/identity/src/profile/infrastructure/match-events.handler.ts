import { Injectable } from '@nestjs/common';
import {
  type EventEnvelope,
  matchAccepted,
  type MatchAcceptedData,
  matchDeclined,
  type MatchDeclinedData,
  matchEnded,
  type MatchEndedData,
  matchProposed,
  type MatchProposedData,
} from '@passerelle/contracts';
import { type EventHandler, HandlesEvent } from '@passerelle/platform/inbox';
import type { EntityManager } from 'typeorm';
import { RecordMatchPartnersUseCase } from '../application/record-match-partners.use-case';

@Injectable()
@HandlesEvent(matchProposed)
export class MatchProposedPartnersHandler implements EventHandler<MatchProposedData> {
  constructor(private readonly record: RecordMatchPartnersUseCase) {}

  handle(event: EventEnvelope<MatchProposedData>, manager: EntityManager): Promise<void> {
    return this.record.execute(manager, event.data, 'proposed');
  }
}

@Injectable()
@HandlesEvent(matchAccepted)
export class MatchAcceptedPartnersHandler implements EventHandler<MatchAcceptedData> {
  constructor(private readonly record: RecordMatchPartnersUseCase) {}

  handle(event: EventEnvelope<MatchAcceptedData>, manager: EntityManager): Promise<void> {
    return this.record.execute(manager, event.data, 'active');
  }
}

@Injectable()
@HandlesEvent(matchDeclined)
export class MatchDeclinedPartnersHandler implements EventHandler<MatchDeclinedData> {
  constructor(private readonly record: RecordMatchPartnersUseCase) {}

  handle(event: EventEnvelope<MatchDeclinedData>, manager: EntityManager): Promise<void> {
    return this.record.execute(manager, event.data, 'declined');
  }
}

@Injectable()
@HandlesEvent(matchEnded)
export class MatchEndedPartnersHandler implements EventHandler<MatchEndedData> {
  constructor(private readonly record: RecordMatchPartnersUseCase) {}

  handle(event: EventEnvelope<MatchEndedData>, manager: EntityManager): Promise<void> {
    return this.record.execute(manager, event.data, 'ended');
  }
}
