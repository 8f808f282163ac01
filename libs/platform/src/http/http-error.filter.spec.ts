import {
  type ArgumentsHost,
  BadRequestException,
  ConflictException,
  HttpException,
  InternalServerErrorException,
  NotFoundException,
  PayloadTooLargeException,
  ServiceUnavailableException,
} from '@nestjs/common';
import type { Logger } from 'pino';
import { QueryFailedError } from 'typeorm';
import { type ErrorBody, HttpErrorFilter } from './http-error.filter';
import { createValidationPipe } from './validation';

/** Our own stand-in for the express Response the filter writes to: it records what was written. */
class RecordingResponse {
  statusCode?: number;
  body?: ErrorBody;
  readonly headers: Record<string, string> = {};

  status(code: number): this {
    this.statusCode = code;
    return this;
  }
  json(body: ErrorBody): this {
    this.body = body;
    return this;
  }
  setHeader(name: string, value: string): this {
    this.headers[name.toLowerCase()] = value;
    return this;
  }
}

function handle(exception: unknown) {
  const logged: unknown[][] = [];
  const logger = { error: (...args: unknown[]) => logged.push(args) } as unknown as Logger;
  const response = new RecordingResponse();
  const host = { switchToHttp: () => ({ getResponse: () => response }) } as unknown as ArgumentsHost;
  new HttpErrorFilter(logger).catch(exception, host);
  return { response, body: response.body!, logged };
}

const pgError = (code: string, message: string) => Object.assign(new Error(message), { code });

describe('HttpErrorFilter', () => {
  it('keeps the status and message of an HttpException, with empty details', () => {
    const { response, body, logged } = handle(new NotFoundException('No such network.'));
    expect(response.statusCode).toBe(404);
    expect(body).toEqual({ statusCode: 404, error: 'Not Found', message: 'No such network.', details: [] });
    expect(response.headers).toEqual({});
    expect(logged).toEqual([]);
  });

  it('passes on the details of a BadRequestException in the shared shape', () => {
    const details = [
      { path: 'email', issue: 'must be an e-mail address' },
      { path: 'admin', issue: 'is not an accepted field' },
    ];
    const { response, body } = handle(new BadRequestException({ message: 'The request is invalid.', details }));
    expect(response.statusCode).toBe(400);
    expect(body).toEqual({ statusCode: 400, error: 'Bad Request', message: 'The request is invalid.', details });
  });

  it('renders what the validation pipe throws', async () => {
    class Body {}
    const error = await createValidationPipe()
      .transform({ unexpected: 1 }, { type: 'body', metatype: Body })
      .catch((caught: unknown) => caught);
    expect(handle(error).body).toEqual({
      statusCode: 400,
      error: 'Bad Request',
      message: 'The request is invalid.',
      details: [{ path: 'unexpected', issue: 'is not an accepted field' }],
    });
  });

  it('uses the default message of a bare exception, and joins a list of messages', () => {
    expect(handle(new ConflictException()).body).toEqual({
      statusCode: 409,
      error: 'Conflict',
      message: 'Conflict',
      details: [],
    });
    expect(handle(new BadRequestException(['name must be a string', 'slug is too long'])).body.message).toBe(
      'name must be a string; slug is too long',
    );
  });

  it('derives the reason phrase from the status, whatever the exception class', () => {
    expect(handle(new HttpException('Short and stout.', 418)).body).toEqual({
      statusCode: 418,
      error: 'I Am A Teapot',
      message: 'Short and stout.',
      details: [],
    });
    expect(handle(new HttpException('Client closed the request.', 499)).body.error).toBe('Error');
    expect(
      handle(new PayloadTooLargeException({ message: 'The request body is too large.', details: [{ path: 'body', issue: 'exceeds 1 MB' }] }))
        .body,
    ).toEqual({
      statusCode: 413,
      error: 'Payload Too Large',
      message: 'The request body is too large.',
      details: [{ path: 'body', issue: 'exceeds 1 MB' }],
    });
  });

  it('answers 503 with Retry-After when the database is unreachable, without its error text', () => {
    const refused = pgError('ECONNREFUSED', 'connect ECONNREFUSED 10.1.2.3:5432');
    for (const exception of [refused, new QueryFailedError('SELECT * FROM users', [], pgError('57P01', 'terminating connection'))]) {
      const { response, body, logged } = handle(exception);
      expect(response.statusCode).toBe(503);
      expect(response.headers).toEqual({ 'retry-after': '5' });
      expect(body).toEqual({
        statusCode: 503,
        error: 'Service Unavailable',
        message: 'The service cannot reach its database; retry shortly.',
        details: [],
      });
      // An outage is expected to happen; it is visible in metrics and readiness, not an error per request.
      expect(logged).toEqual([]);
    }
  });

  it('sets Retry-After on a 503 thrown as an HttpException too', () => {
    const { response, body } = handle(new ServiceUnavailableException('Kafka is not reachable yet.'));
    expect(response.headers['retry-after']).toBe('5');
    expect(body.statusCode).toBe(503);
  });

  it('turns anything else into a 500 that leaks nothing, and logs it', () => {
    const bug = new TypeError("Cannot read properties of undefined (reading 'networkId') at /srv/apps/identity/main.js:42");
    const { response, body, logged } = handle(bug);
    expect(response.statusCode).toBe(500);
    expect(response.headers).toEqual({});
    expect(body).toEqual({
      statusCode: 500,
      error: 'Internal Server Error',
      message: 'An unexpected error occurred.',
      details: [],
    });
    expect(logged).toEqual([[{ err: bug }, 'unhandled error']]);
  });

  it('does not mistake a failed query for an outage, nor show its SQL', () => {
    const duplicate = new QueryFailedError(
      'INSERT INTO users (email) VALUES ($1)',
      ['camille@example.org'],
      pgError('23505', 'duplicate key value violates unique constraint "users_email_key"'),
    );
    const { response, body, logged } = handle(duplicate);
    expect(response.statusCode).toBe(500);
    expect(JSON.stringify(body)).not.toMatch(/INSERT|users_email_key|camille/);
    expect(logged).toHaveLength(1);
  });

  it('handles thrown values that are not errors', () => {
    expect(handle('boom').body).toEqual({
      statusCode: 500,
      error: 'Internal Server Error',
      message: 'An unexpected error occurred.',
      details: [],
    });
    expect(handle(undefined).response.statusCode).toBe(500);
  });

  it('logs 5xx HttpExceptions other than 503', () => {
    const { body, logged } = handle(new InternalServerErrorException('Outbox write failed.'));
    expect(body.statusCode).toBe(500);
    expect(logged).toHaveLength(1);
  });
});
