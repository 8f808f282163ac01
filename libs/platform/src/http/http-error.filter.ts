import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, HttpStatus } from '@nestjs/common';
import type { Response } from 'express';
import type { Logger } from 'pino';
import { isDatabaseUnavailable } from '../database/database-errors';
import { TooManyRequestsException } from './too-many-requests.exception';
import type { ErrorDetail } from './validation';

export interface ErrorBody {
  readonly statusCode: number;
  readonly error: string;
  readonly message: string;
  readonly details: readonly ErrorDetail[];
}

/**
 * The one error shape of every API: `{statusCode, error, message, details}`.
 * A client mistake is a 4xx that names the field; an unavailable database a
 * 503 the client may retry; anything else a 500 that leaks nothing.
 */
@Catch()
export class HttpErrorFilter implements ExceptionFilter {
  constructor(private readonly logger: Logger) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    const body = this.toBody(exception);
    if (body.statusCode >= 500 && body.statusCode !== HttpStatus.SERVICE_UNAVAILABLE) {
      this.logger.error({ err: exception }, 'unhandled error');
    }
    if (body.statusCode === HttpStatus.SERVICE_UNAVAILABLE) response.setHeader('Retry-After', '5');
    if (exception instanceof TooManyRequestsException) response.setHeader('Retry-After', String(exception.retryAfterSeconds));
    response.status(body.statusCode).json(body);
  }

  private toBody(exception: unknown): ErrorBody {
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const response = exception.getResponse();
      const fields = typeof response === 'object' && response !== null ? (response as Record<string, unknown>) : {};
      const message = typeof response === 'string' ? response : fields['message'];
      return {
        statusCode: status,
        error: reasonPhrase(status),
        message: Array.isArray(message) ? message.join('; ') : String(message ?? exception.message),
        details: Array.isArray(fields['details']) ? (fields['details'] as ErrorDetail[]) : [],
      };
    }
    if (isDatabaseUnavailable(exception)) {
      return {
        statusCode: 503,
        error: reasonPhrase(503),
        message: 'The service cannot reach its database; retry shortly.',
        details: [],
      };
    }
    return { statusCode: 500, error: reasonPhrase(500), message: 'An unexpected error occurred.', details: [] };
  }
}

function reasonPhrase(status: number): string {
  const name = HttpStatus[status];
  return name
    ? name
        .toLowerCase()
        .split('_')
        .map((word) => word[0].toUpperCase() + word.slice(1))
        .join(' ')
    : 'Error';
}
