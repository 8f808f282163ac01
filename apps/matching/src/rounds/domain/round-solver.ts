import { AssignmentNetwork } from './assignment-network';
import { AddedPairs, type CandidateGraph, ShortListBuilder, type ShortListPart } from './candidate-graph';
import { type CardinalityMatching, konigPrices, maximumMatching, reachableFromUnmatched } from './cardinality-matching';
import { CostScalingRefiner } from './cost-scaling-refiner';
import { FeasiblePairs, keepMostBeating, type StoredRows } from './feasible-pairs';
import { type CertifiedAssignment, dualTotal, type OptimalityCertificate } from './optimality-certificate';
import { loadPenaltyTotal, type PreparedRound, prepareRound, type RoundProblem, SAFE_MAGNITUDE } from './round-problem';

/**
 * An organizer-run matching round, solved exactly (issue "Matching", item 3):
 * assign unmatched mentees to mentors with remaining capacity, maximising
 * first the number of matched mentees, then the total score net of load
 * penalties, and prove it with a certificate checked over all feasible pairs.
 *
 * 1. Short list: one pass over every pair (scored once, kept as sparse rows,
 *    feasible-pairs.ts) keeps each mentee's best-scored mentors and each
 *    mentor's best-scored mentees (candidate-graph.ts).
 * 2. Solve on the short list: a maximum matching and its König prices settle
 *    the count exactly (cardinality-matching.ts); cost-scaling push–relabel
 *    brings in the scores to within a fraction of a point
 *    (cost-scaling-refiner.ts); shortest-path repairs make it exact
 *    (assignment-network.ts), leaving mentee values and mentor prices.
 * 3. Price: one more pass over every pair looks for pairs that beat those
 *    prices. Found some? Add them and solve again from where the last solve
 *    ended (warm start), re-checking only the rows and columns whose duals
 *    went down. None in a pass over every pair? The prices are a dual
 *    solution feasible over all pairs, with the same total as the
 *    assignment: the certificate.
 *
 * Pure and synchronous: the caller runs it in a worker thread. Step 1 may
 * also be scanned ahead by mentee range (scanFirstPass, one range per thread)
 * and passed in; the solution is the same. Deterministic: every choice falls
 * to the lower index, no randomness, no Map order.
 */
export interface RoundSolverOptions {
  /** Short-list length per mentee (the K). */
  readonly candidatesPerMentee?: number;
  /** Best-scored mentees kept per mentor, so that every mentor has a price from the first solve. */
  readonly candidatesPerMentor?: number;
  /** How many price-beating pairs a mentee may add per pricing pass, most-beating first. */
  readonly pricingPairsPerMentee?: number;
  /**
   * Memory the solver may spend keeping the feasible pairs' scores (4 bytes
   * each) so that pricing passes read them back instead of calling the
   * scorer again; 0 turns this off. Past the budget the solver scores again.
   */
  readonly scoreCacheBytes?: number;
  /** Safety stop: pricing converges in a few passes; hitting this is a defect. */
  readonly maxPricingPasses?: number;
}

export const DEFAULT_SOLVER_OPTIONS: Required<RoundSolverOptions> = {
  candidatesPerMentee: 16,
  candidatesPerMentor: 16,
  pricingPairsPerMentee: 16,
  scoreCacheBytes: 512 * 1024 * 1024,
  maxPricingPasses: 50,
};

/** Up to this many pairs from a pricing pass are repaired in place rather than solved again. */
const SMALL_ADDITION = 100;

/** ε shrinks eightfold per refinement phase (Goldberg's implementations use 8 to 16). */
const EPSILON_FACTOR = 8;

/** How finely the refiner prices (see refinerScale). */
const REFINER_SCALE = 16;

/** Free seats offered per left-out mentee while completing the count (seatsWithin). */
const SEATS_PER_MENTEE = 4;

export interface RoundSolution extends CertifiedAssignment {
  /** Mentees each mentor holds after the round. */
  readonly mentorLoad: Int32Array;
  readonly stats: RoundSolveStats;
  readonly timings: RoundTimings;
}

