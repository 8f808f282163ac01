import { ConfigError, type ConfigSchema, defineConfig, describeConfig, loadConfig } from './config-schema';
import { platformConfigSchema } from './platform-config';

/** The problems loadConfig reports for `env`, or [] when it accepts it. */
function problemsOf(schema: ConfigSchema, env: Record<string, string | undefined>): readonly string[] {
  try {
    loadConfig(schema, env);
    return [];
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
}

describe('loadConfig', () => {
  describe('string', () => {
    const schema = defineConfig({
      name: { env: 'NAME', type: 'string', description: 'a name' },
      code: { env: 'CODE', type: 'string', pattern: /^[A-Z]{3}$/, default: 'ABC', description: 'a code' },
    });

    it('takes the value as given, trimmed', () => {
      expect(loadConfig(schema, { NAME: '  Passerelle  ', CODE: 'XYZ' })).toEqual({ name: 'Passerelle', code: 'XYZ' });
    });

    it('rejects a value that does not match the pattern', () => {
      expect(problemsOf(schema, { NAME: 'x', CODE: 'abcd' })).toEqual(['CODE="abcd" is invalid: must match /^[A-Z]{3}$/']);
    });
  });

  describe('url', () => {
    const schema = defineConfig({
      db: { env: 'DB_URL', type: 'url', protocols: ['postgres', 'postgresql'], description: 'the database' },
    });

    it('accepts each allowed protocol and keeps the URL as written', () => {
      expect(loadConfig(schema, { DB_URL: 'postgres://u@h:5432/d' }).db).toBe('postgres://u@h:5432/d');
      expect(loadConfig(schema, { DB_URL: 'postgresql://h/d' }).db).toBe('postgresql://h/d');
    });

    it('rejects what is not a URL, naming the expected protocols', () => {
      expect(problemsOf(schema, { DB_URL: 'localhost:5432' })).toEqual([
        'DB_URL="localhost:5432" is invalid: protocol must be postgres or postgresql, not localhost',
      ]);
      expect(problemsOf(schema, { DB_URL: 'not a url' })).toEqual([
        'DB_URL="not a url" is invalid: must be a URL (postgres or postgresql)',
      ]);
    });

    it('rejects another protocol', () => {
      expect(problemsOf(schema, { DB_URL: 'mysql://h/d' })).toEqual([
        'DB_URL="mysql://h/d" is invalid: protocol must be postgres or postgresql, not mysql',
      ]);
    });
  });

  describe('int', () => {
    const schema = defineConfig({
      pool: { env: 'POOL', type: 'int', min: 2, max: 100, default: 10, description: 'pool size' },
      offset: { env: 'OFFSET', type: 'int', default: 0, description: 'any whole number' },
    });

    it('parses whole numbers, negative ones included when there is no minimum', () => {
      expect(loadConfig(schema, { POOL: '2', OFFSET: '-7' })).toEqual({ pool: 2, offset: -7 });
      expect(loadConfig(schema, { POOL: '100' }).pool).toBe(100);
    });

    it.each(['1.5', '1e3', 'ten', '+3', '0x10'])('rejects %j as not a whole number', (raw) => {
      expect(problemsOf(schema, { POOL: raw })).toEqual([`POOL=${JSON.stringify(raw)} is invalid: must be a whole number`]);
    });

    it('enforces the bounds', () => {
      expect(problemsOf(schema, { POOL: '1' })).toEqual(['POOL="1" is invalid: must be at least 2']);
      expect(problemsOf(schema, { POOL: '101' })).toEqual(['POOL="101" is invalid: must be at most 100']);
    });
  });

  describe('port', () => {
    const schema = defineConfig({ port: { env: 'PORT', type: 'port', default: 3000, description: 'HTTP port' } });

    it('accepts 1 to 65535', () => {
      expect(loadConfig(schema, { PORT: '1' }).port).toBe(1);
      expect(loadConfig(schema, { PORT: '65535' }).port).toBe(65535);
    });

    it('rejects what is out of range or not a number', () => {
      expect(problemsOf(schema, { PORT: '0' })).toEqual(['PORT="0" is invalid: must be at least 1']);
      expect(problemsOf(schema, { PORT: '65536' })).toEqual(['PORT="65536" is invalid: must be at most 65535']);
      expect(problemsOf(schema, { PORT: 'http' })).toEqual(['PORT="http" is invalid: must be a whole number']);
    });
  });

  describe('boolean', () => {
    const schema = defineConfig({ on: { env: 'ON', type: 'boolean', default: false, description: 'a switch' } });

    it.each([
      ['true', true],
      ['TRUE', true],
      ['1', true],
      ['yes', true],
      ['false', false],
      ['No', false],
      ['0', false],
    ])('reads %j as %p', (raw, expected) => {
      expect(loadConfig(schema, { ON: raw }).on).toBe(expected);
    });

    it('rejects anything else', () => {
      expect(problemsOf(schema, { ON: 'on' })).toEqual(['ON="on" is invalid: must be true or false']);
    });
  });

  describe('enum', () => {
    const schema = defineConfig({
      level: { env: 'LEVEL', type: 'enum', values: ['info', 'debug'], default: 'info', description: 'log level' },
    });

    it('accepts a listed value, case-sensitively', () => {
      expect(loadConfig(schema, { LEVEL: 'debug' }).level).toBe('debug');
      expect(problemsOf(schema, { LEVEL: 'DEBUG' })).toEqual(['LEVEL="DEBUG" is invalid: must be one of info, debug']);
    });
  });

  describe('list', () => {
    const schema = defineConfig({ brokers: { env: 'BROKERS', type: 'list', description: 'brokers' } });

    it('splits on commas, trims, and drops empty items', () => {
      expect(loadConfig(schema, { BROKERS: ' a:9092 , b:9092,,' }).brokers).toEqual(['a:9092', 'b:9092']);
    });

    it('rejects a list with no item', () => {
      expect(problemsOf(schema, { BROKERS: ' , ,' })).toEqual([
        'BROKERS=", ," is invalid: must list at least one comma-separated value',
      ]);
    });
  });

  describe('defaults and required variables', () => {
    const schema = defineConfig({
      url: { env: 'SERVICE_URL', type: 'url', protocols: ['https'], description: 'where the service lives' },
      token: { env: 'SERVICE_TOKEN', type: 'string', secret: true, description: 'the API token' },
      retries: { env: 'RETRIES', type: 'int', min: 0, default: 3, description: 'retries' },
      port: { env: 'PORT', type: 'port', default: 8080, description: 'HTTP port' },
    });

    it('uses the default when a variable is unset, empty or blank', () => {
      const env = { SERVICE_URL: 'https://x.example', SERVICE_TOKEN: 't', PORT: '   ' };
      expect(loadConfig(schema, { ...env, RETRIES: '' })).toEqual({
        url: 'https://x.example',
        token: 't',
        retries: 3,
        port: 8080,
      });
    });

    it('reports every missing and every invalid variable at once, one line each, in schema order', () => {
      let error: unknown;
      try {
        loadConfig(schema, { RETRIES: '-1', PORT: 'eighty' });
      } catch (caught) {
        error = caught;
      }
      expect(error).toBeInstanceOf(ConfigError);
      const { problems, message } = error as ConfigError;
      expect(problems).toEqual([
        'SERVICE_URL is required: where the service lives',
        'SERVICE_TOKEN is required: the API token',
        'RETRIES="-1" is invalid: must be at least 0',
        'PORT="eighty" is invalid: must be a whole number',
      ]);
      for (const problem of problems) expect(problem).not.toContain('\n');
      expect(message).toBe(`Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    });

    it('reads process.env when no environment is given', () => {
      const previous = process.env['PORT'];
      process.env['PORT'] = '4321';
      try {
        const only = defineConfig({ port: schema.port });
        expect(loadConfig(only).port).toBe(4321);
      } finally {
        if (previous === undefined) delete process.env['PORT'];
        else process.env['PORT'] = previous;
      }
    });
  });

  describe('secrets', () => {
    const schema = defineConfig({
      databaseUrl: {
        env: 'DATABASE_URL',
        type: 'url',
        protocols: ['postgres'],
        secret: true,
        description: 'database',
      },
      apiKey: { env: 'API_KEY', type: 'string', pattern: /^key-/, secret: true, description: 'API key' },
      name: { env: 'NAME', type: 'string', default: 'passerelle', description: 'name' },
    });

    it('never shows a secret value in a problem', () => {
      const problems = problemsOf(schema, {
        DATABASE_URL: 'http://admin:hunter2@db.internal/app',
        API_KEY: 's3cr3t-value',
      });
      expect(problems).toEqual([
        'DATABASE_URL=(secret) is invalid: protocol must be postgres, not http',
        'API_KEY=(secret) is invalid: must match /^key-/',
      ]);
      expect(problems.join('\n')).not.toMatch(/hunter2|s3cr3t|db\.internal/);
    });

    it('masks secrets in describeConfig and shows the rest by variable name', () => {
      const config = loadConfig(schema, { DATABASE_URL: 'postgres://admin:hunter2@db/app', API_KEY: 'key-123' });
      expect(config.databaseUrl).toBe('postgres://admin:hunter2@db/app');
      expect(describeConfig(schema, config)).toEqual({ DATABASE_URL: '***', API_KEY: '***', NAME: 'passerelle' });
    });
  });

  describe('development mode', () => {
    const schema = defineConfig({
      mode: { env: 'PASSERELLE_MODE', type: 'enum', values: ['production', 'development'], default: 'production', description: 'mode' },
      signing: {
        env: 'SIGNING_SECRET',
        type: 'string',
        secret: true,
        default: 'public-development-signing-secret',
        developmentValues: ['an-older-public-placeholder'],
        description: 'signs things',
      },
      saslPassword: { env: 'SASL_PASSWORD', type: 'string', secret: true, default: '', description: 'none when empty' },
      name: { env: 'NAME', type: 'string', default: 'passerelle', description: 'name' },
    });

    it('outside development mode, requires each secret with a public default, naming it on one line', () => {
      expect(problemsOf(schema, {})).toEqual(['SIGNING_SECRET is required: signs things (its default is for PASSERELLE_MODE=development only)']);
      expect(problemsOf(schema, { PASSERELLE_MODE: 'production' })).toEqual([
        'SIGNING_SECRET is required: signs things (its default is for PASSERELLE_MODE=development only)',
      ]);
    });

    it('outside development mode, refuses the public values even when set explicitly, without showing them', () => {
      for (const value of ['public-development-signing-secret', 'an-older-public-placeholder']) {
        const problems = problemsOf(schema, { SIGNING_SECRET: value });
        expect(problems).toEqual(['SIGNING_SECRET=(secret) is refused: it is a public development value, accepted only with PASSERELLE_MODE=development']);
        expect(problems.join('\n')).not.toContain(value);
      }
    });

    it('accepts a value of its own, and keeps non-secret defaults and empty secret defaults ("none")', () => {
      expect(loadConfig(schema, { SIGNING_SECRET: 'a-value-of-its-own' })).toEqual({
        mode: 'production',
        signing: 'a-value-of-its-own',
        saslPassword: '',
        name: 'passerelle',
      });
    });

    it('in development mode, takes the public defaults', () => {
      expect(loadConfig(schema, { PASSERELLE_MODE: 'development' })).toMatchObject({ mode: 'development', signing: 'public-development-signing-secret' });
      expect(loadConfig(schema, { PASSERELLE_MODE: 'development', SIGNING_SECRET: 'an-older-public-placeholder' }).signing).toBe('an-older-public-placeholder');
    });

    it('leaves schemas without the mode variable (local tools) as they are', () => {
      const { mode: _mode, ...withoutMode } = schema;
      expect(loadConfig(withoutMode, {}).signing).toBe('public-development-signing-secret');
    });
  });
});

describe('platformConfigSchema', () => {
  it('fails closed outside development mode: the database and SMTP URLs must be set', () => {
    expect(problemsOf(platformConfigSchema('intake', 3002), {})).toEqual([
      'DATABASE_URL is required: PostgreSQL URL of the intake database (its default is for PASSERELLE_MODE=development only)',
      'SMTP_URL is required: SMTP server that outgoing mail is handed to (smtp:// with STARTTLS when offered, or smtps://) (its default is for PASSERELLE_MODE=development only)',
    ]);
  });

  it('runs a service locally in development mode with nothing else set, on development defaults', () => {
    const schema = platformConfigSchema('identity', 3001);
    const config = loadConfig(schema, { PASSERELLE_MODE: 'development' });
    expect(config).toMatchObject({
      port: 3001,
      databaseUrl: 'postgres://postgres@127.0.0.1:5432/passerelle_identity',
      kafkaBrokers: ['127.0.0.1:9092'],
      kafkaCreateTopics: true,
      logLevel: 'info',
      otlpEndpoint: '',
      corsAllowedOrigins: [],
    });
    const described = describeConfig(schema, config);
    expect(described['DATABASE_URL']).toBe('***');
    expect(described['PORT']).toBe(3001);
    expect(JSON.stringify(described)).not.toContain('postgres://');
  });

  it('reports each bad platform variable on its own line', () => {
    expect(
      problemsOf(platformConfigSchema('evaluation', 3005), {
        PASSERELLE_MODE: 'development',
        DATABASE_POOL_SIZE: '1',
        KAFKA_CREATE_TOPICS: 'sometimes',
        LOG_LEVEL: 'verbose',
        SHUTDOWN_TIMEOUT_MS: '500',
      }),
    ).toEqual([
      'DATABASE_POOL_SIZE="1" is invalid: must be at least 2',
      'KAFKA_CREATE_TOPICS="sometimes" is invalid: must be true or false',
      'LOG_LEVEL="verbose" is invalid: must be one of fatal, error, warn, info, debug, trace, silent',
      'SHUTDOWN_TIMEOUT_MS="500" is invalid: must be at least 1000',
    ]);
  });

  it('takes CORS origins as browsers send them, nothing else', () => {
    const schema = platformConfigSchema('intake', 3002);
    const env = { PASSERELLE_MODE: 'development' };
    expect(loadConfig(schema, { ...env, CORS_ALLOWED_ORIGINS: 'https://app.example.org, http://localhost:5173' }).corsAllowedOrigins).toEqual([
      'https://app.example.org',
      'http://localhost:5173',
    ]);
    expect(problemsOf(schema, { ...env, CORS_ALLOWED_ORIGINS: 'https://app.example.org/' })).toEqual([
      'CORS_ALLOWED_ORIGINS="https://app.example.org/" is invalid: "https://app.example.org/" must match /^https?:\\/\\/[^/\\s]+$/',
    ]);
  });
});
