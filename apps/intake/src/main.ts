import { runService } from '@passerelle/platform/bootstrap';
import { intakeConfigSchema } from './config';
import { IntakeModule } from './intake.module';

void runService(IntakeModule.description, intakeConfigSchema, (config) => IntakeModule.register(config));
