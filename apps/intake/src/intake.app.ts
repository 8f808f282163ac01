import { defineService } from '@passerelle/platform/bootstrap';
import { intakeConfigSchema } from './config';
import { IntakePrograms1764400000000 } from './migrations/1764400000000-intake-programs.migration';
import { ProgramEntity } from './programs/infrastructure/program.entity';
import { ProgramsModule } from './programs/programs.module';

/** Health, metrics, OpenAPI, the event machinery, and the contexts of issue 4 as they arrive (programmes first). */
export const intakeApp = defineService({
  description: {
    service: 'intake',
    title: 'Passerelle intake',
    description: 'Programmes, survey templates, enrolments, SMART goals and baselines.',
  },
  configSchema: intakeConfigSchema,
  entities: [ProgramEntity],
  migrations: [IntakePrograms1764400000000],
  imports: [ProgramsModule],
});
