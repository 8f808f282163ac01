import { ConflictException, Injectable } from '@nestjs/common';
import type { AuthUser } from '@passerelle/platform/auth';
import { DataSource, IsNull, LessThan, type FindOptionsWhere } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { assertProgramOpen, loadProgramInCohort, requireOrganizer, requireWriter } from '../../cohort/application/cohort-access';
import { applyModeration, type ModerationChange } from '../domain/forum-rules';
import { ForumThreadEntity } from '../infrastructure/forum-thread.entity';
import { FORUM_ACCESS, loadThread } from './forum-lookup';

export interface Page<T> {
  readonly items: T[];
  readonly nextCursor: string | null;
}

export interface PageRequest {
  readonly limit: number;
  readonly cursor?: string;
}

/** A programme's threads, newest first (UUIDv7 ids: id order is creation order); hidden ones only for organizers. */
@Injectable()
export class ListThreadsUseCase {
  constructor(private readonly dataSource: DataSource) {}

  async execute(caller: AuthUser, programId: string, page: PageRequest): Promise<Page<ForumThreadEntity>> {
    const { standing } = await loadProgramInCohort(this.dataSource.manager, caller, programId, FORUM_ACCESS);
    const where: FindOptionsWhere<ForumThreadEntity> = {
      programId,
      ...(standing.kind === 'organizer' ? {} : { hiddenAt: IsNull() }),
      ...(page.cursor ? { id: LessThan(page.cursor) } : {}),
    };
    const rows = await this.dataSource.getRepository(ForumThreadEntity).find({ where, order: { id: 'DESC' }, take: page.limit + 1 });
    const items = rows.slice(0, page.limit);
    return { items, nextCursor: rows.length > page.limit ? items[items.length - 1].id : null };
  }
}

/** Any member of the cohort, or an organizer, opens a thread in the programme's forum. */
@Injectable()
export class StartThreadUseCase {
  constructor(private readonly dataSource: DataSource) {}

  async execute(caller: AuthUser, programId: string, input: { title: string; body: string }): Promise<ForumThreadEntity> {
    return this.dataSource.transaction(async (manager) => {
      const { program, standing } = await loadProgramInCohort(manager, caller, programId, FORUM_ACCESS);
      requireWriter(standing);
      assertProgramOpen(program);
      const now = new Date();
      return manager.save(
        manager.create(ForumThreadEntity, {
          id: uuidv7(),
          networkId: program.networkId,
          programId,
          authorId: caller.userId,
          title: input.title.trim(),
          body: input.body,
          createdAt: now,
          lastPostAt: now,
          lockedAt: null,
          lockedBy: null,
          hiddenAt: null,
          hiddenBy: null,
          erasedAt: null,
        }),
      );
    });
  }
}

@Injectable()
export class GetThreadUseCase {
  constructor(private readonly dataSource: DataSource) {}

  async execute(caller: AuthUser, threadId: string): Promise<ForumThreadEntity> {
    return (await loadThread(this.dataSource.manager, caller, threadId)).thread;
  }
}

/** Organizers hide a thread (members no longer see it) or lock it (no new posts), and undo either. */
@Injectable()
export class ModerateThreadUseCase {
  constructor(private readonly dataSource: DataSource) {}

  async execute(caller: AuthUser, threadId: string, change: ModerationChange): Promise<ForumThreadEntity> {
    return this.dataSource.transaction(async (manager) => {
      const { thread, standing } = await loadThread(manager, caller, threadId, true);
      requireOrganizer(standing, 'moderates its forums');
      return applyModeration(thread, change, caller.userId, new Date()) ? manager.save(thread) : thread;
    });
  }
}

export function threadLocked(): ConflictException {
  return new ConflictException({ message: 'The thread is locked: it takes no new posts.', details: [{ path: 'threadId', issue: 'names a locked thread' }] });
}
