/**
 * The database URL a test uses for `service`: the same server as configured,
 * a database whose name says it is for tests. Anything else is refused, so a
 * test run can never touch real data.
 */
export function testDatabaseUrl(service: string, suffix = ''): string {
  const base = new URL(process.env['TEST_DATABASE_SERVER'] ?? 'postgres://postgres@127.0.0.1:5432/postgres');
  // TEST_DATABASE_TAG keeps concurrent test runs (e.g. two work trees) apart.
  base.pathname = `/passerelle_${service}${suffix}${process.env['TEST_DATABASE_TAG'] ?? ''}_test`;
  return assertTestDatabase(base.toString());
}

export function assertTestDatabase(url: string): string {
  const name = new URL(url).pathname.replace(/^\//, '');
  if (!/_test$/.test(name)) {
    throw new Error(`refusing to run tests against database "${name}": its name must end in _test`);
  }
  return url;
}
