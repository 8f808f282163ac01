import { runService } from '@passerelle/platform/bootstrap';
import { communicationApp } from './communication.app';

void runService(communicationApp);
