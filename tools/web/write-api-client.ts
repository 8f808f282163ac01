/** `npm run generate` (part of): rewrites the web application's API documents and types from the services' code. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { apiClientFiles } from './api-client';

async function main(): Promise<void> {
  const root = process.cwd();
  for (const file of await apiClientFiles()) {
    const target = join(root, file.path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, file.content);
  }
  process.stderr.write(`web: wrote ${join(root, 'apps', 'web', 'src', 'api')}: the API client's documents and types\n`);
}

void main().catch((error: unknown) => {
  process.stderr.write(`web: ${String(error)}\n`);
  process.exit(1);
});
