import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { type AuthUser, CurrentUser } from '@passerelle/platform/auth';
import { uuidParam } from '@passerelle/platform/http';
import { AbandonGoalUseCase } from '../application/abandon-goal.use-case';
import { CheckGoalUseCase } from '../application/check-goal.use-case';
import { ListGoalMetricsUseCase } from '../application/list-goal-metrics.use-case';
import { ListGoalsUseCase } from '../application/list-goals.use-case';
import { RecordGoalProgressUseCase } from '../application/record-goal-progress.use-case';
import { ReviseGoalUseCase } from '../application/revise-goal.use-case';
import { SetGoalUseCase } from '../application/set-goal.use-case';
import type { GoalEntity } from '../infrastructure/goal.entity';
import {
  CheckGoalRequest,
  GoalCheckResponse,
  GoalMetricListResponse,
  GoalProgressRequest,
  GoalResponse,
  ReviseGoalRequest,
  SetGoalRequest,
} from './goals.dto';

const NOT_SMART = 'Shapes, or the SMART check: each failing criterion in `details` as `<criterion>: <why>` at the field to change.';

@ApiTags('goals')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ description: 'No valid access token.' })
@Controller('v1/enrollments/:enrollmentId/goals')
export class GoalsController {
  constructor(
    private readonly setGoal: SetGoalUseCase,
    private readonly reviseGoal: ReviseGoalUseCase,
    private readonly recordProgress: RecordGoalProgressUseCase,
    private readonly abandonGoal: AbandonGoalUseCase,
    private readonly listGoals: ListGoalsUseCase,
    private readonly checkGoal: CheckGoalUseCase,
  ) {}

  @Post('check')
  @HttpCode(200)
  @ApiOkResponse({
    type: GoalCheckResponse,
    description: 'The SMART check of a draft, criterion by criterion, as setting it would judge it today. Nothing is saved and nothing goes out.',
  })
  @ApiBadRequestResponse({ description: 'A field of the wrong type (e.g. a `targetValue` that is not a number), or an unknown field.' })
  @ApiNotFoundResponse({ description: 'No such enrolment of yours.' })
  async check(
    @Param('enrollmentId', uuidParam('enrollmentId')) enrollmentId: string,
    @Body() body: CheckGoalRequest,
    @CurrentUser() caller: AuthUser,
  ): Promise<GoalCheckResponse> {
    const criteria = await this.checkGoal.execute(caller, enrollmentId, body);
    return {
      smart: criteria.every((result) => result.passed),
      criteria: criteria.map((result) => ({ criterion: result.criterion, passed: result.passed, path: result.path, reason: result.reason ?? null })),
    };
  }

  @Post()
  @HttpCode(201)
  @ApiCreatedResponse({ type: GoalResponse, description: 'The goal passed the SMART check; `goal.set` goes out.' })
  @ApiBadRequestResponse({ description: NOT_SMART })
  @ApiNotFoundResponse({ description: 'No such enrolment of yours.' })
  @ApiConflictResponse({ description: 'Three goals already, a withdrawn enrolment, or a closed programme.' })
  async set(
    @Param('enrollmentId', uuidParam('enrollmentId')) enrollmentId: string,
    @Body() body: SetGoalRequest,
    @CurrentUser() caller: AuthUser,
  ): Promise<GoalResponse> {
    return toResponse(await this.setGoal.execute(caller, enrollmentId, body));
  }

  @Get()
  @ApiOkResponse({ type: [GoalResponse] })
  @ApiNotFoundResponse({ description: 'No such enrolment, or not one you may read.' })
  async list(@Param('enrollmentId', uuidParam('enrollmentId')) enrollmentId: string, @CurrentUser() caller: AuthUser): Promise<GoalResponse[]> {
    return (await this.listGoals.execute(caller, enrollmentId)).map(toResponse);
  }

  @Patch(':goalId')
  @ApiOkResponse({ type: GoalResponse, description: 'Revised and checked again; `goal.set` goes out with the new terms.' })
  @ApiBadRequestResponse({ description: NOT_SMART })
  @ApiNotFoundResponse({ description: 'No such goal of yours.' })
  @ApiConflictResponse({ description: 'The goal is achieved or abandoned.' })
  async revise(
    @Param('enrollmentId', uuidParam('enrollmentId')) enrollmentId: string,
    @Param('goalId', uuidParam('goalId')) goalId: string,
    @Body() body: ReviseGoalRequest,
    @CurrentUser() caller: AuthUser,
  ): Promise<GoalResponse> {
    return toResponse(await this.reviseGoal.execute(caller, enrollmentId, goalId, body));
  }

  @Post(':goalId/progress')
  @HttpCode(200)
  @ApiOkResponse({ type: GoalResponse, description: '`goal.progressed` goes out with the percentage.' })
  @ApiBadRequestResponse({ description: 'A value or date that does not fit.' })
  @ApiNotFoundResponse({ description: 'No such goal of yours.' })
  @ApiConflictResponse({ description: 'The goal is abandoned.' })
  async progress(
    @Param('enrollmentId', uuidParam('enrollmentId')) enrollmentId: string,
    @Param('goalId', uuidParam('goalId')) goalId: string,
    @Body() body: GoalProgressRequest,
    @CurrentUser() caller: AuthUser,
  ): Promise<GoalResponse> {
    return toResponse(await this.recordProgress.execute(caller, enrollmentId, goalId, body));
  }

  @Delete(':goalId')
  @HttpCode(200)
  @ApiOkResponse({ type: GoalResponse, description: 'Abandoned (kept for the statistics); `goal.progressed` says so.' })
  @ApiNotFoundResponse({ description: 'No such goal of yours.' })
  @ApiConflictResponse({ description: 'Already abandoned.' })
  async abandon(
    @Param('enrollmentId', uuidParam('enrollmentId')) enrollmentId: string,
    @Param('goalId', uuidParam('goalId')) goalId: string,
    @CurrentUser() caller: AuthUser,
  ): Promise<GoalResponse> {
    return toResponse(await this.abandonGoal.execute(caller, enrollmentId, goalId));
  }
}

@ApiTags('goals')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ description: 'No valid access token.' })
@Controller('v1/programs/:programId/goal-metrics')
export class GoalMetricsController {
  constructor(private readonly listMetrics: ListGoalMetricsUseCase) {}

  @Get()
  @ApiOkResponse({ type: GoalMetricListResponse })
  @ApiNotFoundResponse({ description: 'No such programme in your network.' })
  async list(@Param('programId', uuidParam('programId')) programId: string, @CurrentUser() caller: AuthUser): Promise<GoalMetricListResponse> {
    const metrics = await this.listMetrics.execute(caller, programId);
    return {
      items: metrics.map((metric) => ({
        id: metric.id,
        label: metric.label,
        unit: metric.unit,
        objectives: [...metric.objectives],
        kind: metric.kind,
        min: metric.min,
        max: metric.max,
        integer: metric.integer,
      })),
    };
  }
}

function toResponse(goal: GoalEntity): GoalResponse {
  return {
    id: goal.id,
    enrollmentId: goal.enrollmentId,
    programId: goal.programId,
    role: goal.role,
    title: goal.title,
    objective: goal.objective,
    metric: goal.metric,
    baselineValue: goal.baselineValue,
    targetValue: goal.targetValue,
    dueOn: goal.dueOn,
    status: goal.status,
    valueReached: goal.valueReached,
    reachedOn: goal.reachedOn,
    progressPercent: goal.progressPercent,
    version: goal.version,
  };
}
