import { runService } from '@passerelle/platform/bootstrap';
import { intakeApp } from './intake.app';

void runService(intakeApp);
