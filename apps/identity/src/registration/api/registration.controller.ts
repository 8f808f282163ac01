import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBadRequestResponse,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiServiceUnavailableResponse,
  ApiTags,
} from '@nestjs/swagger';
import { Public } from '@passerelle/platform/auth';
import { ConfirmPasswordResetUseCase } from '../application/confirm-password-reset.use-case';
import { RegisterAccountUseCase } from '../application/register-account.use-case';
import { RequestPasswordResetUseCase } from '../application/request-password-reset.use-case';
import { VerifyEmailUseCase } from '../application/verify-email.use-case';
import { AcceptedResponse, PasswordResetConfirmRequest, PasswordResetRequest, RegisterRequest, TokenRequest } from './registration.dto';

const CHECK_MAILBOX: AcceptedResponse = { message: 'Check your mailbox to continue.' };

@ApiTags('registration')
@Controller('v1/auth')
@Public()
@ApiBadRequestResponse({ description: 'Invalid fields, listed in `details`.' })
export class RegistrationController {
  constructor(
    private readonly register: RegisterAccountUseCase,
    private readonly verifyEmail: VerifyEmailUseCase,
    private readonly requestReset: RequestPasswordResetUseCase,
    private readonly confirmReset: ConfirmPasswordResetUseCase,
  ) {}

  @Post('register')
  @HttpCode(202)
  @ApiAcceptedResponse({
    type: AcceptedResponse,
    description: 'A mail is on its way: a verification link, or, if the address already has an account, a note saying so.',
  })
  @ApiForbiddenResponse({ description: 'The network admits this address by invitation only (`details` names the field).' })
  @ApiNotFoundResponse({ description: 'No network has this slug.' })
  @ApiServiceUnavailableResponse({ description: 'The mail could not be sent; nothing was written. Retry.' })
  async registerAccount(@Body() body: RegisterRequest): Promise<AcceptedResponse> {
    await this.register.execute(body);
    return CHECK_MAILBOX;
  }

  @Post('verify-email')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'The account is active.' })
  async verify(@Body() body: TokenRequest): Promise<void> {
    await this.verifyEmail.execute(body.token);
  }

  @Post('password-reset')
  @HttpCode(202)
  @ApiAcceptedResponse({ type: AcceptedResponse, description: 'If the address has an account, a reset link is on its way.' })
  @ApiServiceUnavailableResponse({ description: 'The mail could not be sent. Retry.' })
  async passwordReset(@Body() body: PasswordResetRequest): Promise<AcceptedResponse> {
    await this.requestReset.execute(body);
    return CHECK_MAILBOX;
  }

  @Post('password-reset/confirm')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'The new password is set; the link is spent.' })
  async passwordResetConfirm(@Body() body: PasswordResetConfirmRequest): Promise<void> {
    await this.confirmReset.execute(body);
  }
}
