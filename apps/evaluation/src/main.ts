import { runService } from '@passerelle/platform/bootstrap';
import { evaluationConfigSchema } from './config';
import { EvaluationModule } from './evaluation.module';

void runService(EvaluationModule.description, evaluationConfigSchema, (config) => EvaluationModule.register(config));
