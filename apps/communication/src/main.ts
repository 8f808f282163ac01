import { runService } from '@passerelle/platform/bootstrap';
import { communicationConfigSchema } from './config';
import { CommunicationModule } from './communication.module';

void runService(CommunicationModule.description, communicationConfigSchema, (config) => CommunicationModule.register(config));
