/**
 * `npm run bench:matching` (issue 5, Benchmark): a full organizer round at
 * growing sizes — scoring every feasible pair, solving exactly, certifying
 * over all pairs — beside greedy-by-score (the baseline) and, at the two
 * small sizes, an independent dense solver (Jonker–Volgenant, from the
 * `linear-sum-assignment` package) as the reference optimum.
 *
 * Each size runs in its own child process so its peak memory is its own.
 * The first pass over all pairs runs in `--threads` worker threads (default
 * 2; 1 runs the round in one thread, as solveRound alone does).
 * Usage: node dist/tools/bench/matching-bench.js [--sizes 200x80,2000x800] [--seed 7] [--threads 2]
 */
import { fork } from 'node:child_process';
import { checkCertificate } from '../../apps/matching/src/rounds/domain/optimality-certificate';
import { type RoundProblem } from '../../apps/matching/src/rounds/domain/round-problem';
import { solveRound } from '../../apps/matching/src/rounds/domain/round-solver';
import { scanFirstPassInWorkers } from '../../apps/matching/src/rounds/infrastructure/parallel-first-pass';
import { compilePool } from '../../apps/matching/src/scoring/domain/compiled-pool';
import { generateInstance } from '../../apps/matching/src/scoring/domain/instance-generator';
import { defaultModel, maxTotal } from '../../apps/matching/src/scoring/domain/scoring-model';
import { denseOptimum } from './dense-reference';
import { greedyAssignment } from './greedy-assignment';

const DEFAULT_SIZES = ['200x80', '2000x800', '5000x2000', '20000x8000'];
/** Sizes small enough for the dense O(n³) reference. */
const REFERENCE_LIMIT = 2000 * 800;
const TARGET = { ms: 5000, rssMb: 1024 };

interface SizeReport {
  readonly size: string;
  readonly feasiblePairs: number;
  readonly exact: { matched: number; total: number; mean: number; p10: number; loadMin: number; loadMax: number; loadMean: number };
  readonly timings: { compileMs: number; candidatesMs: number; solveMs: number; certifyMs: number; roundMs: number; checkMs: number };
  readonly pricingPasses: number;
  readonly gap: number;
  readonly violations: number;
  readonly greedy: { matched: number; total: number; ms: number };
  readonly reference: { matched: number; total: number; ms: number } | null;
  readonly peakRssMb: number;
}

async function runSize(size: string, seed: number, threads: number): Promise<SizeReport> {
  const [mentees, mentors] = size.split('x').map(Number);
  const instance = generateInstance({ mentees, mentors, seed });
  const model = defaultModel(instance.objectives);
  const started = performance.now();
  const pool = compilePool(instance.mentees, instance.mentors, model, { objectives: instance.objectives, previousPairs: instance.previousPairs });
  const compileMs = performance.now() - started;
  const capacities = instance.mentors.map((mentor) => mentor.capacity ?? 0);
  const problem: RoundProblem = { menteeCount: mentees, mentorCapacity: capacities, maxScore: maxTotal(model), scorer: pool };
  const solution = solveRound(problem, {}, threads > 1 ? await scanFirstPassInWorkers(pool, problem, {}, threads) : undefined);
  const roundMs = performance.now() - started;

  const checkStarted = performance.now();
  const check = checkCertificate(problem, solution);
  const checkMs = performance.now() - checkStarted;

  const scores: number[] = [];
  const row = new Int32Array(mentors);
  let feasiblePairs = 0;
  for (let i = 0; i < mentees; i++) {
    pool.scoreRow(i, row);
    for (let j = 0; j < mentors; j++) if (row[j] >= 0) feasiblePairs += 1;
    if (solution.mentorOf[i] >= 0) scores.push(row[solution.mentorOf[i]]);
  }
  scores.sort((a, b) => a - b);
  const loads = Array.from(solution.mentorLoad);

  const greedyStarted = performance.now();
  const greedy = greedyAssignment(mentees, capacities, pool);
  const greedyMs = performance.now() - greedyStarted;

  let reference: SizeReport['reference'] = null;
  if (mentees * mentors <= REFERENCE_LIMIT) {
    const referenceStarted = performance.now();
    const dense = denseOptimum(mentees, capacities, pool);
    reference = { ...dense, ms: performance.now() - referenceStarted };
  }
  return {
    size,
    feasiblePairs,
    exact: {
      matched: solution.matchedCount,
      total: solution.totalScore,
      mean: scores.length ? solution.totalScore / scores.length : 0,
      p10: scores.length ? scores[Math.floor(scores.length * 0.1)] : 0,
      loadMin: Math.min(...loads),
      loadMax: Math.max(...loads),
      loadMean: loads.reduce((a, b) => a + b, 0) / loads.length,
    },
    timings: { compileMs, candidatesMs: solution.timings.candidatesMs, solveMs: solution.timings.solveMs, certifyMs: solution.timings.certifyMs, roundMs, checkMs },
    pricingPasses: solution.stats.pricingPasses,
    gap: check.gap,
    violations: check.violatingPairs + check.problems.length,
    greedy: { matched: greedy.matchedCount, total: greedy.totalScore, ms: greedyMs },
    reference,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
  };
}

