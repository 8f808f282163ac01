import { createHash } from 'node:crypto';
import { ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { type AuthUser, canSeeNetwork, isPlatformAdmin } from '@passerelle/platform/auth';
import { SharedFreshReads } from '@passerelle/platform/database';
import { DataSource, type EntityManager } from 'typeorm';
import { KPI_DEFINITIONS } from '../domain/kpi-definitions';
import { computeKpis, pairHealth, type ProgramFacts, weeklySeries } from '../domain/program-report';
import { loadProgramFacts } from '../infrastructure/program-facts.repository';
import { RiskRulesRepository } from '../infrastructure/risk-rules.repository';

export interface Freshness {
  /** ce_time of the latest event of this programme the live consumer applied. */
  readonly lastEventTime: string | null;
  readonly lastAppliedAt: string | null;
  /** Seconds from that event's ce_time to its effect in the projection. */
  readonly lagSeconds: number | null;
}

export type ProgramReport = Awaited<ReturnType<GetProgramReportUseCase['compute']>>;

/** A report with its JSON, serialized once however many readers get it, and that JSON's entity tag. */
export interface RenderedReport {
  readonly report: ProgramReport;
  readonly json: Buffer;
  readonly etag: string;
}

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

/** Reports computed recently, kept for the readers that ask for the same one meanwhile. */
const RECENT_REPORTS = 64;

/** What a report depends on besides its facts, read in one statement: the live generation, where the programme lives, its freshness row and its risk rules. */
const REPORT_STATE = `
  SELECT g.generation, p.network_id, to_jsonb(f) AS freshness, to_jsonb(r) AS rules
    FROM projection_generations g
    LEFT JOIN p_programs p ON p.generation = g.generation AND p.program_id = $1
    LEFT JOIN projection_freshness f ON f.program_id = $1
    LEFT JOIN program_risk_rules r ON r.program_id = $1
   WHERE g.state = 'live'`;

interface ReportState {
  readonly generation: number;
  readonly network_id: string | null;
  readonly freshness: { event_time: string; applied_at: string; lag_ms: string | number } | null;
  readonly rules: Record<string, unknown> | null;
}

/**
 * A programme's report (issue 7, item 5), read from the live generation in
 * one REPEATABLE READ snapshot, so a rebuild swapping generations meanwhile
 * never mixes two of them in one answer.
 *
 * A report depends only on the live generation, the programme's facts, its
 * risk rules and the instant it is computed at. Every event the live
 * consumer applies to a programme also moves that programme's freshness row
 * in the same transaction, so (generation, freshness row, rules row, asOf)
 * names one report: a reader first reads that key in one statement (a
 * consistent snapshot of its own) and gets the report already computed for
 * it, if any; otherwise the facts are loaded and folded in one snapshot as
 * before. Without `asOf`, a report is computed at the current second, so a
 * dashboard polled by many readers costs one computation per second at most.
 *
 * Readers of one programme asking together share the key's read
 * (SharedFreshReads: each gets a read started after it asked), and a report
 * is serialized once, with an entity tag for conditional requests.
 */
@Injectable()
export class GetProgramReportUseCase {
  private readonly recent = new Map<string, Promise<RenderedReport>>();
  private readonly states: SharedFreshReads<ReportState>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly rules: RiskRulesRepository,
  ) {
    this.states = new SharedFreshReads((programId) => readState(this.dataSource.manager, programId));
  }

  async execute(caller: AuthUser, programId: string, asOf: string | undefined): Promise<RenderedReport> {
    const at = asOf ? new Date(asOf).toISOString() : new Date(Math.floor(Date.now() / 1000) * 1000).toISOString();
    const known = this.recent.get(reportKey(programId, authorized(caller, await this.states.get(programId)), at));
    if (known) return known;
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      const state = authorized(caller, await readState(manager, programId));
      const key = reportKey(programId, state, at);
      const rendered = this.recent.get(key) ?? this.compute(manager, programId, state, at).then(render);
      this.remember(key, rendered);
      return rendered;
    });
  }

  private async compute(manager: EntityManager, programId: string, state: ReportState, at: string) {
    const { generation } = state;
    const networkId = state.network_id as string;
    const facts = (await loadProgramFacts(manager, generation, networkId, programId)) as ProgramFacts;
    const { custom, ...rules } = await this.rules.rulesFor(manager, programId);
    const fresh = state.freshness;
    const freshness: Freshness = {
      lastEventTime: fresh ? new Date(fresh.event_time).toISOString() : null,
      lastAppliedAt: fresh ? new Date(fresh.applied_at).toISOString() : null,
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
  }

  /** Keeps the most recent reports (a failed computation is not kept). */
  private remember(key: string, report: Promise<RenderedReport>): void {
    if (this.recent.get(key) === report) return;
    this.recent.set(key, report);
    report.catch(() => this.recent.delete(key));
    if (this.recent.size > RECENT_REPORTS) this.recent.delete(this.recent.keys().next().value as string);
  }
}

/** The live generation and the programme's freshness and rules rows. */
async function readState(manager: EntityManager, programId: string): Promise<ReportState> {
  const [state] = (await manager.query(REPORT_STATE, [programId])) as ReportState[];
  if (!state) throw new Error('no live projection generation');
  return state;
}

/** The state if the caller may read this programme's report; 404 or 403 as programNetwork and requireReportReader answer. */
function authorized(caller: AuthUser, state: ReportState): ReportState {
  // Another network's programme is answered like one that does not exist (PRODUCT.md: not by guessing ids).
  if (!state.network_id || !canSeeNetwork(caller, state.network_id)) throw notFound();
  requireReportReader(caller);
  return state;
}

function render(report: ProgramReport): RenderedReport {
  const json = Buffer.from(JSON.stringify(report));
  return { report, json, etag: `"${createHash('sha256').update(json).digest('base64url').slice(0, 27)}"` };
}

function reportKey(programId: string, state: ReportState, at: string): string {
  return JSON.stringify([programId, state.generation, state.network_id, state.freshness, state.rules, at]);
}
