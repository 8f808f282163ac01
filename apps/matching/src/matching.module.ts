import { type DynamicModule, Module } from '@nestjs/common';
import { PlatformModule } from '@passerelle/platform';
import type { ServiceDescription } from '@passerelle/platform/bootstrap';
import type { ConfigOf } from '@passerelle/platform/config';
import type { matchingConfigSchema } from './config';

export type MatchingConfig = ConfigOf<typeof matchingConfigSchema>;

/** The matching service; its bounded contexts arrive with their issues. */
@Module({})
export class MatchingModule {
  static readonly description: ServiceDescription = {
    service: 'matching',
    title: 'Passerelle matching',
    description: 'Candidate features, scoring, matching rounds, proposals and the match lifecycle.',
  };

  static register(config: MatchingConfig, options: { migrateOnStart?: boolean } = {}): DynamicModule {
    return {
      module: MatchingModule,
      imports: [
        PlatformModule.forRoot({
          service: 'matching',
          config,
          entities: [],
          migrations: [],
          migrateOnStart: options.migrateOnStart ?? true,
        }),
      ],
    };
  }
}
