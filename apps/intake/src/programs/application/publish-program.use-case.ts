import { Injectable } from '@nestjs/common';
import { programPublished } from '@passerelle/contracts';
import type { AuthUser } from '@passerelle/platform/auth';
import { OutboxWriter } from '@passerelle/platform/outbox';
import { DataSource } from 'typeorm';
import { validateProgram } from '../domain/program';
import type { ProgramEntity } from '../infrastructure/program.entity';
import { invalidProgram } from './program-errors';
import { loadForChange } from './program-lookup';
import { programSnapshot } from './program-snapshot';

/** A draft whose fields are coherent becomes published; `program.published` goes out in the same transaction. */
@Injectable()
export class PublishProgramUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
  ) {}

  execute(caller: AuthUser, id: string, expectedVersion?: number): Promise<ProgramEntity> {
    return this.dataSource.transaction(async (manager) => {
      const program = await loadForChange(manager, caller, id, 'publish', expectedVersion);
      // Stored drafts pass the rules, but the rules may have tightened since it was drafted.
      const problems = validateProgram(program);
      if (problems.length > 0) throw invalidProgram(problems);
      program.version += 1;
      program.publishedAt = new Date();
      const saved = await manager.save(program);
      await this.outbox.append(manager, programPublished, {
        ...programSnapshot(saved),
        publishedBy: caller.userId,
        publishedAt: saved.publishedAt!.toISOString(),
      });
      return saved;
    });
  }
}
