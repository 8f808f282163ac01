import { Injectable } from '@nestjs/common';
import { type EventEnvelope, matchAccepted, type MatchAcceptedData, matchEnded, type MatchEndedData } from '@passerelle/contracts';
import { type EventHandler, HandlesEvent } from '@passerelle/platform/inbox';
import type { EntityManager } from 'typeorm';
import { EndPairUseCase, OpenPairUseCase } from '../application/pair-events.use-cases';

@Injectable()
@HandlesEvent(matchAccepted)
export class MatchAcceptedHandler implements EventHandler<MatchAcceptedData> {
  constructor(private readonly openPair: OpenPairUseCase) {}

  handle(event: EventEnvelope<MatchAcceptedData>, manager: EntityManager): Promise<void> {
    return this.openPair.execute(manager, event.data);
  }
}

@Injectable()
@HandlesEvent(matchEnded)
export class MatchEndedHandler implements EventHandler<MatchEndedData> {
  constructor(private readonly endPair: EndPairUseCase) {}

  handle(event: EventEnvelope<MatchEndedData>, manager: EntityManager): Promise<void> {
    return this.endPair.execute(manager, event.data);
  }
}
