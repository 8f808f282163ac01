import { ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { type AuthUser, canSeeNetwork, isPlatformAdmin } from '@passerelle/platform/auth';
import { DataSource, type EntityManager } from 'typeorm';
import { KPI_DEFINITIONS } from '../domain/kpi-definitions';
import { computeKpis, pairHealth, type ProgramFacts, weeklySeries } from '../domain/program-report';
import { liveGeneration, loadProgramFacts } from '../infrastructure/program-facts.repository';
import { RiskRulesRepository } from '../infrastructure/risk-rules.repository';

export interface Freshness {
  /** ce_time of the latest event of this programme the live consumer applied. */
  readonly lastEventTime: string | null;
  readonly lastAppliedAt: string | null;
  /** Seconds from that event's ce_time to its effect in the projection. */
  readonly lagSeconds: number | null;
}

export type ProgramReport = Awaited<ReturnType<GetProgramReportUseCase['execute']>>;

export const notFound = (path = 'programId') =>
  new NotFoundException({ message: 'No such programme.', details: [{ path, issue: 'does not name a programme of your network' }] });

/** Where a programme lives in the live generation, if the caller may see it. */
export async function programNetwork(manager: EntityManager, generation: number, caller: AuthUser, programId: string): Promise<string> {
  const [row] = (await manager.query('SELECT network_id FROM p_programs WHERE generation = $1 AND program_id = $2', [generation, programId])) as Array<{
    network_id: string;
  }>;
  // Another network's programme is answered like one that does not exist (PRODUCT.md: not by guessing ids).
  if (!row || !canSeeNetwork(caller, row.network_id)) throw notFound();
  return row.network_id;
}

export function requireReportReader(caller: AuthUser): void {
  if (!isPlatformAdmin(caller) && !caller.roles.some((role) => role === 'organizer' || role === 'integrator')) {
    throw new ForbiddenException({
      message: "Only the network's organizers and integrators read its reports.",
      details: [{ path: 'authorization', issue: 'requires the role organizer or integrator' }],
    });
  }
}

/**
 * A programme's report (issue 7, item 5), read from the live generation in
 * one REPEATABLE READ snapshot, so a rebuild swapping generations meanwhile
 * never mixes two of them in one answer.
 */
@Injectable()
export class GetProgramReportUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly rules: RiskRulesRepository,
  ) {}

  async execute(caller: AuthUser, programId: string, asOf: string | undefined) {
    const at = asOf ? new Date(asOf).toISOString() : new Date().toISOString();
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      const generation = await liveGeneration(manager);
      const networkId = await programNetwork(manager, generation, caller, programId);
      requireReportReader(caller);
      const facts = (await loadProgramFacts(manager, generation, networkId, programId)) as ProgramFacts;
      const { custom, ...rules } = await this.rules.rulesFor(manager, programId);
      const [fresh] = (await manager.query('SELECT event_time, applied_at, lag_ms FROM projection_freshness WHERE program_id = $1', [programId])) as Array<{
        event_time: Date;
        applied_at: Date;
        lag_ms: string;
      }>;
      const freshness: Freshness = {
        lastEventTime: fresh?.event_time.toISOString() ?? null,
        lastAppliedAt: fresh?.applied_at.toISOString() ?? null,
        lagSeconds: fresh ? Number(fresh.lag_ms) / 1000 : null,
      };
      return {
        programId,
        networkId,
        asOf: at,
        generation,
        freshness,
        riskRules: { ...rules, custom },
        kpis: computeKpis(facts, rules, at),
        weekly: weeklySeries(facts, at),
        pairs: pairHealth(facts, rules, at),
        definitions: KPI_DEFINITIONS,
      };
    });
  }
}
