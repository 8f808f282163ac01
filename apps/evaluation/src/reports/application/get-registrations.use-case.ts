import { ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { type AuthUser, canSeeNetwork, isPlatformAdmin } from '@passerelle/platform/auth';
import { DataSource } from 'typeorm';
import { NetworkRegistrationsEntity } from '../infrastructure/network-registrations.entity';

export interface RegistrationsReport {
  readonly networkId: string;
  readonly registeredUsers: number;
  readonly updatedAt: string | null;
}

/**
 * Reports are for those who run a network: its organizers and integrators,
 * and the platform admin. Another network's id is answered 404, as if it
 * did not exist (PRODUCT.md: not through a report, not by guessing ids).
 */
@Injectable()
export class GetRegistrationsUseCase {
  constructor(private readonly dataSource: DataSource) {}

  async execute(caller: AuthUser, networkId: string): Promise<RegistrationsReport> {
    if (!canSeeNetwork(caller, networkId)) {
      throw new NotFoundException({ message: 'No such network.', details: [{ path: 'networkId', issue: 'does not name a network you belong to' }] });
    }
    if (!isPlatformAdmin(caller) && !caller.roles.some((role) => role === 'organizer' || role === 'integrator')) {
      throw new ForbiddenException({
        message: "Only the network's organizers and integrators read its reports.",
        details: [{ path: 'authorization', issue: 'requires the role organizer or integrator' }],
      });
    }
    const row = await this.dataSource.getRepository(NetworkRegistrationsEntity).findOneBy({ networkId });
    return {
      networkId,
      registeredUsers: row?.registeredUsers ?? 0,
      updatedAt: row?.updatedAt.toISOString() ?? null,
    };
  }
}
