import { QueryFailedError } from 'typeorm';
import { isDatabaseUnavailable } from './database-errors';

/** An error shaped as node-postgres raises them: a message and a SQLSTATE or errno code. */
const pgError = (code: string, message = 'database error') => Object.assign(new Error(message), { code });

describe('isDatabaseUnavailable', () => {
  it.each([
    ['08000', 'connection_exception'],
    ['08001', 'sqlclient_unable_to_establish_sqlconnection'],
    ['08003', 'connection_does_not_exist'],
    ['08006', 'connection_failure'],
    ['08P01', 'protocol_violation'],
    ['57P01', 'admin_shutdown'],
    ['57P02', 'crash_shutdown'],
    ['57P03', 'cannot_connect_now'],
    ['53300', 'too_many_connections'],
  ])('counts SQLSTATE %s (%s) as unavailable', (code) => {
    expect(isDatabaseUnavailable(pgError(code))).toBe(true);
  });

  it.each(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND'])('counts the socket error %s as unavailable', (code) => {
    expect(isDatabaseUnavailable(pgError(code, `connect ${code} 127.0.0.1:5432`))).toBe(true);
  });

  it.each([
    'Connection terminated unexpectedly',
    'Connection terminated due to connection timeout',
    'timeout exceeded when trying to connect',
    'Client has encountered a connection error and is not queryable',
    'Connection is not established with postgres database',
  ])('counts a driver failure without a code as unavailable: %s', (message) => {
    expect(isDatabaseUnavailable(new Error(message))).toBe(true);
  });

  it('looks inside a TypeORM QueryFailedError at its driverError', () => {
    const lost = new QueryFailedError('SELECT 1', [], pgError('57P01', 'terminating connection due to administrator command'));
    expect(isDatabaseUnavailable(lost)).toBe(true);
    // Anything carrying a driverError counts, even when the outer error has no code of its own.
    expect(isDatabaseUnavailable({ name: 'WrappedError', message: 'query failed', driverError: pgError('08006') })).toBe(true);
  });

  it('does not count query errors: the request or the data is at fault, retrying will not help', () => {
    const unique = pgError('23505', 'duplicate key value violates unique constraint "users_pkey"');
    expect(isDatabaseUnavailable(unique)).toBe(false);
    expect(isDatabaseUnavailable(new QueryFailedError('INSERT …', [], unique))).toBe(false);
    expect(isDatabaseUnavailable(pgError('42P01', 'relation "users" does not exist'))).toBe(false);
    expect(isDatabaseUnavailable(pgError('57014', 'canceling statement due to statement timeout'))).toBe(false);
    expect(isDatabaseUnavailable(pgError('57P04'))).toBe(false);
  });

  it('does not count ordinary errors or non-errors', () => {
    expect(isDatabaseUnavailable(new Error('something broke'))).toBe(false);
    expect(isDatabaseUnavailable(new TypeError("Cannot read properties of undefined (reading 'id')"))).toBe(false);
    expect(isDatabaseUnavailable(undefined)).toBe(false);
    expect(isDatabaseUnavailable(null)).toBe(false);
    expect(isDatabaseUnavailable('ECONNREFUSED')).toBe(false);
    expect(isDatabaseUnavailable({ code: 8006 })).toBe(false);
  });
});
