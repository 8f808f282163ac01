import { Injectable } from '@nestjs/common';
import type { AuthUser } from '@passerelle/platform/auth';
import { DataSource, type FindOptionsWhere, IsNull, MoreThan } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { assertProgramOpen, requireOrganizer, requireWriter } from '../../cohort/application/cohort-access';
import { applyModeration, type ModerationChange } from '../domain/forum-rules';
import { ForumPostEntity } from '../infrastructure/forum-post.entity';
import { loadPost, loadThread } from './forum-lookup';
import { type Page, type PageRequest, threadLocked } from './threads.use-cases';

/** A thread's replies, oldest first; hidden ones only for organizers. */
@Injectable()
export class ListPostsUseCase {
  constructor(private readonly dataSource: DataSource) {}

  async execute(caller: AuthUser, threadId: string, page: PageRequest): Promise<Page<ForumPostEntity>> {
    const { standing } = await loadThread(this.dataSource.manager, caller, threadId);
    const where: FindOptionsWhere<ForumPostEntity> = {
      threadId,
      ...(standing.kind === 'organizer' ? {} : { hiddenAt: IsNull() }),
      ...(page.cursor ? { id: MoreThan(page.cursor) } : {}),
    };
    const rows = await this.dataSource.getRepository(ForumPostEntity).find({ where, order: { id: 'ASC' }, take: page.limit + 1 });
    const items = rows.slice(0, page.limit);
    return { items, nextCursor: rows.length > page.limit ? items[items.length - 1].id : null };
  }
}

/**
 * A reply. The thread row is locked for the transaction, so a post cannot
 * slip in after an organizer's lock has committed.
 */
@Injectable()
export class AddPostUseCase {
  constructor(private readonly dataSource: DataSource) {}

  async execute(caller: AuthUser, threadId: string, input: { body: string }): Promise<ForumPostEntity> {
    return this.dataSource.transaction(async (manager) => {
      const { thread, program, standing } = await loadThread(manager, caller, threadId, true);
      requireWriter(standing);
      assertProgramOpen(program);
      if (thread.lockedAt !== null) throw threadLocked();
      const now = new Date();
      thread.lastPostAt = now;
      await manager.save(thread);
      return manager.save(
        manager.create(ForumPostEntity, {
          id: uuidv7(),
          threadId,
          networkId: thread.networkId,
          programId: thread.programId,
          authorId: caller.userId,
          body: input.body,
          createdAt: now,
          hiddenAt: null,
          hiddenBy: null,
          erasedAt: null,
        }),
      );
    });
  }
}

/** Organizers hide a reply (members no longer see it) or restore it. */
@Injectable()
export class ModeratePostUseCase {
  constructor(private readonly dataSource: DataSource) {}

  async execute(caller: AuthUser, postId: string, change: Pick<ModerationChange, 'hidden'>): Promise<ForumPostEntity> {
    return this.dataSource.transaction(async (manager) => {
      const { post, standing } = await loadPost(manager, caller, postId);
      requireOrganizer(standing, 'moderates its forums');
      return applyModeration(post, change, caller.userId, new Date()) ? manager.save(post) : post;
    });
  }
}
