import { defineConfig, platformConfigSchema } from '@passerelle/platform/config';

/** Every variable communication reads (ARCHITECTURE.md rule 6). */
export const communicationConfigSchema = defineConfig({
  ...platformConfigSchema('communication', 3004),
  conversationStreamHeartbeatSeconds: {
    env: 'CONVERSATION_STREAM_HEARTBEAT_SECONDS',
    type: 'int',
    min: 1,
    max: 300,
    default: 25,
    description: 'how often an open conversation stream (SSE) gets a heartbeat comment, so proxies do not close it as idle',
  },
  conversationStreamsPerUser: {
    env: 'CONVERSATION_STREAMS_PER_USER',
    type: 'int',
    min: 1,
    max: 100,
    default: 10,
    description: 'conversation streams one person may hold open on one instance (tabs, devices)',
  },
});
