/**
 * Configuration is a schema (ARCHITECTURE.md, rule 6): every variable an app
 * reads is declared once with its type, default and whether it is a secret.
 * `loadConfig` reads them all, collects every problem and fails with one line
 * per problem, so an operator fixes a bad deployment in one pass.
 */

interface BaseVariable<T> {
  /** Name of the environment variable. */
  readonly env: string;
  readonly description: string;
  /** Used when the variable is unset or empty; absent means required. */
  readonly default?: T;
  /**
   * Secrets are masked whenever configuration is printed. In a schema that
   * declares the mode (PASSERELLE_MODE), a secret's non-empty default and its
   * `developmentValues` are public, so outside development mode the secret
   * must be set and may not be any of them (docs/operations.md, Configuration).
   */
  readonly secret?: boolean;
  /** Other public values of a secret (e.g. the placeholders of a development stack), refused like its default. */
  readonly developmentValues?: readonly string[];
}

export type Variable =
  | (BaseVariable<string> & { readonly type: 'string'; readonly pattern?: RegExp })
  | (BaseVariable<string> & { readonly type: 'url'; readonly protocols: readonly string[] })
  | (BaseVariable<number> & { readonly type: 'int'; readonly min?: number; readonly max?: number })
  | (BaseVariable<number> & { readonly type: 'port' })
  | (BaseVariable<boolean> & { readonly type: 'boolean' })
  | (BaseVariable<string> & { readonly type: 'enum'; readonly values: readonly string[] })
  | (BaseVariable<readonly string[]> & { readonly type: 'list'; readonly itemPattern?: RegExp });

export type ConfigSchema = Readonly<Record<string, Variable>>;

type ValueOf<V extends Variable> = V['type'] extends 'int' | 'port'
  ? number
  : V['type'] extends 'boolean'
    ? boolean
    : V['type'] extends 'list'
      ? readonly string[]
      : V extends { type: 'enum'; values: readonly (infer E)[] }
        ? E
        : string;

export type ConfigOf<S extends ConfigSchema> = { readonly [K in keyof S]: ValueOf<S[K]> };

export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Declares a schema while keeping its literal types for `ConfigOf`. */
export function defineConfig<const S extends ConfigSchema>(schema: S): S {
  return schema;
}

/** The variable that turns development mode on; schemas that declare it keep their secrets' defaults for development. */
export const MODE_VARIABLE = 'PASSERELLE_MODE';
export const DEVELOPMENT_MODE = 'development';

export function loadConfig<S extends ConfigSchema>(
  schema: S,
  env: Readonly<Record<string, string | undefined>> = process.env,
): ConfigOf<S> {
  const problems: string[] = [];
  const result: Record<string, unknown> = {};
  const failClosed = Object.values(schema).some((variable) => variable.env === MODE_VARIABLE) && env[MODE_VARIABLE]?.trim() !== DEVELOPMENT_MODE;
  for (const [key, variable] of Object.entries(schema)) {
    const raw = env[variable.env]?.trim();
    const publicValues = failClosed && variable.secret ? developmentValuesOf(variable) : [];
    if (raw === undefined || raw === '') {
      if (variable.default === undefined) {
        problems.push(`${variable.env} is required: ${variable.description}`);
      } else if (publicValues.length > 0) {
        problems.push(`${variable.env} is required: ${variable.description} (its default is for ${MODE_VARIABLE}=${DEVELOPMENT_MODE} only)`);
      } else {
        result[key] = variable.default;
      }
      continue;
    }
    if (publicValues.includes(raw)) {
      problems.push(`${variable.env}=(secret) is refused: it is a public development value, accepted only with ${MODE_VARIABLE}=${DEVELOPMENT_MODE}`);
      continue;
    }
    const parsed = parseVariable(variable, raw);
    if ('problem' in parsed) {
      const shown = variable.secret ? '(secret)' : JSON.stringify(raw);
      problems.push(`${variable.env}=${shown} is invalid: ${parsed.problem}`);
    } else {
      result[key] = parsed.value;
    }
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return result as ConfigOf<S>;
}

/** The public values of a secret: its non-empty default (an empty one means "none") and the listed ones. */
function developmentValuesOf(variable: Variable): readonly string[] {
  const fallback = typeof variable.default === 'string' && variable.default !== '' ? [variable.default] : [];
  return [...fallback, ...(variable.developmentValues ?? [])];
}

/** The configuration as it may be logged: secrets masked. */
export function describeConfig<S extends ConfigSchema>(
  schema: S,
  config: ConfigOf<S>,
): Record<string, unknown> {
  const shown: Record<string, unknown> = {};
  for (const [key, variable] of Object.entries(schema)) {
    const value = (config as Record<string, unknown>)[key];
    shown[variable.env] = variable.secret ? '***' : value;
  }
  return shown;
}

function parseVariable(variable: Variable, raw: string): { value: unknown } | { problem: string } {
  switch (variable.type) {
    case 'string':
      if (variable.pattern && !variable.pattern.test(raw)) {
        return { problem: `must match ${variable.pattern}` };
      }
      return { value: raw };
    case 'url': {
      let url: URL;
      try {
        url = new URL(raw);
      } catch {
        return { problem: `must be a URL (${variable.protocols.join(' or ')})` };
      }
      const protocol = url.protocol.replace(/:$/, '');
      if (!variable.protocols.includes(protocol)) {
        return { problem: `protocol must be ${variable.protocols.join(' or ')}, not ${protocol}` };
      }
      return { value: raw };
    }
    case 'int':
    case 'port': {
      if (!/^-?\d+$/.test(raw)) return { problem: 'must be a whole number' };
      const value = Number(raw);
      const [min, max] = variable.type === 'port' ? [1, 65535] : [variable.min, variable.max];
      if (min !== undefined && value < min) return { problem: `must be at least ${min}` };
      if (max !== undefined && value > max) return { problem: `must be at most ${max}` };
      return { value };
    }
    case 'boolean':
      if (['true', '1', 'yes'].includes(raw.toLowerCase())) return { value: true };
      if (['false', '0', 'no'].includes(raw.toLowerCase())) return { value: false };
      return { problem: 'must be true or false' };
    case 'enum':
      if (!variable.values.includes(raw)) {
        return { problem: `must be one of ${variable.values.join(', ')}` };
      }
      return { value: raw };
    case 'list': {
      const items = raw
        .split(',')
        .map((item) => item.trim())
        .filter((item) => item.length > 0);
      if (items.length === 0) return { problem: 'must list at least one comma-separated value' };
      const wrong = variable.itemPattern ? items.find((item) => !variable.itemPattern!.test(item)) : undefined;
      if (wrong !== undefined) return { problem: `${JSON.stringify(wrong)} must match ${variable.itemPattern}` };
      return { value: items };
    }
  }
}
