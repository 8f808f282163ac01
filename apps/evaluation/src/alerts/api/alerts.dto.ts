import { ApiProperty } from '@nestjs/swagger';
import { RiskReasonView } from '../../projections/api/program-report.dto';

export class AlertResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) networkId: string;
  @ApiProperty({ format: 'uuid' }) programId: string;
  @ApiProperty({ format: 'uuid' }) matchId: string;
  @ApiProperty({ format: 'uuid' }) mentorId: string;
  @ApiProperty({ format: 'uuid' }) menteeId: string;
  @ApiProperty({ enum: ['warning', 'critical'], description: 'critical when more than one rule is broken.' }) severity: string;
  @ApiProperty({ type: [RiskReasonView], description: 'The rules the pair broke when the alert was raised or last updated.' }) reasons: RiskReasonView[];
  @ApiProperty({ enum: ['open', 'resolved'] }) status: 'open' | 'resolved';
  @ApiProperty({ format: 'date-time' }) raisedAt: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) resolvedAt: string | null;
  @ApiProperty({ enum: ['match_ended', 'back_on_track'], nullable: true, type: String, description: 'How the alert was resolved.' }) resolution: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) acknowledgedAt: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'The organizer who acknowledged it first.' }) acknowledgedBy: string | null;
}

export class AlertPageResponse {
  @ApiProperty({ type: [AlertResponse] }) items: AlertResponse[];
  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'Pass as `cursor` for the next page; null on the last.' }) nextCursor: string | null;
}
