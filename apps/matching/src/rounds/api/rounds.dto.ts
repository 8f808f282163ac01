import { ApiProperty, type ApiPropertyOptions, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsInt, IsObject, IsOptional, IsUUID, Min, ValidateIf } from 'class-validator';
import { MatchScoreResponse } from '../../matches/api/matches.dto';

const MODEL_SCHEMA: ApiPropertyOptions & { description: string } = {
  type: 'object',
  additionalProperties: true,
  description:
    'Weights are the most points each criterion gives (integers 0–1000): skills, interests, industry, objectives, availability, time_zone, seniority. ' +
    'Constraints: minCommonSlots (0–168 weekly hours in common), excludeSameEmployer, minSeniorityGapYears (or null).',
  example: {
    weights: { skills: 300, interests: 100, industry: 150, objectives: 200, availability: 100, time_zone: 50, seniority: 100 },
    constraints: { minCommonSlots: 2, excludeSameEmployer: true, minSeniorityGapYears: null },
  },
};

export class SaveScoringModelRequest {
  @ApiProperty({ ...MODEL_SCHEMA, nullable: true, description: `${MODEL_SCHEMA.description} \`null\` goes back to the default.` })
  @ValidateIf((_object, value) => value !== null)
  @IsObject()
  model: object | null;

  @ApiPropertyOptional({ minimum: 0, description: 'The model version you read; a 409 if it changed since.' })
  @IsOptional()
  @IsInt()
  @Min(0)
  version?: number;
}

export class RunRoundRequest {
  @ApiPropertyOptional({ default: false, description: "Spread mentees: a mentor's 2nd, 3rd… mentee costs more (5 %, 12 %, 20 %, 30 % of the best score)." })
  @IsOptional()
  @IsBoolean()
  loadBalancing?: boolean;
}

export class WhatIfRequest extends RunRoundRequest {
  @ApiPropertyOptional({ ...MODEL_SCHEMA, description: `A model to try; the programme's current one when absent. ${MODEL_SCHEMA.description}` })
  @IsOptional()
  @IsObject()
  model?: object;
}

export class WhyNotQuery {
  @ApiProperty({ format: 'uuid' }) @IsUUID() menteeEnrollmentId: string;
  @ApiProperty({ format: 'uuid' }) @IsUUID() mentorEnrollmentId: string;
}

export class ScoringModelResponse {
  @ApiProperty({ format: 'uuid' }) programId: string;
  @ApiProperty(MODEL_SCHEMA) model: object;
  @ApiProperty({ description: "True while the programme uses the default derived from its objectives." }) isDefault: boolean;
  @ApiProperty() version: number;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) updatedAt: string | null;
}

class Unmatched {
  @ApiProperty({ description: 'No mentor passes the hard constraints with them.' }) noFeasibleMentor: number;
  @ApiProperty({ description: 'Feasible mentors exist but their places went to others.' }) mentorsFull: number;
}

class MentorLoad {
  @ApiProperty() min: number;
  @ApiProperty() max: number;
  @ApiProperty() mean: number;
}

export class RoundStatisticsResponse {
  @ApiProperty() menteeCount: number;
  @ApiProperty() mentorCount: number;
  @ApiProperty() matchedCount: number;
  @ApiProperty({ type: Unmatched }) unmatched: Unmatched;
  @ApiProperty() totalScore: number;
  @ApiPropertyOptional() minScore?: number;
  @ApiPropertyOptional() meanScore?: number;
  @ApiProperty({ type: MentorLoad }) mentorLoad: MentorLoad;
  @ApiProperty({ description: 'Scoring every pair, solving and certifying, in milliseconds.' }) solveMs: number;
}

export class RoundResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) programId: string;
  @ApiProperty({ format: 'date-time' }) startedAt: string;
  @ApiProperty({ format: 'date-time' }) completedAt: string;
  @ApiProperty({ type: RoundStatisticsResponse }) statistics: RoundStatisticsResponse;
  @ApiProperty(MODEL_SCHEMA) model: object;
  @ApiPropertyOptional({ type: [String], format: 'uuid', description: 'The matches proposed (on the run only).' }) matchIds?: string[];
}

class WhatIfProposal {
  @ApiProperty({ format: 'uuid' }) menteeId: string;
  @ApiProperty({ format: 'uuid' }) mentorId: string;
  @ApiProperty({ type: MatchScoreResponse }) score: MatchScoreResponse;
}

export class WhatIfResponse {
  @ApiProperty(MODEL_SCHEMA) model: object;
  @ApiProperty({ type: RoundStatisticsResponse }) statistics: RoundStatisticsResponse;
  @ApiProperty({ type: [WhatIfProposal] }) proposals: WhatIfProposal[];
}

export class WhyNotResponse {
  @ApiProperty({ format: 'uuid' }) menteeEnrollmentId: string;
  @ApiProperty({ format: 'uuid' }) mentorEnrollmentId: string;
  @ApiProperty({
    enum: ['matched_together', 'constraint_failed', 'mentor_full', 'not_in_a_round', 'not_available'],
    description:
      'Organizers: matched_together, constraint_failed (which in `score.constraints`, exclusions included), mentor_full (the places went to mentees ' +
      'who fit better) or not_in_a_round. A participant: matched_together for their own match, otherwise always not_available, whatever the reason, ' +
      "so that nothing of the other person's answers or exclusions shows (docs/privacy.md).",
  })
  reason: string;

  @ApiProperty({ description: 'One sentence; for not_available, "Not available for this pairing."' }) verdict: string;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    nullable: true,
    description: 'The pair under the current model: constraints with details, points per criterion. Null for not_available.',
  })
  score: object | null;

  @ApiProperty({ nullable: true, type: Number, description: 'mentor_full: the score the pair would have needed in the last round that considered both.' }) neededScore: number | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) roundId: string | null;
}
