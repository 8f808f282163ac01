import type { components } from '../../api/types/matching';
import type { MessageKey } from '../../i18n/fr';

export type MatchScore = components['schemas']['MatchScoreResponse'];
type Criterion = MatchScore['breakdown'][number]['criterion'];
export type Fit = 'strong' | 'partial' | 'none';

/**
 * How well a pair fits on one criterion, in words rather than weights: the
 * share of the criterion's points the pair earned. Seven in ten or more reads
 * as a strong fit; anything above nothing as a partial one.
 */
export function fitOf(points: number, maxPoints: number): Fit {
  if (maxPoints <= 0 || points <= 0) return 'none';
  return points / maxPoints >= 0.7 ? 'strong' : 'partial';
}

export interface Reason {
  readonly criterion: Criterion;
  readonly sentence: MessageKey;
  readonly points: number;
  readonly maxPoints: number;
}

/**
 * The breakdown as sentences, the criteria the pair fits best first. A
 * criterion the programme gives no weight plays no part and is left out.
 */
export function reasonsOf(score: MatchScore): Reason[] {
  return score.breakdown
    .filter((item) => item.maxPoints > 0)
    .map((item) => ({ ...item, sentence: `matches.why.${item.criterion}.${fitOf(item.points, item.maxPoints)}` as MessageKey }))
    .sort((a, b) => b.points / b.maxPoints - a.points / a.maxPoints);
}

/** The hard constraints checked for the pair, each as a sentence saying it held (or, overridden by an organizer, that it did not). */
export function rulesOf(score: MatchScore): { readonly constraint: string; readonly held: boolean; readonly sentence: MessageKey }[] {
  return score.constraints.map((check) => ({ ...check, sentence: `matches.rule.${check.constraint}.${check.held ? 'held' : 'failed'}` as MessageKey }));
}
