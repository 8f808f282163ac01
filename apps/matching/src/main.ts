import { runService } from '@passerelle/platform/bootstrap';
import { matchingConfigSchema } from './config';
import { MatchingModule } from './matching.module';

void runService(MatchingModule.description, matchingConfigSchema, (config) => MatchingModule.register(config));
