import { Injectable } from '@nestjs/common';
import type { AuthUser } from '@passerelle/platform/auth';
import { DataSource } from 'typeorm';
import { loadVisibleProgram } from '../../pool/application/program-access';
import { RoundEntity } from '../infrastructure/round.entity';

/** A programme's rounds, newest first, for its organizers and integrators. */
@Injectable()
export class ListRoundsUseCase {
  constructor(private readonly dataSource: DataSource) {}

  async execute(caller: AuthUser, programId: string): Promise<RoundEntity[]> {
    const program = await loadVisibleProgram(this.dataSource.manager, caller, programId);
    return this.dataSource.getRepository(RoundEntity).find({ where: { programId: program.id }, order: { startedAt: 'DESC' }, take: 50 });
  }
}
