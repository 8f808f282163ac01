import { defineService } from '@passerelle/platform/bootstrap';
import { AlertsModule } from './alerts/alerts.module';
import { evaluationConfigSchema } from './config';
import { FeedbackModule } from './feedback/feedback.module';
import { EvaluationInitial1764201800000 } from './migrations/1764201800000-evaluation-initial.migration';
import { EvaluationProjections1764900000000 } from './migrations/1764900000000-evaluation-projections.migration';
import { EvaluationFeedbackAlerts1764900000001 } from './migrations/1764900000001-evaluation-feedback-alerts.migration';
import { EvaluationDeclinedReschedules1764900000010 } from './migrations/1764900000010-evaluation-declined-reschedules.migration';
import { ProjectionsModule } from './projections/projections.module';
import { NetworkRegistrationsEntity } from './reports/infrastructure/network-registrations.entity';
import { ReportsModule } from './reports/reports.module';

/** Feedback forms, programme projections fed by every topic, reports, and at-risk alerts. */
export const evaluationApp = defineService({
  description: {
    service: 'evaluation',
    title: 'Passerelle evaluation',
    description: 'Feedback, continuously updated programme projections, alerts and reports.',
  },
  configSchema: evaluationConfigSchema,
  entities: [NetworkRegistrationsEntity],
  migrations: [EvaluationInitial1764201800000, EvaluationProjections1764900000000, EvaluationFeedbackAlerts1764900000001, EvaluationDeclinedReschedules1764900000010],
  imports: [ReportsModule, ProjectionsModule, FeedbackModule, AlertsModule],
});
