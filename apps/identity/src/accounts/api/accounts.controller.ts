import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiTags } from '@nestjs/swagger';
import { CreateNetworkUseCase } from '../application/create-network.use-case';
import { RegisterUserUseCase } from '../application/register-user.use-case';
import { CreateNetworkRequest, NetworkResponse, RegisterUserRequest, UserResponse } from './accounts.dto';

@ApiTags('accounts')
@Controller('v1')
export class AccountsController {
  constructor(
    private readonly createNetwork: CreateNetworkUseCase,
    private readonly registerUser: RegisterUserUseCase,
  ) {}

  @Post('networks')
  @HttpCode(201)
  @ApiCreatedResponse({ type: NetworkResponse })
  @ApiBadRequestResponse({ description: 'Invalid fields, listed in `details`.' })
  @ApiConflictResponse({ description: 'The slug is taken.' })
  async create(@Body() body: CreateNetworkRequest): Promise<NetworkResponse> {
    const network = await this.createNetwork.execute(body);
    return { id: network.id, name: network.name, slug: network.slug };
  }

  @Post('users')
  @HttpCode(201)
  @ApiCreatedResponse({ type: UserResponse })
  @ApiBadRequestResponse({ description: 'Invalid fields, listed in `details`.' })
  @ApiNotFoundResponse({ description: 'The network does not exist.' })
  @ApiConflictResponse({ description: 'The e-mail address is already registered in this network.' })
  async register(@Body() body: RegisterUserRequest): Promise<UserResponse> {
    const user = await this.registerUser.execute(body);
    return {
      id: user.id,
      networkId: user.networkId,
      email: user.email,
      displayName: user.displayName,
      registeredAt: user.registeredAt.toISOString(),
    };
  }
}
