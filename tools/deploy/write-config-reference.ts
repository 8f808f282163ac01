/** `npm run docs:config`: rewrites the configuration reference of docs/operations.md from the schemas. */
import { operationsGuidePath, writeConfigReference } from './config-reference';

writeConfigReference(process.cwd());
process.stderr.write(`docs: wrote the configuration reference in ${operationsGuidePath(process.cwd())}\n`);
