import { defineService } from '@passerelle/platform/bootstrap';
import { evaluationConfigSchema } from './config';
import { EvaluationInitial1764201800000 } from './migrations/1764201800000-evaluation-initial.migration';
import { NetworkRegistrationsEntity } from './reports/infrastructure/network-registrations.entity';
import { ReportsModule } from './reports/reports.module';

export const evaluationApp = defineService({
  description: {
    service: 'evaluation',
    title: 'Passerelle evaluation',
    description: 'Feedback, continuously updated programme projections, alerts and reports.',
  },
  configSchema: evaluationConfigSchema,
  entities: [NetworkRegistrationsEntity],
  migrations: [EvaluationInitial1764201800000],
  imports: [ReportsModule],
});