export interface RoundSolveStats {
  /** Pairs in the final short list. */
  readonly candidatePairs: number;
  /** Passes over all pairs after the first solve; the last one found nothing to add. */
  readonly pricingPasses: number;
  /** Every check, in order: full passes and the cheaper incremental ones between them. */
  readonly pricing: readonly PricingStep[];
  /** Pairs pricing put back into the short list. */
  readonly pairsAddedByPricing: number;
  /** Push and relabel operations of the refiner, summed over solves. */
  readonly refinerOperations: number;
  /** Arcs the exact stage had to repair, and the nodes its searches settled. */
  readonly exactRepairs: number;
  readonly settledNodes: number;
  readonly scoreCacheUsed: boolean;
}

export interface PricingStep {
  /** "incremental": only rows and columns whose duals went down since the previous check. */
  readonly check: 'full' | 'incremental';
  readonly pairsAdded: number;
  /** The most an added pair beat the prices by. */
  readonly largestShortfall: number;
  /** How the solver took the new pairs in: counting again, refining from the last optimum, repairing in place. */
  readonly resolve: 'none' | 'recount' | 'refine' | 'repair';
}

export interface RoundTimings {
  /** The first pass over all pairs: scoring and short lists. */
  readonly candidatesMs: number;
  /** Every solve on the short list. */
  readonly solveMs: number;
  /** Every pricing pass over all pairs, and building the certificate. */
  readonly certifyMs: number;
  readonly totalMs: number;
}

export class RoundSolverError extends Error {
  override readonly name = 'RoundSolverError';
}

/**
 * One mentee range's share of the first pass over all pairs (step 1), as
 * `scanFirstPass` returns it: plain typed arrays, so ranges can be scanned in
 * worker threads, each with its own scorer, and handed to `solveRound`.
 */
export interface FirstPassPart {
  readonly from: number;
  readonly to: number;
  /** The settings it was scanned with; solveRound refuses parts scanned with others. */
  readonly settings: FirstPassSettings;
  /** The range's feasible pairs, or null when they ran over the score cache budget. */
  readonly rows: StoredRows | null;
  readonly lists: ShortListPart;
}

type FirstPassSettings = Pick<Required<RoundSolverOptions>, 'candidatesPerMentee' | 'candidatesPerMentor' | 'scoreCacheBytes'>;

/** A first pass scanned ahead, in parts covering every mentee in order. */
export interface FirstPass {
  readonly parts: readonly FirstPassPart[];
  /** Wall time the scans took (concurrent scans count once), reported in `candidatesMs`. */
  readonly elapsedMs: number;
}

/**
 * Step 1 for mentees `from..to` only. Joining the parts of consecutive ranges
 * gives the very short lists and stored rows of one pass over every mentee
 * (see ShortListBuilder.joined and FeasiblePairs.joined), so the solution is
 * the same, to the bit, however the rows were split.
 */
export function scanFirstPass(problem: RoundProblem, from: number, to: number, options: RoundSolverOptions = {}): FirstPassPart {
  const settings = solverSettings(options);
  const round = prepareRound(problem);
  if (!Number.isInteger(from) || !Number.isInteger(to) || from < 0 || to < from || to > round.menteeCount) {
    throw new RoundSolverError(`mentee range ${from}..${to} is not within 0..${round.menteeCount}`);
  }
  const pairs = new FeasiblePairs(round, settings.scoreCacheBytes, from);
  const lists = new ShortListBuilder(to - from, round.capacity, settings.candidatesPerMentee, settings.candidatesPerMentor, from);
  for (let i = from; i < to; i++) {
    pairs.load(i);
    lists.offer(pairs);
  }
  const { candidatesPerMentee, candidatesPerMentor, scoreCacheBytes } = settings;
  return { from, to, settings: { candidatesPerMentee, candidatesPerMentor, scoreCacheBytes }, rows: pairs.storedRows(), lists: lists.part() };
}

/** `parts` consecutive ranges of about equal size covering `menteeCount` mentees, for scanFirstPass. */
export function firstPassRanges(menteeCount: number, parts: number): Array<readonly [number, number]> {
  const ranges: Array<readonly [number, number]> = [];
  for (let k = 0; k < parts; k++) ranges.push([Math.floor((menteeCount * k) / parts), Math.floor((menteeCount * (k + 1)) / parts)]);
  return ranges;
}

function solverSettings(options: RoundSolverOptions): Required<RoundSolverOptions> {
  const settings = { ...DEFAULT_SOLVER_OPTIONS, ...options };
  for (const key of ['candidatesPerMentee', 'pricingPairsPerMentee', 'maxPricingPasses'] as const) {
    if (!Number.isInteger(settings[key]) || settings[key] < 1) throw new RoundSolverError(`${key} must be a whole number ≥ 1`);
  }
  if (!Number.isInteger(settings.candidatesPerMentor) || settings.candidatesPerMentor < 0) {
    throw new RoundSolverError('candidatesPerMentor must be a whole number ≥ 0');
  }
  return settings;
}

