import { Body, Controller, HttpCode, Ip, Post } from '@nestjs/common';
import { Public } from '@passerelle/platform/auth';
import {
  ApiBadRequestResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { ClientCredentialsUseCase } from '../application/client-credentials.use-case';
import { LoginUseCase, type SessionTokens } from '../application/login.use-case';
import { LogoutUseCase } from '../application/logout.use-case';
import { RefreshSessionUseCase } from '../application/refresh-session.use-case';
import {
  ClientCredentialsRequest,
  ClientCredentialsResponse,
  LoginRequest,
  RefreshTokenRequest,
  SessionTokensResponse,
} from './auth.dto';

/** These routes are how one gets a token, so none of them needs one. */
@Public()
@ApiTags('auth')
@ApiBadRequestResponse({ description: 'Invalid fields, listed in `details`.' })
@Controller('v1/auth')
export class AuthController {
  constructor(
    private readonly login: LoginUseCase,
    private readonly refresh: RefreshSessionUseCase,
    private readonly logout: LogoutUseCase,
    private readonly clientCredentials: ClientCredentialsUseCase,
  ) {}

  @Post('login')
  @HttpCode(200)
  @ApiOkResponse({ type: SessionTokensResponse })
  @ApiUnauthorizedResponse({ description: 'Invalid credentials (the same answer whatever was wrong).' })
  @ApiTooManyRequestsResponse({ description: 'Too many failures for this account or address; see `Retry-After`.' })
  async logIn(@Body() body: LoginRequest, @Ip() clientAddress: string): Promise<SessionTokensResponse> {
    return sessionTokensResponse(await this.login.execute({ ...body, clientAddress }));
  }

  @Post('refresh')
  @HttpCode(200)
  @ApiOkResponse({ type: SessionTokensResponse })
  @ApiUnauthorizedResponse({
    description: 'Unknown, expired, revoked or already used (the last revokes the whole login), or the login is older than REFRESH_FAMILY_LIFETIME_SECONDS.',
  })
  async refreshSession(@Body() body: RefreshTokenRequest): Promise<SessionTokensResponse> {
    return sessionTokensResponse(await this.refresh.execute(body.refreshToken));
  }

  @Post('logout')
  @HttpCode(204)
  @ApiNoContentResponse({ description: "Every refresh token of this login is revoked, and the person's access tokens are refused on every service within seconds." })
  async logOut(@Body() body: RefreshTokenRequest): Promise<void> {
    await this.logout.execute(body.refreshToken);
  }

  @Post('token')
  @HttpCode(200)
  @ApiOkResponse({ type: ClientCredentialsResponse })
  @ApiUnauthorizedResponse({ description: 'Invalid client credentials.' })
  @ApiTooManyRequestsResponse({ description: 'Too many failures for this client or address; see `Retry-After`.' })
  async token(@Body() body: ClientCredentialsRequest, @Ip() clientAddress: string): Promise<ClientCredentialsResponse> {
    const { accessToken, expiresIn } = await this.clientCredentials.execute({
      clientId: body.client_id,
      clientSecret: body.client_secret,
      clientAddress,
    });
    return { access_token: accessToken, token_type: 'Bearer', expires_in: expiresIn };
  }
}

function sessionTokensResponse({ accessToken, expiresIn, refreshToken }: SessionTokens): SessionTokensResponse {
  return { accessToken, tokenType: 'Bearer', expiresIn, refreshToken };
}
