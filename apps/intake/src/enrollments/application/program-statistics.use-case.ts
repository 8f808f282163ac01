import { ForbiddenException, Injectable } from '@nestjs/common';
import type { AuthUser } from '@passerelle/platform/auth';
import { canManageNetwork, isIntegrator } from '@passerelle/platform/auth';
import { DataSource } from 'typeorm';
import { loadVisible } from '../../programs/application/program-lookup';
import type { ProgramRole } from '../../programs/domain/program';

export interface RoleStatistics {
  /** Every enrolment ever submitted, erased people's included (anonymised, they still count). */
  readonly submitted: number;
  readonly active: number;
  readonly withdrawn: number;
  readonly erased: number;
  /** Sum of active mentors' capacities; 0 for mentees. */
  readonly capacity: number;
  /** Mean baseline of all submitted enrolments, two decimals; null when there are none. */
  readonly baseline: { confidence: number; communication: number; leadership: number; networkSize: number } | null;
}

export interface ProgramStatistics {
  readonly programId: string;
  readonly enrollments: Record<ProgramRole, RoleStatistics>;
  readonly goals: { readonly set: number; readonly inProgress: number; readonly achieved: number; readonly abandoned: number; readonly byObjective: Record<string, number> };
}

/**
 * The intake figures of a programme for its organizers and integrators. They
 * are computed from rows erasure keeps (anonymised), so they do not change
 * when someone erases their account (issue 4, item 6).
 */
@Injectable()
export class ProgramStatisticsUseCase {
  constructor(private readonly dataSource: DataSource) {}

  async execute(caller: AuthUser, programId: string): Promise<ProgramStatistics> {
    const program = await loadVisible(this.dataSource.manager, caller, programId);
    const integrator = isIntegrator(caller);
    if (!canManageNetwork(caller, program.networkId) && !integrator) {
      throw new ForbiddenException({ message: "Only the network's organizers and integrators read a programme's statistics." });
    }
    const rows: Array<Record<string, string | number | null>> = await this.dataSource.query(
      `SELECT role,
              count(*)::int AS submitted,
              count(*) FILTER (WHERE status = 'active' AND erased_at IS NULL)::int AS active,
              count(*) FILTER (WHERE status = 'withdrawn')::int AS withdrawn,
              count(*) FILTER (WHERE erased_at IS NOT NULL)::int AS erased,
              coalesce(sum(capacity) FILTER (WHERE status = 'active' AND erased_at IS NULL), 0)::int AS capacity,
              round(avg(baseline_confidence), 2)::float AS confidence,
              round(avg(baseline_communication), 2)::float AS communication,
              round(avg(baseline_leadership), 2)::float AS leadership,
              round(avg(baseline_network_size), 2)::float AS network_size
         FROM enrollments WHERE program_id = $1 GROUP BY role`,
      [programId],
    );
    const goalRows: Array<{ objective: string; status: string; count: number }> = await this.dataSource.query(
      'SELECT objective, status, count(*)::int AS count FROM goals WHERE program_id = $1 GROUP BY objective, status',
      [programId],
    );
    const byStatus = (status: string) => goalRows.filter((row) => row.status === status).reduce((sum, row) => sum + row.count, 0);
    const byObjective: Record<string, number> = {};
    for (const row of goalRows) byObjective[row.objective] = (byObjective[row.objective] ?? 0) + row.count;
    return {
      programId,
      enrollments: { mentor: roleStatistics(rows.find((row) => row.role === 'mentor')), mentee: roleStatistics(rows.find((row) => row.role === 'mentee')) },
      goals: { set: goalRows.reduce((sum, row) => sum + row.count, 0), inProgress: byStatus('in_progress'), achieved: byStatus('achieved'), abandoned: byStatus('abandoned'), byObjective },
    };
  }
}

function roleStatistics(row: Record<string, string | number | null> | undefined): RoleStatistics {
  if (!row) return { submitted: 0, active: 0, withdrawn: 0, erased: 0, capacity: 0, baseline: null };
  return {
    submitted: Number(row['submitted']),
    active: Number(row['active']),
    withdrawn: Number(row['withdrawn']),
    erased: Number(row['erased']),
    capacity: Number(row['capacity']),
    baseline: {
      confidence: Number(row['confidence']),
      communication: Number(row['communication']),
      leadership: Number(row['leadership']),
      networkSize: Number(row['network_size']),
    },
  };
}
