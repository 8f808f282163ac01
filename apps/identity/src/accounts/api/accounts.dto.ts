import { ApiProperty } from '@nestjs/swagger';
import type { AccountRole } from '@passerelle/platform/auth';
import { IsEmail, IsIn, IsNotEmpty, IsString, IsUUID, MaxLength } from 'class-validator';
import { GRANTABLE_ROLES, type GrantableRole } from '../application/grant-role.use-case';

export class RegisterUserRequest {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'must be a UUID' })
  networkId: string;

  @ApiProperty({ example: 'camille.durand@example.org' })
  @IsEmail({}, { message: 'must be an e-mail address' })
  @MaxLength(254)
  email: string;

  @ApiProperty({ example: 'Camille Durand', maxLength: 120 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(120)
  displayName: string;
}

export class UserResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) networkId: string;
  @ApiProperty() email: string;
  @ApiProperty() displayName: string;
  @ApiProperty({ format: 'date-time' }) registeredAt: string;
}

export class GrantRoleRequest {
  @ApiProperty({ enum: GRANTABLE_ROLES, description: '`integrator` is for service accounts; `platform_admin` comes from configuration.' })
  @IsIn(GRANTABLE_ROLES, { message: `must be one of ${GRANTABLE_ROLES.join(', ')}` })
  role: GrantableRole;
}

export class UserRolesResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) networkId: string;
  @ApiProperty({ type: [String] }) roles: AccountRole[];
}

export class UserStatusResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) networkId: string;
  @ApiProperty({ enum: ['active', 'disabled'], description: '`disabled`: cannot log in or refresh, and every token is refused.' })
  status: 'active' | 'disabled';
}