/**
 * @param firstPass step 1 scanned ahead (scanFirstPass, e.g. in worker
 *   threads); without it, solveRound scans every row itself. Same solution
 *   either way.
 */
export function solveRound(problem: RoundProblem, options: RoundSolverOptions = {}, firstPass?: FirstPass): RoundSolution {
  const settings = solverSettings(options);
  const started = performance.now();
  const round = prepareRound(problem);
  const work: Work = { refinerOperations: 0, exactRepairs: 0, settledNodes: 0 };

  let clock = performance.now();
  let pairs: FeasiblePairs;
  let graph: CandidateGraph;
  if (firstPass === undefined) {
    pairs = new FeasiblePairs(round, settings.scoreCacheBytes);
    graph = shortList(round, pairs, settings.candidatesPerMentee, settings.candidatesPerMentor);
  } else {
    checkFirstPass(round, settings, firstPass.parts);
    pairs = FeasiblePairs.joined(
      round,
      settings.scoreCacheBytes,
      firstPass.parts.map((part) => part.rows),
    );
    graph = ShortListBuilder.joined(
      round.menteeCount,
      round.capacity,
      settings.candidatesPerMentee,
      settings.candidatesPerMentor,
      firstPass.parts.map((part) => part.lists),
    );
  }
  const candidatesMs = (firstPass?.elapsedMs ?? 0) + performance.now() - clock;

  clock = performance.now();
  let matching = maximumMatching(graph, round.capacity);
  for (let seats = seatsWithin(round, pairs, graph, matching); seats.count > 0; seats = seatsWithin(round, pairs, graph, matching)) {
    const previous = graph;
    graph = graph.withAddedPairs(seats);
    matching = maximumMatching(graph, round.capacity, renumbered(matching.edgeOf, previous, graph));
  }
  // With every score at 0 the König prices are exact, so the scores are all
  // that is left to bring in: no arc is off by more than W + P.
  const scoreRange = round.maxScore + (round.maxCapacity > 0 ? round.slotCost[round.maxCapacity - 1] : 0);
  const start = konigPrices(graph, round.capacity, matching, round.lexicographicWeight);
  let network = solveOn(graph, round, matching.edgeOf, start, scoreRange, work);
  let solveMs = performance.now() - clock;

  let certifyMs = 0;
  let pairsAdded = 0;
  const pricing: PricingStep[] = [];
  const price = new Float64Array(round.mentorCount);
  const value = new Float64Array(round.menteeCount);
  // What the last check saw; null forces a pass over every pair.
  let checked: Checked | null = null;
  for (;;) {
    clock = performance.now();
    mentorPrices(round, network, price);
    for (let i = 0; i < round.menteeCount; i++) value[i] = network.menteeValue(i);
    const full = checked === null;
    if (full && pricing.filter((step) => step.check === 'full').length === settings.maxPricingPasses) {
      throw new RoundSolverError(`pricing did not converge in ${settings.maxPricingPasses} passes`);
    }
    const beating = pairsBeatingPrices(round, pairs, value, price, settings.pricingPairsPerMentee, checked);
    checked = pairs.cached ? { value: value.slice(), price: price.slice(), truncated: beating.truncated } : null;
    certifyMs += performance.now() - clock;
    if (beating.pairs.count === 0) {
      pricing.push({ check: full ? 'full' : 'incremental', pairsAdded: 0, largestShortfall: 0, resolve: 'none' });
      // Certified only by a pass over every pair; an incremental check that
      // finds nothing hands over to one.
      if (full) break;
      checked = null;
      continue;
    }

    clock = performance.now();
    pairsAdded += beating.pairs.count;
    const previous = graph;
    graph = graph.withAddedPairs(beating.pairs);
    let resolve: PricingStep['resolve'];
    if (beating.largestShortfall > scoreRange) {
      // A pair beats the prices by more than any score: some mentee can now
      // be matched that could not, and the counting part moved. Count again.
      resolve = 'recount';
      const recount = maximumMatching(graph, round.capacity, renumbered(network.assignedEdges(), previous, graph));
      network = solveOn(graph, round, recount.edgeOf, konigPrices(graph, round.capacity, recount, round.lexicographicWeight), scoreRange, work);
    } else if (beating.pairs.count <= SMALL_ADDITION) {
      // A handful of pairs: repair in place, only potentials near them move.
      resolve = 'repair';
      const before = { repairs: network.repairs, settled: network.settledNodes };
      network.addPairs(graph, addedPerMentee(beating.pairs, round.menteeCount));
      network.normalize();
      work.exactRepairs += network.repairs - before.repairs;
      work.settledNodes += network.settledNodes - before.settled;
    } else {
      // The last optimum is off by at most the largest shortfall on the new pairs.
      resolve = 'refine';
      network = solveOn(graph, round, renumbered(network.assignedEdges(), previous, graph), price, beating.largestShortfall, work);
    }
    pricing.push({ check: full ? 'full' : 'incremental', pairsAdded: beating.pairs.count, largestShortfall: beating.largestShortfall, resolve });
    solveMs += performance.now() - clock;
  }

  clock = performance.now();
  const solution = certifiedSolution(round, network, price);
  certifyMs += performance.now() - clock;
  return {
    ...solution,
    stats: {
      candidatePairs: graph.edgeCount,
      pricingPasses: pricing.filter((step) => step.check === 'full').length,
      pricing,
      pairsAddedByPricing: pairsAdded,
      refinerOperations: work.refinerOperations,
      exactRepairs: work.exactRepairs,
      settledNodes: work.settledNodes,
      scoreCacheUsed: pairs.cached,
    },
    timings: { candidatesMs, solveMs, certifyMs, totalMs: (firstPass?.elapsedMs ?? 0) + performance.now() - started },
  };
}

