import { Injectable } from '@nestjs/common';
import type { AlertRaisedV2Data } from '@passerelle/contracts';
import type { EntityManager } from 'typeorm';
import { DirectoryLookup } from '../../directory/application/directory-lookup';
import { Notifier } from '../../notifications/application/notifier';
import { programNameOf } from '../../notifications/application/program-name';
import { followsUpWithThePair } from '../domain/alert-follow-up-rule';
import { Nudger } from './nudger';

/**
 * Evaluation says a pair is at risk: the network's organizers are notified
 * and, when a reason is one both participants witnessed
 * (followsUpWithThePair), both participants are nudged; once per alert (the
 * inbox absorbs redeliveries, `pair_alerts` a replay and the second version
 * of the same alert). A pair communication knows to have ended is left alone.
 */
@Injectable()
export class AlertFollowUp {
  constructor(
    private readonly nudger: Nudger,
    private readonly notifier: Notifier,
    private readonly directory: DirectoryLookup,
  ) {}

  async open(alert: AlertRaisedV2Data, manager: EntityManager): Promise<void> {
    const recorded: unknown[] = await manager.query(
      `INSERT INTO pair_alerts (alert_id, network_id, program_id, match_id, severity, reasons, status, raised_at)
       VALUES ($1, $2, $3, $4, $5, $6, 'open', $7) ON CONFLICT DO NOTHING RETURNING alert_id`,
      [alert.alertId, alert.networkId, alert.programId, alert.matchId, alert.severity, JSON.stringify(alert.reasons), alert.raisedAt],
    );
    if (recorded.length === 0) return;
    const ended: unknown[] = await manager.query(`SELECT 1 FROM pairs WHERE match_id = $1 AND status = 'ended'`, [alert.matchId]);
    if (ended.length > 0) return;
    const now = new Date();
    const programName = await programNameOf(manager, alert.programId);
    const pairReminded = followsUpWithThePair(alert.reasons);
    for (const recipientId of pairReminded ? [alert.mentorId, alert.menteeId] : []) {
      await this.nudger.nudge(manager, {
        networkId: alert.networkId,
        programId: alert.programId,
        matchId: alert.matchId,
        alertId: alert.alertId,
        recipientId,
        reason: 'alert_follow_up',
        template: 'alert_follow_up',
        data: { programName },
        now,
      });
    }
    for (const organizerId of await this.directory.organizersOf(alert.networkId, manager)) {
      await this.notifier.notify(manager, {
        recipientId: organizerId,
        template: 'organizer_alert',
        data: { programName, severity: alert.severity, reasons: alert.reasons.map((reason) => reason.code), pairReminded },
        about: { alertId: alert.alertId, matchId: alert.matchId, programId: alert.programId },
      });
    }
  }
}
