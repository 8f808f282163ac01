import { Injectable } from '@nestjs/common';
import {
  type EventEnvelope,
  type UserErasedData,
  userErased,
  type UserProfileUpdatedData,
  userProfileUpdated,
  type UserRegisteredData,
  userRegistered,
  type UserRoleGrantedData,
  userRoleGranted,
  type UserRoleRevokedData,
  userRoleRevoked,
} from '@passerelle/contracts';
import { type EventHandler, HandlesEvent } from '@passerelle/platform/inbox';
import type { EntityManager } from 'typeorm';

/*
 * The directory follows identity's `user.*` events (one topic, keyed by user,
 * so one person's events arrive in order). Every write leaves an erased entry
 * alone: erasure is final, whatever is replayed after it.
 */

@Injectable()
@HandlesEvent(userRegistered)
export class UserRegisteredHandler implements EventHandler<UserRegisteredData> {
  async handle(event: EventEnvelope<UserRegisteredData>, manager: EntityManager): Promise<void> {
    const { userId, networkId, email, displayName, locale, roles, registeredAt } = event.data;
    await manager.query(
      `INSERT INTO directory_entries (user_id, network_id, email, display_name, locale, roles, status, registered_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $7, 'active', $6, now())
       ON CONFLICT (user_id) DO UPDATE
         SET email = EXCLUDED.email, display_name = EXCLUDED.display_name,
             locale = COALESCE(EXCLUDED.locale, directory_entries.locale),
             roles = EXCLUDED.roles, registered_at = EXCLUDED.registered_at, updated_at = now()
       WHERE directory_entries.status = 'active'`,
      [userId, networkId, email, displayName, locale ?? null, registeredAt, [...roles]],
    );
  }
}

/** Only the fields named in `changedFields` are present, and only those change. */
@Injectable()
@HandlesEvent(userProfileUpdated)
export class UserProfileUpdatedHandler implements EventHandler<UserProfileUpdatedData> {
  async handle(event: EventEnvelope<UserProfileUpdatedData>, manager: EntityManager): Promise<void> {
    const { userId, networkId, changedFields } = event.data;
    const changed = new Set(changedFields);
    const value = (field: 'email' | 'displayName' | 'locale') => (changed.has(field) ? (event.data[field] ?? null) : null);
    await manager.query(
      `INSERT INTO directory_entries (user_id, network_id, email, display_name, locale, status, updated_at)
       VALUES ($1, $2, $3, $4, $5, 'active', now())
       ON CONFLICT (user_id) DO UPDATE
         SET email = CASE WHEN $6 THEN EXCLUDED.email ELSE directory_entries.email END,
             display_name = CASE WHEN $7 THEN EXCLUDED.display_name ELSE directory_entries.display_name END,
             locale = CASE WHEN $8 THEN EXCLUDED.locale ELSE directory_entries.locale END,
             updated_at = now()
       WHERE directory_entries.status = 'active'`,
      [userId, networkId, value('email'), value('displayName'), value('locale'), changed.has('email'), changed.has('displayName'), changed.has('locale')],
    );
  }
}

/** Roles tell communication who the organizers are (they are told of pairs at risk). */
@Injectable()
@HandlesEvent(userRoleGranted)
export class UserRoleGrantedHandler implements EventHandler<UserRoleGrantedData> {
  async handle(event: EventEnvelope<UserRoleGrantedData>, manager: EntityManager): Promise<void> {
    const { userId, networkId, role } = event.data;
    await manager.query(
      `INSERT INTO directory_entries (user_id, network_id, roles, status, updated_at)
       VALUES ($1, $2, ARRAY[$3]::text[], 'active', now())
       ON CONFLICT (user_id) DO UPDATE
         SET roles = ARRAY(SELECT DISTINCT r FROM unnest(directory_entries.roles || ARRAY[$3]::text[]) AS r ORDER BY r), updated_at = now()
       WHERE directory_entries.status = 'active'`,
      [userId, networkId, role],
    );
  }
}

@Injectable()
@HandlesEvent(userRoleRevoked)
export class UserRoleRevokedHandler implements EventHandler<UserRoleRevokedData> {
  async handle(event: EventEnvelope<UserRoleRevokedData>, manager: EntityManager): Promise<void> {
    await manager.query(`UPDATE directory_entries SET roles = array_remove(roles, $2), updated_at = now() WHERE user_id = $1`, [
      event.data.userId,
      event.data.role,
    ]);
  }
}

/**
 * GDPR erasure (issue 6, item 8): the address, name and language go; a
 * tombstone (id, network, when) stays, even for someone this service never
 * heard of, so a `match.accepted` read after the erasure opens nothing for them.
 */
@Injectable()
@HandlesEvent(userErased)
export class DirectoryUserErasedHandler implements EventHandler<UserErasedData> {
  async handle(event: EventEnvelope<UserErasedData>, manager: EntityManager): Promise<void> {
    const { userId, networkId, erasedAt } = event.data;
    // Mails not yet sent to others that name the person (a proposal, a session
    // with them) are dropped: their sentences are built around the name, so a
    // text without it would mislead, and the in-app notification remains. Only
    // this handler still knows the name, so it goes here, before the name does.
    // Sent mails are left to MAIL_RETENTION_DAYS.
    await manager.query(
      `DELETE FROM mail_deliveries AS mail USING directory_entries AS entry
        WHERE entry.user_id = $1 AND entry.display_name <> ''
          AND mail.status = 'pending' AND mail.network_id = $2 AND mail.recipient_id <> $1
          AND (strpos(mail.subject, entry.display_name) > 0 OR strpos(mail.text_body, entry.display_name) > 0
               OR strpos(COALESCE(mail.calendar, ''), entry.display_name) > 0)`,
      [userId, networkId],
    );
    await manager.query(
      `INSERT INTO directory_entries (user_id, network_id, status, updated_at, erased_at)
       VALUES ($1, $2, 'erased', now(), $3)
       ON CONFLICT (user_id) DO UPDATE
         SET email = NULL, display_name = NULL, locale = NULL, roles = '{}', status = 'erased',
             erased_at = COALESCE(directory_entries.erased_at, EXCLUDED.erased_at), updated_at = now()`,
      [userId, networkId, erasedAt],
    );
  }
}
