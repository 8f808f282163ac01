import { type ConfigOf, defineConfig, platformConfigSchema } from '@passerelle/platform/config';

/** Every variable matching reads (ARCHITECTURE.md rule 6). */
export const matchingConfigSchema = defineConfig({
  ...platformConfigSchema('matching', 3003),
  requestTtlSeconds: {
    env: 'MATCH_REQUEST_TTL_SECONDS',
    type: 'int',
    min: 5,
    max: 30 * 86_400,
    default: 3 * 86_400,
    description: "how long a mentee's request waits for the mentor's answer before it expires",
  },
  requestReminderSeconds: {
    env: 'MATCH_REQUEST_REMINDER_SECONDS',
    type: 'int',
    min: 1,
    max: 30 * 86_400,
    default: 86_400,
    description: 'how long before a request expires the mentor is reminded (once)',
  },
  requestSweepSeconds: {
    env: 'MATCH_REQUEST_SWEEP_SECONDS',
    type: 'int',
    min: 1,
    max: 3_600,
    default: 30,
    description: 'how often requests are checked for reminders and expiry',
  },
});

export type MatchingConfig = ConfigOf<typeof matchingConfigSchema>;
