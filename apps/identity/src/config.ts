import { type ConfigOf, defineConfig, mailQueueConfigSchema, platformConfigSchema } from '@passerelle/platform/config';

/** Every variable identity reads (ARCHITECTURE.md rule 6). */
export const identityConfigSchema = defineConfig({
  ...platformConfigSchema('identity', 3001),
  ...mailQueueConfigSchema('account mails (verification, password reset, invitation)'),
  publicAppUrl: {
    env: 'PUBLIC_APP_URL',
    type: 'url',
    protocols: ['http', 'https'],
    // Development default: a web app on this machine; deployments set the public address.
    default: 'http://localhost:3000',
    description: 'the web app that account mails link to (verification, password reset, invitation); it posts the token to the API',
  },
  emailVerificationTtlHours: {
    env: 'EMAIL_VERIFICATION_TTL_HOURS',
    type: 'int',
    min: 1,
    max: 720,
    default: 48,
    description: 'how long an e-mail verification link stays valid',
  },
  passwordResetTtlMinutes: {
    env: 'PASSWORD_RESET_TTL_MINUTES',
    type: 'int',
    min: 5,
    max: 1440,
    default: 60,
    description: 'how long a password reset link stays valid',
  },
  invitationTtlHours: {
    env: 'INVITATION_TTL_HOURS',
    type: 'int',
    min: 1,
    max: 2160,
    default: 168,
    description: 'how long an invitation to join a network stays valid',
  },
  accountThrottleWindowMinutes: {
    env: 'ACCOUNT_THROTTLE_WINDOW_MINUTES',
    type: 'int',
    min: 1,
    max: 1440,
    default: 60,
    description:
      'the sliding window of the throttles on registration, e-mail verification, password reset (request and confirmation) and password change',
  },
  accountThrottlePerAddress: {
    env: 'ACCOUNT_THROTTLE_PER_ADDRESS',
    type: 'int',
    min: 1,
    max: 10_000,
    default: 5,
    description: 'attempts per e-mail address (or account) and route within the window; then 429 with Retry-After',
  },
  accountThrottlePerIp: {
    env: 'ACCOUNT_THROTTLE_PER_IP',
    type: 'int',
    min: 1,
    max: 1_000_000,
    // A campus registering behind one NAT address during an onboarding session still gets through.
    default: 300,
    description: 'attempts per client IP and route within the window; then 429 with Retry-After',
  },
  mailFirstRetrySeconds: {
    env: 'MAIL_FIRST_RETRY_SECONDS',
    type: 'int',
    min: 1,
    max: 3600,
    default: 30,
    description: 'wait before a refused account mail is tried again; doubled after each further refusal (capped at 6 hours)',
  },
  tokenSigningSecret: {
    env: 'TOKEN_SIGNING_SECRET',
    type: 'string',
    pattern: /^.{32,}$/,
    secret: true,
    // Public, hence refused outside development mode: the default and an earlier placeholder of the dev overlay.
    default: 'development-only-token-signing-secret-do-not-deploy',
    developmentValues: ['development-only-token-signing-secret-not-a-secret'],
    description: 'encrypts the private signing keys at rest (AES-256-GCM); at least 32 characters',
  },
  signingKeyRotationDays: {
    env: 'SIGNING_KEY_ROTATION_DAYS',
    type: 'int',
    min: 1,
    max: 365,
    default: 30,
    description: 'age after which a new signing key replaces the current one',
  },
  accessTokenTtlSeconds: {
    env: 'ACCESS_TOKEN_TTL_SECONDS',
    type: 'int',
    min: 60,
    max: 3600,
    default: 900,
    description: 'lifetime of an access token',
  },
  refreshTokenTtlDays: {
    env: 'REFRESH_TOKEN_TTL_DAYS',
    type: 'int',
    min: 1,
    max: 365,
    default: 30,
    description: 'lifetime of a refresh token (each refresh issues a new one)',
  },
  refreshFamilyLifetimeSeconds: {
    env: 'REFRESH_FAMILY_LIFETIME_SECONDS',
    type: 'int',
    min: 1,
    max: 31_536_000,
    default: 2_592_000,
    description: 'absolute lifetime of a login (refresh-token family), counted from the login: no refresh after it, however fresh the token (default 30 days)',
  },
  serviceAccountSecretOverlapSeconds: {
    env: 'SERVICE_ACCOUNT_SECRET_OVERLAP_SECONDS',
    type: 'int',
    min: 1,
    max: 2_592_000,
    default: 86_400,
    description: "how long a service account's previous secret, and the tokens got with it, keep working after a rotation (default 24 h)",
  },
  platformAdminEmail: {
    env: 'PLATFORM_ADMIN_EMAIL',
    type: 'string',
    pattern: /^[^\s@]+@[^\s@]+\.[^\s@]+$/,
    // Development default: example.org is reserved for documentation.
    default: 'platform-admin@example.org',
    description: 'e-mail of the platform_admin created on first start (network "platform")',
  },
  platformAdminPassword: {
    env: 'PLATFORM_ADMIN_PASSWORD',
    type: 'string',
    pattern: /^.{12,}$/,
    secret: true,
    // Public, hence refused outside development mode: the default and an earlier placeholder of the dev overlay.
    default: 'development-only-admin-password',
    developmentValues: ['development-only-platform-admin-password-not-a-secret'],
    description: 'password of the platform_admin created on first start; at least 12 characters (ignored once the account exists)',
  },
});

export type IdentityConfig = ConfigOf<typeof identityConfigSchema>;
