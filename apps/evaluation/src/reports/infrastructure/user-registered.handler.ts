import { Injectable } from '@nestjs/common';
import { type EventEnvelope, type UserRegisteredData, userRegistered } from '@passerelle/contracts';
import { type EventHandler, HandlesEvent } from '@passerelle/platform/inbox';
import type { EntityManager } from 'typeorm';

/**
 * Counts registrations per network. A plain increment is exact because the
 * inbox lets each event through once (PRODUCT.md, Events: Delivery).
 */
@Injectable()
@HandlesEvent(userRegistered)
export class UserRegisteredHandler implements EventHandler<UserRegisteredData> {
  async handle(event: EventEnvelope<UserRegisteredData>, manager: EntityManager): Promise<void> {
    await manager.query(
      `INSERT INTO network_registrations (network_id, registered_users, updated_at)
       VALUES ($1, 1, now())
       ON CONFLICT (network_id)
       DO UPDATE SET registered_users = network_registrations.registered_users + 1, updated_at = now()`,
      [event.data.networkId],
    );
  }
}
