import { Client } from 'pg';

/** The URL with any password replaced, for messages. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(unparsable URL)';
  }
}

/** `server` with its database replaced, e.g. the `passerelle_identity` database of a service. */
export function databaseUrl(server: string, database: string): string {
  const url = new URL(server);
  url.pathname = `/${database}`;
  return url.toString();
}

/**
 * Fails with what to do unless PostgreSQL answers at `server` with a role that
 * may create databases: each service creates its own on first start.
 */
export async function checkPostgres(server: string): Promise<{ version: string }> {
  const client = new Client({ connectionString: server, connectionTimeoutMillis: 5_000 });
  try {
    await client.connect();
  } catch (error) {
    await client.end().catch(() => undefined);
    throw new Error(
      `postgres: not reachable at ${redactUrl(server)} (${error instanceof Error ? error.message : String(error)}).\n` +
        `Start the machine's PostgreSQL (e.g. "sudo service postgresql start"), ` +
        `or set DATABASE_SERVER=postgres://<user>[:<password>]@<host>:<port>/postgres to use another server.`,
    );
  }
  try {
    const { rows } = await client.query<{ version: string; can_create: boolean }>(
      `SELECT current_setting('server_version') AS version,
              (rolcreatedb OR rolsuper) AS can_create
         FROM pg_roles WHERE rolname = current_user`,
    );
    if (!rows[0]?.can_create) {
      throw new Error(
        `postgres: the role of ${redactUrl(server)} may not create databases, and each service creates its own ` +
          `(passerelle_<service>): grant it CREATEDB ("ALTER ROLE <user> CREATEDB"), or use another role in DATABASE_SERVER.`,
      );
    }
    return { version: rows[0].version };
  } finally {
    await client.end().catch(() => undefined);
  }
}
