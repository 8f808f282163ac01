import { type DynamicModule, Module } from '@nestjs/common';
import { PlatformModule } from '@passerelle/platform';
import type { ServiceDescription } from '@passerelle/platform/bootstrap';
import type { ConfigOf } from '@passerelle/platform/config';
import type { intakeConfigSchema } from './config';

export type IntakeConfig = ConfigOf<typeof intakeConfigSchema>;

/** The intake service; its bounded contexts arrive with their issues. */
@Module({})
export class IntakeModule {
  static readonly description: ServiceDescription = {
    service: 'intake',
    title: 'Passerelle intake',
    description: 'Programmes, survey templates, enrolments, SMART goals and baselines.',
  };

  static register(config: IntakeConfig, options: { migrateOnStart?: boolean } = {}): DynamicModule {
    return {
      module: IntakeModule,
      imports: [
        PlatformModule.forRoot({
          service: 'intake',
          config,
          entities: [],
          migrations: [],
          migrateOnStart: options.migrateOnStart ?? true,
        }),
      ],
    };
  }
}
