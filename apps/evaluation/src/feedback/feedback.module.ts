import { Module } from '@nestjs/common';
import { FeedbackController } from './api/feedback.controller';
import { ListOpenFeedbackUseCase } from './application/list-open-feedback.use-case';
import { SubmitFeedbackUseCase } from './application/submit-feedback.use-case';
import { UserErasedHandler } from './infrastructure/user-erased.handler';

/** Session feedback, pulse and exit surveys (issue 7, item 1), and their erasure. */
@Module({
  controllers: [FeedbackController],
  providers: [SubmitFeedbackUseCase, ListOpenFeedbackUseCase, UserErasedHandler],
})
export class FeedbackModule {}
