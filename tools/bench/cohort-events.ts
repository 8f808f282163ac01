import { randomUUID } from 'node:crypto';
import {
  type EventDefinition,
  messageSent,
  type MessageSentData,
  sessionCompleted,
  type SessionCompletedData,
  sessionScheduled,
  type SessionScheduledData,
} from '@passerelle/contracts';

export interface CohortPair {
  readonly networkId: string;
  readonly programId: string;
  readonly matchId: string;
  readonly mentorId: string;
  readonly menteeId: string;
}

export type CohortEvent =
  | { readonly definition: EventDefinition<MessageSentData>; readonly data: MessageSentData }
  | { readonly definition: EventDefinition<SessionScheduledData>; readonly data: SessionScheduledData }
  | { readonly definition: EventDefinition<SessionCompletedData>; readonly data: SessionCompletedData };

/** `programmes` × `pairsPerProgramme` matched pairs of one network. */
export function cohort(programmes: number, pairsPerProgramme: number, networkId = randomUUID()): CohortPair[] {
  return Array.from({ length: programmes }, () => randomUUID()).flatMap((programId) =>
    Array.from({ length: pairsPerProgramme }, () => ({ networkId, programId, matchId: randomUUID(), mentorId: randomUUID(), menteeId: randomUUID() })),
  );
}

/**
 * The day-to-day traffic of matched pairs, what communication publishes
 * most: of every five events, three messages, a session booked and an
 * earlier session recorded as held. Pairs take turns, so every partition
 * and every programme gets its share.
 */
export class CohortTraffic {
  private n = 0;
  private readonly booked: Array<SessionScheduledData> = [];

  constructor(private readonly pairs: readonly CohortPair[]) {}

  next(): CohortEvent {
    const n = this.n++;
    const pair = this.pairs[n % this.pairs.length];
    const now = new Date().toISOString();
    const step = n % 5;
    if (step === 3 || (step === 4 && this.booked.length === 0)) {
      const data: SessionScheduledData = {
        ...pair,
        sessionId: randomUUID(),
        startsAt: new Date(Date.now() - 3_600_000).toISOString(),
        plannedDurationMinutes: 45,
        mode: 'video',
        scheduledBy: pair.menteeId,
        scheduledAt: now,
      };
      this.booked.push(data);
      return { definition: sessionScheduled, data };
    }
    if (step === 4) {
      const { sessionId, networkId, programId, matchId, mentorId, menteeId, startsAt } = this.booked.shift()!;
      const data: SessionCompletedData = { sessionId, networkId, programId, matchId, mentorId, menteeId, startsAt, actualDurationMinutes: 50, mode: 'video', completedAt: now };
      return { definition: sessionCompleted, data };
    }
    const data: MessageSentData = {
      ...pair,
      messageId: randomUUID(),
      conversationId: pair.matchId,
      senderId: n % 2 ? pair.mentorId : pair.menteeId,
      senderRole: n % 2 ? 'mentor' : 'mentee',
      length: 120 + (n % 400),
      sentAt: now,
    };
    return { definition: messageSent, data };
  }
}
