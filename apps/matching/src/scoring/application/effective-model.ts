import type { MatchingProgramEntity } from '../../pool/infrastructure/program.entity';
import { defaultModel, type ScoringModel } from '../domain/scoring-model';

/** The organizers' model when they saved one, else the default derived from the programme's objectives. */
export function effectiveModel(program: MatchingProgramEntity): ScoringModel {
  return (program.scoringModel as ScoringModel | null) ?? defaultModel(program.objectives);
}
