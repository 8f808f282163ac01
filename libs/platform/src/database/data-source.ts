import { Client } from 'pg';
import { DataSource, type MixedList, type EntitySchema } from 'typeorm';
import { PlatformTables1764201600000 } from './platform-tables.migration';
import { PlatformTokenRevocations1765000000000 } from './token-revocations.migration';

export interface DatabaseOptions {
  readonly url: string;
  readonly poolSize: number;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  readonly entities: MixedList<Function | string | EntitySchema>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  readonly migrations: Function[];
}

/**
 * One data source per app. Schema changes only through migrations
 * (never `synchronize`); the platform's own tables (outbox, inbox, token
 * revocations) are added to every service's.
 */
export function createDataSource(options: DatabaseOptions): DataSource {
  return new DataSource({
    type: 'postgres',
    url: options.url,
    entities: options.entities,
    migrations: [PlatformTables1764201600000, PlatformTokenRevocations1765000000000, ...options.migrations],
    migrationsTransactionMode: 'each',
    synchronize: false,
    poolSize: options.poolSize,
    extra: {
      connectionTimeoutMillis: 5_000,
      // A statement that hangs (e.g. a lost network path) must not hold a request forever.
      statement_timeout: 30_000,
    },
  });
}

/** Creates the database named in `url` when it does not exist yet (local and test setups). */
export async function ensureDatabase(url: string): Promise<void> {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.replace(/^\//, ''));
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) {
    throw new Error(`database name ${JSON.stringify(name)} must be lower-case letters, digits and _`);
  }
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new Client({ connectionString: admin.toString(), connectionTimeoutMillis: 5_000 });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (found.rowCount === 0) {
      try {
        await client.query(`CREATE DATABASE "${name}"`);
      } catch (error) {
        // Another process created it between our check and our create.
        if ((error as { code?: string }).code !== '42P04') throw error;
      }
    }
  } finally {
    await client.end();
  }
}

/** Runs pending migrations; returns the names of those applied. */
export async function migrate(dataSource: DataSource): Promise<string[]> {
  const applied = await dataSource.runMigrations({ transaction: 'each' });
  return applied.map((migration) => migration.name);
}
