import { ConflictException, Injectable } from '@nestjs/common';
import { enrollmentWithdrawn } from '@passerelle/contracts';
import type { AuthUser } from '@passerelle/platform/auth';
import { OutboxWriter } from '@passerelle/platform/outbox';
import { DataSource } from 'typeorm';
import type { EnrollmentEntity } from '../infrastructure/enrollment.entity';
import { loadOwnForChange } from './enrollment-lookup';

/** A participant may leave at any time (issue 4, item 4); matching drops them on `enrollment.withdrawn`. */
@Injectable()
export class WithdrawEnrollmentUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
  ) {}

  execute(caller: AuthUser, id: string, expectedVersion?: number): Promise<EnrollmentEntity> {
    return this.dataSource.transaction(async (manager) => {
      const enrollment = await loadOwnForChange(manager, caller, id, expectedVersion);
      if (enrollment.status === 'withdrawn') {
        throw new ConflictException({ message: 'This enrolment is already withdrawn.', details: [{ path: 'status', issue: 'is withdrawn' }] });
      }
      const now = new Date();
      Object.assign(enrollment, { status: 'withdrawn', withdrawnAt: now, updatedAt: now, version: enrollment.version + 1 });
      const saved = await manager.save(enrollment);
      await this.outbox.append(manager, enrollmentWithdrawn, {
        enrollmentId: saved.id,
        networkId: saved.networkId,
        programId: saved.programId,
        userId: saved.userId!,
        role: saved.role,
        withdrawnAt: now.toISOString(),
      });
      return saved;
    });
  }
}
