import { ConflictException, Injectable } from '@nestjs/common';
import { resourceCompleted } from '@passerelle/contracts';
import type { AuthUser } from '@passerelle/platform/auth';
import { OutboxWriter } from '@passerelle/platform/outbox';
import { DataSource } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { assertProgramOpen, requireMember } from '../../cohort/application/cohort-access';
import { completionRole, isCompletable } from '../domain/resource';
import { ResourceCompletionEntity } from '../infrastructure/resource-completion.entity';
import { loadResource } from './resource-access';

export interface CompletionResult {
  readonly completion: ResourceCompletionEntity;
  /** False when the module was completed before: nothing changed, nothing was published. */
  readonly created: boolean;
}

/**
 * A participant marks a training module completed, once: a repeated request
 * (or two at once) finds the first completion, and `resource.completed` goes
 * out exactly once, in the transaction that recorded it.
 */
@Injectable()
export class CompleteResourceUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
  ) {}

  async execute(caller: AuthUser, resourceId: string): Promise<CompletionResult> {
    return this.dataSource.transaction(async (manager) => {
      const { resource, program, standing } = await loadResource(manager, caller, resourceId);
      const roles = requireMember(standing, 'completes its training');
      if (!isCompletable(resource.kind)) {
        throw new ConflictException({ message: 'Only a training module is marked completed.', details: [{ path: 'kind', issue: `is ${resource.kind}` }] });
      }
      const existing = await manager.findOneBy(ResourceCompletionEntity, { resourceId, userId: caller.userId });
      if (existing) return { completion: existing, created: false };
      assertProgramOpen(program);
      if (resource.status === 'archived') {
        throw new ConflictException({ message: 'An archived resource is no longer completed.', details: [{ path: 'status', issue: 'is archived' }] });
      }
      // A member only sees material for their role; an organizer who is also enrolled sees everything, so this can be null.
      const role = completionRole(resource.audience, roles);
      if (role === null) {
        throw new ConflictException({
          message: 'This module is for another role than yours in the programme.',
          details: [{ path: 'audience', issue: `is ${resource.audience}; you take part as ${roles.join(' and ')}` }],
        });
      }
      const now = new Date();
      const inserted = (await manager.query(
        `INSERT INTO resource_completions (id, resource_id, network_id, program_id, user_id, role, completed_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7)
         ON CONFLICT (resource_id, user_id) WHERE user_id IS NOT NULL DO NOTHING
         RETURNING id`,
        [uuidv7(), resourceId, resource.networkId, resource.programId, caller.userId, role, now],
      )) as Array<{ id: string }>;
      const completion = await manager.findOneByOrFail(ResourceCompletionEntity, { resourceId, userId: caller.userId });
      if (inserted.length === 0) return { completion, created: false };
      await this.outbox.append(manager, resourceCompleted, {
        resourceId,
        networkId: resource.networkId,
        programId: resource.programId,
        userId: caller.userId,
        role,
        completedAt: now.toISOString(),
      });
      return { completion, created: true };
    });
  }
}
