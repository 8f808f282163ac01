import { defineService } from '@passerelle/platform/bootstrap';
import { communicationConfigSchema } from './config';

/** Health, metrics, OpenAPI and the event machinery so far; its contexts arrive with their issue. */
export const communicationApp = defineService({
  description: {
    service: 'communication',
    title: 'Passerelle communication',
    description: 'Conversations, sessions and invitations, reminders, forums, gatherings, resources and notifications.',
  },
  configSchema: communicationConfigSchema,
  entities: [],
  migrations: [],
  imports: [],
});
