import { type ConfigOf, defineConfig, mailQueueConfigSchema, platformConfigSchema } from '@passerelle/platform/config';

/** Every variable communication reads (ARCHITECTURE.md rule 6). */
export const communicationConfigSchema = defineConfig({
  ...platformConfigSchema('communication', 3004),
  ...mailQueueConfigSchema('mails (invitations, reminders, notifications)'),
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
  publicApiUrl: {
    env: 'PUBLIC_API_URL',
    type: 'url',
    protocols: ['http', 'https'],
    // Development default: this service on this machine; deployments set the public address of the API.
    default: 'http://localhost:3004',
    description: 'public address of the API (the ingress), used in the one-click unsubscribe header (List-Unsubscribe) of optional mail',
  },
  publicAppUrl: {
    env: 'PUBLIC_APP_URL',
    type: 'url',
    protocols: ['http', 'https'],
    // Development default: a web app on this machine; deployments set the public address.
    default: 'http://localhost:3000',
    description: 'the web app that the unsubscribe link in the text of optional mail opens (a page that confirms, then posts the token to the API)',
  },
  reminderSweepIntervalMs: {
    env: 'REMINDER_SWEEP_INTERVAL_MS',
    type: 'int',
    min: 100,
    max: 3_600_000,
    default: 60_000,
    description: 'how often the reminder scheduler looks for sessions to remind of and pairs whose cadence slipped',
  },
  sessionReminderLeadMinutes: {
    env: 'SESSION_REMINDER_LEAD_MINUTES',
    type: 'int',
    min: 5,
    max: 10_080,
    default: 1_440,
    description: 'how long before a confirmed session both participants are reminded of it',
  },
  mailRetentionDays: {
    env: 'MAIL_RETENTION_DAYS',
    type: 'int',
    min: 1,
    max: 3_650,
    default: 30,
    description: 'days a sent (or abandoned) mail is kept, for support and bounce questions, before it is deleted with the address and text it holds',
  },
  mailPurgeIntervalMs: {
    env: 'MAIL_PURGE_INTERVAL_MS',
    type: 'int',
    min: 100,
    max: 86_400_000,
    default: 3_600_000,
    description: 'how often mails past MAIL_RETENTION_DAYS are looked for and deleted',
  },
});

export type CommunicationConfig = ConfigOf<typeof communicationConfigSchema>;
