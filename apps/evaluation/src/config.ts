import { defineConfig, platformConfigSchema } from '@passerelle/platform/config';

/** Every variable evaluation reads (ARCHITECTURE.md rule 6). */
export const evaluationConfigSchema = defineConfig({
  ...platformConfigSchema('evaluation', 3005),
});
