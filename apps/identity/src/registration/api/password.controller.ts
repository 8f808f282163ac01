import { Body, Controller, HttpCode, Ip, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiNoContentResponse, ApiTags, ApiTooManyRequestsResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { type AuthUser, CurrentUser } from '@passerelle/platform/auth';
import { ChangePasswordUseCase } from '../application/change-password.use-case';
import { ChangePasswordRequest } from './registration.dto';

@ApiTags('registration')
@ApiBearerAuth()
@Controller('v1/users/me')
export class PasswordController {
  constructor(private readonly changePassword: ChangePasswordUseCase) {}

  @Post('password')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'The new password is set.' })
  @ApiBadRequestResponse({ description: 'Invalid fields (a wrong `currentPassword` included), listed in `details`.' })
  @ApiUnauthorizedResponse({ description: 'No valid access token.' })
  @ApiTooManyRequestsResponse({
    description: 'Too many wrong current passwords for this account or from this client address; `Retry-After` gives the seconds to wait.',
  })
  async change(@CurrentUser() caller: AuthUser, @Body() body: ChangePasswordRequest, @Ip() clientAddress: string): Promise<void> {
    await this.changePassword.execute(caller, { ...body, clientAddress });
  }
}
