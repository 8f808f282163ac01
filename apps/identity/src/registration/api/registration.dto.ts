import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsIn, IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../domain/password-policy';

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const TOKEN = /^[A-Za-z0-9_-]{43}$/;
const TOKEN_MESSAGE = 'must be the token from the mail (43 characters)';
// The policy itself (length, not the e-mail, …) is checked by the use case; this bound keeps
// absurd input away from Argon2. Code units, so a generous multiple of the policy's maximum.
const PASSWORD_INPUT_MAX = PASSWORD_MAX_LENGTH * 4;

export class RegisterRequest {
  @ApiProperty({ description: "The network's slug.", example: 'alumni-sorbonne' })
  @IsString()
  @Matches(SLUG, { message: 'must be a network slug (lower-case letters and digits separated by hyphens)' })
  @MaxLength(63)
  network: string;

  @ApiProperty({ example: 'camille.durand@alumni.example.org', maxLength: 254 })
  @IsEmail({}, { message: 'must be an e-mail address' })
  @MaxLength(254)
  email: string;

  @ApiProperty({
    minLength: PASSWORD_MIN_LENGTH,
    maxLength: PASSWORD_MAX_LENGTH,
    description: `At least ${PASSWORD_MIN_LENGTH} characters; not containing the e-mail address or the name; not a common password.`,
  })
  @IsString()
  @MaxLength(PASSWORD_INPUT_MAX)
  password: string;

  @ApiProperty({ example: 'Camille Durand', maxLength: 120 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(120)
  displayName: string;

  @ApiPropertyOptional({ description: 'The token from an invitation mail; required by invitation-only networks.' })
  @IsOptional()
  @IsString()
  @Matches(TOKEN, { message: TOKEN_MESSAGE })
  invitationToken?: string;
}

export class VerifyEmailRequest {
  @ApiProperty({ description: 'The token from the verification mail.' })
  @IsString()
  @Matches(TOKEN, { message: TOKEN_MESSAGE })
  token: string;

  @ApiProperty({
    description:
      'The password chosen when registering with this link: it shows that the registration the link confirms is yours. ' +
      'If you do not know it, register again to receive a new link.',
  })
  @IsString()
  @IsNotEmpty()
  @MaxLength(PASSWORD_INPUT_MAX)
  password: string;
}

export class PasswordResetRequest {
  @ApiProperty({ description: "The network's slug.", example: 'alumni-sorbonne' })
  @IsString()
  @Matches(SLUG, { message: 'must be a network slug (lower-case letters and digits separated by hyphens)' })
  @MaxLength(63)
  network: string;

  @ApiProperty({ example: 'camille.durand@alumni.example.org' })
  @IsEmail({}, { message: 'must be an e-mail address' })
  @MaxLength(254)
  email: string;
}

export class PasswordResetConfirmRequest {
  @ApiProperty({ description: 'The token from the reset mail.' })
  @IsString()
  @Matches(TOKEN, { message: TOKEN_MESSAGE })
  token: string;

  @ApiProperty({ minLength: PASSWORD_MIN_LENGTH, maxLength: PASSWORD_MAX_LENGTH })
  @IsString()
  @MaxLength(PASSWORD_INPUT_MAX)
  newPassword: string;
}

export class ChangePasswordRequest {
  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(PASSWORD_INPUT_MAX)
  currentPassword: string;

  @ApiProperty({ minLength: PASSWORD_MIN_LENGTH, maxLength: PASSWORD_MAX_LENGTH })
  @IsString()
  @MaxLength(PASSWORD_INPUT_MAX)
  newPassword: string;
}

export class InvitationRequest {
  @ApiProperty({ example: 'jules.martin@example.org' })
  @IsEmail({}, { message: 'must be an e-mail address' })
  @MaxLength(254)
  email: string;

  @ApiPropertyOptional({ enum: ['organizer'], description: 'Account role granted on registration; omit for a member.' })
  @IsOptional()
  @IsIn(['organizer'], { message: 'must be organizer (mentor and mentee are programme roles, given at enrolment)' })
  role?: 'organizer';
}

export class AcceptedResponse {
  @ApiProperty({ example: 'Check your mailbox to continue.' }) message: string;
}

export class InvitationResponse {
  @ApiProperty({ format: 'uuid' }) networkId: string;
  @ApiProperty() email: string;
  @ApiProperty({ enum: ['organizer'], nullable: true }) role: 'organizer' | null;
  @ApiProperty({ format: 'date-time' }) expiresAt: string;
}
