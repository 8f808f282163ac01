import Ajv, { type ErrorObject } from 'ajv';
import addFormats from 'ajv-formats';
import type { EventDefinition } from './event-definition';

/** The same `{path, issue}` shape the HTTP edge uses (ARCHITECTURE.md, Thin edges). */
export interface ValidationIssue {
  /** JSON Pointer to the offending field, e.g. `/userId`, `/score/breakdown/0/weight`; `/` for the whole document. */
  readonly path: string;
  readonly issue: string;
}

export type ValidationResult = { readonly valid: true } | { readonly valid: false; readonly errors: ValidationIssue[] };

/*
 * strict: a typo in a schema (unknown keyword, `required` naming no property…)
 * fails at compile time instead of silently accepting everything.
 * allErrors: a producer or DLT reader sees every problem at once.
 */
const ajv = new Ajv({ strict: true, allErrors: true });
addFormats(ajv);
/*
 * Narrower than ajv-formats' uuid (which also accepts `urn:uuid:` prefixes and
 * upper case): ids become Kafka record keys, and two spellings of one id would
 * land on different partitions and lose their ordering.
 */
ajv.addFormat('uuid', /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);

export function validateEventData(definition: EventDefinition, data: unknown): ValidationResult {
  // Compiled on first use, so a service only pays for the types it produces or consumes;
  // Ajv caches the compiled function by schema object, so each schema compiles once.
  const validate = ajv.compile(definition.schema as object);
  if (validate(data)) return { valid: true };
  return { valid: false, errors: toIssues(validate.errors ?? []) };
}

function toIssues(errors: readonly ErrorObject[]): ValidationIssue[] {
  return (
    errors
      // An `if` failure only says "must match then schema"; the `then` errors beside it say which field.
      .filter((error) => error.keyword !== 'if')
      .map(toIssue)
  );
}

function toIssue(error: ErrorObject): ValidationIssue {
  const at = (child?: string) => (child === undefined ? error.instancePath : `${error.instancePath}/${child}`) || '/';
  switch (error.keyword) {
    case 'required':
      return { path: at(error.params.missingProperty), issue: 'is required' };
    case 'additionalProperties':
      return { path: at(error.params.additionalProperty), issue: 'is not allowed' };
    case 'enum':
      return { path: at(), issue: `must be one of: ${(error.params.allowedValues as unknown[]).join(', ')}` };
    default:
      return { path: at(), issue: error.message ?? `fails the ${error.keyword} rule` };
  }
}
