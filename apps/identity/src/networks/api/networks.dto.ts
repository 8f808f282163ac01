import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsFQDN, IsIn, IsNotEmpty, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import type { RegistrationPolicy } from '../infrastructure/network.entity';

const REGISTRATION_POLICIES: readonly RegistrationPolicy[] = ['open', 'invitation'];

export class CreateNetworkRequest {
  @ApiProperty({ example: 'Alumni Sorbonne', maxLength: 200 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name: string;

  @ApiProperty({ example: 'alumni-sorbonne', pattern: '^[a-z0-9]+(?:-[a-z0-9]+)*$', minLength: 2, maxLength: 63 })
  @IsString()
  @Matches(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { message: 'must be lower-case letters and digits separated by hyphens' })
  @MinLength(2)
  @MaxLength(63)
  slug: string;

  @ApiProperty({ example: ['sorbonne-universite.fr'], description: 'Whose owners may register on their own when the policy is `open`.' })
  @IsArray()
  @ArrayMaxSize(50)
  @IsFQDN({}, { each: true, message: 'must list domain names' })
  allowedEmailDomains: string[];

  @ApiProperty({ enum: REGISTRATION_POLICIES })
  @IsIn(REGISTRATION_POLICIES, { message: 'must be open or invitation' })
  registrationPolicy: RegistrationPolicy;
}

export class NetworkResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty() slug: string;
  @ApiProperty({ type: [String] }) allowedEmailDomains: string[];
  @ApiProperty({ enum: REGISTRATION_POLICIES }) registrationPolicy: RegistrationPolicy;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class CreateServiceAccountRequest {
  @ApiProperty({ example: 'University CRM', maxLength: 120 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(120)
  name: string;
}

export class ServiceAccountResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ description: 'The `client_id` of the client-credentials grant.' }) clientId: string;
  @ApiProperty({ description: 'Shown only in this answer: store it now.' }) clientSecret: string;
}

export class ServiceAccountView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ description: 'The `client_id` of the client-credentials grant.' }) clientId: string;
  @ApiProperty({ format: 'uuid', description: 'Who created it (it outlives their account).' }) createdBy: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String, description: 'When its secret was last rotated.' }) rotatedAt: string | null;
  @ApiProperty({
    format: 'date-time',
    nullable: true,
    type: String,
    description: 'During a rotation overlap: until when the previous secret, and the tokens got with it, keep working.',
  })
  previousSecretValidUntil: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String, description: 'Once revoked: no secret works and its tokens are refused.' })
  revokedAt: string | null;
}

export class RotatedSecretResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() clientId: string;
  @ApiProperty({ description: 'The new secret, shown only in this answer: store it now.' }) clientSecret: string;
  @ApiProperty({ format: 'date-time', description: 'Until when the previous secret, and the tokens got with it, keep working.' })
  previousSecretValidUntil: string;
}
