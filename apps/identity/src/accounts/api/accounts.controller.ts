import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { type AuthUser, CurrentUser } from '@passerelle/platform/auth';
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
} from '@nestjs/swagger';
import { GrantRoleUseCase } from '../application/grant-role.use-case';
import { RegisterUserUseCase } from '../application/register-user.use-case';
import { GrantRoleRequest, RegisterUserRequest, UserResponse, UserRolesResponse } from './accounts.dto';

@ApiTags('accounts')
@Controller('v1/users')
export class AccountsController {
  constructor(
    private readonly registerUser: RegisterUserUseCase,
    private readonly grantRole: GrantRoleUseCase,
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
}
