/**
 * Is a new event schema backward compatible with the published one? For an
 * event contract that means: every payload a producer may emit under the new
 * schema is still accepted by a consumer built against the published schema
 * (integrators upgrade on their own schedule, and our own consumers validate
 * and dead-letter what fails their schema during a rolling deployment). So the
 * new schema must accept a subset of what the old one accepted.
 *
 * The check is structural and conservative: it proves the subset relation for
 * the keywords our schemas use (type, properties, required,
 * additionalProperties, enum, const, items, bounds, formats, patterns) and
 * reports anything it cannot prove (a changed `if`/`then`/`allOf`, an unknown
 * keyword) as incompatible. The answer to an incompatibility is a new version
 * of the event type (`.v2` beside `.v1`), never an edit of the published one.
 */

export type Schema = boolean | { readonly [keyword: string]: unknown };

/** Keywords that do not change what a schema accepts. */
const ANNOTATIONS = new Set(['description', 'title', 'examples', 'example', '$comment', 'default', 'deprecated', 'readOnly', 'writeOnly', '$schema', '$id']);
/** Keywords whose value must stay identical: the subset relation is not worked out for them. */
const OPAQUE = ['if', 'then', 'else', 'allOf', 'anyOf', 'oneOf', 'not', 'dependencies', 'dependentRequired', 'dependentSchemas', 'patternProperties', 'propertyNames', 'contains', '$ref', 'definitions', '$defs'];
const HANDLED = new Set([
  'type', 'properties', 'required', 'additionalProperties', 'enum', 'const', 'items', 'format', 'pattern',
  'minLength', 'maxLength', 'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'multipleOf',
  'minItems', 'maxItems', 'uniqueItems', 'minProperties', 'maxProperties', ...OPAQUE,
]);

const equal = (a: unknown, b: unknown) => JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .filter((key) => !ANNOTATIONS.has(key))
        .sort()
        .map((key) => [key, canonical((value as Record<string, unknown>)[key])]),
    );
  }
  return value;
}

function typesOf(schema: Record<string, unknown>): Set<string> | undefined {
  const type = schema.type;
  if (type === undefined) {
    if ('const' in schema) return new Set([jsonTypeOf(schema.const)]);
    if (Array.isArray(schema.enum)) return new Set(schema.enum.map(jsonTypeOf));
    return undefined;
  }
  const list = (Array.isArray(type) ? type : [type]) as string[];
  // An integer is a number: "number" accepts every integer.
  return new Set(list);
}

function jsonTypeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (Number.isInteger(value)) return 'integer';
  return typeof value;
}

const accepts = (types: Set<string> | undefined, type: string) =>
  types === undefined || types.has(type) || (type === 'integer' && types.has('number'));

/**
 * The reasons `next` accepts something `published` does not, each with the
 * JSON path where it happens; [] when every payload valid under `next` is
 * valid under `published`.
 */
