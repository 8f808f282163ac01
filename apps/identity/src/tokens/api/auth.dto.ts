import { ApiProperty } from '@nestjs/swagger';
import { Equals, IsEmail, IsNotEmpty, IsString, Matches, MaxLength } from 'class-validator';

export class LoginRequest {
  @ApiProperty({ example: 'alumni-sorbonne', description: "The network's slug (`platform` for the platform admin)." })
  @IsString()
  @Matches(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { message: 'must be a network slug' })
  @MaxLength(63)
  network: string;

  @ApiProperty({ example: 'camille.durand@example.org' })
  @IsEmail({}, { message: 'must be an e-mail address' })
  @MaxLength(254)
  email: string;

  @ApiProperty({ format: 'password', maxLength: 1024 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(1024)
  password: string;
}

export class RefreshTokenRequest {
  @ApiProperty({ description: 'The refresh token of the last login or refresh.' })
  @IsString()
  @Matches(/^[A-Za-z0-9_-]{43}$/, { message: 'must be a refresh token' })
  refreshToken: string;
}

export class SessionTokensResponse {
  @ApiProperty({ description: 'JWT (EdDSA) to send as `Authorization: Bearer …`.' }) accessToken: string;
  @ApiProperty({ enum: ['Bearer'] }) tokenType: 'Bearer';
  @ApiProperty({ description: 'Seconds until the access token expires.' }) expiresIn: number;
  @ApiProperty({ description: 'Single-use: exchange it at /v1/auth/refresh for a new pair.' }) refreshToken: string;
}

/** A browser session's answer: the refresh token is in the `passerelle_session` cookie, where the page's scripts cannot read it. */
export class BrowserSessionResponse {
  @ApiProperty({ description: 'JWT (EdDSA) to send as `Authorization: Bearer …`; keep it in memory only.' }) accessToken: string;
  @ApiProperty({ enum: ['Bearer'] }) tokenType: 'Bearer';
  @ApiProperty({ description: 'Seconds until the access token expires: refresh a little before.' }) expiresIn: number;
}

/** OAuth 2.0 client-credentials request (RFC 6749 §4.4), as JSON. */
export class ClientCredentialsRequest {
  @ApiProperty({ enum: ['client_credentials'] })
  @Equals('client_credentials', { message: 'must be client_credentials' })
  grant_type: 'client_credentials';

  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  client_id: string;

  @ApiProperty({ format: 'password' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  client_secret: string;
}

/** OAuth 2.0 token response (RFC 6749 §5.1). */
export class ClientCredentialsResponse {
  @ApiProperty() access_token: string;
  @ApiProperty({ enum: ['Bearer'] }) token_type: 'Bearer';
  @ApiProperty() expires_in: number;
}
