import { BadRequestException, ConflictException, ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import type { AuthUser } from '@passerelle/platform/auth';
import { canManageNetwork } from '@passerelle/platform/auth';
import { DataSource } from 'typeorm';
import type { ProgramRole } from '../../programs/domain/program';
import { loadVisible } from '../../programs/application/program-lookup';
import type { Question } from '../domain/question';
import { validateTemplate } from '../domain/template';
import { type CurrentTemplate, TemplateStore } from './template-store';

export interface TemplateView extends CurrentTemplate {
  readonly programId: string;
  readonly role: ProgramRole;
}

/** Any member of the network reads a programme's survey: the current one, or a saved version. */
@Injectable()
export class GetSurveyTemplateUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly templates: TemplateStore,
  ) {}

  execute(caller: AuthUser, programId: string, role: ProgramRole, version?: number): Promise<TemplateView> {
    return this.dataSource.transaction(async (manager) => {
      const program = await loadVisible(manager, caller, programId);
      const current = await this.templates.current(manager, program, role);
      if (version === undefined || (version === current.version && !current.saved)) return { programId, role, ...current };
      const saved = await this.templates.version(manager, programId, role, version);
      if (!saved) {
        throw new NotFoundException({
          message: `The ${role} survey of this programme has no version ${version}.`,
          details: [{ path: 'version', issue: `must be from 1 to ${current.saved ? current.version : 1}` }],
        });
      }
      return { programId, role, version, questions: saved.questions, saved: true, editable: current.editable && version === current.version, savedAt: saved.createdAt };
    });
  }
}

/**
 * An organizer replaces the questions of a role's survey until intake opens;
 * each save is a new version (issue 4, item 3). The version they read may be
 * sent back to refuse a save over someone else's.
 */
@Injectable()
export class SaveSurveyTemplateUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly templates: TemplateStore,
  ) {}

  execute(caller: AuthUser, programId: string, role: ProgramRole, questions: readonly unknown[], expectedVersion?: number): Promise<TemplateView> {
    const problems = validateTemplate(questions, role);
    if (problems.length > 0) throw new BadRequestException({ message: 'The survey is invalid.', details: problems });
    return this.dataSource.transaction(async (manager) => {
      const program = await loadVisible(manager, caller, programId, 'update');
      if (!canManageNetwork(caller, program.networkId)) throw new ForbiddenException({ message: 'Only an organizer of the network edits its surveys.' });
      const current = await this.templates.current(manager, program, role);
      if (!current.editable) {
        throw new ConflictException({
          message: `The survey can no longer change: intake opened on ${program.intakeOpensOn}${program.status === 'closed' ? ' and the programme is closed' : ''}.`,
          details: [{ path: 'programId', issue: 'names a programme whose intake has opened' }],
        });
      }
      if (expectedVersion !== undefined && expectedVersion !== current.version) {
        throw new ConflictException({
          message: `The survey changed since you read it (you sent version ${expectedVersion}, it is at version ${current.version}); read it again.`,
          details: [{ path: 'version', issue: `must be ${current.version}` }],
        });
      }
      const saved = await this.templates.save(manager, program, role, questions as Question[], caller.userId);
      return { programId, role, version: saved.version, questions: saved.questions, saved: true, editable: true, savedAt: saved.createdAt };
    });
  }
}
