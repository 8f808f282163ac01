import { Injectable } from '@nestjs/common';
import {
  type AlertRaisedData,
  alertRaised,
  type AlertRaisedV2Data,
  alertRaisedV2,
  type AlertResolvedData,
  alertResolved,
  type EventEnvelope,
} from '@passerelle/contracts';
import { type EventHandler, HandlesEvent } from '@passerelle/platform/inbox';
import type { EntityManager } from 'typeorm';
import { AlertFollowUp } from '../application/alert-follow-up';

/** `alert.raised.v1`, deprecated: still acted on while evaluation publishes it (an alert whose v2 came first is a no-op). */
@Injectable()
@HandlesEvent(alertRaised)
export class AlertRaisedHandler implements EventHandler<AlertRaisedData> {
  constructor(private readonly followUp: AlertFollowUp) {}

  handle(event: EventEnvelope<AlertRaisedData>, manager: EntityManager): Promise<void> {
    return this.followUp.open(event.data, manager);
  }
}

/** `alert.raised.v2`: every reason, `reschedule_declined` included. */
@Injectable()
@HandlesEvent(alertRaisedV2)
export class AlertRaisedV2Handler implements EventHandler<AlertRaisedV2Data> {
  constructor(private readonly followUp: AlertFollowUp) {}

  handle(event: EventEnvelope<AlertRaisedV2Data>, manager: EntityManager): Promise<void> {
    return this.followUp.open(event.data, manager);
  }
}

/** The alert closed: it is marked so (nothing more is sent for it). */
@Injectable()
@HandlesEvent(alertResolved)
export class AlertResolvedHandler implements EventHandler<AlertResolvedData> {
  async handle(event: EventEnvelope<AlertResolvedData>, manager: EntityManager): Promise<void> {
    await manager.query(`UPDATE pair_alerts SET status = 'resolved', resolved_at = $2 WHERE alert_id = $1`, [event.data.alertId, event.data.resolvedAt]);
  }
}
