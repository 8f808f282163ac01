import { ConflictException, NotFoundException } from '@nestjs/common';
import type { AuthUser } from '@passerelle/platform/auth';
import type { EntityManager } from 'typeorm';
import { type ProgramRole, roleIn } from '../domain/conversation';
import { ConversationEntity } from '../infrastructure/conversation.entity';

/**
 * Only the two participants read a conversation (issue 6, item 1: "nobody
 * else, organizers included"). Everyone else, another network, an organizer
 * or the platform admin, gets the 404 of an id that does not exist.
 */
export function conversationNotFound(): NotFoundException {
  return new NotFoundException({ message: 'No such conversation.', details: [{ path: 'id', issue: 'does not name a conversation of yours' }] });
}

export function conversationClosed(reason: string | null): ConflictException {
  return new ConflictException({
    message: `This conversation is closed to new messages${reason ? ` (${reason.replace(/_/g, ' ')})` : ''}; its history stays readable.`,
    details: [{ path: 'status', issue: 'is closed' }],
  });
}

export async function loadOwnConversation(
  manager: EntityManager,
  caller: AuthUser,
  id: string,
  options: { lock?: boolean } = {},
): Promise<{ conversation: ConversationEntity; role: ProgramRole }> {
  const conversation = await manager.findOne(ConversationEntity, {
    where: { id, networkId: caller.networkId },
    ...(options.lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
  });
  const role = conversation && caller.kind === 'user' ? roleIn(conversation, caller.userId) : null;
  if (!conversation || !role) throw conversationNotFound();
  return { conversation, role };
}

const NO_MESSAGE = '00000000-0000-0000-0000-000000000000';

/**
 * Unread messages per conversation for `viewerId`: the other side's messages
 * after the viewer's read receipt. One query for a whole page.
 */
export async function unreadCounts(manager: EntityManager, viewerId: string, conversationIds: readonly string[]): Promise<Map<string, number>> {
  if (conversationIds.length === 0) return new Map();
  const rows: Array<{ id: string; unread: number }> = await manager.query(
    `SELECT c.id, count(m.id)::int AS unread
       FROM conversations c
       JOIN messages m ON m.conversation_id = c.id
      WHERE c.id = ANY($1::uuid[])
        AND m.sender_role <> (CASE WHEN c.mentor_id = $2 THEN 'mentor' ELSE 'mentee' END)
        AND m.id > COALESCE(CASE WHEN c.mentor_id = $2 THEN c.mentor_read_up_to ELSE c.mentee_read_up_to END, $3::uuid)
      GROUP BY c.id`,
    [conversationIds, viewerId, NO_MESSAGE],
  );
  return new Map(rows.map((row) => [row.id, row.unread]));
}