export function breakingChanges(published: Schema, next: Schema, path = '$'): string[] {
  if (published === true) return [];
  if (next === false) return [];
  if (published === false) return [`${path}: was never allowed, now allowed`];
  if (next === true) return [`${path}: now accepts anything`];
  const problems: string[] = [];
  const old = published as Record<string, unknown>;
  const neu = next as Record<string, unknown>;

  for (const keyword of Object.keys(neu)) {
    if (!HANDLED.has(keyword) && !ANNOTATIONS.has(keyword) && !equal(old[keyword], neu[keyword])) {
      problems.push(`${path}: keyword "${keyword}" changed and its effect cannot be checked`);
    }
  }
  for (const keyword of Object.keys(old)) {
    if (!HANDLED.has(keyword) && !ANNOTATIONS.has(keyword) && !(keyword in neu)) problems.push(`${path}: keyword "${keyword}" was removed`);
  }
  for (const keyword of OPAQUE) {
    if (!equal(old[keyword], neu[keyword])) problems.push(`${path}: "${keyword}" changed (conditional or composed schemas must stay identical)`);
  }

  // Types: the new types must all be accepted by the old ones.
  const oldTypes = typesOf(old);
  const newTypes = typesOf(neu);
  if (oldTypes !== undefined) {
    if (newTypes === undefined) problems.push(`${path}: type was ${[...oldTypes].join('|')}, now unrestricted`);
    else for (const type of newTypes) if (!accepts(oldTypes, type)) problems.push(`${path}: now accepts type ${type} (was ${[...oldTypes].join('|')})`);
  }

  // Values.
  if ('const' in old && !('const' in neu && equal(old.const, neu.const))) {
    const values = Array.isArray(neu.enum) ? neu.enum : undefined;
    if (!(values && values.every((value) => equal(value, old.const)))) problems.push(`${path}: was the constant ${JSON.stringify(old.const)}, now accepts other values`);
  }
  if (Array.isArray(old.enum)) {
    const allowed = old.enum as unknown[];
    const now = 'const' in neu ? [neu.const] : Array.isArray(neu.enum) ? (neu.enum as unknown[]) : undefined;
    if (!now) problems.push(`${path}: was one of ${JSON.stringify(allowed)}, now unrestricted`);
    else for (const value of now) if (!allowed.some((a) => equal(a, value))) problems.push(`${path}: new value ${JSON.stringify(value)} (was one of ${JSON.stringify(allowed)})`);
  }

  // Strings.
  for (const keyword of ['format', 'pattern']) {
    if (old[keyword] !== undefined && old[keyword] !== neu[keyword]) {
      problems.push(`${path}: ${keyword} was ${JSON.stringify(old[keyword])}, now ${neu[keyword] === undefined ? 'none' : JSON.stringify(neu[keyword])}`);
    }
  }
  problems.push(...lowerBound(old, neu, path, 'minLength'), ...upperBound(old, neu, path, 'maxLength'));
  // Numbers.
  problems.push(...lowerBound(old, neu, path, 'minimum'), ...upperBound(old, neu, path, 'maximum'));
  problems.push(...lowerBound(old, neu, path, 'exclusiveMinimum'), ...upperBound(old, neu, path, 'exclusiveMaximum'));
  if (old.multipleOf !== undefined && (typeof neu.multipleOf !== 'number' || neu.multipleOf % (old.multipleOf as number) !== 0)) {
    problems.push(`${path}: multipleOf was ${String(old.multipleOf)}, now ${String(neu.multipleOf ?? 'none')}`);
  }
  // Arrays.
  problems.push(...lowerBound(old, neu, path, 'minItems'), ...upperBound(old, neu, path, 'maxItems'));
  if (old.uniqueItems === true && neu.uniqueItems !== true) problems.push(`${path}: items no longer unique`);
  if (old.items !== undefined) {
    if (Array.isArray(old.items) || Array.isArray(neu.items)) {
      if (!equal(old.items, neu.items)) problems.push(`${path}: tuple items changed`);
    } else {
      problems.push(...breakingChanges(old.items as Schema, (neu.items ?? true) as Schema, `${path}[]`));
    }
  }
  // Objects.
  problems.push(...lowerBound(old, neu, path, 'minProperties'), ...upperBound(old, neu, path, 'maxProperties'));
  const oldRequired = new Set((old.required as string[] | undefined) ?? []);
  const newRequired = new Set((neu.required as string[] | undefined) ?? []);
  for (const field of oldRequired) if (!newRequired.has(field)) problems.push(`${path}.${field}: was required, now optional (old consumers expect it)`);
  const oldProperties = (old.properties ?? {}) as Record<string, Schema>;
  const newProperties = (neu.properties ?? {}) as Record<string, Schema>;
  const oldAdditional = (old.additionalProperties ?? true) as Schema;
  const newAdditional = (neu.additionalProperties ?? true) as Schema;
  const names = new Set([...Object.keys(oldProperties), ...Object.keys(newProperties)]);
  for (const name of names) {
    // What each side accepts for this property name.
    const before = oldProperties[name] ?? oldAdditional;
    const after = newProperties[name] ?? newAdditional;
    if (!(name in oldProperties) && before === false && name in newProperties) {
      problems.push(`${path}.${name}: new field, but consumers of the published version reject unknown fields (additionalProperties: false)`);
      continue;
    }
    problems.push(...breakingChanges(before, after, `${path}.${name}`));
  }
  if (Object.keys(oldProperties).length + Object.keys(newProperties).length > 0 || old.additionalProperties !== undefined) {
    if (oldAdditional === false && newAdditional !== false) problems.push(`${path}: unknown fields were refused, now accepted`);
    else problems.push(...breakingChanges(oldAdditional, newAdditional, `${path}.*`).map((problem) => problem.replace(`${path}.*:`, `${path}: other fields:`)));
  }
  return [...new Set(problems)];
}

function lowerBound(old: Record<string, unknown>, neu: Record<string, unknown>, path: string, keyword: string): string[] {
  const before = old[keyword] as number | undefined;
  const after = neu[keyword] as number | undefined;
  if (before === undefined) return [];
  return after === undefined || after < before ? [`${path}: ${keyword} lowered from ${before} to ${after ?? 'none'}`] : [];
}

function upperBound(old: Record<string, unknown>, neu: Record<string, unknown>, path: string, keyword: string): string[] {
  const before = old[keyword] as number | undefined;
  const after = neu[keyword] as number | undefined;
  if (before === undefined) return [];
  return after === undefined || after > before ? [`${path}: ${keyword} raised from ${before} to ${after ?? 'none'}`] : [];
}

export interface PublishedMessage {
  readonly type: string;
  readonly topic: string;
  readonly key: string;
  readonly schema: Schema;
}

/**
 * Every incompatibility between the published contract and the current one:
 * a published type that disappeared or moved, a changed record key, or a
 * payload schema that accepts more than it did. New types are additions.
 */
export function contractBreakingChanges(published: readonly PublishedMessage[], current: readonly PublishedMessage[]): string[] {
  const byType = new Map(current.map((message) => [message.type, message]));
  const problems: string[] = [];
  for (const old of published) {
    const now = byType.get(old.type);
    if (!now) {
      problems.push(`${old.type}: published, now gone (keep publishing it until it is retired under the deprecation policy)`);
      continue;
    }
    if (now.topic !== old.topic) problems.push(`${old.type}: topic was ${old.topic}, now ${now.topic}`);
    if (now.key !== old.key) problems.push(`${old.type}: record key was ${old.key}, now ${now.key}`);
    problems.push(...breakingChanges(old.schema, now.schema).map((problem) => `${old.type}: ${problem}`));
  }
  return problems;
}
