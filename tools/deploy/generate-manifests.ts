/**
 * `npm run deploy:generate`: writes the Kustomize base (deploy/kubernetes/base)
 * from the services' code, the dev overlay's placeholder Secrets, and
 * docker-compose's gateway (deploy/compose/gateway.conf) from the same routing
 * table as the Ingress. The deployment tests fail, naming this command, when a
 * committed file is not what it writes.
 */
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderBaseFiles, renderDevelopmentSecrets } from './base-files';
import { COMPOSE_GATEWAY_PATH, renderComposeGateway } from './compose-gateway';

const root = process.argv[2] ?? process.cwd();
const dir = join(root, 'deploy', 'kubernetes', 'base');
mkdirSync(dir, { recursive: true });
const files = renderBaseFiles();
for (const stale of readdirSync(dir)) if (!files.has(stale)) rmSync(join(dir, stale));
for (const [name, text] of files) writeFileSync(join(dir, name), text);
const secrets = join(root, 'deploy', 'kubernetes', 'overlays', 'dev', 'secrets.dev.yaml');
writeFileSync(secrets, renderDevelopmentSecrets());
const gateway = join(root, COMPOSE_GATEWAY_PATH);
writeFileSync(gateway, renderComposeGateway());
process.stderr.write(`deploy: wrote ${files.size} files to ${dir}, ${secrets} and ${gateway}\n`);
