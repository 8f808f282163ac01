import { randomUUID } from 'node:crypto';
import {
  createEnvelope,
  enrollmentSubmitted,
  type EventDefinition,
  feedbackSubmitted,
  matchAccepted,
  messageSent,
  programPublished,
  sessionCompleted,
  sessionScheduled,
  toKafkaMessage,
} from '@passerelle/contracts';
import { MINIMAL_ENROLMENT_FEATURES } from '@passerelle/testing';

export type SeedRecord = { readonly topic: string; readonly message: ReturnType<typeof toKafkaMessage> };

const DAY_MS = 86_400_000;
const daysAgo = (days: number) => new Date(Date.now() - days * DAY_MS).toISOString();
const BASELINE = { confidence: 3, communication: 3, leadership: 2, networkSize: 2 };

/** Builds the events of one programme of a network, as its services would publish them. */
export class ProgrammeEvents {
  readonly programId = randomUUID();
  readonly records: SeedRecord[] = [];

  constructor(readonly networkId: string, organizerId: string) {
    this.add(programPublished, {
      programId: this.programId,
      networkId,
      name: 'Benchmark programme',
      objectives: ['job_search', 'networking'],
      startsOn: daysAgo(120).slice(0, 10),
      endsOn: daysAgo(-60).slice(0, 10),
      cadenceDays: 14,
      matchingModes: ['organizer_rounds'],
      defaultMentorCapacity: 2,
      intakeOpensOn: daysAgo(150).slice(0, 10),
      intakeClosesOn: daysAgo(121).slice(0, 10),
      publishedBy: organizerId,
      publishedAt: daysAgo(150),
    });
  }

  add<T>(definition: EventDefinition<T>, data: T): void {
    this.records.push({ topic: definition.topic, message: toKafkaMessage(createEnvelope(definition, data)) });
  }

  enrol(userId: string, role: 'mentor' | 'mentee'): void {
    this.add(enrollmentSubmitted, {
      enrollmentId: randomUUID(),
      networkId: this.networkId,
      programId: this.programId,
      userId,
      role,
      templateVersion: 1,
      ...(role === 'mentor' ? { capacity: 2 } : {}),
      features: MINIMAL_ENROLMENT_FEATURES,
      excludedUserIds: [],
      baseline: BASELINE,
      submittedAt: daysAgo(130),
    });
  }

  /** A pair matched 100 days ago; returns its ids for sessions. */
  match(mentorId: string, menteeId: string) {
    const pair = { networkId: this.networkId, programId: this.programId, matchId: randomUUID(), mentorId, menteeId };
    this.add(matchAccepted, { ...pair, acceptedAt: daysAgo(100) });
    return pair;
  }

  /** A session `day` days ago, held (completed) or only booked. */
  session(pair: ReturnType<ProgrammeEvents['match']>, day: number, held: boolean): string {
    const sessionId = randomUUID();
    const startsAt = daysAgo(day);
    this.add(sessionScheduled, { ...pair, sessionId, startsAt, plannedDurationMinutes: 45, mode: 'video', scheduledBy: pair.menteeId, scheduledAt: daysAgo(day + 7) });
    if (held) this.add(sessionCompleted, { ...pair, sessionId, startsAt, actualDurationMinutes: 50, mode: 'video', completedAt: daysAgo(day - 0.05) });
    return sessionId;
  }

  message(pair: ReturnType<ProgrammeEvents['match']>, day: number, fromMentor: boolean): void {
    this.add(messageSent, {
      ...pair,
      messageId: randomUUID(),
      conversationId: pair.matchId,
      senderId: fromMentor ? pair.mentorId : pair.menteeId,
      senderRole: fromMentor ? 'mentor' : 'mentee',
      length: 240,
      sentAt: daysAgo(day),
    });
  }

  feedback(pair: ReturnType<ProgrammeEvents['match']>, sessionId: string, fromMentor: boolean, satisfaction: number, day: number): void {
    this.add(feedbackSubmitted, {
      feedbackId: randomUUID(),
      networkId: this.networkId,
      programId: this.programId,
      matchId: pair.matchId,
      sessionId,
      respondentId: fromMentor ? pair.mentorId : pair.menteeId,
      respondentRole: fromMentor ? 'mentor' : 'mentee',
      form: 'session',
      satisfaction,
      submittedAt: daysAgo(day),
    });
  }
}

/**
 * A programme mid-way, for the report: `mentees` mentees and half as many
 * mentors (two mentees each), matched 100 days ago; each pair has held a
 * session every 14 days (one in five missed), has one booked, writes a
 * few messages a week, and both sides rate most held sessions.
 */
export function reportProgramme(networkId: string, organizerId: string, mentees: number): ProgrammeEvents {
  const programme = new ProgrammeEvents(networkId, organizerId);
  const mentors = Array.from({ length: Math.ceil(mentees / 2) }, () => randomUUID());
  mentors.forEach((mentor) => programme.enrol(mentor, 'mentor'));
  for (let m = 0; m < mentees; m++) {
    const mentee = randomUUID();
    programme.enrol(mentee, 'mentee');
    const pair = programme.match(mentors[m % mentors.length], mentee);
    for (let day = 95, k = 0; day > 0; day -= 14, k++) {
      const held = (m + k) % 5 !== 0;
      const sessionId = programme.session(pair, day, held);
      if (held && k % 3 !== 2) {
        programme.feedback(pair, sessionId, false, 3 + ((m + k) % 3), day - 1);
        programme.feedback(pair, sessionId, true, 4 + ((m + k) % 2), day - 1);
      }
    }
    programme.session(pair, -3, false);
    for (let day = 98; day > 0; day -= 3) programme.message(pair, day, day % 2 === 0);
  }
  return programme;
}
