import { type DynamicModule, Module } from '@nestjs/common';
import { PlatformModule } from '@passerelle/platform';
import type { ServiceDescription } from '@passerelle/platform/bootstrap';
import type { ConfigOf } from '@passerelle/platform/config';
import type { evaluationConfigSchema } from './config';
import { EvaluationInitial1764201800000 } from './migrations/1764201800000-evaluation-initial.migration';
import { NetworkRegistrationsEntity } from './reports/infrastructure/network-registrations.entity';
import { ReportsModule } from './reports/reports.module';

export type EvaluationConfig = ConfigOf<typeof evaluationConfigSchema>;

@Module({})
export class EvaluationModule {
  static readonly description: ServiceDescription = {
    service: 'evaluation',
    title: 'Passerelle evaluation',
    description: 'Feedback, continuously updated programme projections, alerts and reports.',
  };

  static register(config: EvaluationConfig, options: { migrateOnStart?: boolean } = {}): DynamicModule {
    return {
      module: EvaluationModule,
      imports: [
        PlatformModule.forRoot({
          service: 'evaluation',
          config,
          entities: [NetworkRegistrationsEntity],
          migrations: [EvaluationInitial1764201800000],
          migrateOnStart: options.migrateOnStart ?? true,
        }),
        ReportsModule,
      ],
    };
  }
}
