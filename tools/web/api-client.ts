/**
 * The web application's API client is generated from the OpenAPI documents
 * the five services serve: each document is written under
 * apps/web/src/api/openapi/ and its TypeScript types under
 * apps/web/src/api/types/ (see apps/web/src/api/README.md). Both are built
 * here without a database or Kafka, so `npm run generate` and the drift test
 * need nothing running.
 */
import { execFileSync } from 'node:child_process';
import { describeServiceApi } from '@passerelle/platform/bootstrap';
import { SERVICE_APPS } from '../deploy/service-catalogue';

export const GENERATE_COMMAND = 'npm run generate';

export interface GeneratedFile {
  /** Relative to the repository's root. */
  readonly path: string;
  readonly content: string;
}

/** Each service's OpenAPI document, as its `/docs-json` serves it. */
export async function serviceDocuments(): Promise<Array<{ service: string; document: unknown }>> {
  const documents = [];
  for (const definition of SERVICE_APPS) documents.push({ service: definition.description.service, document: await describeServiceApi(definition) });
  return documents;
}

/**
 * openapi-typescript runs in a Node process of its own: it requires an ES
 * module, which Node loads but Jest's module system does not, and the drift
 * test must render exactly as the generator does.
 */
const RENDER_TYPES = `
const { default: openapiTS, astToString, COMMENT_HEADER } = require(process.argv[1]);
let input = '';
// Read as a stream: a synchronous read of a pipe fails (EAGAIN) when the parent has not written it all yet.
process.stdin.setEncoding('utf8').on('data', (chunk) => (input += chunk)).on('end', () =>
  Promise.all(JSON.parse(input).map(async (document) => COMMENT_HEADER + astToString(await openapiTS(document, { silent: true }))))
    .then((types) => process.stdout.write(JSON.stringify(types))));
`;

/** The TypeScript types (`paths`, `components`, `operations`) of each document, in order. */
export function renderTypes(documents: readonly unknown[]): string[] {
  const output = execFileSync(process.execPath, ['--disable-warning=ExperimentalWarning', '-e', RENDER_TYPES, require.resolve('openapi-typescript')], {
    input: JSON.stringify(documents),
    maxBuffer: 64 * 1024 * 1024,
  });
  return JSON.parse(output.toString('utf8')) as string[];
}

/** What the generator writes: every service's document and the types generated from it. */
export async function apiClientFiles(): Promise<GeneratedFile[]> {
  const documents = await serviceDocuments();
  const types = renderTypes(documents.map(({ document }) => document));
  return documents.flatMap(({ service, document }, index) => [
    { path: `apps/web/src/api/openapi/${service}.json`, content: `${JSON.stringify(document, null, 2)}\n` },
    { path: `apps/web/src/api/types/${service}.ts`, content: types[index] },
  ]);
}
