import { parentPort, workerData } from 'node:worker_threads';
import { computeRoundWith, type RoundInput } from '../application/round-computation';
import { scanFirstPassInWorkers } from './parallel-first-pass';

/**
 * The body of the worker thread a round runs in (see RoundRunner). The first
 * pass over all pairs of a large round runs in two more threads.
 */
if (parentPort) {
  const port = parentPort;
  computeRoundWith(workerData as RoundInput, (pool, problem) => scanFirstPassInWorkers(pool, problem)).then(
    (output) => port.postMessage({ ok: true, output }),
    (error: unknown) => port.postMessage({ ok: false, message: error instanceof Error ? error.message : String(error) }),
  );
}
