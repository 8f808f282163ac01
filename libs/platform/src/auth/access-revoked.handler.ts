import { Injectable } from '@nestjs/common';
import { type EventEnvelope, type UserAccessRevokedData, userAccessRevoked } from '@passerelle/contracts';
import type { EntityManager } from 'typeorm';
import { type EventHandler, HandlesEvent } from '../inbox/event-handler';
import { recordRevocation } from './token-revocations';

/**
 * Records identity's revocations in every service that verifies its tokens,
 * through the inbox like any other event. The guards of all replicas then
 * read the row (TokenRevocations), not this handler's memory: only one
 * replica receives the event.
 */
@Injectable()
@HandlesEvent(userAccessRevoked)
export class AccessRevokedHandler implements EventHandler<UserAccessRevokedData> {
  async handle(event: EventEnvelope<UserAccessRevokedData>, manager: EntityManager): Promise<void> {
    const { userId, networkId, tokenEpoch, revokedAt } = event.data;
    await recordRevocation(manager, { accountId: userId, networkId, tokenEpoch, revokedAt });
  }
}
