import { defineService } from '@passerelle/platform/bootstrap';
import { matchingConfigSchema } from './config';

/** Health, metrics, OpenAPI and the event machinery so far; its contexts arrive with their issue. */
export const matchingApp = defineService({
  description: {
    service: 'matching',
    title: 'Passerelle matching',
    description: 'Candidate features, scoring, matching rounds, proposals and the match lifecycle.',
  },
  configSchema: matchingConfigSchema,
  entities: [],
  migrations: [],
  imports: [],
});
