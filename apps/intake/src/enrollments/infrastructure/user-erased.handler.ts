import { Injectable } from '@nestjs/common';
import { type EventEnvelope, type UserErasedData, userErased } from '@passerelle/contracts';
import { type EventHandler, HandlesEvent } from '@passerelle/platform/inbox';
import type { EntityManager } from 'typeorm';
import { SurveyTemplateEntity } from '../../surveys/infrastructure/survey-template.entity';
import { EnrollmentEntity } from './enrollment.entity';

/**
 * GDPR erasure (PRODUCT.md, Security; issue 4, item 6): the person's free-text
 * answers, employer key, exclusions and goal wording go; the rows stay,
 * detached from the user id, so every count and baseline mean stays right.
 */
@Injectable()
@HandlesEvent(userErased)
export class UserErasedHandler implements EventHandler<UserErasedData> {
  async handle(event: EventEnvelope<UserErasedData>, manager: EntityManager): Promise<void> {
    const { userId, networkId, erasedAt } = event.data;
    const enrollments = await manager.find(EnrollmentEntity, { where: { userId, networkId }, lock: { mode: 'pessimistic_write' } });
    // An empty `where` list would read every template: nobody to erase here, nothing to read.
    const templates = enrollments.length === 0 ? [] : await manager.find(SurveyTemplateEntity, {
      where: enrollments.map(({ programId, role, templateVersion }) => ({ programId, role, version: templateVersion })),
    });
    const templateOf = (enrollment: EnrollmentEntity) =>
      templates.find((t) => t.programId === enrollment.programId && t.role === enrollment.role && t.version === enrollment.templateVersion)!;
    for (const enrollment of enrollments) {
      const freeText = new Set(templateOf(enrollment).questions.filter((question) => question.type === 'short_text').map((question) => question.id));
      const answers = Object.fromEntries(Object.entries(enrollment.answers).filter(([questionId]) => !freeText.has(questionId)));
      Object.assign(enrollment, {
        userId: null,
        answers,
        features: { ...enrollment.features, employerKey: null },
        excludedUserIds: [],
        erasedAt: new Date(erasedAt),
      });
      await manager.save(enrollment);
    }
    await manager.query('UPDATE goals SET title = NULL, user_id = NULL, updated_at = now() WHERE user_id = $1 AND network_id = $2', [userId, networkId]);
    await manager.query('UPDATE taxonomy_terms SET created_by = NULL WHERE created_by = $1 AND network_id = $2', [userId, networkId]);
    // Others' "do not match me with" lists name this person too.
    await manager.query(
      'UPDATE enrollments SET excluded_user_ids = array_remove(excluded_user_ids, $1::uuid) WHERE network_id = $2 AND $1::uuid = ANY (excluded_user_ids)',
      [userId, networkId],
    );
  }
}
