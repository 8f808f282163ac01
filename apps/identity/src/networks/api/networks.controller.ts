import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { type AuthUser, CurrentUser, RequireRoles } from '@passerelle/platform/auth';
import { uuidParam } from '@passerelle/platform/http';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { CreateNetworkUseCase } from '../application/create-network.use-case';
import { CreateServiceAccountUseCase } from '../application/create-service-account.use-case';
import { GetNetworkUseCase } from '../application/get-network.use-case';
import { ListNetworksUseCase } from '../application/list-networks.use-case';
import type { NetworkEntity } from '../infrastructure/network.entity';
import { CreateNetworkRequest, CreateServiceAccountRequest, NetworkResponse, ServiceAccountResponse } from './networks.dto';

@ApiTags('networks')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ description: 'No valid access token.' })
@Controller('v1/networks')
export class NetworksController {
  constructor(
    private readonly createNetwork: CreateNetworkUseCase,
    private readonly listNetworks: ListNetworksUseCase,
    private readonly getNetwork: GetNetworkUseCase,
    private readonly createServiceAccount: CreateServiceAccountUseCase,
  ) {}

  @Post()
  @HttpCode(201)
  @RequireRoles('platform_admin')
  @ApiCreatedResponse({ type: NetworkResponse })
  @ApiBadRequestResponse({ description: 'Invalid fields, listed in `details`.' })
  @ApiForbiddenResponse({ description: 'Only a platform_admin creates networks.' })
  @ApiConflictResponse({ description: 'The slug is taken.' })
  async create(@Body() body: CreateNetworkRequest, @CurrentUser() caller: AuthUser): Promise<NetworkResponse> {
    return toResponse(await this.createNetwork.execute({ ...body, createdBy: caller.userId }));
  }

  @Get()
  @RequireRoles('platform_admin')
  @ApiOkResponse({ type: [NetworkResponse] })
  @ApiForbiddenResponse({ description: 'Only a platform_admin lists networks.' })
  async list(): Promise<NetworkResponse[]> {
    return (await this.listNetworks.execute()).map(toResponse);
  }

  @Get(':id')
  @ApiOkResponse({ type: NetworkResponse })
  @ApiNotFoundResponse({ description: 'No such network, or not yours.' })
  async get(@Param('id', uuidParam('id')) id: string, @CurrentUser() caller: AuthUser): Promise<NetworkResponse> {
    return toResponse(await this.getNetwork.execute(caller, id));
  }

  @Post(':id/service-accounts')
  @HttpCode(201)
  @ApiCreatedResponse({ type: ServiceAccountResponse })
  @ApiBadRequestResponse({ description: 'Invalid fields, listed in `details`.' })
  @ApiForbiddenResponse({ description: 'Only an organizer of the network (or a platform_admin).' })
  @ApiNotFoundResponse({ description: 'No such network, or not yours.' })
  createAccount(
    @Param('id', uuidParam('id')) id: string,
    @Body() body: CreateServiceAccountRequest,
    @CurrentUser() caller: AuthUser,
  ): Promise<ServiceAccountResponse> {
    return this.createServiceAccount.execute(caller, id, body.name);
  }
}

function toResponse(network: NetworkEntity): NetworkResponse {
  return {
    id: network.id,
    name: network.name,
    slug: network.slug,
    allowedEmailDomains: network.allowedEmailDomains,
    registrationPolicy: network.registrationPolicy,
    createdAt: network.createdAt.toISOString(),
  };
}
