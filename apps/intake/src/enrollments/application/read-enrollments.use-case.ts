import { Injectable } from '@nestjs/common';
import type { AuthUser } from '@passerelle/platform/auth';
import { canManageNetwork, isIntegrator } from '@passerelle/platform/auth';
import { resolveNetworkScope } from '@passerelle/platform/http';
import { DataSource, type FindOptionsWhere, MoreThan } from 'typeorm';
import type { ProgramRole } from '../../programs/domain/program';
import type { EnrollmentStatus } from '../domain/enrollment';
import { EnrollmentEntity } from '../infrastructure/enrollment.entity';
import { enrollmentNotFound } from './enrollment-errors';
import { canReadEnrollment } from './enrollment-lookup';

@Injectable()
export class GetEnrollmentUseCase {
  constructor(private readonly dataSource: DataSource) {}

  async execute(caller: AuthUser, id: string): Promise<EnrollmentEntity> {
    const enrollment = await this.dataSource.getRepository(EnrollmentEntity).findOneBy({ id });
    if (!enrollment || !canReadEnrollment(caller, enrollment)) throw enrollmentNotFound();
    return enrollment;
  }
}

export interface EnrollmentQuery {
  readonly limit: number;
  readonly cursor?: string;
  readonly programId?: string;
  readonly role?: ProgramRole;
  readonly status?: EnrollmentStatus;
  readonly networkId?: string;
}

/**
 * A participant lists their own enrolments; organizers and integrators list
 * the network's (optionally one programme's), by keyset pages in id order.
 */
@Injectable()
export class ListEnrollmentsUseCase {
  constructor(private readonly dataSource: DataSource) {}

  async execute(caller: AuthUser, query: EnrollmentQuery): Promise<{ items: EnrollmentEntity[]; nextCursor: string | null }> {
    const networkId = resolveNetworkScope(caller, query.networkId);
    const seesNetwork = canManageNetwork(caller, networkId) || isIntegrator(caller);
    const where: FindOptionsWhere<EnrollmentEntity> = {
      networkId,
      ...(seesNetwork ? {} : { userId: caller.userId }),
      ...(query.programId ? { programId: query.programId } : {}),
      ...(query.role ? { role: query.role } : {}),
      ...(query.status ? { status: query.status } : {}),
      ...(query.cursor ? { id: MoreThan(query.cursor) } : {}),
    };
    const rows = await this.dataSource.getRepository(EnrollmentEntity).find({ where, order: { id: 'ASC' }, take: query.limit + 1 });
    const items = rows.slice(0, query.limit);
    return { items, nextCursor: rows.length > query.limit ? items[items.length - 1].id : null };
  }
}
