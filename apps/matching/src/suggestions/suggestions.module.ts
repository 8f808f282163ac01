import { Module } from '@nestjs/common';
import { SuggestionsController } from './api/suggestions.controller';
import { ListSuggestionsUseCase, RequestMentorUseCase } from './application/suggestions.use-cases';
import { RequestExpiryScheduler } from './infrastructure/request-expiry.scheduler';

/** Mentee choice (issue 5, item 4): ranked suggestions, requests to a mentor, their reminders and expiry. */
@Module({
  controllers: [SuggestionsController],
  providers: [ListSuggestionsUseCase, RequestMentorUseCase, RequestExpiryScheduler],
})
export class SuggestionsModule {}
