import { HttpException, HttpStatus } from '@nestjs/common';

/** A 429 in the shared shape; the error filter adds `Retry-After` from it. */
export class TooManyRequestsException extends HttpException {
  constructor(
    readonly retryAfterSeconds: number,
    message = 'Too many attempts; retry later.',
  ) {
    super({ message, details: [{ path: 'request', issue: `retry after ${retryAfterSeconds} s` }] }, HttpStatus.TOO_MANY_REQUESTS);
  }
}
