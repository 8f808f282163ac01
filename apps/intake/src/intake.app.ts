import { defineService } from '@passerelle/platform/bootstrap';
import { intakeConfigSchema } from './config';
import { IntakePrograms1764400000000 } from './migrations/1764400000000-intake-programs.migration';
import { ProgramEntity } from './programs/infrastructure/program.entity';
import { ProgramsModule } from './programs/programs.module';
import { EnrollmentsModule } from './enrollments/enrollments.module';
import { EnrollmentEntity } from './enrollments/infrastructure/enrollment.entity';
import { GoalsModule } from './goals/goals.module';
import { GoalEntity } from './goals/infrastructure/goal.entity';
import { IntakeEnrollments1764600000000 } from './migrations/1764600000000-intake-enrollments.migration';
import { SurveyTemplateEntity } from './surveys/infrastructure/survey-template.entity';
import { SurveysModule } from './surveys/surveys.module';
import { IntakeTaxonomies1764500000000 } from './migrations/1764500000000-intake-taxonomies.migration';
import { TaxonomyTermEntity } from './taxonomies/infrastructure/taxonomy-term.entity';
import { TaxonomiesModule } from './taxonomies/taxonomies.module';

/** Health, metrics, OpenAPI, the event machinery, and the contexts of issue 4: programmes, taxonomies, surveys, enrolments, goals. */
export const intakeApp = defineService({
  description: {
    service: 'intake',
    title: 'Passerelle intake',
    description: 'Programmes, survey templates, enrolments, SMART goals and baselines.',
  },
  configSchema: intakeConfigSchema,
  entities: [ProgramEntity, TaxonomyTermEntity, SurveyTemplateEntity, EnrollmentEntity, GoalEntity],
  migrations: [IntakePrograms1764400000000, IntakeTaxonomies1764500000000, IntakeEnrollments1764600000000],
  imports: [ProgramsModule, TaxonomiesModule, SurveysModule, EnrollmentsModule, GoalsModule],
});
