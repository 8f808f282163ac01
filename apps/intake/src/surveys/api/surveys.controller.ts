import { Body, Controller, Get, Param, Put, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiParam,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { type AuthUser, CurrentUser, RequireRoles } from '@passerelle/platform/auth';
import { uuidParam } from '@passerelle/platform/http';
import { roleParam } from '../../enrollments/api/role-param.pipe';
import type { ProgramRole } from '../../programs/domain/program';
import { GetSurveyTemplateUseCase, SaveSurveyTemplateUseCase, type TemplateView } from '../application/survey-template.use-cases';
import { SaveSurveyTemplateRequest, SurveyTemplateQuery, SurveyTemplateResponse } from './surveys.dto';

@ApiTags('surveys')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ description: 'No valid access token.' })
@ApiParam({ name: 'role', enum: ['mentor', 'mentee'] })
@Controller('v1/programs/:programId/surveys/:role')
export class SurveysController {
  constructor(
    private readonly getTemplate: GetSurveyTemplateUseCase,
    private readonly saveTemplate: SaveSurveyTemplateUseCase,
  ) {}

  @Get()
  @ApiOkResponse({ type: SurveyTemplateResponse, description: 'The survey a participant of this role answers (or a saved version).' })
  @ApiBadRequestResponse({ description: 'A bad `programId`, `role` or `version`.' })
  @ApiNotFoundResponse({ description: 'No such programme in your network, or no such version.' })
  async get(
    @Param('programId', uuidParam('programId')) programId: string,
    @Param('role', roleParam()) role: ProgramRole,
    @Query() query: SurveyTemplateQuery,
    @CurrentUser() caller: AuthUser,
  ): Promise<SurveyTemplateResponse> {
    return toResponse(await this.getTemplate.execute(caller, programId, role, query.version));
  }

  @Put()
  @RequireRoles('organizer', 'platform_admin')
  @ApiOkResponse({ type: SurveyTemplateResponse, description: 'Saved as a new version.' })
  @ApiBadRequestResponse({ description: 'Every problem of the question list, with its path (e.g. `questions[2].maxSelected`).' })
  @ApiForbiddenResponse({ description: 'Only an organizer of the network (or a platform_admin).' })
  @ApiNotFoundResponse({ description: 'No such programme in your network.' })
  @ApiConflictResponse({ description: 'Intake has opened (the survey is frozen), or someone saved another version since yours.' })
  async save(
    @Param('programId', uuidParam('programId')) programId: string,
    @Param('role', roleParam()) role: ProgramRole,
    @Body() body: SaveSurveyTemplateRequest,
    @CurrentUser() caller: AuthUser,
  ): Promise<SurveyTemplateResponse> {
    return toResponse(await this.saveTemplate.execute(caller, programId, role, body.questions, body.version));
  }
}

function toResponse(view: TemplateView): SurveyTemplateResponse {
  return {
    programId: view.programId,
    role: view.role,
    version: view.version,
    saved: view.saved,
    editable: view.editable,
    savedAt: view.savedAt?.toISOString() ?? null,
    questions: [...view.questions],
  };
}
