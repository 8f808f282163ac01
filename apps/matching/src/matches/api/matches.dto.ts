import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PageQuery } from '@passerelle/platform/http';
import { IsBoolean, IsIn, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { HARD_CONSTRAINTS, type HardConstraint } from '../../scoring/domain/pair-score';
import { CRITERIA, type Criterion } from '../../scoring/domain/scoring-model';
import { DECLINE_REASONS, type DeclineReason, MATCH_ORIGINS, MATCH_STATUSES, type MatchOrigin, type MatchStatus } from '../domain/match-lifecycle';

export class ListMatchesQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  programId?: string;

  @ApiPropertyOptional({ enum: MATCH_STATUSES })
  @IsOptional()
  @IsIn(MATCH_STATUSES, { message: `must be one of ${MATCH_STATUSES.join(', ')}` })
  status?: MatchStatus;
}

export class CreateMatchRequest {
  @ApiProperty({ format: 'uuid' }) @IsUUID() programId: string;
  @ApiProperty({ format: 'uuid', description: "The mentee's enrolment id (from intake)." }) @IsUUID() menteeEnrollmentId: string;
  @ApiProperty({ format: 'uuid', description: "The mentor's enrolment id (from intake)." }) @IsUUID() mentorEnrollmentId: string;

  @ApiProperty({ maxLength: 500, description: 'Why, for the other organizers.' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  reason: string;

  @ApiPropertyOptional({ default: false, description: 'Propose the pair even though a hard constraint fails.' })
  @IsOptional()
  @IsBoolean()
  overrideConstraints?: boolean;
}

export class DeclineMatchRequest {
  @ApiProperty({ enum: DECLINE_REASONS })
  @IsIn(DECLINE_REASONS, { message: `must be one of ${DECLINE_REASONS.join(', ')}` })
  reason: DeclineReason;
}

export class CloseMatchRequest {
  @ApiPropertyOptional({ maxLength: 500, description: "An organizer's reason (required when an organizer cancels)." })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  reason?: string;
}

class BreakdownItem {
  @ApiProperty({ enum: CRITERIA }) criterion: Criterion;
  @ApiProperty() points: number;
  @ApiProperty() maxPoints: number;
}

class ConstraintItem {
  @ApiProperty({ enum: HARD_CONSTRAINTS }) constraint: HardConstraint;
  @ApiProperty() held: boolean;
}

export class MatchScoreResponse {
  @ApiProperty() total: number;
  @ApiProperty() maxTotal: number;
  @ApiProperty({ type: [BreakdownItem] }) breakdown: BreakdownItem[];
  @ApiProperty({
    type: [ConstraintItem],
    description: "Which hard constraints held. A participant's copy of their match leaves out not_excluded (a declared conflict is the declarer's answer; organizers see it).",
  })
  constraints: ConstraintItem[];
}

export class MatchResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) networkId: string;
  @ApiProperty({ format: 'uuid' }) programId: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) menteeId: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) mentorId: string | null;
  @ApiProperty({ format: 'uuid' }) menteeEnrollmentId: string;
  @ApiProperty({ format: 'uuid' }) mentorEnrollmentId: string;
  @ApiProperty({ enum: MATCH_STATUSES }) status: MatchStatus;
  @ApiProperty({ enum: MATCH_ORIGINS }) origin: MatchOrigin;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) roundId: string | null;
  @ApiProperty({ nullable: true, type: Number, description: 'mentee_choice: the rank of the suggestion the mentee picked.' }) rank: number | null;
  @ApiProperty({ type: MatchScoreResponse }) score: MatchScoreResponse;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) menteeAcceptedAt: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) mentorAcceptedAt: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time', description: 'mentee_choice: the request expires then.' }) respondBy: string | null;
  @ApiProperty({ nullable: true, type: String }) declinedBy: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'Null for a participant when the other side declined: why is their answer, for the organizers.' })
  declineReason: string | null;
  @ApiProperty({ nullable: true, type: String }) endedBy: string | null;
  @ApiProperty({ nullable: true, type: String }) endReason: string | null;
  @ApiProperty({ format: 'date-time' }) proposedAt: string;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) acceptedAt: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) closedAt: string | null;
  @ApiProperty() version: number;
}

export class MatchPageResponse {
  @ApiProperty({ type: [MatchResponse] }) items: MatchResponse[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
}
