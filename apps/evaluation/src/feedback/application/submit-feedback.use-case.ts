import { BadRequestException, ConflictException, ForbiddenException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import { type FeedbackSubmittedData, feedbackSubmitted } from '@passerelle/contracts';
import { APP_CONFIG } from '@passerelle/platform';
import type { AuthUser } from '@passerelle/platform/auth';
import { OutboxWriter } from '@passerelle/platform/outbox';
import { DataSource, type EntityManager } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import type { EvaluationConfig } from '../../config';
import { liveGeneration } from '../../projections/infrastructure/program-facts.repository';
import type { FeedbackResponse, SubmitFeedbackRequest } from '../api/feedback.dto';
import { type FeedbackRefusal, sessionFeedbackRefusal, surveyRefusal } from '../domain/feedback-window';

/** Fields each form asks; any other answer is refused rather than silently dropped. */
const ASKED: Record<SubmitFeedbackRequest['form'], readonly (keyof SubmitFeedbackRequest)[]> = {
  session: ['sessionId', 'goalProgress', 'helped'],
  pulse: ['programId', 'nps', 'scales'],
  exit: ['programId', 'nps', 'scales', 'outcomes', 'skillsGained'],
};
const FORM_SPECIFIC: readonly (keyof SubmitFeedbackRequest)[] = ['sessionId', 'programId', 'nps', 'scales', 'outcomes', 'skillsGained', 'goalProgress', 'helped'];

const refused = (refusal: FeedbackRefusal) => {
  const body = { message: 'This feedback cannot be given.', details: [{ path: refusal.path, issue: refusal.issue }] };
  return refusal.status === 403 ? new ForbiddenException(body) : new ConflictException(body);
};

interface Target {
  readonly networkId: string;
  readonly programId: string;
  readonly matchId: string | null;
  readonly sessionId: string | null;
  readonly role: 'mentor' | 'mentee';
}

/**
 * Session feedback, the pulse and the exit survey (issue 7, item 1). The
 * answer and `feedback.submitted` are written in one transaction; the
 * projections take the answer from that event, like every other fact, so a
 * rebuild from the log finds it too.
 */
@Injectable()
export class SubmitFeedbackUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
    @Inject(APP_CONFIG) private readonly config: EvaluationConfig,
  ) {}

  async execute(caller: AuthUser, body: SubmitFeedbackRequest, now = new Date()): Promise<FeedbackResponse> {
    const unasked = FORM_SPECIFIC.filter((field) => body[field] !== undefined && !ASKED[body.form].includes(field));
    if (unasked.length > 0) {
      throw new BadRequestException({ message: 'The request is invalid.', details: unasked.map((path) => ({ path, issue: `is not asked in the ${body.form} form` })) });
    }
    return this.dataSource.transaction(async (manager) => this.submit(manager, caller, body, now)).catch((error: unknown) => {
      // Two answers racing past the check: the unique index keeps one, the other is told so.
      const code = (error as { code?: string; driverError?: { code?: string } }).driverError?.code ?? (error as { code?: string }).code;
      if (code === '23505') throw new ConflictException({ message: 'This feedback was already given.', details: [{ path: 'form', issue: 'you already answered it' }] });
      throw error;
    });
  }

  private async submit(manager: EntityManager, caller: AuthUser, body: SubmitFeedbackRequest, now: Date): Promise<FeedbackResponse> {
    {
      const generation = await liveGeneration(manager);
      const target = body.form === 'session' ? await this.sessionTarget(manager, generation, caller, body, now) : await this.surveyTarget(manager, generation, caller, body, now);
      const already = (await manager.query(
        body.form === 'session'
          ? `SELECT 1 FROM feedback WHERE form = 'session' AND session_id = $1 AND respondent_id = $2`
          : `SELECT 1 FROM feedback WHERE form = $3 AND program_id = $1 AND respondent_id = $2`,
        body.form === 'session' ? [target.sessionId, caller.userId] : [target.programId, caller.userId, body.form],
      )) as unknown[];
      if (already.length > 0) {
        throw new ConflictException({
          message: 'This feedback was already given.',
          details: [{ path: body.form === 'session' ? 'sessionId' : 'form', issue: body.form === 'session' ? 'you already gave feedback on this session' : `you already answered the ${body.form} survey of this programme` }],
        });
      }
      const id = uuidv7();
      const submittedAt = now.toISOString();
      await manager.query(
        `INSERT INTO feedback (feedback_id, network_id, program_id, match_id, session_id, respondent_id, respondent_role, form, satisfaction, nps, scales, outcomes,
                               goal_progress, helped, skills_gained, comment, submitted_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)`,
        [
          id,
          target.networkId,
          target.programId,
          target.matchId,
          target.sessionId,
          caller.userId,
          target.role,
          body.form,
          body.satisfaction,
          body.nps ?? null,
          body.scales ? JSON.stringify(body.scales) : null,
          body.outcomes ? JSON.stringify(body.outcomes) : null,
          JSON.stringify(body.goalProgress ?? []),
          body.helped ?? [],
          body.skillsGained ?? [],
          body.comment ?? null,
          submittedAt,
        ],
      );
      const data: FeedbackSubmittedData = {
        feedbackId: id,
        networkId: target.networkId,
        programId: target.programId,
        ...(target.matchId ? { matchId: target.matchId } : {}),
        ...(target.sessionId ? { sessionId: target.sessionId } : {}),
        respondentId: caller.userId,
        respondentRole: target.role,
        form: body.form,
        satisfaction: body.satisfaction,
        ...(body.nps !== undefined ? { nps: body.nps } : {}),
        ...(body.scales ? { scales: { ...body.scales } } : {}),
        ...(body.outcomes ? { outcomes: { ...body.outcomes } } : {}),
        submittedAt,
      };
      await this.outbox.append(manager, feedbackSubmitted, data);
      return { id, form: body.form, programId: target.programId, matchId: target.matchId, sessionId: target.sessionId, respondentRole: target.role, submittedAt };
    }
  }

  private async sessionTarget(manager: EntityManager, generation: number, caller: AuthUser, body: SubmitFeedbackRequest, now: Date): Promise<Target> {
    const [session] = (await manager.query(
      `SELECT network_id, program_id, match_id, mentor_id, mentee_id, starts_at, completed_at FROM p_sessions WHERE generation = $1 AND session_id = $2 AND network_id = $3`,
      [generation, body.sessionId, caller.networkId],
    )) as Array<{ network_id: string; program_id: string; match_id: string; mentor_id: string; mentee_id: string; starts_at: Date; completed_at: Date | null }>;
    if (!session) throw new NotFoundException({ message: 'No such session.', details: [{ path: 'sessionId', issue: 'does not name a session of your network' }] });
    const refusal = sessionFeedbackRefusal(
      { mentorId: session.mentor_id, menteeId: session.mentee_id, startsAt: session.starts_at.toISOString(), completedAt: session.completed_at?.toISOString() ?? null },
      caller.userId,
      now.toISOString(),
    );
    if (refusal) throw refused(refusal);
    if (body.goalProgress?.length) {
      const goals = (await manager.query(`SELECT goal_id FROM p_goals WHERE generation = $1 AND goal_id = ANY($2::uuid[]) AND user_id = $3`, [
        generation,
        body.goalProgress.map((goal) => goal.goalId),
        caller.userId,
      ])) as Array<{ goal_id: string }>;
      const mine = new Set(goals.map((goal) => goal.goal_id));
      const foreign = body.goalProgress.flatMap((goal, index) => (mine.has(goal.goalId) ? [] : [{ path: `goalProgress.${index}.goalId`, issue: 'is not one of your goals' }]));
      if (foreign.length > 0) throw new BadRequestException({ message: 'The request is invalid.', details: foreign });
    }
    return {
      networkId: session.network_id,
      programId: session.program_id,
      matchId: session.match_id,
      sessionId: body.sessionId as string,
      role: caller.userId === session.mentor_id ? 'mentor' : 'mentee',
    };
  }

  private async surveyTarget(manager: EntityManager, generation: number, caller: AuthUser, body: SubmitFeedbackRequest, now: Date): Promise<Target> {
    const [program] = (await manager.query(
      `SELECT starts_on::text, ends_on::text, closed_at FROM p_programs WHERE generation = $1 AND program_id = $2 AND network_id = $3`,
      [generation, body.programId, caller.networkId],
    )) as Array<{ starts_on: string | null; ends_on: string | null; closed_at: Date | null }>;
    if (!program) throw new NotFoundException({ message: 'No such programme.', details: [{ path: 'programId', issue: 'does not name a programme of your network' }] });
    const enrollments = (await manager.query(
      `SELECT role, withdrawn_at FROM p_enrollments WHERE generation = $1 AND program_id = $2 AND user_id = $3 ORDER BY role DESC`,
      [generation, body.programId, caller.userId],
    )) as Array<{ role: 'mentor' | 'mentee'; withdrawn_at: Date | null }>;
    // The exit survey is for everyone who took part, including those who left; the pulse for those still in.
    const enrollment = enrollments.find((row) => body.form === 'exit' || row.withdrawn_at === null);
    if (!enrollment) throw refused({ status: 403, path: 'programId', issue: 'you are not a participant of this programme' });
    const [ended] = (await manager.query(
      `SELECT 1 FROM p_matches WHERE generation = $1 AND program_id = $2 AND ended_at IS NOT NULL AND (mentor_id = $3 OR mentee_id = $3) LIMIT 1`,
      [generation, body.programId, caller.userId],
    )) as unknown[];
    const refusal = surveyRefusal(
      body.form as 'pulse' | 'exit',
      {
        startsOn: program.starts_on,
        endsOn: program.ends_on,
        closedAt: program.closed_at?.toISOString() ?? null,
        matchEnded: ended !== undefined,
        exitOpensDaysBeforeEnd: this.config.exitSurveyOpensDaysBeforeEnd,
      },
      now.toISOString(),
    );
    if (refusal) throw refused(refusal);
    return { networkId: caller.networkId, programId: body.programId as string, matchId: null, sessionId: null, role: enrollment.role };
  }
}
