import { testDatabaseUrl } from '@passerelle/testing';
import { Client } from 'pg';

/**
 * Where a piece of text still lies in a service's database: every table of
 * its public schema is read whole (each row cast to text, JSON columns
 * included), so no column can be forgotten. Answers "table: rows" for each
 * table holding it; an empty list when none does.
 */
export async function tablesHolding(service: string, needles: readonly string[]): Promise<string[]> {
  const client = new Client({ connectionString: testDatabaseUrl(service) });
  await client.connect();
  try {
    const { rows: tables } = await client.query<{ name: string }>(
      `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`,
    );
    const found: string[] = [];
    for (const { name } of tables) {
      const conditions = needles.map((_, index) => `lower(t::text) LIKE $${index + 1}`).join(' OR ');
      const { rows } = await client.query<{ count: number }>(
        `SELECT count(*)::int AS count FROM public."${name.replace(/"/g, '""')}" t WHERE ${conditions}`,
        needles.map((needle) => `%${needle.toLowerCase().replace(/[\\%_]/g, '\\$&')}%`),
      );
      if (rows[0].count > 0) found.push(`${service}.${name}: ${rows[0].count}`);
    }
    return found;
  } finally {
    await client.end();
  }
}
