import type { PairScorer } from '../../apps/matching/src/rounds/domain/round-problem';

/** How many of a mentee's best mentors it remembers before scanning its row again. */
const SHORT_LIST = 16;

export interface GreedyResult {
  readonly mentorOf: Int32Array;
  readonly matchedCount: number;
  readonly totalScore: number;
}

/**
 * The baseline the benchmark compares the exact solver with: greedy by score,
 * i.e. repeatedly take the best remaining feasible pair whose mentor still
 * has room. Implemented without holding every pair: each mentee keeps a short
 * list of its best mentors, a max-heap holds each mentee's best pair still
 * possible, and a mentee whose list runs out scans its row again.
 */
export function greedyAssignment(menteeCount: number, capacities: readonly number[], scorer: PairScorer): GreedyResult {
  const m = capacities.length;
  const room = Int32Array.from(capacities);
  const mentorOf = new Int32Array(menteeCount).fill(-1);
  const lists: Array<Array<[number, number]>> = new Array(menteeCount);
  const row = new Int32Array(m);
  const refill = (mentee: number): void => {
    scorer.scoreRow(mentee, row);
    const best: Array<[number, number]> = [];
    for (let j = 0; j < m; j++) {
      if (row[j] < 0 || room[j] === 0) continue;
      if (best.length < SHORT_LIST) best.push([row[j], j]);
      else if (row[j] > best[best.length - 1][0]) best[best.length - 1] = [row[j], j];
      else continue;
      best.sort((a, b) => b[0] - a[0] || a[1] - b[1]);
    }
    lists[mentee] = best;
  };
  const heap: Array<[number, number]> = [];
  const push = (entry: [number, number]): void => {
    heap.push(entry);
    for (let i = heap.length - 1; i > 0; ) {
      const parent = (i - 1) >> 1;
      if (!before(heap[i], heap[parent])) break;
      [heap[i], heap[parent]] = [heap[parent], heap[i]];
      i = parent;
    }
  };
  const pop = (): [number, number] => {
    const top = heap[0];
    const last = heap.pop()!;
    if (heap.length > 0) {
      heap[0] = last;
      for (let i = 0; ; ) {
        const left = 2 * i + 1;
        const right = left + 1;
        let next = i;
        if (left < heap.length && before(heap[left], heap[next])) next = left;
        if (right < heap.length && before(heap[right], heap[next])) next = right;
        if (next === i) break;
        [heap[i], heap[next]] = [heap[next], heap[i]];
        i = next;
      }
    }
    return top;
  };
  const offer = (mentee: number): void => {
    let list = lists[mentee];
    while (list.length > 0 && room[list[0][1]] === 0) list.shift();
    if (list.length === 0) {
      refill(mentee);
      list = lists[mentee];
    }
    if (list.length > 0) push([list[0][0], mentee]);
  };
  for (let i = 0; i < menteeCount; i++) {
    refill(i);
    if (lists[i].length > 0) push([lists[i][0][0], i]);
  }
  let matchedCount = 0;
  let totalScore = 0;
  while (heap.length > 0) {
    const [score, mentee] = pop();
    const [listed, mentor] = lists[mentee][0];
    if (listed !== score || room[mentor] === 0) {
      offer(mentee);
      continue;
    }
    mentorOf[mentee] = mentor;
    room[mentor] -= 1;
    matchedCount += 1;
    totalScore += score;
  }
  return { mentorOf, matchedCount, totalScore };
}

/** Higher score first; the lower mentee index breaks ties, so the baseline is deterministic. */
function before(a: [number, number], b: [number, number]): boolean {
  return a[0] > b[0] || (a[0] === b[0] && a[1] < b[1]);
}
