import { parentPort, workerData } from 'node:worker_threads';
import { computeRound, type RoundInput } from '../application/round-computation';

/** The body of the worker thread a round runs in (see RoundRunner). */
if (parentPort) {
  try {
    parentPort.postMessage({ ok: true, output: computeRound(workerData as RoundInput) });
  } catch (error) {
    parentPort.postMessage({ ok: false, message: error instanceof Error ? error.message : String(error) });
  }
}
