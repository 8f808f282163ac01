import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiProduces,
  ApiPropertyOptional,
  ApiResponse,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { type AuthUser, CurrentUser } from '@passerelle/platform/auth';
import { uuidParam } from '@passerelle/platform/http';
import { IsIn, IsISO8601, IsOptional } from 'class-validator';
import type { Response } from 'express';
import { GetMyProgressUseCase, type RoleProgress } from '../application/get-my-progress.use-case';
import { GetProgramReportUseCase } from '../application/get-program-report.use-case';
import { MyProgressResponse } from './my-progress.dto';
import { ProgramReportResponse } from './program-report.dto';
import { CSV_TABLES, type CsvTable, reportCsv } from './report-csv';

class ReportQuery {
  @ApiPropertyOptional({ format: 'date-time', description: 'The instant time-dependent figures (cadence, risk, pair-months, weeks) are computed at; default now.' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'must be an RFC 3339 date-time' })
  asOf?: string;
}

class ExportQuery extends ReportQuery {
  @ApiPropertyOptional({ enum: CSV_TABLES, default: 'kpis' })
  @IsOptional()
  @IsIn(CSV_TABLES, { message: `must be one of ${CSV_TABLES.join(', ')}` })
  table?: CsvTable;
}

@ApiTags('reports')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ description: 'No valid access token.' })
@ApiBadRequestResponse({ description: '`programId` is not a UUID, or a query parameter is invalid.' })
@ApiForbiddenResponse({ description: 'A member of the network without the organizer or integrator role.' })
@ApiNotFoundResponse({ description: 'Not a programme of the caller\'s network (or not known to evaluation yet).' })
@Controller('v1/reports/programs')
export class ProgramReportsController {
  constructor(
    private readonly getReport: GetProgramReportUseCase,
    private readonly getMyProgress: GetMyProgressUseCase,
  ) {}

  @Get(':programId/me')
  @ApiOkResponse({
    type: MyProgressResponse,
    description:
      "The caller's own progress in the programme, per role: goals and progress toward them, sessions held, baseline beside the latest " +
      "self-assessment, and for mentors how their mentees rated them, only as a coarse average over enough distinct raters " +
      '(`menteeRatings`, see docs/privacy.md). Nothing in it is another person\'s own answer. Any participant; 404 for anyone else.',
  })
  myProgress(@Param('programId', uuidParam('programId')) programId: string, @CurrentUser() caller: AuthUser): Promise<{ programId: string; roles: RoleProgress[] }> {
    return this.getMyProgress.execute(caller, programId);
  }

  @Get(':programId')
  @ApiOkResponse({
    type: ProgramReportResponse,
    description:
      'KPIs with their definitions, the weekly series, pair health and the projection freshness. ' +
      'With an `ETag`: a poller sending it back in `If-None-Match` gets 304 Not Modified while the report is unchanged, that is while ' +
      'no event of the programme arrived, its rules stayed and `asOf` is the same (without `asOf`, the report is at the current second).',
  })
  @ApiResponse({ status: 304, description: 'The report is the one whose entity tag `If-None-Match` names.' })
  async report(
    @Param('programId', uuidParam('programId')) programId: string,
    @Query() query: ReportQuery,
    @CurrentUser() caller: AuthUser,
    @Res() response: Response,
  ): Promise<void> {
    const { json, etag } = await this.getReport.execute(caller, programId, query.asOf);
    // Sent as serialized once for every reader of this report; Express answers 304 itself when If-None-Match names the tag.
    response.setHeader('cache-control', 'private, no-cache');
    response.setHeader('etag', etag);
    response.type('json').send(json);
  }

  @Get(':programId/export')
  @ApiProduces('text/csv')
  @ApiOkResponse({ schema: { type: 'string' }, description: 'One table of the report as CSV: kpis (metric, value, definition), weekly, or pairs.' })
  async export(
    @Param('programId', uuidParam('programId')) programId: string,
    @Query() query: ExportQuery,
    @CurrentUser() caller: AuthUser,
    @Res({ passthrough: true }) response: Response,
  ): Promise<string> {
    const table = query.table ?? 'kpis';
    const { report } = await this.getReport.execute(caller, programId, query.asOf);
    response.setHeader('content-type', 'text/csv; charset=utf-8');
    response.setHeader('content-disposition', `attachment; filename="programme-${programId}-${table}.csv"`);
    return reportCsv(report, table);
  }
}
