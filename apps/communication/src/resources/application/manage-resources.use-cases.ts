import { BadRequestException, ConflictException, Injectable } from '@nestjs/common';
import { resourcePublished } from '@passerelle/contracts';
import type { AuthUser } from '@passerelle/platform/auth';
import { OutboxWriter } from '@passerelle/platform/outbox';
import { DataSource } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { assertProgramOpen, loadProgramInCohort, requireOrganizer } from '../../cohort/application/cohort-access';
import { contentProblems, type Problem, type ResourceAudience, type ResourceKind } from '../domain/resource';
import { ResourceEntity } from '../infrastructure/resource.entity';
import { loadResource, RESOURCE_ACCESS, type ResourceView, resourceViews } from './resource-access';

export interface PublishResourceCommand {
  readonly programId: string;
  readonly kind: ResourceKind;
  readonly audience: ResourceAudience;
  readonly title: string;
  readonly description: string;
  readonly url: string | null;
  readonly body: string | null;
}

export interface UpdateResourceCommand {
  readonly title?: string;
  readonly description?: string;
  readonly url?: string;
  readonly body?: string;
}

function invalidContent(problems: readonly Problem[]): BadRequestException {
  return new BadRequestException({ message: 'The request is invalid.', details: problems });
}

/** Organizers publish material for one programme and role; `resource.published` lets evaluation count what each role should complete. */
@Injectable()
export class PublishResourceUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
  ) {}

  async execute(caller: AuthUser, command: PublishResourceCommand): Promise<ResourceView> {
    return this.dataSource.transaction(async (manager) => {
      const { program, standing } = await loadProgramInCohort(manager, caller, command.programId, RESOURCE_ACCESS);
      requireOrganizer(standing, 'publishes resources');
      const problems = contentProblems(command);
      if (problems.length > 0) throw invalidContent(problems);
      assertProgramOpen(program);
      const now = new Date();
      const resource = await manager.save(
        manager.create(ResourceEntity, {
          id: uuidv7(),
          networkId: program.networkId,
          programId: program.id,
          kind: command.kind,
          audience: command.audience,
          title: command.title.trim(),
          description: command.description,
          url: command.url,
          body: command.body,
          status: 'published',
          publishedBy: caller.userId,
          publishedAt: now,
          updatedAt: now,
          archivedAt: null,
        }),
      );
      await this.outbox.append(manager, resourcePublished, {
        resourceId: resource.id,
        networkId: resource.networkId,
        programId: resource.programId,
        kind: resource.kind,
        audience: resource.audience,
        publishedBy: caller.userId,
        publishedAt: now.toISOString(),
      });
      return (await resourceViews(manager, caller, standing, [resource]))[0];
    });
  }
}

/**
 * Organizers correct the wording or the material (a new link, a revised text).
 * The kind and the audience stay: evaluation counted the module for that role
 * when it was published, and completions already recorded refer to it.
 */
@Injectable()
export class UpdateResourceUseCase {
  constructor(private readonly dataSource: DataSource) {}

  async execute(caller: AuthUser, id: string, command: UpdateResourceCommand): Promise<ResourceView> {
    return this.dataSource.transaction(async (manager) => {
      const { resource, standing } = await loadResource(manager, caller, id, true);
      requireOrganizer(standing, 'changes resources');
      if (resource.status === 'archived') {
        throw new ConflictException({ message: 'An archived resource does not change.', details: [{ path: 'status', issue: 'is archived' }] });
      }
      const replaced = command.url !== undefined || command.body !== undefined;
      const url = replaced ? (command.url ?? null) : resource.url;
      const body = replaced ? (command.body ?? null) : resource.body;
      const problems = contentProblems({ kind: resource.kind, url, body });
      if (problems.length > 0) throw invalidContent(problems);
      Object.assign(resource, {
        title: command.title?.trim() ?? resource.title,
        description: command.description ?? resource.description,
        url,
        body,
        updatedAt: new Date(),
      });
      await manager.save(resource);
      return (await resourceViews(manager, caller, standing, [resource]))[0];
    });
  }
}

/** Organizers withdraw outdated material: members no longer see it; completions already recorded stay. Archiving twice changes nothing. */
@Injectable()
export class ArchiveResourceUseCase {
  constructor(private readonly dataSource: DataSource) {}

  async execute(caller: AuthUser, id: string): Promise<ResourceView> {
    return this.dataSource.transaction(async (manager) => {
      const { resource, standing } = await loadResource(manager, caller, id, true);
      requireOrganizer(standing, 'archives resources');
      if (resource.status !== 'archived') {
        const now = new Date();
        Object.assign(resource, { status: 'archived', archivedAt: now, updatedAt: now });
        await manager.save(resource);
      }
      return (await resourceViews(manager, caller, standing, [resource]))[0];
    });
  }
}
