import { defineConfig, platformConfigSchema } from '@passerelle/platform/config';

/** Every variable intake reads (ARCHITECTURE.md rule 6). */
export const intakeConfigSchema = defineConfig({
  ...platformConfigSchema('intake', 3002),
});