function checkFirstPass(round: PreparedRound, settings: Required<RoundSolverOptions>, parts: readonly FirstPassPart[]): void {
  let next = 0;
  for (const part of parts) {
    if (part.from !== next || part.to < part.from) throw new RoundSolverError(`first-pass parts must cover the mentees in order: got ${part.from}..${part.to} after ${next}`);
    for (const key of ['candidatesPerMentee', 'candidatesPerMentor', 'scoreCacheBytes'] as const) {
      if (part.settings[key] !== settings[key]) throw new RoundSolverError(`first-pass part ${part.from}..${part.to} was scanned with ${key} ${part.settings[key]}, not ${settings[key]}`);
    }
    next = part.to;
  }
  if (next !== round.menteeCount) throw new RoundSolverError(`first-pass parts cover ${next} mentees of ${round.menteeCount}`);
}

interface Work {
  refinerOperations: number;
  exactRepairs: number;
  settledNodes: number;
}

/**
 * One solve on the short list, from an assignment and prices that are at
 * most `off` points from optimal on any arc: refine to within one point,
 * then repair to exact.
 */
function solveOn(
  graph: CandidateGraph,
  round: PreparedRound,
  edgeOf: Int32Array,
  mentorPrice: Float64Array,
  off: number,
  work: Work,
): AssignmentNetwork {
  const scale = refinerScale(round);
  const refiner = new CostScalingRefiner(graph, round.capacity, round.slotCost, round.lexicographicWeight, scale);
  refiner.load(edgeOf, mentorPrice);
  refiner.refine(off * scale, EPSILON_FACTOR);
  const refined = new Float64Array(round.mentorCount);
  refiner.mentorPrice(refined);
  const network = new AssignmentNetwork(graph, round.capacity, round.slotCost, round.lexicographicWeight);
  network.warmStart(refiner.edgeOf(), refined);
  network.normalize();
  work.refinerOperations += refiner.pushes + refiner.relabels;
  work.exactRepairs += network.repairs;
  work.settledNodes += network.settledNodes;
  return network;
}

function addedPerMentee(added: AddedPairs, menteeCount: number): Int32Array {
  const count = new Int32Array(menteeCount);
  for (let a = 0; a < added.count; a++) count[added.mentee[a]]++;
  return count;
}

/**
 * Short lists crowd onto the mentors everybody ranks high, so the short list
 * may match fewer mentees than the round can; pricing would find out, but
 * only after a solve whose prices all carry the counting bonus B, and
 * everything would then beat them. Cheaper to look now. A mentee the
 * maximum matching leaves out could get a seat through any mentee it reaches
 * by alternating paths (König's reachable set, which the matching cannot
 * improve within the short list), so each of those gets its best-scored
 * feasible mentors that still have a free seat. None of them is short-listed
 * already, or the matching would have used it.
 */
