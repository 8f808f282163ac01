import { type ConfigOf, defineConfig, platformConfigSchema } from '@passerelle/platform/config';

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
  sessionVideoUrlTemplate: {
    env: 'SESSION_VIDEO_URL_TEMPLATE',
    type: 'string',
    // Development default: Jitsi's public service; a deployment sets its own provider.
    default: 'https://meet.jit.si/passerelle-{room}',
    pattern: /^https:\/\/[^\s]*\{room\}[^\s]*$/,
    description: 'meeting link of a video session: an https URL where {room} is replaced by an unguessable 128-bit room id',
  },
  mailPollIntervalMs: {
    env: 'MAIL_POLL_INTERVAL_MS',
    type: 'int',
    min: 50,
    max: 60_000,
    default: 1_000,
    description: 'how often pending mails (session invitations) are looked for and handed to the SMTP server',
  },
});

export type CommunicationConfig = ConfigOf<typeof communicationConfigSchema>;
