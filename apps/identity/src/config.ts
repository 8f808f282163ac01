import { defineConfig, platformConfigSchema } from '@passerelle/platform/config';

/** Every variable identity reads (ARCHITECTURE.md rule 6). */
export const identityConfigSchema = defineConfig({
  ...platformConfigSchema('identity', 3001),
});
