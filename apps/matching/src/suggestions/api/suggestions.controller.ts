import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiProperty, ApiPropertyOptional, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { type AuthUser, CurrentUser } from '@passerelle/platform/auth';
import { uuidParam } from '@passerelle/platform/http';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { MatchResponse, MatchScoreResponse } from '../../matches/api/matches.dto';
import { toMatchResponse } from '../../matches/api/matches.controller';
import { eventScore } from '../../rounds/application/round-computation';
import { ListSuggestionsUseCase, RequestMentorUseCase } from '../application/suggestions.use-cases';

export class SuggestionsQuery {
  @ApiPropertyOptional({ minimum: 1, maximum: 50, default: 5 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(50)
  limit?: number;
}

export class RequestMentorRequest {
  @ApiProperty({ format: 'uuid', description: "The suggested mentor's enrolment id." })
  @IsUUID()
  mentorEnrollmentId: string;
}

export class SuggestionResponse {
  @ApiProperty({ description: '1 = first shown.' }) rank: number;
  @ApiProperty({ format: 'uuid' }) mentorEnrollmentId: string;
  @ApiProperty({ format: 'uuid' }) mentorId: string;
  @ApiProperty({ type: MatchScoreResponse }) score: MatchScoreResponse;
}

@ApiTags('matching')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ description: 'No valid access token.' })
@Controller('v1/matching/programs/:programId')
export class SuggestionsController {
  constructor(
    private readonly listSuggestions: ListSuggestionsUseCase,
    private readonly requestMentor: RequestMentorUseCase,
  ) {}

  @Get('suggestions')
  @ApiOkResponse({ type: [SuggestionResponse], description: 'Your best feasible mentors with room, with breakdowns; ties rotate between mentees.' })
  @ApiNotFoundResponse({ description: 'No such programme, or you are not an active mentee of it.' })
  @ApiConflictResponse({ description: 'The programme does not let mentees choose.' })
  async suggestions(
    @Param('programId', uuidParam('programId')) programId: string,
    @Query() query: SuggestionsQuery,
    @CurrentUser() caller: AuthUser,
  ): Promise<SuggestionResponse[]> {
    const suggestions = await this.listSuggestions.execute(caller, programId, query.limit ?? 5);
    return suggestions.map((s) => ({ rank: s.rank, mentorEnrollmentId: s.mentor.enrollmentId, mentorId: s.mentor.userId!, score: eventScore(s.score) }));
  }

  @Post('requests')
  @HttpCode(201)
  @ApiCreatedResponse({ type: MatchResponse, description: 'A proposal you accepted, waiting for the mentor until `respondBy`; `match.proposed` goes out.' })
  @ApiNotFoundResponse({ description: 'No such programme, you are not a mentee of it, or the mentor is not suggested to you.' })
  @ApiConflictResponse({ description: 'You already have an open request or match, the programme is closed, or it does not let mentees choose.' })
  async request(
    @Param('programId', uuidParam('programId')) programId: string,
    @Body() body: RequestMentorRequest,
    @CurrentUser() caller: AuthUser,
  ): Promise<MatchResponse> {
    return toMatchResponse(await this.requestMentor.execute(caller, programId, body.mentorEnrollmentId), caller);
  }
}
