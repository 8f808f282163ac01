import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { type AuthUser, CurrentUser } from '@passerelle/platform/auth';
import { ListOpenFeedbackUseCase } from '../application/list-open-feedback.use-case';
import { SubmitFeedbackUseCase } from '../application/submit-feedback.use-case';
import { FeedbackResponse, OpenFeedbackResponse, SubmitFeedbackRequest } from './feedback.dto';

@ApiTags('feedback')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ description: 'No valid access token.' })
@Controller('v1/feedback')
export class FeedbackController {
  constructor(
    private readonly submitFeedback: SubmitFeedbackUseCase,
    private readonly listOpenFeedback: ListOpenFeedbackUseCase,
  ) {}

  @Get('open')
  @ApiOkResponse({ type: OpenFeedbackResponse, description: 'What you may answer now: held sessions awaiting your feedback, and open surveys. Empty for a service account.' })
  open(@CurrentUser() caller: AuthUser): Promise<OpenFeedbackResponse> {
    return this.listOpenFeedback.execute(caller);
  }

  @Post()
  @HttpCode(201)
  @ApiCreatedResponse({ type: FeedbackResponse, description: 'Recorded; `passerelle.evaluation.feedback.submitted` is published.' })
  @ApiBadRequestResponse({ description: 'A field is missing, invalid, unknown, or not asked by that form.' })
  @ApiForbiddenResponse({ description: 'Not a participant of that session (its pair) or of that programme.' })
  @ApiNotFoundResponse({ description: 'No such session or programme in your network.' })
  @ApiConflictResponse({ description: 'Already answered, or not open: the session has not taken place, the survey is not open yet or any more.' })
  submit(@Body() body: SubmitFeedbackRequest, @CurrentUser() caller: AuthUser): Promise<FeedbackResponse> {
    return this.submitFeedback.execute(caller, body);
  }
}
