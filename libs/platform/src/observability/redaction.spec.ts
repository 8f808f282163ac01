import { DatabaseError } from 'pg';
import { QueryFailedError } from 'typeorm';
import { describeError, redactText, serializeError } from './redaction';

const ACCESS_TOKEN =
  'eyJhbGciOiJFUzI1NiIsImtpZCI6ImsxIn0.eyJzdWIiOiJ1c2VyLTEiLCJlbWFpbCI6ImFkYUBleGFtcGxlLm9yZyJ9.c2lnbmF0dXJlLW9mLXRoZS10b2tlbi1oZXJl';
const ONE_TIME_TOKEN = 'q3Vb0k1m9Zr2Xy7Lw5Pn8Ts4Hc6Jd0Fg1Ae3Ri5Uo7Y';

describe('redactText', () => {
  it('replaces e-mail addresses, JWTs, bearer credentials and opaque tokens', () => {
    expect(redactText('Key (email)=(ada.lovelace+mentor@alumni.example.org) already exists.')).toBe('Key (email)=([email]) already exists.');
    expect(redactText(`token ${ACCESS_TOKEN} expired`)).toBe('token [jwt] expired');
    expect(redactText('authorization: Bearer abc.def-ghi')).toBe('authorization: Bearer [redacted]');
    expect(redactText(`reset link /reset?token=${ONE_TIME_TOKEN}`)).toBe('reset link /reset?token=[token]');
  });

  it('keeps what an operator needs: ids, constraint names, SQL with placeholders', () => {
    const text =
      'duplicate key value violates unique constraint "UQ_97672ac88f789774dd47f7c8be3" on 7f1c0d7e-58a4-4f5c-9d0e-2f1e8e2b9a11: INSERT INTO "users"("email") VALUES ($1)';
    expect(redactText(text)).toBe(text);
  });
});

describe('serializeError', () => {
  /** The error TypeORM throws for a failing statement, with pg's error as driverError, as they come from a unique violation. */
  function uniqueViolation(): QueryFailedError {
    const driverError = new DatabaseError('duplicate key value violates unique constraint "users_network_email"', 200, 'error');
    Object.assign(driverError, {
      severity: 'ERROR',
      code: '23505',
      detail: 'Key (network_id, email)=(7f1c0d7e-58a4-4f5c-9d0e-2f1e8e2b9a11, ada@alumni.example.org) already exists.',
      hint: 'ada@alumni.example.org',
      where: 'PL/pgSQL function check_user() line 3 at RAISE: ada@alumni.example.org',
      schema: 'public',
      table: 'users',
      constraint: 'users_network_email',
      routine: '_bt_check_unique',
    });
    return new QueryFailedError('INSERT INTO "users"("network_id", "email", "password_hash") VALUES ($1, $2, $3)', [
      '7f1c0d7e-58a4-4f5c-9d0e-2f1e8e2b9a11',
      'ada@alumni.example.org',
      '$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA',
    ], driverError);
  }

  it("withholds a failed query's parameters and PostgreSQL's detail, hint and where, keeping the code, table and constraint", () => {
    const serialized = serializeError(uniqueViolation()) as Record<string, unknown>;
    expect(JSON.stringify(serialized)).not.toMatch(/ada@|alumni\.example|argon2id/);
    expect(serialized).toMatchObject({
      type: 'QueryFailedError',
      message: 'duplicate key value violates unique constraint "users_network_email"',
      query: 'INSERT INTO "users"("network_id", "email", "password_hash") VALUES ($1, $2, $3)',
      parameters: '[redacted]',
      detail: '[redacted]',
      hint: '[redacted]',
      where: '[redacted]',
      code: '23505',
      table: 'users',
      constraint: 'users_network_email',
      driverError: expect.objectContaining({ type: 'DatabaseError', code: '23505', detail: '[redacted]' }),
    });
    expect(serialized['stack']).toEqual(expect.stringContaining('QueryFailedError: duplicate key value'));
  });

  it('scrubs messages and stacks, follows causes, and never dumps a plain object', () => {
    const error = new Error(`could not send to ada@alumni.example.org with ${ACCESS_TOKEN}`, { cause: new Error(`token ${ONE_TIME_TOKEN} unknown`) });
    const serialized = serializeError(error) as Record<string, unknown>;
    expect(serialized['message']).toBe('could not send to [email] with [jwt]');
    expect(serialized['stack']).not.toContain('ada@');
    expect(serialized['cause']).toMatchObject({ message: 'token [token] unknown' });
    expect(serializeError({ email: 'ada@alumni.example.org' })).toEqual({ type: 'Object', message: '[non-error value]' });
    expect(serializeError('failed for ada@alumni.example.org')).toBe('failed for [email]');
  });

  it('describes an error on one line, scrubbed, for spans and dead-letter headers', () => {
    expect(describeError(uniqueViolation())).toBe('QueryFailedError: duplicate key value violates unique constraint "users_network_email"');
    expect(describeError(new TypeError('bad address ada@alumni.example.org'))).toBe('TypeError: bad address [email]');
  });
});
