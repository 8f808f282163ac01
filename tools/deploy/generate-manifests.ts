/**
 * `npm run deploy:generate`: writes the Kustomize base (deploy/kubernetes/base)
 * from the services' code. The deployment tests fail, naming this command,
 * when the committed base is not what it writes.
 */
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderBaseFiles, renderDevelopmentSecrets } from './base-files';

const root = process.argv[2] ?? process.cwd();
const dir = join(root, 'deploy', 'kubernetes', 'base');
mkdirSync(dir, { recursive: true });
const files = renderBaseFiles();
for (const stale of readdirSync(dir)) if (!files.has(stale)) rmSync(join(dir, stale));
for (const [name, text] of files) writeFileSync(join(dir, name), text);
const secrets = join(root, 'deploy', 'kubernetes', 'overlays', 'dev', 'secrets.dev.yaml');
writeFileSync(secrets, renderDevelopmentSecrets());
process.stderr.write(`deploy: wrote ${files.size} files to ${dir} and ${secrets}\n`);
