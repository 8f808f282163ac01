import type { FromSchema } from 'json-schema-to-ts';
import { defineEvent } from '../event-definition';
import { accountRole, instant, networkId, uuid } from './common-fields.schema';

const locale = {
  type: 'string',
  pattern: '^[a-z]{2,3}(-[A-Z]{2})?$',
  description: 'BCP 47 language tag the user reads notifications in, e.g. fr-FR.',
} as const;
const email = { type: 'string', format: 'email', maxLength: 254 } as const;
const displayName = { type: 'string', minLength: 1, maxLength: 120 } as const;

const networkCreatedSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['networkId', 'name', 'slug', 'createdBy', 'createdAt'],
  properties: {
    networkId,
    name: { type: 'string', minLength: 1, maxLength: 200, description: "The institution's network name (not personal data)." },
    slug: { type: 'string', pattern: '^[a-z0-9]+(?:-[a-z0-9]+)*$', minLength: 2, maxLength: 63 },
    createdBy: { ...uuid, description: 'The platform_admin who created it.' },
    createdAt: instant,
  },
} as const;
export type NetworkCreatedData = FromSchema<typeof networkCreatedSchema>;
export const networkCreated = defineEvent<NetworkCreatedData>({
  service: 'identity',
  aggregate: 'network',
  verb: 'created',
  version: 1,
  subjectField: 'networkId',
  schema: networkCreatedSchema,
  description: 'A platform_admin created a network (tenant). Every service may provision per-tenant state from it.',
  example: {
    networkId: '3f1c2a9e-5b7d-4c1e-9a8f-2b6d4e0c1a11',
    name: 'Alumni Sorbonne',
    slug: 'alumni-sorbonne',
    createdBy: '9b2e4c6a-1d3f-4a5b-8c7d-0e1f2a3b4c55',
    createdAt: '2025-01-06T09:00:00.000Z',
  },
});

const userRegisteredSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['userId', 'networkId', 'email', 'displayName', 'roles', 'registeredAt'],
  properties: {
    userId: uuid,
    networkId,
    email: { ...email, description: 'Personal: communication sends notifications to it.' },
    displayName: { ...displayName, description: 'Personal: communication greets the user by it.' },
    roles: { type: 'array', items: accountRole, uniqueItems: true, maxItems: 5 },
    locale,
    registeredAt: instant,
  },
} as const;
export type UserRegisteredData = FromSchema<typeof userRegisteredSchema>;
export const userRegistered = defineEvent<UserRegisteredData>({
  service: 'identity',
  aggregate: 'user',
  verb: 'registered',
  version: 1,
  subjectField: 'userId',
  personalFields: ['email', 'displayName'],
  schema: userRegisteredSchema,
  description:
    'An account was created in a network. Communication keeps the e-mail address and display name to send notifications; ' +
    'other services only keep the id.',
  example: {
    userId: '0b7f7d3e-2c4a-4f5e-8d6c-1a2b3c4d5e01',
    networkId: '3f1c2a9e-5b7d-4c1e-9a8f-2b6d4e0c1a11',
    email: 'camille.durand@example.org',
    displayName: 'Camille Durand',
    roles: ['mentee'],
    locale: 'fr-FR',
    registeredAt: '2025-01-10T08:30:00.000Z',
  },
});

const profileUpdatedSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['userId', 'networkId', 'changedFields', 'updatedAt'],
  properties: {
    userId: uuid,
    networkId,
    changedFields: {
      type: 'array',
      items: { type: 'string', enum: ['email', 'displayName', 'locale'] },
      uniqueItems: true,
      minItems: 1,
      description: 'Which of the fields below changed; only those are present.',
    },
    email: { ...email, description: 'Personal: the new address, present only if it changed.' },
    displayName: { ...displayName, description: 'Personal: the new name, present only if it changed.' },
    locale,
    updatedAt: instant,
  },
} as const;
export type UserProfileUpdatedData = FromSchema<typeof profileUpdatedSchema>;
export const userProfileUpdated = defineEvent<UserProfileUpdatedData>({
  service: 'identity',
  aggregate: 'user',
  verb: 'profile_updated',
  version: 1,
  subjectField: 'userId',
  personalFields: ['email', 'displayName'],
  schema: profileUpdatedSchema,
  description: "A user changed profile basics that another service copies (communication's address book).",
  example: {
    userId: '0b7f7d3e-2c4a-4f5e-8d6c-1a2b3c4d5e01',
    networkId: '3f1c2a9e-5b7d-4c1e-9a8f-2b6d4e0c1a11',
    changedFields: ['email'],
    email: 'camille.durand@alumni.example.org',
    updatedAt: '2025-02-01T12:00:00.000Z',
  },
});

const roleGrantedSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['userId', 'networkId', 'role', 'grantedBy', 'grantedAt'],
  properties: { userId: uuid, networkId, role: accountRole, grantedBy: uuid, grantedAt: instant },
} as const;
export type UserRoleGrantedData = FromSchema<typeof roleGrantedSchema>;
export const userRoleGranted = defineEvent<UserRoleGrantedData>({
  service: 'identity',
  aggregate: 'user',
  verb: 'role_granted',
  version: 1,
  subjectField: 'userId',
  schema: roleGrantedSchema,
  description: 'A network role was granted to a user. Services that authorise from their own copy of roles update it.',
  example: {
    userId: '0b7f7d3e-2c4a-4f5e-8d6c-1a2b3c4d5e01',
    networkId: '3f1c2a9e-5b7d-4c1e-9a8f-2b6d4e0c1a11',
    role: 'organizer',
    grantedBy: '9b2e4c6a-1d3f-4a5b-8c7d-0e1f2a3b4c55',
    grantedAt: '2025-01-11T10:00:00.000Z',
  },
});

const roleRevokedSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['userId', 'networkId', 'role', 'revokedBy', 'revokedAt'],
  properties: { userId: uuid, networkId, role: accountRole, revokedBy: uuid, revokedAt: instant },
} as const;
export type UserRoleRevokedData = FromSchema<typeof roleRevokedSchema>;
export const userRoleRevoked = defineEvent<UserRoleRevokedData>({
  service: 'identity',
  aggregate: 'user',
  verb: 'role_revoked',
  version: 1,
  subjectField: 'userId',
  schema: roleRevokedSchema,
  description: 'The counterpart of role_granted: without it a copied role could never be withdrawn.',
  example: {
    userId: '0b7f7d3e-2c4a-4f5e-8d6c-1a2b3c4d5e01',
    networkId: '3f1c2a9e-5b7d-4c1e-9a8f-2b6d4e0c1a11',
    role: 'organizer',
    revokedBy: '9b2e4c6a-1d3f-4a5b-8c7d-0e1f2a3b4c55',
    revokedAt: '2025-06-30T17:00:00.000Z',
  },
});

const userErasedSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['userId', 'networkId', 'erasedAt'],
  properties: { userId: uuid, networkId, erasedAt: instant },
} as const;
export type UserErasedData = FromSchema<typeof userErasedSchema>;
export const userErased = defineEvent<UserErasedData>({
  service: 'identity',
  aggregate: 'user',
  verb: 'erased',
  version: 1,
  subjectField: 'userId',
  schema: userErasedSchema,
  description:
    'The user erased their account (GDPR). Every service removes or anonymises the personal data it holds for this ' +
    'user id while keeping aggregate statistics correct.',
  example: {
    userId: '0b7f7d3e-2c4a-4f5e-8d6c-1a2b3c4d5e01',
    networkId: '3f1c2a9e-5b7d-4c1e-9a8f-2b6d4e0c1a11',
    erasedAt: '2025-09-01T08:00:00.000Z',
  },
});

const accessRevokedSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['userId', 'networkId', 'accountKind', 'tokenEpoch', 'reason', 'revokedAt'],
  properties: {
    userId: { ...uuid, description: "The account whose access ends: a person, or a service account (the token's `sub`)." },
    networkId,
    accountKind: { type: 'string', enum: ['user', 'service'], description: "The token's `typ` claim." },
    tokenEpoch: {
      type: 'integer',
      minimum: 1,
      description: 'The lowest token epoch (`tep` claim) still accepted for this account; a token without the claim counts as 0.',
    },
    reason: {
      type: 'string',
      enum: ['logout', 'password_changed', 'password_reset', 'erased', 'disabled', 'role_revoked', 'service_account_revoked', 'secret_rotated'],
    },
    revokedAt: instant,
  },
} as const;
export type UserAccessRevokedData = FromSchema<typeof accessRevokedSchema>;
export const userAccessRevoked = defineEvent<UserAccessRevokedData>({
  service: 'identity',
  aggregate: 'user',
  verb: 'access_revoked',
  version: 1,
  subjectField: 'userId',
  schema: accessRevokedSchema,
  description:
    'Every access token of the account issued before now stops opening doors: every service refuses a token whose epoch ' +
    'is below `tokenEpoch` within seconds, instead of waiting for its expiry.',
  example: {
    userId: '0b7f7d3e-2c4a-4f5e-8d6c-1a2b3c4d5e01',
    networkId: '3f1c2a9e-5b7d-4c1e-9a8f-2b6d4e0c1a11',
    accountKind: 'user',
    tokenEpoch: 3,
    reason: 'password_changed',
    revokedAt: '2025-03-02T14:05:00.000Z',
  },
});

export const IDENTITY_EVENTS = [
  networkCreated,
  userRegistered,
  userProfileUpdated,
  userRoleGranted,
  userRoleRevoked,
  userAccessRevoked,
  userErased,
] as const;
