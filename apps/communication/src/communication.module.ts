import { type DynamicModule, Module } from '@nestjs/common';
import { PlatformModule } from '@passerelle/platform';
import type { ServiceDescription } from '@passerelle/platform/bootstrap';
import type { ConfigOf } from '@passerelle/platform/config';
import type { communicationConfigSchema } from './config';

export type CommunicationConfig = ConfigOf<typeof communicationConfigSchema>;

/** The communication service; its bounded contexts arrive with their issues. */
@Module({})
export class CommunicationModule {
  static readonly description: ServiceDescription = {
    service: 'communication',
    title: 'Passerelle communication',
    description: 'Conversations, sessions and invitations, reminders, forums, gatherings, resources and notifications.',
  };

  static register(config: CommunicationConfig, options: { migrateOnStart?: boolean } = {}): DynamicModule {
    return {
      module: CommunicationModule,
      imports: [
        PlatformModule.forRoot({
          service: 'communication',
          config,
          entities: [],
          migrations: [],
          migrateOnStart: options.migrateOnStart ?? true,
        }),
      ],
    };
  }
}
