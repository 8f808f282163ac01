import { defineService } from '@passerelle/platform/bootstrap';
import { matchingConfigSchema } from './config';
import { MatchEntity } from './matches/infrastructure/match.entity';
import { MatchesModule } from './matches/matches.module';
import { MatchingInitial1764700000000 } from './migrations/1764700000000-matching-initial.migration';
import { MatchingErasedUsers1764700000001 } from './migrations/1764700000001-matching-erased-users.migration';
import { CandidateEntity } from './pool/infrastructure/candidate.entity';
import { MatchingProgramEntity } from './pool/infrastructure/program.entity';
import { PoolModule } from './pool/pool.module';
import { RoundEntity } from './rounds/infrastructure/round.entity';
import { RoundsModule } from './rounds/rounds.module';
import { SuggestionsModule } from './suggestions/suggestions.module';

/** Candidate pool from intake's events, scoring models, certified optimal rounds, mentee choice, and the match lifecycle. */
export const matchingApp = defineService({
  description: {
    service: 'matching',
    title: 'Passerelle matching',
    description: 'Candidate features, scoring, matching rounds, proposals and the match lifecycle.',
  },
  configSchema: matchingConfigSchema,
  entities: [MatchingProgramEntity, CandidateEntity, MatchEntity, RoundEntity],
  migrations: [MatchingInitial1764700000000, MatchingErasedUsers1764700000001],
  imports: [PoolModule, MatchesModule, RoundsModule, SuggestionsModule],
});
