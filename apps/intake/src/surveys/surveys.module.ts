import { Module } from '@nestjs/common';
import { SurveysController } from './api/surveys.controller';
import { GetSurveyTemplateUseCase, SaveSurveyTemplateUseCase } from './application/survey-template.use-cases';
import { TemplateStore } from './application/template-store';

/** Survey templates per programme and role: generated from the objectives, edited by organizers, versioned. */
@Module({
  controllers: [SurveysController],
  providers: [TemplateStore, GetSurveyTemplateUseCase, SaveSurveyTemplateUseCase],
  exports: [TemplateStore],
})
export class SurveysModule {}
