import { Injectable } from '@nestjs/common';
import type { AuthUser } from '@passerelle/platform/auth';
import { randomUUID } from 'crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { CONSENT_PURPOSES, type ConsentPurpose } from '../domain/consent-purpose';
import { ConsentEntity } from '../infrastructure/consent.entity';
import { findSelf } from './visible-user';

export interface ConsentRecord {
  readonly purpose: ConsentPurpose;
  readonly granted: boolean;
  readonly recordedAt: string;
}

export interface ConsentState {
  /** One entry per purpose; `granted` is null when the person never decided. */
  readonly current: { readonly purpose: ConsentPurpose; readonly granted: boolean | null; readonly recordedAt: string | null }[];
  /** Every decision, oldest first. */
  readonly history: ConsentRecord[];
}

export async function consentHistory(manager: EntityManager, userId: string): Promise<ConsentRecord[]> {
  const rows = await manager.find(ConsentEntity, { where: { userId }, order: { recordedAt: 'ASC', id: 'ASC' } });
  return rows.map((row) => ({ purpose: row.purpose, granted: row.granted, recordedAt: row.recordedAt.toISOString() }));
}

function stateOf(history: ConsentRecord[]): ConsentState {
  const current = CONSENT_PURPOSES.map((purpose) => {
    const latest = history.filter((record) => record.purpose === purpose).at(-1);
    return { purpose, granted: latest?.granted ?? null, recordedAt: latest?.recordedAt ?? null };
  });
  return { current, history };
}

/** The caller's consents: the current decision per purpose and the full history. */
@Injectable()
export class GetConsentsUseCase {
  constructor(private readonly dataSource: DataSource) {}

  async execute(caller: AuthUser): Promise<ConsentState> {
    const user = await findSelf(this.dataSource.manager, caller);
    return stateOf(await consentHistory(this.dataSource.manager, user.id));
  }
}

/**
 * Records a decision as a new row, even when it repeats the previous one:
 * the history is what proves consent, so it is never updated in place.
 */
@Injectable()
export class RecordConsentUseCase {
  constructor(private readonly dataSource: DataSource) {}

  async execute(caller: AuthUser, purpose: ConsentPurpose, granted: boolean): Promise<ConsentState> {
    return this.dataSource.transaction(async (manager) => {
      const user = await findSelf(manager, caller, { lock: true });
      await manager.insert(ConsentEntity, {
        id: randomUUID(),
        userId: user.id,
        networkId: user.networkId,
        purpose,
        granted,
        recordedAt: new Date(),
      });
      return stateOf(await consentHistory(manager, user.id));
    });
  }
}
