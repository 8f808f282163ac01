import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, Post } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiConflictResponse, ApiForbiddenResponse, ApiOkResponse, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { type AuthUser, CurrentUser } from '@passerelle/platform/auth';
import { invalidField } from '@passerelle/platform/http';
import { RebuildProjectionsUseCase } from '../application/rebuild-projections.use-case';
import type { GenerationStatus } from '../infrastructure/projection-rebuilder';
import { GenerationStatusResponse } from './program-report.dto';

/** A rebuild takes no parameters: it always replays every projected topic from its beginning. */
class StartRebuildRequest {}

@ApiTags('reports')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ description: 'No valid access token.' })
@ApiForbiddenResponse({ description: 'Not the platform admin.' })
@Controller('v1/reports/rebuilds')
export class RebuildsController {
  constructor(private readonly rebuilds: RebuildProjectionsUseCase) {}

  @Post()
  @HttpCode(202)
  @ApiAcceptedResponse({ type: GenerationStatusResponse, description: 'A new generation is being filled from the event log; reports keep reading the live one until the swap.' })
  @ApiConflictResponse({ description: 'A rebuild is already running.' })
  start(@Body() _body: StartRebuildRequest, @CurrentUser() caller: AuthUser): Promise<GenerationStatus> {
    return this.rebuilds.start(caller);
  }

  @Get(':generation')
  @ApiOkResponse({ type: GenerationStatusResponse, description: 'building, live (swapped in), retired, or failed (with the error).' })
  status(
    @Param('generation', new ParseIntPipe({ exceptionFactory: () => invalidField('generation', 'must be a whole number') })) generation: number,
    @CurrentUser() caller: AuthUser,
  ): Promise<GenerationStatus> {
    return this.rebuilds.status(caller, generation);
  }
}
