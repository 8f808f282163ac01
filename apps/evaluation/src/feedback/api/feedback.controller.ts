import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { type AuthUser, CurrentUser } from '@passerelle/platform/auth';
import { SubmitFeedbackUseCase } from '../application/submit-feedback.use-case';
import { FeedbackResponse, SubmitFeedbackRequest } from './feedback.dto';

@ApiTags('feedback')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ description: 'No valid access token.' })
@Controller('v1/feedback')
export class FeedbackController {
  constructor(private readonly submitFeedback: SubmitFeedbackUseCase) {}

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
