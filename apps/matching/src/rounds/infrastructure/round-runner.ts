import { Injectable } from '@nestjs/common';
import { existsSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { RoundInput, RoundOutput } from '../application/round-computation';

/**
 * Runs a round in a worker thread, so scoring and solving (seconds at
 * university scale) never block the event loop that serves requests and
 * consumes events (issue 5, item 3: "run off the request thread").
 */
@Injectable()
export class RoundRunner {
  run(input: RoundInput): Promise<RoundOutput> {
    return new Promise((resolvePromise, reject) => {
      const worker = new Worker(workerScript(), { workerData: input });
      worker.once('message', (message: { ok: true; output: RoundOutput } | { ok: false; message: string }) => {
        if (message.ok) resolvePromise(message.output);
        else reject(new Error(`The round failed: ${message.message}`));
      });
      worker.once('error', reject);
      worker.once('exit', (code) => {
        if (code !== 0) reject(new Error(`The round's worker thread stopped with code ${code}.`));
      });
    });
  }
}

/**
 * The compiled worker beside this file. Under the test runner this file is
 * TypeScript, which a worker thread cannot load: the build in `dist/` (made
 * by the test setup before any test) holds the same code compiled.
 */
function workerScript(): string {
  const compiled = join(__dirname, 'round-worker.js');
  if (existsSync(compiled)) return compiled;
  const root = resolve(__dirname, '../../../../..');
  const built = join(root, 'dist', relative(root, __dirname), 'round-worker.js');
  if (!existsSync(built)) throw new Error(`No compiled round worker at ${built}: run \`npm run build\` first.`);
  return built;
}
