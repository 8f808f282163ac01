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
    // Not the duals: one number per participant, which the listing does not show.
    return this.dataSource.getRepository(RoundEntity).find({
      select: { id: true, networkId: true, programId: true, startedBy: true, startedAt: true, completedAt: true, model: true, statistics: true },
      where: { programId: program.id },
      order: { startedAt: 'DESC' },
      take: 50,
    });
  }
}
