import { Injectable } from '@nestjs/common';
import { type EventEnvelope, matchProposed, type MatchProposedData, matchRequestExpiring, type MatchRequestExpiringData } from '@passerelle/contracts';
import { type EventHandler, HandlesEvent } from '@passerelle/platform/inbox';
import type { EntityManager } from 'typeorm';
import { Notifier } from '../application/notifier';
import { programNameOf } from '../application/program-name';

/**
 * A proposal reaches whoever has to answer it: both sides of a round's or an
 * organizer's proposal, the mentor alone for a mentee's own request.
 */
@Injectable()
@HandlesEvent(matchProposed)
export class MatchProposedNotificationHandler implements EventHandler<MatchProposedData> {
  constructor(private readonly notifier: Notifier) {}

  async handle(event: EventEnvelope<MatchProposedData>, manager: EntityManager): Promise<void> {
    const { matchId, programId, mentorId, menteeId, origin } = event.data;
    const programName = await programNameOf(manager, programId);
    const mentor = { id: mentorId, role: 'mentor' as const };
    const recipients = origin === 'mentee_choice' ? [mentor] : [mentor, { id: menteeId, role: 'mentee' as const }];
    for (const recipient of recipients) {
      await this.notifier.notify(manager, { recipientId: recipient.id, template: 'match_proposed', data: { programName, role: recipient.role }, about: { matchId, programId } });
    }
  }
}

/** Matching says a request is about to expire: its mentor is reminded. */
@Injectable()
@HandlesEvent(matchRequestExpiring)
export class MatchRequestExpiringNotificationHandler implements EventHandler<MatchRequestExpiringData> {
  constructor(private readonly notifier: Notifier) {}

  async handle(event: EventEnvelope<MatchRequestExpiringData>, manager: EntityManager): Promise<void> {
    const { matchId, programId, mentorId, respondBy } = event.data;
    await this.notifier.notify(manager, {
      recipientId: mentorId,
      template: 'match_request_expiring',
      data: { programName: await programNameOf(manager, programId), respondBy: new Date(respondBy) },
      about: { matchId, programId },
    });
  }
}
