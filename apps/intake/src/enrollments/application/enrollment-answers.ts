import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { ProgramEntity } from '../../programs/infrastructure/program.entity';
import { TemplateStore } from '../../surveys/application/template-store';
import { validateAnswers } from '../../surveys/domain/answers';
import { extractFeatures } from '../../surveys/domain/matching-features';
import type { MatchingFeatures, Problem } from '../../surveys/domain/question';
import { TaxonomyTerms } from '../../taxonomies/application/taxonomy-terms';
import type { ProgramRole } from '../../programs/domain/program';
import { checkDeclarations } from '../domain/enrollment';
import { invalidEnrollment } from './enrollment-errors';

export interface EnrollmentInput {
  readonly role: ProgramRole;
  readonly templateVersion: number;
  readonly answers: Record<string, unknown>;
  readonly capacity?: number | null;
  readonly excludedUserIds: readonly string[];
}

/**
 * Checks a whole enrolment against the survey in force and the network's
 * taxonomies, and reports every problem at once (issue 4, item 4), so a
 * participant fixes everything in one go and nothing is half-saved.
 */
@Injectable()
export class EnrollmentAnswers {
  constructor(
    private readonly templates: TemplateStore,
    private readonly taxonomies: TaxonomyTerms,
  ) {}

  async check(manager: EntityManager, program: ProgramEntity, userId: string, input: EnrollmentInput, now: Date): Promise<MatchingFeatures> {
    const template = await this.templates.current(manager, program, input.role, now);
    const problems: Problem[] = [];
    if (input.templateVersion !== template.version) {
      problems.push({ path: 'templateVersion', issue: `must be ${template.version}, the version of the ${input.role} survey in force; read it again` });
    }
    problems.push(...checkDeclarations({ role: input.role, capacity: input.capacity, excludedUserIds: input.excludedUserIds }, userId));
    const answerProblems = validateAnswers(template.questions, input.answers, await this.taxonomies.activeTermIds(manager, program.networkId));
    problems.push(...(await this.explainOtherVersions(manager, program, input.role, template.version, answerProblems)));
    if (problems.length > 0) throw invalidEnrollment(problems);
    return extractFeatures(template.questions, input.answers, now);
  }

  /** "Not a question of this version" says which version did ask it, when one did. */
  private async explainOtherVersions(manager: EntityManager, program: ProgramEntity, role: ProgramRole, version: number, problems: Problem[]): Promise<Problem[]> {
    const strangers = problems.filter((problem) => problem.issue.startsWith('is not a question of'));
    if (strangers.length === 0) return problems;
    const versions = await this.templates.versionsByQuestion(manager, program.id, role);
    return problems.map((problem) => {
      if (!strangers.includes(problem)) return problem;
      const askedIn = versions.get(problem.path.slice('answers.'.length));
      return askedIn
        ? { path: problem.path, issue: `is a question of version ${askedIn.join(', ')} of the survey, not of version ${version} in force` }
        : { path: problem.path, issue: `is not a question of version ${version} of the survey` };
    });
  }
}
