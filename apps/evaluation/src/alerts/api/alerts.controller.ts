import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiProperty,
  ApiPropertyOptional,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { type AuthUser, CurrentUser } from '@passerelle/platform/auth';
import { PageQuery, uuidParam } from '@passerelle/platform/http';
import { IsDefined, IsIn, IsInt, IsNumber, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { RiskRulesView } from '../../projections/api/program-report.dto';
import { type AlertView, AlertsUseCases } from '../application/alerts.use-cases';
import { AlertPageResponse, AlertResponse } from './alerts.dto';

class AlertsQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID(undefined, { message: 'must be a UUID' })
  programId?: string;

  @ApiPropertyOptional({ enum: ['open', 'resolved', 'all'], default: 'open' })
  @IsOptional()
  @IsIn(['open', 'resolved', 'all'], { message: 'must be one of open, resolved, all' })
  status?: 'open' | 'resolved' | 'all';
}

class RiskRulesRequest {
  @ApiProperty({ minimum: 1, maximum: 10, description: 'At risk with no session for more than this many times the cadence.' })
  @IsDefined({ message: 'is required' })
  @IsInt({ message: 'must be a whole number from 1 to 10' })
  @Min(1, { message: 'must be from 1 to 10' })
  @Max(10, { message: 'must be from 1 to 10' })
  cadenceFactor: number;

  @ApiProperty({ minimum: 1, maximum: 50 })
  @IsDefined({ message: 'is required' })
  @IsInt({ message: 'must be a whole number from 1 to 50' })
  @Min(1, { message: 'must be from 1 to 50' })
  @Max(50, { message: 'must be from 1 to 50' })
  noShowThreshold: number;

  @ApiProperty({ minimum: 1, maximum: 5, description: 'At risk when the mean session rating is at or below this…' })
  @IsDefined({ message: 'is required' })
  @IsNumber({ allowNaN: false, allowInfinity: false }, { message: 'must be a number from 1 to 5' })
  @Min(1, { message: 'must be from 1 to 5' })
  @Max(5, { message: 'must be from 1 to 5' })
  lowRating: number;

  @ApiProperty({ minimum: 1, maximum: 50, description: '…over at least this many ratings.' })
  @IsDefined({ message: 'is required' })
  @IsInt({ message: 'must be a whole number from 1 to 50' })
  @Min(1, { message: 'must be from 1 to 50' })
  @Max(50, { message: 'must be from 1 to 50' })
  minRatings: number;

  @ApiPropertyOptional({
    minimum: 1,
    maximum: 50,
    description:
      'At risk from this many declined reschedules (a moved session the other participant cancelled instead of confirming) since the last held session. ' +
      "Omitted: the deployment's default (AT_RISK_DECLINED_RESCHEDULES).",
  })
  @IsOptional()
  @IsInt({ message: 'must be a whole number from 1 to 50' })
  @Min(1, { message: 'must be from 1 to 50' })
  @Max(50, { message: 'must be from 1 to 50' })
  declinedRescheduleThreshold?: number;
}

@ApiTags('alerts')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ description: 'No valid access token.' })
@ApiBadRequestResponse({ description: 'An id is not a UUID, or a parameter or field is invalid.' })
@Controller('v1/alerts')
export class AlertsController {
  constructor(private readonly alerts: AlertsUseCases) {}

  @Get()
  @ApiOkResponse({ type: AlertPageResponse, description: "Alerts of the caller's network (open by default), oldest first, keyset-paginated." })
  @ApiForbiddenResponse({ description: 'Neither organizer nor integrator.' })
  list(@Query() query: AlertsQuery, @CurrentUser() caller: AuthUser): Promise<{ items: AlertView[]; nextCursor: string | null }> {
    return this.alerts.list(caller, query);
  }

  @Post(':alertId/acknowledge')
  @HttpCode(200)
  @ApiOkResponse({ type: AlertResponse, description: 'The alert, acknowledged (the first acknowledgement stands).' })
  @ApiForbiddenResponse({ description: 'Not an organizer of the network.' })
  @ApiNotFoundResponse({ description: 'No such alert in your network.' })
  acknowledge(@Param('alertId', uuidParam('alertId')) alertId: string, @CurrentUser() caller: AuthUser): Promise<AlertView> {
    return this.alerts.acknowledge(caller, alertId);
  }

  @Get('rules/:programId')
  @ApiOkResponse({ type: RiskRulesView, description: "The programme's at-risk rules (custom: false when the deployment's defaults apply)." })
  @ApiNotFoundResponse({ description: 'No such programme in your network.' })
  rules(@Param('programId', uuidParam('programId')) programId: string, @CurrentUser() caller: AuthUser) {
    return this.alerts.rulesOf(caller, programId);
  }

  @Put('rules/:programId')
  @ApiOkResponse({ type: RiskRulesView, description: 'The rules now in force; pairs are judged again at the next sweep.' })
  @ApiForbiddenResponse({ description: 'Not an organizer of the network.' })
  @ApiNotFoundResponse({ description: 'No such programme in your network.' })
  setRules(@Param('programId', uuidParam('programId')) programId: string, @Body() body: RiskRulesRequest, @CurrentUser() caller: AuthUser) {
    return this.alerts.setRules(caller, programId, body);
  }
}
