import type { EntityManager } from 'typeorm';

/** The programme's name for a notification, or null when communication has not heard of it (the text then says "your programme"). */
export async function programNameOf(manager: EntityManager, programId: string): Promise<string | null> {
  const rows: Array<{ name: string }> = await manager.query('SELECT name FROM cohort_programs WHERE id = $1', [programId]);
  return rows[0]?.name ?? null;
}