function seatsWithin(round: PreparedRound, pairs: FeasiblePairs, graph: CandidateGraph, matching: CardinalityMatching): AddedPairs {
  const free = round.capacity.slice();
  for (let i = 0; i < round.menteeCount; i++) if (matching.edgeOf[i] >= 0) free[graph.mentor[matching.edgeOf[i]]]--;
  const open = new Uint8Array(round.mentorCount);
  let opened = 0;
  for (let j = 0; j < round.mentorCount; j++) {
    if (free[j] > 0) {
      open[j] = 1;
      opened++;
    }
  }
  const added = new AddedPairs();
  if (opened === 0) return added;
  const reached = reachableFromUnmatched(graph, round.capacity, matching);
  const mentors = new Int32Array(SEATS_PER_MENTEE);
  const scores = new Int32Array(SEATS_PER_MENTEE);
  for (let i = 0; i < round.menteeCount; i++) {
    if (reached[i] === 0) continue;
    pairs.load(i);
    const count = bestOpen(pairs, open, mentors, scores);
    for (let k = 0; k < count; k++) added.add(i, mentors[k], scores[k]);
  }
  return added;
}

/** seatsWithin's scan: the best-scored pairs of the loaded row with an open mentor (few are open, so that test comes first). */
function bestOpen(pairs: FeasiblePairs, open: Uint8Array, mentors: Int32Array, scores: Int32Array): number {
  const keep = mentors.length;
  let count = 0;
  let floor = -1;
  for (let e = pairs.start; e < pairs.end; e++) {
    const j = pairs.mentor[e];
    if (open[j] === 0) continue;
    const s = pairs.score[e];
    if (s <= floor) continue;
    let p = count < keep ? count++ : keep - 1;
    while (p > 0 && scores[p - 1] < s) {
      scores[p] = scores[p - 1];
      mentors[p] = mentors[p - 1];
      p--;
    }
    scores[p] = s;
    mentors[p] = j;
    if (count === keep) floor = scores[keep - 1];
  }
  return count;
}

/**
 * The refiner works in 1/16ths of a point where the integers stay exact: its
 * result is then off by less than a point on almost every arc, and the exact
 * stage has next to nothing to repair (measured: a few dozen arcs instead of
 * thousands on 20 000 × 8 000).
 */
function refinerScale(round: PreparedRound): number {
  const largestCost = round.lexicographicWeight + round.maxScore + (round.maxCapacity > 0 ? round.slotCost[round.maxCapacity - 1] : 0);
  let scale = REFINER_SCALE;
  while (scale > 1 && largestCost * (round.menteeCount + round.mentorCount + 2) * scale > 2 ** 52) scale /= 2;
  return scale;
}

/** Edge numbers of an assignment on a graph that extends `from` (old edges first in each row). */
function renumbered(edgeOf: Int32Array, from: CandidateGraph, to: CandidateGraph): Int32Array {
  const out = new Int32Array(edgeOf.length);
  for (let i = 0; i < edgeOf.length; i++) out[i] = edgeOf[i] < 0 ? -1 : to.rowStart[i] + (edgeOf[i] - from.rowStart[i]);
  return out;
}

function shortList(round: PreparedRound, pairs: FeasiblePairs, perMentee: number, perMentor: number): CandidateGraph {
  const lists = new ShortListBuilder(round.menteeCount, round.capacity, perMentee, perMentor);
  for (let i = 0; i < round.menteeCount; i++) {
    pairs.load(i);
    lists.offer(pairs);
  }
  return lists.build();
}

/**
 * A mentor with no capacity left has no slot in the programme, so its price
 * costs nothing in the dual; pricing it above any pair's value covers its
 * pairs without touching the total.
 */
function mentorPrices(round: PreparedRound, network: AssignmentNetwork, out: Float64Array): void {
  const closed = round.lexicographicWeight + round.maxScore;
  for (let j = 0; j < round.mentorCount; j++) out[j] = round.capacity[j] === 0 ? closed : network.mentorPrice(j);
}

/** What an incremental check compares against. */
interface Checked {
  readonly value: Float64Array;
  readonly price: Float64Array;
  /** Mentees that had more beating pairs than could be added: they still have some, so the next check reads their whole row. */
  readonly truncated: Uint8Array;
}

interface BeatingPairs {
  readonly pairs: AddedPairs;
  readonly truncated: Uint8Array;
  /** The most any added pair beats the prices by: how far the last optimum is from the new one. */
  readonly largestShortfall: number;
}

