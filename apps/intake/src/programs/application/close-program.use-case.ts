import { Injectable } from '@nestjs/common';
import { programClosed } from '@passerelle/contracts';
import type { AuthUser } from '@passerelle/platform/auth';
import { OutboxWriter } from '@passerelle/platform/outbox';
import { DataSource } from 'typeorm';
import { closeReason } from '../domain/program';
import type { ProgramEntity } from '../infrastructure/program.entity';
import { loadForChange } from './program-lookup';

/** A published programme closes (`ended` on or after its end date, `cancelled` before); `program.closed` goes out with it. */
@Injectable()
export class CloseProgramUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
  ) {}

  execute(caller: AuthUser, id: string, expectedVersion?: number): Promise<ProgramEntity> {
    return this.dataSource.transaction(async (manager) => {
      const program = await loadForChange(manager, caller, id, 'close', expectedVersion);
      const closedAt = new Date();
      program.version += 1;
      program.closedAt = closedAt;
      const saved = await manager.save(program);
      await this.outbox.append(manager, programClosed, {
        programId: saved.id,
        networkId: saved.networkId,
        reason: closeReason(saved.endsOn, closedAt.toISOString().slice(0, 10)),
        closedBy: caller.userId,
        closedAt: closedAt.toISOString(),
      });
      return saved;
    });
  }
}
