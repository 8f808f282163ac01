import { Controller, Get, Param } from '@nestjs/common';
import { type AuthUser, CurrentUser } from '@passerelle/platform/auth';
import { uuidParam } from '@passerelle/platform/http';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiProperty,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { GetRegistrationsUseCase } from '../application/get-registrations.use-case';

class RegistrationsResponse {
  @ApiProperty({ format: 'uuid' }) networkId: string;
  @ApiProperty({ description: 'Accounts registered in the network so far.' }) registeredUsers: number;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) updatedAt: string | null;
}

@ApiTags('reports')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ description: 'No valid access token.' })
@Controller('v1/reports')
export class ReportsController {
  constructor(private readonly getRegistrations: GetRegistrationsUseCase) {}

  @Get('networks/:networkId/registrations')
  @ApiOkResponse({ type: RegistrationsResponse })
  @ApiBadRequestResponse({ description: '`networkId` is not a UUID.' })
  @ApiForbiddenResponse({ description: 'A member of the network without the organizer or integrator role.' })
  @ApiNotFoundResponse({ description: 'Not a network of the caller.' })
  registrations(
    @Param('networkId', uuidParam('networkId')) networkId: string,
    @CurrentUser() caller: AuthUser,
  ): Promise<RegistrationsResponse> {
    return this.getRegistrations.execute(caller, networkId);
  }
}
