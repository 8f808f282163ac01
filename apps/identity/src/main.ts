import { runService } from '@passerelle/platform/bootstrap';
import { identityApp } from './identity.app';

void runService(identityApp);