/**
 * The pricing pass: every feasible pair with u_i + π_j < B + s_ij, up to
 * `perMentee` per mentee, the ones that beat the prices most first (ties to
 * the lower mentor). Pairs already short-listed satisfy the prices, so
 * whatever is found is new.
 *
 * With `since` (the duals of the previous check) only pairs whose u_i or
 * π_j went down can have turned: rows of mentees worth less, columns of
 * mentors priced lower, and the rows whose beating pairs did not all fit in
 * the last additions. Every other pair outside the short list satisfied the
 * previous prices and still does. The solver still ends on a full pass.
 */
function pairsBeatingPrices(
  round: PreparedRound,
  pairs: FeasiblePairs,
  value: Float64Array,
  price: Float64Array,
  perMentee: number,
  since: Checked | null,
): BeatingPairs {
  const n = round.menteeCount;
  const big = round.lexicographicWeight;
  const keptMentor = new Int32Array(perMentee);
  const keptScore = new Int32Array(perMentee);
  const keptExcess = new Float64Array(perMentee);
  const added = new AddedPairs();
  let cheaper: Uint8Array | null = null;
  let anyCheaper = false;
  if (since !== null) {
    cheaper = new Uint8Array(price.length);
    for (let j = 0; j < price.length; j++) {
      if (price[j] < since.price[j]) {
        cheaper[j] = 1;
        anyCheaper = true;
      }
    }
  }
  let largestShortfall = 0;
  const truncated = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const whole = since === null || value[i] < since.value[i] || since.truncated[i] === 1;
    if (!whole && !anyCheaper) continue;
    pairs.load(i);
    // u_i + π_j < B + s  ⇔  s − π_j > u_i − B
    const limit = value[i] - big;
    const count = keepMostBeating(pairs, price, limit, whole ? null : cheaper, perMentee, keptMentor, keptScore, keptExcess);
    for (let k = 0; k < count; k++) added.add(i, keptMentor[k], keptScore[k]);
    // A full list may have left some out: conservatively, read the whole row next time.
    if (count === perMentee) truncated[i] = 1;
    if (count > 0 && keptExcess[0] - limit > largestShortfall) largestShortfall = keptExcess[0] - limit;
  }
  return { pairs: added, truncated, largestShortfall };
}

function certifiedSolution(round: PreparedRound, network: AssignmentNetwork, price: Float64Array): CertifiedAssignment & { mentorLoad: Int32Array } {
  const n = round.menteeCount;
  const m = round.mentorCount;
  const mentorOf = network.mentorOf.slice();
  const mentorLoad = new Int32Array(m);
  const menteeValue = new Float64Array(n);
  let matchedCount = 0;
  let totalScore = 0;
  for (let i = 0; i < n; i++) {
    menteeValue[i] = network.menteeValue(i);
    const j = mentorOf[i];
    if (j >= 0) {
      matchedCount++;
      totalScore += network.scoreOfAssignment(i);
      mentorLoad[j]++;
    }
  }
  let totalPenalty = 0;
  for (let j = 0; j < m; j++) totalPenalty += loadPenaltyTotal(round, mentorLoad[j]);
  const mentorPrice = price.slice();

  const big = round.lexicographicWeight;
  const primal = BigInt(matchedCount) * BigInt(big) + BigInt(totalScore) - BigInt(totalPenalty);
  for (let i = 0; i < n; i++) assertSafe(menteeValue[i], 'mentee value');
  for (let j = 0; j < m; j++) assertSafe(mentorPrice[j], 'mentor price');
  const dual = dualTotal(round, menteeValue, mentorPrice);
  // Complementary slackness makes the totals equal by construction; a gap
  // here is a defect of the solver, never of the input.
  if (dual !== primal) throw new RoundSolverError(`duality gap ${dual - primal} after pricing converged`);
  const certificate: OptimalityCertificate = {
    lexicographicWeight: big,
    menteeValue,
    mentorPrice,
    primalValue: Number(primal),
    dualValue: Number(dual),
  };
  return { mentorOf, matchedCount, totalScore, totalPenalty, mentorLoad, certificate };
}

function assertSafe(x: number, what: string): void {
  if (!Number.isInteger(x) || Math.abs(x) > SAFE_MAGNITUDE) throw new RoundSolverError(`${what} ${x} left the exact integer range`);
}
