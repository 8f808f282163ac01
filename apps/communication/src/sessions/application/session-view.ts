import type { AbsentRole, SessionMode, SessionStatus } from '../domain/session';
import type { SessionEntity } from '../infrastructure/session.entity';

export interface SessionView {
  id: string;
  matchId: string;
  status: SessionStatus;
  startsAt: string;
  durationMinutes: number;
  mode: SessionMode;
  timeZone: string;
  agenda: string | null;
  location: string | null;
  meetingUrl: string | null;
  proposedBy: string;
  /** Whether the caller is the one to confirm the proposed time. */
  awaitingMyConfirmation: boolean;
  sequence: number;
  scheduledAt: string | null;
  cancelReason: string | null;
  actualDurationMinutes: number | null;
  absentRole: AbsentRole | null;
  createdAt: string;
  updatedAt: string;
}

export function toSessionView(session: SessionEntity, viewerId: string): SessionView {
  return {
    id: session.id,
    matchId: session.matchId,
    status: session.status,
    startsAt: session.startsAt.toISOString(),
    durationMinutes: session.durationMinutes,
    mode: session.mode,
    timeZone: session.timeZone,
    agenda: session.agenda,
    location: session.location,
    meetingUrl: session.meetingUrl,
    proposedBy: session.proposedBy,
    awaitingMyConfirmation: session.status === 'proposed' && session.proposedBy !== viewerId,
    sequence: session.sequence,
    scheduledAt: session.scheduledAt?.toISOString() ?? null,
    cancelReason: session.cancelReason,
    actualDurationMinutes: session.actualDurationMinutes,
    absentRole: session.absentRole,
    createdAt: session.createdAt.toISOString(),
    updatedAt: session.updatedAt.toISOString(),
  };
}
