import { ForbiddenException, Injectable } from '@nestjs/common';
import type { AuthUser } from '@passerelle/platform/auth';
import { invalidField } from '@passerelle/platform/http';
import { DataSource } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { isPlatformAdmin } from '@passerelle/platform/auth';
import { type ProgramFields, validateProgram } from '../domain/program';
import { ProgramEntity } from '../infrastructure/program.entity';
import { invalidProgram, programNotFound } from './program-errors';

export interface CreateProgramCommand extends ProgramFields {
  /** Only the platform admin names the network; an organizer creates in their own. */
  readonly networkId?: string;
}

/** An organizer drafts a programme of their network; nothing is published until it is. */
@Injectable()
export class CreateProgramUseCase {
  constructor(private readonly dataSource: DataSource) {}

  async execute(caller: AuthUser, command: CreateProgramCommand): Promise<ProgramEntity> {
    const networkId = this.networkOf(caller, command.networkId);
    const { networkId: _ignored, ...fields } = command;
    const problems = validateProgram(fields);
    if (problems.length > 0) throw invalidProgram(problems);
    return this.dataSource.getRepository(ProgramEntity).save({
      id: uuidv7(),
      networkId,
      ...fields,
      name: fields.name.trim(),
      objectives: [...fields.objectives],
      matchingModes: [...fields.matchingModes],
      status: 'draft',
      version: 1,
      createdBy: caller.userId,
      publishedAt: null,
      closedAt: null,
    });
  }

  private networkOf(caller: AuthUser, requested: string | undefined): string {
    if (isPlatformAdmin(caller)) {
      if (!requested) throw invalidField('networkId', 'is required for a platform admin');
      return requested;
    }
    if (requested !== undefined && requested !== caller.networkId) throw programNotFound();
    if (caller.kind !== 'user' || !caller.roles.includes('organizer')) {
      throw new ForbiddenException({ message: 'Only an organizer of the network creates programmes.' });
    }
    return caller.networkId;
  }
}
