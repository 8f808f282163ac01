import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

class ScalesView {
  @ApiProperty({ minimum: 1, maximum: 5 }) confidence: number;
  @ApiProperty({ minimum: 1, maximum: 5 }) communication: number;
  @ApiProperty({ minimum: 1, maximum: 5 }) leadership: number;
  @ApiProperty({ minimum: 1, maximum: 5 }) networkSize: number;
}

class SelfAssessmentView {
  @ApiProperty({ enum: ['pulse', 'exit'] }) form: string;
  @ApiProperty({ format: 'date-time' }) submittedAt: string;
  @ApiProperty({ type: ScalesView }) scales: ScalesView;
}

class GoalView {
  @ApiProperty({ format: 'uuid' }) goalId: string;
  @ApiProperty({ nullable: true, type: String }) objective: string | null;
  @ApiProperty() metric: string;
  @ApiProperty({ nullable: true, type: Number }) targetValue: number | null;
  @ApiProperty({ minimum: 0, maximum: 100 }) progressPercent: number;
  @ApiProperty() status: string;
}

export class MenteeRatingsView {
  @ApiProperty({
    enum: ['not_enough_raters', 'shown'],
    description: 'not_enough_raters until `minimumRaters` distinct mentees have rated sessions; then shown.',
  })
  status: 'not_enough_raters' | 'shown';

  @ApiProperty({
    nullable: true,
    type: Number,
    minimum: 1,
    maximum: 5,
    multipleOf: 0.5,
    description:
      "The mean of each rater's own mean rating, to the nearest half point. It moves only once `minimumRaters` more distinct mentees have " +
      'rated since it last moved, so no single rating can be read off a change. Null while not_enough_raters.',
  })
  average: number | null;

  @ApiProperty({ description: 'How many distinct raters the average needs, and takes in at each move (PARTICIPANT_RATING_MIN_RATERS).' })
  minimumRaters: number;
}

class RoleProgressView {
  @ApiProperty({ enum: ['mentor', 'mentee'] }) role: 'mentor' | 'mentee';
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) enrolledAt: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) withdrawnAt: string | null;
  @ApiProperty({ nullable: true, type: ScalesView, description: 'Your self-assessment at enrolment.' }) baseline: ScalesView | null;
  @ApiProperty({ nullable: true, type: SelfAssessmentView, description: 'Your latest pulse or exit answer with scales.' }) latestSelfAssessment: SelfAssessmentView | null;
  @ApiProperty({ type: [GoalView] }) goals: GoalView[];
  @ApiProperty({ description: 'Sessions of your pairs held so far.' }) sessionsHeld: number;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) lastSessionAt: string | null;
  @ApiPropertyOptional({ type: MenteeRatingsView, description: "Mentors only: how mentees rated your sessions, never a count nor anyone's own rating." })
  menteeRatings?: MenteeRatingsView;
}

export class MyProgressResponse {
  @ApiProperty({ format: 'uuid' }) programId: string;
  @ApiProperty({ type: [RoleProgressView], description: 'One entry per role you hold in the programme.' }) roles: RoleProgressView[];
}
