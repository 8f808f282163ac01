import { parentPort, workerData } from 'node:worker_threads';
import { PoolScorer } from '../../scoring/domain/compiled-pool';
import { scanFirstPass } from '../domain/round-solver';
import type { FirstPassJob } from './parallel-first-pass';

/**
 * The body of one first-pass worker (see scanFirstPassInWorkers): rebuilds
 * the scorer from the compiled features, scans its mentee range and hands the
 * result back, its arrays transferred rather than copied.
 */
if (parentPort) {
  try {
    const job = workerData as FirstPassJob;
    const scorer = new PoolScorer(job.features, job.model, job.objectives);
    const part = scanFirstPass({ ...job.problem, scorer }, job.from, job.to, job.options);
    const buffers = new Set<ArrayBuffer>();
    for (const array of [part.rows?.rowStart, part.rows?.mentor, part.rows?.score, ...Object.values(part.lists)]) {
      if (array) buffers.add(array.buffer as ArrayBuffer);
    }
    parentPort.postMessage({ ok: true, part }, [...buffers]);
  } catch (error) {
    parentPort.postMessage({ ok: false, message: error instanceof Error ? error.message : String(error) });
  }
}
