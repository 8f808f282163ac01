import { Injectable } from '@nestjs/common';
import type { AuthUser } from '@passerelle/platform/auth';
import { DataSource } from 'typeorm';
import { enrollmentNotFound } from '../../enrollments/application/enrollment-errors';
import { canReadEnrollment } from '../../enrollments/application/enrollment-lookup';
import { EnrollmentEntity } from '../../enrollments/infrastructure/enrollment.entity';
import { GoalEntity } from '../infrastructure/goal.entity';

/** An enrolment's goals, for whoever may read the enrolment (its participant, organizers, integrators). */
@Injectable()
export class ListGoalsUseCase {
  constructor(private readonly dataSource: DataSource) {}

  async execute(caller: AuthUser, enrollmentId: string): Promise<GoalEntity[]> {
    const enrollment = await this.dataSource.getRepository(EnrollmentEntity).findOneBy({ id: enrollmentId });
    if (!enrollment || !canReadEnrollment(caller, enrollment)) throw enrollmentNotFound();
    return this.dataSource.getRepository(GoalEntity).find({ where: { enrollmentId }, order: { id: 'ASC' } });
  }
}
