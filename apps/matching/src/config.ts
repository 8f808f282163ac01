import { defineConfig, platformConfigSchema } from '@passerelle/platform/config';

/** Every variable matching reads (ARCHITECTURE.md rule 6). */
export const matchingConfigSchema = defineConfig({
  ...platformConfigSchema('matching', 3003),
});
