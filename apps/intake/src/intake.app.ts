import { defineService } from '@passerelle/platform/bootstrap';
import { intakeConfigSchema } from './config';

/** Health, metrics, OpenAPI and the event machinery so far; its contexts arrive with their issue. */
export const intakeApp = defineService({
  description: {
    service: 'intake',
    title: 'Passerelle intake',
    description: 'Programmes, survey templates, enrolments, SMART goals and baselines.',
  },
  configSchema: intakeConfigSchema,
  entities: [],
  migrations: [],
  imports: [],
});
