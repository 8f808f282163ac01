import { createHash } from 'node:crypto';
import { ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { type AuthUser, canSeeNetwork, isPlatformAdmin } from '@passerelle/platform/auth';
import { SharedFreshReads } from '@passerelle/platform/database';
import { DataSource, type EntityManager } from 'typeorm';
import { KPI_DEFINITIONS } from '../domain/kpi-definitions';
import { computeKpis, pairHealth, type ProgramFacts, weeklySeries } from '../domain/program-report';
import { loadProgramFacts } from '../infrastructure/program-facts.repository';
import { RiskRulesRepository, type RiskRulesRow } from '../infrastructure/risk-rules.repository';

export interface Freshness {
  /** ce_time of the latest event of this programme the live consumer applied. */
  readonly lastEventTime: string | null;
  readonly lastAppliedAt: string | null;
  /** Seconds from that event's ce_time to its effect in the projection. */
  readonly lagSeconds: number | null;
}

export type ProgramReport = ReturnType<GetProgramReportUseCase['compute']>;

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

/** Reports computed recently, kept for the readers that ask for the same one meanwhile (one a second for a polled programme). */
const RECENT_REPORTS = 16;
/** Programmes whose latest facts are kept: a report a second later folds them again without reading them again. */
const RECENT_FACTS = 16;

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
  readonly rules: RiskRulesRow | null;
}

/** A programme's facts and the state read with them, in one snapshot; `key` names the facts (factsKey). */
interface FactsRead {
  readonly key: string;
  readonly state: ReportState;
  readonly facts: ProgramFacts;
}

/**
 * A programme's report (issue 7, item 5), its facts read from the live
 * generation in one REPEATABLE READ snapshot, so a rebuild swapping
 * generations meanwhile never mixes two of them in one answer.
 *
 * A report depends only on the live generation, the programme's facts, its
 * risk rules and the instant it is computed at. Every event the live
 * consumer applies to a programme also moves that programme's freshness row
 * in the same transaction, so (generation, freshness row) names one set of
 * facts, and with the rules row and asOf one report. A reader first reads
 * that state in one statement (a consistent snapshot of its own) and gets
 * the report already computed for it, if any; else the facts read for that
 * state, if any, are folded at its instant; else the facts are read anew.
 * Without `asOf`, a report is computed at the current second, so a
 * dashboard polled by many readers costs one fold a second, and one read of
 * the facts per change.
 *
 * Readers of one programme asking together share the state read
 * (SharedFreshReads: each gets a read started after it asked) and, for a
 * report not computed yet, its one computation. A report is serialized
 * once, with an entity tag for conditional requests.
 */
@Injectable()
export class GetProgramReportUseCase {
  private readonly recent = new Map<string, Promise<RenderedReport>>();
  /** By programme: its facts for the latest state read. */
  private readonly facts = new Map<string, Promise<FactsRead>>();
  private readonly states: SharedFreshReads<ReportState>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly rules: RiskRulesRepository,
  ) {
    this.states = new SharedFreshReads((programId) => readState(this.dataSource.manager, programId));
  }

  async execute(caller: AuthUser, programId: string, asOf: string | undefined): Promise<RenderedReport> {
    const at = asOf ? new Date(asOf).toISOString() : new Date(Math.floor(Date.now() / 1000) * 1000).toISOString();
    const state = authorized(caller, await this.states.get(programId));
    const key = reportKey(programId, state, at);
    const known = this.recent.get(key);
    if (known) return known;
    // Remembered before it starts, so the readers arriving meanwhile (at each new second, all of them) wait for this one computation.
    const rendered = this.factsFor(programId, state).then((read) => {
      if (read.key === factsKey(programId, state)) return render(this.compute(programId, state, read.facts, at));
      // An event committed after the state was read: these facts are the newer state's, and answer it too.
      const report = render(this.compute(programId, read.state, read.facts, at));
      this.remember(reportKey(programId, read.state, at), Promise.resolve(report));
      return report;
    });
    this.remember(key, rendered);
    return rendered;
  }

  /** The facts for this state: those read last for the programme if they are this state's, else read anew (then kept). */
  private factsFor(programId: string, state: ReportState): Promise<FactsRead> {
    const key = factsKey(programId, state);
    const kept = this.facts.get(programId);
    const anew = () => this.readFacts(programId);
    const read = kept ? kept.then((facts) => (facts.key === key ? facts : anew()), anew) : anew();
    this.facts.delete(programId);
    this.facts.set(programId, read);
    read.catch(() => this.facts.get(programId) === read && this.facts.delete(programId));
    if (this.facts.size > RECENT_FACTS) this.facts.delete(this.facts.keys().next().value as string);
    return read;
  }

  private readFacts(programId: string): Promise<FactsRead> {
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      const state = await readState(manager, programId);
      // Gone from a generation swapped in since: answered as unknown (the caller's access was checked on the state read first).
      if (!state.network_id) throw notFound();
      const facts = (await loadProgramFacts(manager, state.generation, state.network_id, programId)) as ProgramFacts;
      return { key: factsKey(programId, state), state, facts };
    });
  }

  /** The report at `at`: the state's generation, freshness and rules, with the facts read for it. */
  private compute(programId: string, state: ReportState, facts: ProgramFacts, at: string) {
    const { generation } = state;
    const networkId = state.network_id as string;
    const { custom, ...rules } = this.rules.fromRow(state.rules);
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
    report.catch(() => this.recent.get(key) === report && this.recent.delete(key));
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

function factsKey(programId: string, state: ReportState): string {
  return JSON.stringify([programId, state.generation, state.network_id, state.freshness]);
}

function reportKey(programId: string, state: ReportState, at: string): string {
  return JSON.stringify([factsKey(programId, state), state.rules, at]);
}
