import type { MatchEntity } from '../infrastructure/match.entity';

/** The pair every match event repeats, so each is usable on its own (events of a match may arrive out of order elsewhere). */
export function pairOf(match: MatchEntity) {
  return {
    matchId: match.id,
    networkId: match.networkId,
    programId: match.programId,
    mentorId: match.mentorId!,
    menteeId: match.menteeId!,
  };
}
