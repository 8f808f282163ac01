import { Controller, Get, Param } from '@nestjs/common';
import { uuidParam } from '@passerelle/platform/http';
import { ApiBadRequestResponse, ApiOkResponse, ApiProperty, ApiTags } from '@nestjs/swagger';
import { GetRegistrationsUseCase } from '../application/get-registrations.use-case';

class RegistrationsResponse {
  @ApiProperty({ format: 'uuid' }) networkId: string;
  @ApiProperty({ description: 'Accounts registered in the network so far.' }) registeredUsers: number;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) updatedAt: string | null;
}

@ApiTags('reports')
@Controller('v1/reports')
export class ReportsController {
  constructor(private readonly getRegistrations: GetRegistrationsUseCase) {}

  @Get('networks/:networkId/registrations')
  @ApiOkResponse({ type: RegistrationsResponse })
  @ApiBadRequestResponse({ description: '`networkId` is not a UUID.' })
  registrations(
    @Param('networkId', uuidParam('networkId')) networkId: string,
  ): Promise<RegistrationsResponse> {
    return this.getRegistrations.execute(networkId);
  }
}
