import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { ProgramRole } from '../../programs/domain/program';
import { templateEditable } from '../../enrollments/domain/enrollment';
import { calendarDay } from '../../programs/domain/program';
import type { ProgramEntity } from '../../programs/infrastructure/program.entity';
import type { Question } from '../domain/question';
import { generateQuestions } from '../domain/template-generator';
import { SurveyTemplateEntity } from '../infrastructure/survey-template.entity';

export interface CurrentTemplate {
  readonly version: number;
  readonly questions: readonly Question[];
  /** False for the template generated from the programme's objectives that nobody saved yet. */
  readonly saved: boolean;
  readonly editable: boolean;
  readonly savedAt: Date | null;
}

/**
 * Where a programme's survey for a role stands. Until an organizer saves a
 * version, the survey is generated from the programme's current objectives,
 * so changing the objectives of a draft changes the survey. Once intake
 * opens, the survey in force is saved as a version (generated → version 1)
 * so every answer names the exact questions it answered.
 */
@Injectable()
export class TemplateStore {
  async current(manager: EntityManager, program: ProgramEntity, role: ProgramRole, now = new Date()): Promise<CurrentTemplate> {
    const editable = templateEditable(program, calendarDay(now));
    const latest = await this.latest(manager, program.id, role);
    if (latest) return { version: latest.version, questions: latest.questions, saved: true, editable, savedAt: latest.createdAt };
    const questions = generateQuestions(program.objectives, role);
    if (editable) return { version: 1, questions, saved: false, editable, savedAt: null };
    // Two first enrolments may race here: the primary key keeps one version 1, both read it back.
    await manager
      .createQueryBuilder()
      .insert()
      .into(SurveyTemplateEntity)
      .values({ programId: program.id, role, version: 1, networkId: program.networkId, questions, createdBy: null })
      .orIgnore()
      .execute();
    const saved = (await this.latest(manager, program.id, role))!;
    return { version: saved.version, questions: saved.questions, saved: true, editable, savedAt: saved.createdAt };
  }

  /** A saved version, or null when the programme has no such version for the role. */
  version(manager: EntityManager, programId: string, role: ProgramRole, version: number): Promise<SurveyTemplateEntity | null> {
    return manager.findOneBy(SurveyTemplateEntity, { programId, role, version });
  }

  /** Which saved versions asked each question id, to tell a participant that a question belongs to another version. */
  async versionsByQuestion(manager: EntityManager, programId: string, role: ProgramRole): Promise<Map<string, number[]>> {
    const rows = await manager.find(SurveyTemplateEntity, { where: { programId, role }, order: { version: 'ASC' } });
    const versions = new Map<string, number[]>();
    for (const row of rows) for (const question of row.questions) versions.set(question.id, [...(versions.get(question.id) ?? []), row.version]);
    return versions;
  }

  async save(manager: EntityManager, program: ProgramEntity, role: ProgramRole, questions: readonly Question[], by: string): Promise<SurveyTemplateEntity> {
    const latest = await this.latest(manager, program.id, role);
    return manager.save(
      manager.create(SurveyTemplateEntity, {
        programId: program.id,
        role,
        version: (latest?.version ?? 0) + 1,
        networkId: program.networkId,
        questions: [...questions],
        createdBy: by,
      }),
    );
  }

  private latest(manager: EntityManager, programId: string, role: ProgramRole): Promise<SurveyTemplateEntity | null> {
    return manager.findOne(SurveyTemplateEntity, { where: { programId, role }, order: { version: 'DESC' } });
  }
}
