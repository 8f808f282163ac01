/**
 * Prints the AsyncAPI document of the event catalogue, or writes it to the
 * path given as first argument: `node write-asyncapi.js docs/asyncapi.json`.
 */
import { writeFileSync } from 'node:fs';
import { buildAsyncApiDocument } from './asyncapi';

const json = `${JSON.stringify(buildAsyncApiDocument(), null, 2)}\n`;
const target = process.argv[2];
if (target) {
  writeFileSync(target, json);
  process.stderr.write(`asyncapi: wrote ${target}\n`);
} else {
  process.stdout.write(json);
}
