/**
 * The services' OpenAPI documents describe every answer, and the web
 * application's API client (apps/web/src/api) is generated from them as they
 * are now: a controller changed without `npm run generate` fails here.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { apiClientFiles, GENERATE_COMMAND, type GeneratedFile, serviceDocuments } from '../../tools/web/api-client';

const ROOT = join(__dirname, '..', '..');
const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

interface Response {
  readonly description?: string;
  readonly content?: Record<string, { schema?: { $ref?: string } }>;
}
interface Operation {
  readonly responses: Record<string, Response>;
  readonly security?: Array<Record<string, unknown>>;
}
type Document = { paths: Record<string, Partial<Record<(typeof METHODS)[number], Operation>>> };

/** Every operation of a document with its name (`POST /v1/programs`). */
function operationsOf(document: unknown): Array<{ name: string; operation: Operation }> {
  return Object.entries((document as Document).paths).flatMap(([path, item]) =>
    METHODS.flatMap((method) => (item[method] ? [{ name: `${method.toUpperCase()} ${path}`, operation: item[method] }] : [])),
  );
}

/** What an operation's responses leave out: the body of a success, the error shape of a failure, the 401 of a token guard. */
export function responseProblems(name: string, operation: Operation): string[] {
  const problems: string[] = [];
  const entries = Object.entries(operation.responses);
  const successes = entries.filter(([status]) => status.startsWith('2'));
  if (successes.length === 0) problems.push(`${name}: no 2xx response described`);
  for (const [status, response] of successes) {
    const bodyless = status === '202' || status === '204';
    const schemas = Object.values(response.content ?? {}).filter((media) => media.schema);
    if (!bodyless && schemas.length === 0) problems.push(`${name}: ${status} has no body schema`);
  }
  for (const [status, response] of entries.filter(([status]) => Number(status) >= 400)) {
    if (response.content?.['application/json']?.schema?.$ref !== '#/components/schemas/ErrorResponse') problems.push(`${name}: ${status} is not the shared error shape`);
  }
  const bearer = (operation.security ?? []).some((requirement) => 'bearer' in requirement);
  if (bearer && !operation.responses['401']) problems.push(`${name}: behind a token, but no 401 described`);
  return problems;
}

describe("the services' OpenAPI documents", () => {
  let documents: Array<{ service: string; document: unknown }>;
  beforeAll(async () => {
    documents = await serviceDocuments();
  });

  it('are built for the five services', () => {
    expect(documents.map(({ service }) => service)).toEqual(['identity', 'intake', 'matching', 'communication', 'evaluation']);
    for (const { document } of documents) expect(operationsOf(document).length).toBeGreaterThan(0);
  });

  it('describe every success with its body (202 and 204 may say there is none) and every error with the shared error shape', () => {
    const problems = documents.flatMap(({ service, document }) =>
      operationsOf(document).flatMap(({ name, operation }) => responseProblems(`${service} ${name}`, operation)),
    );
    expect(problems).toEqual([]);
  });

  it('describe the shared error shape once, with its four fields required', () => {
    for (const { document } of documents) {
      expect((document as { components: { schemas: Record<string, unknown> } }).components.schemas['ErrorResponse']).toMatchObject({
        type: 'object',
        required: ['statusCode', 'error', 'message', 'details'],
      });
    }
  });
});

describe('the check of an operation', () => {
  const error = { description: 'Invalid.', content: { 'application/json': { schema: { $ref: '#/components/schemas/ErrorResponse' } } } };
  const body = { description: '', content: { 'application/json': { schema: { $ref: '#/components/schemas/ProgramResponse' } } } };

  it('accepts a described success, a bodiless 204 and errors in the shared shape', () => {
    expect(responseProblems('GET /x', { responses: { '200': body, '400': error, '401': error }, security: [{ bearer: [] }] })).toEqual([]);
    expect(responseProblems('DELETE /x', { responses: { '204': { description: 'Gone.' }, '404': error } })).toEqual([]);
    // A route that reads a cookie, not the bearer token, may have no 401 (identity's idempotent session logout).
    expect(responseProblems('DELETE /x', { responses: { '204': { description: 'Gone.' }, '403': error }, security: [{ session: [] }] })).toEqual([]);
  });

  it('names what is missing', () => {
    expect(responseProblems('GET /x', { responses: { '200': { description: 'Something.' }, '404': { description: 'None.' } }, security: [{ bearer: [] }] })).toEqual([
      'GET /x: 200 has no body schema',
      'GET /x: 404 is not the shared error shape',
      'GET /x: behind a token, but no 401 described',
    ]);
    expect(responseProblems('POST /x', { responses: { '400': error } })).toEqual(['POST /x: no 2xx response described']);
  });
});

describe('the web application’s generated API client (apps/web/src/api)', () => {
  let files: GeneratedFile[];
  beforeAll(async () => {
    files = await apiClientFiles();
  });

  it(`is what the services serve now (run \`${GENERATE_COMMAND}\` after changing a controller or a DTO)`, () => {
    const stale = files.filter((file) => readFileSync(join(ROOT, file.path), { encoding: 'utf8', flag: 'r' }) !== file.content).map((file) => file.path);
    expect(stale).toEqual([]);
  });

  it('has one document and one types file per service', () => {
    expect(files.map((file) => file.path).sort()).toEqual(
      ['communication', 'evaluation', 'identity', 'intake', 'matching'].flatMap((service) => [`apps/web/src/api/openapi/${service}.json`, `apps/web/src/api/types/${service}.ts`]).sort(),
    );
  });
});
