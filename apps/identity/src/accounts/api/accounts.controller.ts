import { Body, Controller, Delete, HttpCode, Param, type PipeTransform, Post } from '@nestjs/common';
import { type AuthUser, CurrentUser } from '@passerelle/platform/auth';
import { invalidField, uuidParam } from '@passerelle/platform/http';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import { AccountStatusUseCase } from '../application/account-status.use-case';
import { GRANTABLE_ROLES, type GrantableRole, GrantRoleUseCase } from '../application/grant-role.use-case';
import { RegisterUserUseCase } from '../application/register-user.use-case';
import { RevokeRoleUseCase } from '../application/revoke-role.use-case';
import type { UserEntity } from '../infrastructure/user.entity';
import { GrantRoleRequest, RegisterUserRequest, UserResponse, UserRolesResponse, UserStatusResponse } from './accounts.dto';

/** The `role` path parameter: a role the API grants, else 400 naming it. */
const grantableRoleParam: PipeTransform<string, GrantableRole> = {
  transform(value: string): GrantableRole {
    if (!(GRANTABLE_ROLES as readonly string[]).includes(value)) throw invalidField('role', `must be one of ${GRANTABLE_ROLES.join(', ')}`);
    return value as GrantableRole;
  },
};

@ApiTags('accounts')
@Controller('v1/users')
export class AccountsController {
  constructor(
    private readonly registerUser: RegisterUserUseCase,
    private readonly grantRole: GrantRoleUseCase,
    private readonly revokeRole: RevokeRoleUseCase,
    private readonly accountStatus: AccountStatusUseCase,
  ) {}

  /** An organizer creates an account for someone (e.g. an import); people register themselves at `/v1/auth/register`. */
  @Post()
  @HttpCode(201)
  @ApiBearerAuth()
  @ApiCreatedResponse({ type: UserResponse })
  @ApiBadRequestResponse({ description: 'Invalid fields, listed in `details`.' })
  @ApiForbiddenResponse({ description: 'Only an organizer of the network (or a platform_admin) creates accounts.' })
  @ApiNotFoundResponse({ description: 'No such network among yours.' })
  @ApiConflictResponse({ description: 'The e-mail address is already registered in this network.' })
  async register(@Body() body: RegisterUserRequest, @CurrentUser() caller: AuthUser): Promise<UserResponse> {
    const user = await this.registerUser.execute({ ...body, caller });
    return {
      id: user.id,
      networkId: user.networkId,
      email: user.email,
      displayName: user.displayName,
      registeredAt: user.registeredAt.toISOString(),
    };
  }

  @Post(':id/roles')
  @HttpCode(200)
  @ApiBearerAuth()
  @ApiOkResponse({ type: UserRolesResponse })
  @ApiBadRequestResponse({ description: 'Invalid fields, listed in `details`.' })
  @ApiForbiddenResponse({ description: 'Only an organizer of the network (or a platform_admin) grants roles.' })
  @ApiNotFoundResponse({ description: 'No such user in your network.' })
  async grant(
    @Param('id', uuidParam('id')) id: string,
    @Body() body: GrantRoleRequest,
    @CurrentUser() caller: AuthUser,
  ): Promise<UserRolesResponse> {
    const user = await this.grantRole.execute({ caller, userId: id, role: body.role });
    return { id: user.id, networkId: user.networkId, roles: user.roles };
  }

  @Delete(':id/roles/:role')
  @HttpCode(200)
  @ApiBearerAuth()
  @ApiParam({ name: 'role', enum: GRANTABLE_ROLES })
  @ApiOkResponse({
    type: UserRolesResponse,
    description: "The roles left. The person's access tokens are refused on every service within seconds; the next refresh gives one without the role.",
  })
  @ApiBadRequestResponse({ description: 'Invalid `id` or `role`, named in `details`.' })
  @ApiForbiddenResponse({ description: 'Only an organizer of the network (or a platform_admin) revokes roles.' })
  @ApiNotFoundResponse({ description: 'No such user in your network.' })
  async revoke(
    @Param('id', uuidParam('id')) id: string,
    @Param('role', grantableRoleParam) role: GrantableRole,
    @CurrentUser() caller: AuthUser,
  ): Promise<UserRolesResponse> {
    const user = await this.revokeRole.execute({ caller, userId: id, role });
    return { id: user.id, networkId: user.networkId, roles: user.roles };
  }

  @Post(':id/disable')
  @HttpCode(200)
  @ApiBearerAuth()
  @ApiOkResponse({
    type: UserStatusResponse,
    description: 'The account cannot log in or refresh any more; its access tokens are refused on every service within seconds.',
  })
  @ApiBadRequestResponse({ description: 'Invalid `id`.' })
  @ApiForbiddenResponse({ description: 'Only an organizer of the network (or a platform_admin) disables accounts.' })
  @ApiNotFoundResponse({ description: 'No such user in your network.' })
  @ApiConflictResponse({ description: 'The account is still waiting for its e-mail to be verified, or is your own.' })
  async disable(@Param('id', uuidParam('id')) id: string, @CurrentUser() caller: AuthUser): Promise<UserStatusResponse> {
    return statusOf(await this.accountStatus.disable({ caller, userId: id }));
  }

  @Post(':id/enable')
  @HttpCode(200)
  @ApiBearerAuth()
  @ApiOkResponse({ type: UserStatusResponse, description: 'The account logs in again with its password.' })
  @ApiBadRequestResponse({ description: 'Invalid `id`.' })
  @ApiForbiddenResponse({ description: 'Only an organizer of the network (or a platform_admin) enables accounts.' })
  @ApiNotFoundResponse({ description: 'No such user in your network.' })
  @ApiConflictResponse({ description: 'The account is still waiting for its e-mail to be verified.' })
  async enable(@Param('id', uuidParam('id')) id: string, @CurrentUser() caller: AuthUser): Promise<UserStatusResponse> {
    return statusOf(await this.accountStatus.enable({ caller, userId: id }));
  }
}

function statusOf(user: UserEntity): UserStatusResponse {
  return { id: user.id, networkId: user.networkId, status: user.status === 'disabled' ? 'disabled' : 'active' };
}
