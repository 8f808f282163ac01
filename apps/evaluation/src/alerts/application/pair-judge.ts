import { Injectable } from '@nestjs/common';
import { ALERT_RAISED_V1_REASON_CODES, type AlertRaisedData, alertRaised, type AlertRaisedV2Data, alertRaisedV2, alertResolved } from '@passerelle/contracts';
import { PlatformMetrics } from '@passerelle/platform/observability';
import { OutboxWriter } from '@passerelle/platform/outbox';
import { Counter } from 'prom-client';
import type { EntityManager } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { assessPair, sessionFactsOf } from '../../projections/domain/pair-health';
import { SESSION_FACT_COLUMNS, type SessionFactRow, toSessionFacts } from '../../projections/infrastructure/program-facts.repository';
import { RiskRulesRepository } from '../../projections/infrastructure/risk-rules.repository';

const isV1Code = (code: string): code is AlertRaisedData['reasons'][number]['code'] => (ALERT_RAISED_V1_REASON_CODES as readonly string[]).includes(code);

interface OpenAlert {
  readonly alert_id: string;
}

/**
 * Judges one pair against its programme's at-risk rules and moves its alert:
 * entering the at-risk state raises `alert.raised` (once: at most one open
 * alert per pair), leaving it resolves the alert with `alert.resolved`
 * (issue 7, item 3). Runs in the caller's transaction, which holds the pair's
 * row of the work list.
 */
@Injectable()
export class PairJudge {
  private readonly transitions: Counter;

  constructor(
    private readonly outbox: OutboxWriter,
    private readonly rules: RiskRulesRepository,
    metrics: PlatformMetrics,
  ) {
    this.transitions = new Counter({
      name: 'evaluation_alerts_total',
      help: 'Pair alerts raised and resolved (counted when the transaction that writes them is about to commit)',
      labelNames: ['transition'] as const,
      registers: [metrics.registry],
    });
  }

  /**
   * v2 always; v1 too while it is deprecated (docs/integrators.md, Versions
   * and deprecation), with the reasons v1 can express, and only if one
   * remains. v2 first: a consumer of both that acts on the first copy of an
   * alert sees every reason.
   */
  private async publishRaised(manager: EntityManager, data: AlertRaisedV2Data): Promise<void> {
    await this.outbox.append(manager, alertRaisedV2, data);
    const v1Reasons = data.reasons.filter((reason): reason is AlertRaisedData['reasons'][number] => isV1Code(reason.code));
    if (v1Reasons.length > 0) await this.outbox.append(manager, alertRaised, { ...data, reasons: v1Reasons });
  }

  /** Returns whether the pair still needs watching (active, or an alert still open). */
  async judge(manager: EntityManager, generation: number, matchId: string, now: Date): Promise<boolean> {
    const [match] = (await manager.query(
      `SELECT m.network_id, m.program_id, m.mentor_id, m.mentee_id, m.accepted_at, m.ended_at, p.cadence_days
         FROM p_matches m LEFT JOIN p_programs p ON p.generation = m.generation AND p.program_id = m.program_id
        WHERE m.generation = $1 AND m.match_id = $2`,
      [generation, matchId],
    )) as Array<{ network_id: string; program_id: string; mentor_id: string; mentee_id: string; accepted_at: Date | null; ended_at: Date | null; cadence_days: number | null }>;
    // A session or feedback may arrive before its match (PRODUCT.md, Order): keep watching until it does.
    if (!match) return true;
    const sessions = (await manager.query(
      `SELECT ${SESSION_FACT_COLUMNS} FROM p_sessions WHERE generation = $1 AND match_id = $2`,
      [generation, matchId],
    )) as SessionFactRow[];
    const ratings = (await manager.query(
      `SELECT satisfaction FROM p_feedback WHERE generation = $1 AND match_id = $2 AND form = 'session'`,
      [generation, matchId],
    )) as Array<{ satisfaction: number }>;
    const { custom: _custom, ...rules } = await this.rules.rulesFor(manager, match.program_id);
    const verdict = assessPair(
      {
        acceptedAt: match.accepted_at?.toISOString() ?? null,
        endedAt: match.ended_at?.toISOString() ?? null,
        ...sessionFactsOf(sessions.map(toSessionFacts)),
        ratings: ratings.map((row) => row.satisfaction),
      },
      match.cadence_days,
      rules,
      now.toISOString(),
    );
    const [open] = (await manager.query(`SELECT alert_id FROM alerts WHERE match_id = $1 AND resolved_at IS NULL`, [matchId])) as OpenAlert[];
    const pair = { networkId: match.network_id, programId: match.program_id, matchId, mentorId: match.mentor_id, menteeId: match.mentee_id };
    if (verdict.atRisk && verdict.severity && !open) {
      const alertId = uuidv7();
      const data: AlertRaisedV2Data = {
        alertId,
        ...pair,
        severity: verdict.severity,
        reasons: verdict.reasons.map((reason) => ({ ...reason })),
        raisedAt: now.toISOString(),
      };
      await manager.query(
        `INSERT INTO alerts (alert_id, network_id, program_id, match_id, mentor_id, mentee_id, severity, reasons, raised_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
        [alertId, pair.networkId, pair.programId, matchId, pair.mentorId, pair.menteeId, verdict.severity, JSON.stringify(verdict.reasons), now],
      );
      await this.publishRaised(manager, data);
      this.transitions.inc({ transition: 'raised' });
    } else if (verdict.atRisk && open) {
      // Still at risk: the reasons' figures move with time, the alert stays the same one.
      await manager.query(`UPDATE alerts SET reasons = $2, severity = $3 WHERE alert_id = $1`, [open.alert_id, JSON.stringify(verdict.reasons), verdict.severity]);
    } else if (!verdict.atRisk && open) {
      const resolution = match.ended_at ? 'match_ended' : 'back_on_track';
      await manager.query(`UPDATE alerts SET resolved_at = $2, resolution = $3 WHERE alert_id = $1`, [open.alert_id, now, resolution]);
      await this.outbox.append(manager, alertResolved, { alertId: open.alert_id, ...pair, resolution, resolvedAt: now.toISOString() });
      this.transitions.inc({ transition: 'resolved' });
    }
    return verdict.active;
  }
}
