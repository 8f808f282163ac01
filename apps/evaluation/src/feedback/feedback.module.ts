import { Module } from '@nestjs/common';
import { FeedbackController } from './api/feedback.controller';
import { SubmitFeedbackUseCase } from './application/submit-feedback.use-case';
import { UserErasedHandler } from './infrastructure/user-erased.handler';

/** Session feedback, pulse and exit surveys (issue 7, item 1), and their erasure. */
@Module({
  controllers: [FeedbackController],
  providers: [SubmitFeedbackUseCase, UserErasedHandler],
})
export class FeedbackModule {}
