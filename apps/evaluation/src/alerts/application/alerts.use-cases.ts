import { ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { type AuthUser, canManageNetwork, canSeeNetwork, isPlatformAdmin } from '@passerelle/platform/auth';
import { resolveNetworkScope } from '@passerelle/platform/http';
import { DataSource } from 'typeorm';
import type { RiskRules } from '../../projections/domain/pair-health';
import { notFound, programNetwork, requireReportReader } from '../../projections/application/get-program-report.use-case';
import { liveGeneration } from '../../projections/infrastructure/program-facts.repository';
import { RiskRulesRepository } from '../../projections/infrastructure/risk-rules.repository';

export interface AlertView {
  readonly id: string;
  readonly networkId: string;
  readonly programId: string;
  readonly matchId: string;
  readonly mentorId: string;
  readonly menteeId: string;
  readonly severity: string;
  readonly reasons: unknown;
  readonly status: 'open' | 'resolved';
  readonly raisedAt: string;
  readonly resolvedAt: string | null;
  readonly resolution: string | null;
  readonly acknowledgedAt: string | null;
  readonly acknowledgedBy: string | null;
}

interface AlertRow {
  alert_id: string;
  network_id: string;
  program_id: string;
  match_id: string;
  mentor_id: string;
  mentee_id: string;
  severity: string;
  reasons: unknown;
  raised_at: Date;
  resolved_at: Date | null;
  resolution: string | null;
  acknowledged_at: Date | null;
  acknowledged_by: string | null;
}

const view = (row: AlertRow): AlertView => ({
  id: row.alert_id,
  networkId: row.network_id,
  programId: row.program_id,
  matchId: row.match_id,
  mentorId: row.mentor_id,
  menteeId: row.mentee_id,
  severity: row.severity,
  reasons: row.reasons,
  status: row.resolved_at ? 'resolved' : 'open',
  raisedAt: row.raised_at.toISOString(),
  resolvedAt: row.resolved_at?.toISOString() ?? null,
  resolution: row.resolution,
  acknowledgedAt: row.acknowledged_at?.toISOString() ?? null,
  acknowledgedBy: row.acknowledged_by,
});

const noSuchAlert = () => new NotFoundException({ message: 'No such alert.', details: [{ path: 'alertId', issue: 'does not name an alert of your network' }] });
const organizersOnly = (what: string) =>
  new ForbiddenException({ message: `Only the network's organizers ${what}.`, details: [{ path: 'authorization', issue: 'requires the role organizer' }] });

/** The rules an organizer sets; without a declined-reschedule threshold the deployment's default applies (as it does to rules set before that rule existed). */
export type RiskRulesInput = Omit<RiskRules, 'declinedRescheduleThreshold'> & { readonly declinedRescheduleThreshold?: number };

export interface AlertFilter {
  readonly networkId?: string;
  readonly programId?: string;
  readonly status?: 'open' | 'resolved' | 'all';
  readonly limit?: number;
  readonly cursor?: string;
}

/** Alerts for those who run a network (issue 7, item 3): organizers act on them, integrators read them. */
@Injectable()
export class AlertsUseCases {
  constructor(
    private readonly dataSource: DataSource,
    private readonly rules: RiskRulesRepository,
  ) {}

  async list(caller: AuthUser, filter: AlertFilter): Promise<{ items: AlertView[]; nextCursor: string | null }> {
    const networkId = resolveNetworkScope(caller, filter.networkId);
    requireReportReader(caller);
    const limit = filter.limit ?? 20;
    const status = filter.status ?? 'open';
    const rows = (await this.dataSource.query(
      `SELECT * FROM alerts
        WHERE network_id = $1 AND ($2::uuid IS NULL OR program_id = $2) AND ($3::uuid IS NULL OR alert_id > $3)
          AND ($4 = 'all' OR ($4 = 'open') = (resolved_at IS NULL))
        ORDER BY alert_id LIMIT $5`,
      [networkId, filter.programId ?? null, filter.cursor ?? null, status, limit + 1],
    )) as AlertRow[];
    const items = rows.slice(0, limit).map(view);
    return { items, nextCursor: rows.length > limit ? items[items.length - 1].id : null };
  }

  /** Records that an organizer has seen the alert; acknowledging again keeps the first acknowledgement. */
  async acknowledge(caller: AuthUser, alertId: string): Promise<AlertView> {
    return this.dataSource.transaction(async (manager) => {
      const [row] = (await manager.query('SELECT * FROM alerts WHERE alert_id = $1 FOR UPDATE', [alertId])) as AlertRow[];
      if (!row || !canSeeNetwork(caller, row.network_id)) throw noSuchAlert();
      if (!canManageNetwork(caller, row.network_id)) throw organizersOnly('acknowledge alerts');
      if (row.acknowledged_at) return view(row);
      const [updated] = (await manager.query(
        'UPDATE alerts SET acknowledged_at = now(), acknowledged_by = $2 WHERE alert_id = $1 RETURNING *',
        [alertId, caller.userId],
      )) as [AlertRow[], number];
      return view(updated[0]);
    });
  }

  async rulesOf(caller: AuthUser, programId: string): Promise<RiskRules & { programId: string; custom: boolean }> {
    return this.dataSource.transaction(async (manager) => {
      await programNetwork(manager, await liveGeneration(manager), caller, programId);
      requireReportReader(caller);
      return { programId, ...(await this.rules.rulesFor(manager, programId)) };
    });
  }

  /** An organizer sets the programme's at-risk rules; its pairs are judged again at the next sweep. */
  async setRules(caller: AuthUser, programId: string, input: RiskRulesInput): Promise<RiskRules & { programId: string; custom: boolean }> {
    return this.dataSource.transaction(async (manager) => {
      const generation = await liveGeneration(manager);
      const networkId = await programNetwork(manager, generation, caller, programId);
      if (!canManageNetwork(caller, networkId)) {
        if (!isPlatformAdmin(caller) && caller.networkId !== networkId) throw notFound();
        throw organizersOnly('set at-risk rules');
      }
      await manager.query(
        `INSERT INTO program_risk_rules (program_id, network_id, cadence_factor, no_show_threshold, low_rating, min_ratings, declined_reschedule_threshold, updated_by, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, now())
         ON CONFLICT (program_id) DO UPDATE SET cadence_factor = EXCLUDED.cadence_factor, no_show_threshold = EXCLUDED.no_show_threshold,
           low_rating = EXCLUDED.low_rating, min_ratings = EXCLUDED.min_ratings, declined_reschedule_threshold = EXCLUDED.declined_reschedule_threshold,
           updated_by = EXCLUDED.updated_by, updated_at = EXCLUDED.updated_at`,
        [programId, networkId, input.cadenceFactor, input.noShowThreshold, input.lowRating, input.minRatings, input.declinedRescheduleThreshold ?? null, caller.userId],
      );
      await manager.query(
        `UPDATE pair_watch SET next_check_at = now() WHERE match_id IN (SELECT match_id FROM p_matches WHERE generation = $1 AND program_id = $2)`,
        [generation, programId],
      );
      const declinedRescheduleThreshold = input.declinedRescheduleThreshold ?? this.rules.defaults.declinedRescheduleThreshold;
      const { cadenceFactor, noShowThreshold, lowRating, minRatings } = input;
      return { programId, cadenceFactor, noShowThreshold, lowRating, minRatings, declinedRescheduleThreshold, custom: true };
    });
  }
}
