import { NotFoundException } from '@nestjs/common';
import type { AuthUser } from '@passerelle/platform/auth';
import type { EntityManager } from 'typeorm';
import { standingOf } from '../../cohort/application/cohort-access';
import type { CohortStanding } from '../../cohort/domain/program-role';
import { CohortProgramEntity } from '../../cohort/infrastructure/cohort-program.entity';
import { isVisibleTo } from '../domain/forum-rules';
import { ForumPostEntity } from '../infrastructure/forum-post.entity';
import { ForumThreadEntity } from '../infrastructure/forum-thread.entity';

/** Forums are the cohort's own: integrators (read APIs) do not read members' texts. */
export const FORUM_ACCESS = { integratorsRead: false } as const;

export function threadNotFound(path = 'threadId'): NotFoundException {
  return new NotFoundException({ message: 'No such thread in a forum of yours.', details: [{ path, issue: 'does not name a thread you may see' }] });
}

export function postNotFound(): NotFoundException {
  return new NotFoundException({ message: 'No such post in a forum of yours.', details: [{ path: 'postId', issue: 'does not name a post you may see' }] });
}

export interface ThreadInCohort {
  readonly thread: ForumThreadEntity;
  readonly program: CohortProgramEntity;
  readonly standing: CohortStanding;
}

/**
 * A thread the caller may see, optionally locked for a change. Outsiders, and
 * members asking for a hidden thread, get the 404 of a thread that does not exist.
 */
export async function loadThread(manager: EntityManager, caller: AuthUser, threadId: string, lock = false): Promise<ThreadInCohort> {
  const thread = await manager.findOne(ForumThreadEntity, { where: { id: threadId }, ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
  if (!thread) throw threadNotFound();
  const program = await manager.findOneBy(CohortProgramEntity, { id: thread.programId });
  const standing = program ? await standingOf(manager, caller, program, FORUM_ACCESS) : null;
  if (!program || !standing || !isVisibleTo(standing, thread)) throw threadNotFound();
  return { thread, program, standing };
}

export async function loadPost(manager: EntityManager, caller: AuthUser, postId: string): Promise<{ post: ForumPostEntity } & ThreadInCohort> {
  const post = await manager.findOne(ForumPostEntity, { where: { id: postId }, lock: { mode: 'pessimistic_write' } });
  if (!post) throw postNotFound();
  let inCohort: ThreadInCohort;
  try {
    inCohort = await loadThread(manager, caller, post.threadId);
  } catch (error) {
    if (error instanceof NotFoundException) throw postNotFound();
    throw error;
  }
  if (!isVisibleTo(inCohort.standing, post)) throw postNotFound();
  return { post, ...inCohort };
}
