import { runService } from '@passerelle/platform/bootstrap';
import { evaluationApp } from './evaluation.app';

void runService(evaluationApp);