function child(size: string, seed: number, threads: number): Promise<SizeReport> {
  return new Promise((resolve, reject) => {
    const worker = fork(__filename, ['--one', size, '--seed', String(seed), '--threads', String(threads)], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    worker.once('message', (report) => resolve(report as SizeReport));
    worker.once('exit', (code) => (code === 0 ? undefined : reject(new Error(`size ${size}: the benchmark process exited with code ${code}`))));
  });
}

const f = (value: number, digits = 0) => value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const pad = (text: string, width: number) => text.padStart(width);

function print(report: SizeReport): void {
  const { exact, timings, greedy, reference } = report;
  const gain = greedy.matched === exact.matched ? `+${f(((exact.total - greedy.total) / Math.max(1, greedy.total)) * 100, 2)} % score` : `+${exact.matched - greedy.matched} matched`;
  console.log(`\n${report.size} (mentees x mentors), ${f(report.feasiblePairs)} feasible pairs`);
  console.log(`  exact      matched ${pad(f(exact.matched), 7)}  total ${pad(f(exact.total), 12)}  mean ${f(exact.mean, 1)}  p10 ${f(exact.p10)}  load ${exact.loadMin}–${exact.loadMax} (mean ${f(exact.loadMean, 2)})`);
  console.log(`  greedy     matched ${pad(f(greedy.matched), 7)}  total ${pad(f(greedy.total), 12)}  (${f(greedy.ms)} ms)  exact gains ${gain}`);
  if (reference) {
    const same = reference.matched === exact.matched && reference.total === exact.total;
    console.log(`  reference  matched ${pad(f(reference.matched), 7)}  total ${pad(f(reference.total), 12)}  (dense, ${f(reference.ms)} ms)  ${same ? 'equal to exact' : 'DIFFERS from exact'}`);
  }
  console.log(
    `  time       round ${f(timings.roundMs)} ms = compile ${f(timings.compileMs)} + score & short-list ${f(timings.candidatesMs)} + solve ${f(timings.solveMs)} + price & certify ${f(timings.certifyMs)} (${report.pricingPasses} pricing passes)`,
  );
  console.log(`  proof      duality gap ${report.gap} over all feasible pairs, ${report.violations} violations (independent check ${f(timings.checkMs)} ms)`);
  const meets = timings.roundMs <= TARGET.ms && report.peakRssMb <= TARGET.rssMb;
  console.log(`  memory     peak RSS ${f(report.peakRssMb)} MB${report.size === '20000x8000' ? `  target ≤ ${TARGET.ms} ms and ≤ ${TARGET.rssMb} MB: ${meets ? 'met' : 'NOT met'}` : ''}`);
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const value = (flag: string) => (args.includes(flag) ? args[args.indexOf(flag) + 1] : undefined);
  const seed = Number(value('--seed') ?? 7);
  const threads = Number(value('--threads') ?? 2);
  const one = value('--one');
  if (one) {
    process.send!(await runSize(one, seed, threads));
    return;
  }
  const sizes = (value('--sizes') ?? DEFAULT_SIZES.join(',')).split(',');
  console.log(`matching benchmark: seed ${seed}, sizes ${sizes.join(', ')}, first pass in ${threads} thread(s); each size in its own process (progress below)`);
  let failed = false;
  for (const size of sizes) {
    console.log(`… ${size}: generating, scoring, solving, certifying${Number(size.split('x')[0]) * Number(size.split('x')[1]) <= REFERENCE_LIMIT ? ', dense reference' : ''}`);
    const report = await child(size, seed, threads);
    print(report);
    if (report.gap !== 0 || report.violations > 0) failed = true;
    if (report.reference && (report.reference.matched !== report.exact.matched || report.reference.total !== report.exact.total)) failed = true;
  }
  if (failed) {
    console.error('\nmatching benchmark: an optimality check failed (see above)');
    process.exitCode = 1;
  }
}

void main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
