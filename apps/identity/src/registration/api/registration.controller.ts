import { Body, Controller, HttpCode, Ip, Post } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBadRequestResponse,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiTags,
  ApiTooManyRequestsResponse,
} from '@nestjs/swagger';
import { Public } from '@passerelle/platform/auth';
import { ConfirmPasswordResetUseCase } from '../application/confirm-password-reset.use-case';
import { RegisterAccountUseCase } from '../application/register-account.use-case';
import { RequestPasswordResetUseCase } from '../application/request-password-reset.use-case';
import { VerifyEmailUseCase } from '../application/verify-email.use-case';
import { AcceptedResponse, PasswordResetConfirmRequest, PasswordResetRequest, RegisterRequest, VerifyEmailRequest } from './registration.dto';

const CHECK_MAILBOX: AcceptedResponse = { message: 'Check your mailbox to continue.' };

@ApiTags('registration')
@Controller('v1/auth')
@Public()
@ApiBadRequestResponse({ description: 'Invalid fields, listed in `details`.' })
@ApiTooManyRequestsResponse({
  description: 'Too many attempts for this address (or account) or from this client address; `Retry-After` gives the seconds to wait.',
})
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
    description:
      'A mail is on its way: a verification link, or, if the address already has an account, a note saying so. The answer is the same, ' +
      'and as fast, either way; the mail is queued and retried while the mail server refuses it. Each registration gets its own link, ' +
      'which withdraws the earlier ones.',
  })
  @ApiForbiddenResponse({ description: 'The network admits this address by invitation only (`details` names the field).' })
  @ApiNotFoundResponse({ description: 'No network has this slug.' })
  async registerAccount(@Body() body: RegisterRequest, @Ip() clientAddress: string): Promise<AcceptedResponse> {
    await this.register.execute({ ...body, clientAddress });
    return CHECK_MAILBOX;
  }

  @Post('verify-email')
  @HttpCode(204)
  @ApiNoContentResponse({
    description: 'The account is created, active, with the name and password chosen at the registration this link belongs to.',
  })
  @ApiBadRequestResponse({
    description:
      'Invalid fields; an unknown, expired, withdrawn or used link (`token`); or a `password` other than the one chosen when registering ' +
      'with this link (the link stays usable; registering again sends a new one).',
  })
  async verify(@Body() body: VerifyEmailRequest, @Ip() clientAddress: string): Promise<void> {
    await this.verifyEmail.execute({ ...body, clientAddress });
  }

  @Post('password-reset')
  @HttpCode(202)
  @ApiAcceptedResponse({
    type: AcceptedResponse,
    description: 'If the address has an account, a reset link is on its way. The answer is the same, and as fast, either way.',
  })
  async passwordReset(@Body() body: PasswordResetRequest, @Ip() clientAddress: string): Promise<AcceptedResponse> {
    await this.requestReset.execute({ ...body, clientAddress });
    return CHECK_MAILBOX;
  }

  @Post('password-reset/confirm')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'The new password is set; the link is spent.' })
  async passwordResetConfirm(@Body() body: PasswordResetConfirmRequest, @Ip() clientAddress: string): Promise<void> {
    await this.confirmReset.execute({ ...body, clientAddress });
  }
}
