import { defineConfig, platformConfigSchema } from '@passerelle/platform/config';

/** Every variable communication reads (ARCHITECTURE.md rule 6). */
export const communicationConfigSchema = defineConfig({
  ...platformConfigSchema('communication', 3004),
});
