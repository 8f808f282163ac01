import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { TAXONOMY_KINDS, type TaxonomyKind, type TaxonomyTermIds } from '../../surveys/domain/question';
import { DEFAULT_TERMS, DEFAULTS_VERSION } from '../domain/default-terms';

const DEFAULT_ROWS = TAXONOMY_KINDS.flatMap((kind) => DEFAULT_TERMS[kind].map((term) => ({ kind, ...term })));

/**
 * A network's taxonomies, for the contexts that check answers against them
 * (surveys, enrolments, goals). Every method takes the caller's
 * EntityManager, so it reads and seeds inside the caller's transaction.
 */
@Injectable()
export class TaxonomyTerms {
  /**
   * Gives the network the current defaults, once: the first access claims
   * the network's `taxonomy_seeds` row and inserts the defaults in the same
   * statement (atomic even outside a transaction). A concurrent first access
   * waits on that row, then finds it claimed and inserts nothing. A term an
   * organizer relabelled or retired is never touched again.
   */
  async ensureSeeded(manager: EntityManager, networkId: string): Promise<void> {
    const [seed] = await manager.query<Array<{ defaults_version: number }>>(
      'SELECT defaults_version FROM taxonomy_seeds WHERE network_id = $1',
      [networkId],
    );
    if (seed && seed.defaults_version >= DEFAULTS_VERSION) return;
    await manager.query(
      `WITH claimed AS (
         INSERT INTO taxonomy_seeds (network_id, defaults_version) VALUES ($1, $2)
         ON CONFLICT (network_id) DO UPDATE SET defaults_version = EXCLUDED.defaults_version, seeded_at = now()
           WHERE taxonomy_seeds.defaults_version < EXCLUDED.defaults_version
         RETURNING network_id
       )
       INSERT INTO taxonomy_terms (network_id, kind, id, label, is_default)
       SELECT claimed.network_id, d.kind, d.id, d.label, true
         FROM claimed, unnest($3::text[], $4::text[], $5::text[]) AS d (kind, id, label)
       ON CONFLICT DO NOTHING`,
      [networkId, DEFAULTS_VERSION, DEFAULT_ROWS.map((r) => r.kind), DEFAULT_ROWS.map((r) => r.id), DEFAULT_ROWS.map((r) => r.label)],
    );
  }

  /** The ids an answer may pick now, per kind: retired terms excluded. Seeds the network first if needed. */
  async activeTermIds(manager: EntityManager, networkId: string): Promise<TaxonomyTermIds> {
    await this.ensureSeeded(manager, networkId);
    const rows = await manager.query<Array<{ kind: TaxonomyKind; id: string }>>(
      'SELECT kind, id FROM taxonomy_terms WHERE network_id = $1 AND retired_at IS NULL',
      [networkId],
    );
    const ids: Record<TaxonomyKind, Set<string>> = { skills: new Set(), industries: new Set(), interests: new Set(), languages: new Set() };
    for (const row of rows) ids[row.kind].add(row.id);
    return ids;
  }

  /**
   * The labels of these terms of one kind, retired ones included (an answer
   * given before a term was retired still reads). Unknown ids are absent.
   */
  async labels(manager: EntityManager, networkId: string, kind: TaxonomyKind, ids: readonly string[]): Promise<ReadonlyMap<string, string>> {
    if (ids.length === 0) return new Map();
    await this.ensureSeeded(manager, networkId);
    const rows = await manager.query<Array<{ id: string; label: string }>>(
      'SELECT id, label FROM taxonomy_terms WHERE network_id = $1 AND kind = $2 AND id = ANY($3::text[])',
      [networkId, kind, [...new Set(ids)]],
    );
    return new Map(rows.map((row) => [row.id, row.label]));
  }

  /**
   * Seeds if needed, then locks the network's taxonomies until the caller's
   * transaction ends, so two organizers' changes never interleave (the
   * duplicate and size checks hold). Must run inside a transaction.
   */
  async lockForChange(manager: EntityManager, networkId: string): Promise<void> {
    await this.ensureSeeded(manager, networkId);
    await manager.query('SELECT 1 FROM taxonomy_seeds WHERE network_id = $1 FOR UPDATE', [networkId]);
  }
}
