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
import { ListServiceAccountsUseCase } from '../application/list-service-accounts.use-case';
import { RevokeServiceAccountUseCase } from '../application/revoke-service-account.use-case';
import { RotateServiceAccountSecretUseCase } from '../application/rotate-service-account-secret.use-case';
import type { NetworkEntity } from '../infrastructure/network.entity';
import type { ServiceAccountEntity } from '../infrastructure/service-account.entity';
import {
  CreateNetworkRequest,
  CreateServiceAccountRequest,
  NetworkResponse,
  RotatedSecretResponse,
  ServiceAccountResponse,
  ServiceAccountView,
} from './networks.dto';

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
    private readonly listServiceAccounts: ListServiceAccountsUseCase,
    private readonly revokeServiceAccount: RevokeServiceAccountUseCase,
    private readonly rotateServiceAccountSecret: RotateServiceAccountSecretUseCase,
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

  @Get(':id/service-accounts')
  @ApiOkResponse({ type: [ServiceAccountView], description: 'Oldest first, revoked ones included; never a secret.' })
  @ApiBadRequestResponse({ description: 'Invalid `id`.' })
  @ApiForbiddenResponse({ description: 'Only an organizer of the network (or a platform_admin).' })
  @ApiNotFoundResponse({ description: 'No such network, or not yours.' })
  async serviceAccounts(@Param('id', uuidParam('id')) id: string, @CurrentUser() caller: AuthUser): Promise<ServiceAccountView[]> {
    return (await this.listServiceAccounts.execute(caller, id)).map(toServiceAccountView);
  }

  @Post(':id/service-accounts/:accountId/revoke')
  @HttpCode(200)
  @ApiOkResponse({
    type: ServiceAccountView,
    description: 'No secret of it works any more, and its access tokens are refused on every service within seconds. Idempotent.',
  })
  @ApiBadRequestResponse({ description: 'Invalid `id` or `accountId`.' })
  @ApiForbiddenResponse({ description: 'Only an organizer of the network (or a platform_admin).' })
  @ApiNotFoundResponse({ description: 'No such network or service account, or not yours.' })
  async revokeAccount(
    @Param('id', uuidParam('id')) id: string,
    @Param('accountId', uuidParam('accountId')) accountId: string,
    @CurrentUser() caller: AuthUser,
  ): Promise<ServiceAccountView> {
    return toServiceAccountView(await this.revokeServiceAccount.execute(caller, id, accountId));
  }

  @Post(':id/service-accounts/:accountId/rotate')
  @HttpCode(200)
  @ApiOkResponse({
    type: RotatedSecretResponse,
    description:
      'A new secret. The previous one, and the tokens got with it, keep working until `previousSecretValidUntil` ' +
      '(SERVICE_ACCOUNT_SECRET_OVERLAP_SECONDS), then are refused everywhere. Rotating again during the overlap ends the oldest secret at once.',
  })
  @ApiBadRequestResponse({ description: 'Invalid `id` or `accountId`.' })
  @ApiForbiddenResponse({ description: 'Only an organizer of the network (or a platform_admin).' })
  @ApiNotFoundResponse({ description: 'No such network or service account, or not yours.' })
  @ApiConflictResponse({ description: 'The service account is revoked.' })
  async rotateSecret(
    @Param('id', uuidParam('id')) id: string,
    @Param('accountId', uuidParam('accountId')) accountId: string,
    @CurrentUser() caller: AuthUser,
  ): Promise<RotatedSecretResponse> {
    const rotated = await this.rotateServiceAccountSecret.execute(caller, id, accountId);
    return { ...rotated, previousSecretValidUntil: rotated.previousSecretValidUntil.toISOString() };
  }
}

function toServiceAccountView(account: ServiceAccountEntity): ServiceAccountView {
  return {
    id: account.id,
    name: account.name,
    clientId: account.clientId,
    createdBy: account.createdBy,
    createdAt: account.createdAt.toISOString(),
    rotatedAt: account.rotatedAt?.toISOString() ?? null,
    previousSecretValidUntil: account.previousSecretUntil?.toISOString() ?? null,
    revokedAt: account.revokedAt?.toISOString() ?? null,
  };
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
