import { type ArgumentMetadata, BadRequestException, ParseUUIDPipe, ValidationPipe, type ValidationError } from '@nestjs/common';

export interface ErrorDetail {
  readonly path: string;
  readonly issue: string;
}

/**
 * Input is validated once, at the edge (ARCHITECTURE.md rule 3): unknown
 * fields are rejected, and every problem is reported with the path of the
 * field and why, all at once.
 */
export function createValidationPipe(): ValidationPipe {
  return new ObjectBodyValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    stopAtFirstError: false,
    exceptionFactory: (errors) =>
      new BadRequestException({
        message: 'The request is invalid.',
        details: flattenValidationErrors(errors),
      }),
  });
}

/**
 * A body validated against a class must be a JSON object: an array would be
 * validated item by item against nothing, and `null` taken for an empty
 * object. A request without any body still counts as `{}`, so its missing
 * fields are named one by one.
 */
class ObjectBodyValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'body' && this.toValidate(metadata) && value !== undefined && (typeof value !== 'object' || value === null || Array.isArray(value))) {
      throw invalidField('body', 'must be a JSON object');
    }
    return super.transform(value, metadata);
  }
}

export function flattenValidationErrors(errors: readonly ValidationError[], parent = ''): ErrorDetail[] {
  return errors.flatMap((error) => {
    const path = parent ? `${parent}.${error.property}` : error.property;
    // A missing field is named once, as missing, not also for every shape it does not have.
    const constraints = error.constraints?.['isDefined'] && error.value === undefined ? { isDefined: error.constraints['isDefined'] } : (error.constraints ?? {});
    const own = Object.entries(constraints).map(([constraint, text]) => ({
      path,
      issue: constraint === 'whitelistValidation' ? 'is not an accepted field' : text,
    }));
    return [...own, ...flattenValidationErrors(error.children ?? [], path)];
  });
}

/** A 400 in the shared error shape for one field. */
export function invalidField(path: string, issue: string): BadRequestException {
  return new BadRequestException({ message: 'The request is invalid.', details: [{ path, issue }] });
}

/** Parses a UUID path parameter, naming it in the error when it is not one. */
export function uuidParam(name: string): ParseUUIDPipe {
  return new ParseUUIDPipe({ exceptionFactory: () => invalidField(name, 'must be a UUID') });
}
