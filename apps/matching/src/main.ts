import { runService } from '@passerelle/platform/bootstrap';
import { matchingApp } from './matching.app';

void runService(matchingApp);
