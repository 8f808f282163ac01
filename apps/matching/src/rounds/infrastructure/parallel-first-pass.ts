import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { ProgramObjective } from '../../scoring/domain/candidate';
import type { PoolFeatures, PoolScorer } from '../../scoring/domain/compiled-pool';
import type { ScoringModel } from '../../scoring/domain/scoring-model';
import type { RoundProblem } from '../domain/round-problem';
import { type FirstPass, type FirstPassPart, firstPassRanges, type RoundSolverOptions, scanFirstPass } from '../domain/round-solver';
import { compiledBeside } from './worker-script';

/**
 * The first pass over all pairs (scoring every row, keeping the feasible
 * pairs and the short lists) is most of a large round's time and splits by
 * mentee: the calling thread scans the first range with its own scorer, each
 * worker thread rebuilds the scorer from the compiled features and scans
 * another, and solveRound joins the parts in mentee order into what
 * one pass would have built (issue 5, Benchmark: 20k × 8k within 5 s).
 * Below `MIN_PAIRS` pairs starting threads costs more than it saves.
 */
export const MIN_PAIRS = 4_000_000;

/** What one first-pass worker receives: plain data, cloned into the thread. */
export interface FirstPassJob {
  readonly features: PoolFeatures;
  readonly model: ScoringModel;
  readonly objectives: readonly ProgramObjective[];
  readonly problem: Omit<RoundProblem, 'scorer'>;
  readonly from: number;
  readonly to: number;
  readonly options: RoundSolverOptions;
}

/**
 * Scans the first pass of `problem` (whose scorer is `pool`) in `threads`
 * threads: this one and `threads - 1` workers; undefined when the round is too small to gain
 * from them or the machine has one core, and solveRound then scans itself.
 */
export async function scanFirstPassInWorkers(
  pool: PoolScorer,
  problem: RoundProblem,
  options: RoundSolverOptions = {},
  threads = Math.min(2, availableParallelism()),
): Promise<FirstPass | undefined> {
  if (threads < 2 || problem.menteeCount < threads || problem.menteeCount * problem.mentorCapacity.length < MIN_PAIRS) return undefined;
  const started = performance.now();
  const { scorer: _scorer, ...data } = problem;
  const plain: Omit<RoundProblem, 'scorer'> = { ...data, mentorCapacity: Array.from(data.mentorCapacity) };
  const [[from, to], ...others] = firstPassRanges(problem.menteeCount, threads);
  const workers = others.map(([start, end]) =>
    runWorker({ features: pool.features, model: pool.model, objectives: pool.objectives, problem: plain, from: start, to: end, options }),
  );
  // The calling thread takes the first range itself while the others start:
  // one thread fewer to start and to send the features to.
  let first: FirstPassPart;
  try {
    first = scanFirstPass(problem, from, to, options);
  } finally {
    // Settle every worker before leaving, even when this range fails.
    await Promise.allSettled(workers);
  }
  return { parts: [first, ...(await Promise.all(workers))], elapsedMs: performance.now() - started };
}

function runWorker(job: FirstPassJob): Promise<FirstPassPart> {
  return new Promise((resolvePart, reject) => {
    const worker = new Worker(compiledBeside('first-pass-worker.js'), { workerData: job });
    let settled = false;
    worker.once('message', (message: { ok: true; part: FirstPassPart } | { ok: false; message: string }) => {
      settled = true;
      if (message.ok) resolvePart(message.part);
      else reject(new Error(message.message));
    });
    worker.once('error', (error) => {
      settled = true;
      reject(error);
    });
    worker.once('exit', (code) => {
      if (!settled) reject(new Error(`a first-pass worker thread stopped with code ${code}`));
    });
  });
}
