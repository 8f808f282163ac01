import { Injectable } from '@nestjs/common';
import { type NudgeSentData, nudgeSent } from '@passerelle/contracts';
import { OutboxWriter } from '@passerelle/platform/outbox';
import { randomUUID } from 'crypto';
import type { EntityManager } from 'typeorm';
import { Notifier } from '../../notifications/application/notifier';
import type { TemplateData, TemplateName } from '../../notifications/domain/templates';

export interface NudgeRequest<T extends TemplateName> {
  readonly networkId: string;
  readonly programId: string;
  readonly matchId: string;
  readonly recipientId: string;
  readonly reason: NudgeSentData['reason'];
  readonly sessionId?: string;
  readonly alertId?: string;
  readonly template: T;
  readonly data: TemplateData<T>;
  readonly now: Date;
}

/**
 * Reminds one participant of a pair (issue 6, item 3), in the caller's
 * transaction: a `nudges` row (a unique index refuses a second follow-up of
 * the same alert to the same person), the notification, and `nudge.sent`
 * when a mail went out (its only channel). Returns false when nothing was
 * sent: already reminded of that alert, or the person is erased or unknown.
 */
@Injectable()
export class Nudger {
  constructor(
    private readonly notifier: Notifier,
    private readonly outbox: OutboxWriter,
  ) {}

  async nudge<T extends TemplateName>(manager: EntityManager, request: NudgeRequest<T>): Promise<boolean> {
    const id = randomUUID();
    const inserted: unknown[] = await manager.query(
      `INSERT INTO nudges (id, network_id, program_id, match_id, session_id, alert_id, recipient_id, reason, mailed, sent_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, false, $9)
       ON CONFLICT DO NOTHING RETURNING id`,
      [id, request.networkId, request.programId, request.matchId, request.sessionId ?? null, request.alertId ?? null, request.recipientId, request.reason, request.now],
    );
    if (inserted.length === 0) return false;
    const about = Object.fromEntries(
      Object.entries({ matchId: request.matchId, sessionId: request.sessionId, alertId: request.alertId }).filter((entry): entry is [string, string] => !!entry[1]),
    );
    const outcome = await this.notifier.notify(manager, { recipientId: request.recipientId, template: request.template, data: request.data, about });
    if (outcome === 'skipped') {
      await manager.query('DELETE FROM nudges WHERE id = $1', [id]);
      return false;
    }
    if (outcome === 'mailed') {
      await manager.query('UPDATE nudges SET mailed = true WHERE id = $1', [id]);
      await this.outbox.append(manager, nudgeSent, {
        nudgeId: id,
        networkId: request.networkId,
        programId: request.programId,
        recipientId: request.recipientId,
        matchId: request.matchId,
        ...(request.alertId ? { alertId: request.alertId } : {}),
        reason: request.reason,
        channel: 'email',
        sentAt: request.now.toISOString(),
      } as NudgeSentData);
    }
    return true;
  }
}
