import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { type AuthUser, canSeeNetwork, isPlatformAdmin } from '../auth';
import { invalidField } from './validation';

/** `?networkId=`: a platform admin names the network they act on; everyone else acts on their own. */
export class NetworkScopeQuery {
  @ApiPropertyOptional({ format: 'uuid', description: 'Platform admin only: which network.' })
  @IsOptional()
  @IsUUID()
  networkId?: string;
}

/** Keyset pagination over UUIDv7 ids (creation order): `limit`, and the previous page's `nextCursor`. */
export class PageQuery extends NetworkScopeQuery {
  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;

  @ApiPropertyOptional({ format: 'uuid', description: '`nextCursor` of the previous page.' })
  @IsOptional()
  @IsUUID()
  cursor?: string;
}

/**
 * The network a request acts on: the caller's own, or for the platform admin
 * the one it names (it belongs to none). Naming another network is refused
 * like a bad parameter and reveals nothing about it.
 */
export function resolveNetworkScope(caller: AuthUser, requested: string | undefined): string {
  if (requested !== undefined) {
    if (!canSeeNetwork(caller, requested)) throw invalidField('networkId', 'does not name your network');
    return requested;
  }
  if (isPlatformAdmin(caller)) throw invalidField('networkId', 'is required for a platform admin');
  return caller.networkId;
}
