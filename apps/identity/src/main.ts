import { runService } from '@passerelle/platform/bootstrap';
import { IdentityModule } from './identity.module';
import { identityConfigSchema } from './config';

void runService(IdentityModule.description, identityConfigSchema, (config) => IdentityModule.register(config));
