import { fr } from '../../i18n/fr';
import { fitOf, reasonsOf, rulesOf } from './match-explanation';

describe('a match explained in words', () => {
  it('reads a criterion’s share of its points as a strong, partial or no fit', () => {
    expect([fitOf(10, 10), fitOf(7, 10), fitOf(6, 10), fitOf(1, 10), fitOf(0, 10), fitOf(0, 0)]).toEqual(['strong', 'strong', 'partial', 'partial', 'none', 'none']);
  });

  it('says every criterion and constraint the service can send with a sentence of the catalogue, best fit first, unweighted criteria left out', () => {
    const criteria = ['skills', 'interests', 'industry', 'objectives', 'availability', 'time_zone', 'seniority'] as const;
    const reasons = reasonsOf({
      total: 0,
      maxTotal: 0,
      breakdown: criteria.map((criterion, index) => ({ criterion, points: index, maxPoints: criterion === 'interests' ? 0 : 6 })),
      constraints: [],
    });
    expect(reasons.map((reason) => reason.criterion)).toEqual(['seniority', 'time_zone', 'availability', 'objectives', 'industry', 'skills']);
    expect(reasons.map((reason) => reason.sentence)).toEqual([
      'matches.why.seniority.strong',
      'matches.why.time_zone.strong',
      'matches.why.availability.partial',
      'matches.why.objectives.partial',
      'matches.why.industry.partial',
      'matches.why.skills.none',
    ]);
    for (const criterion of criteria) for (const fit of ['strong', 'partial', 'none']) expect(Object.keys(fr)).toContain(`matches.why.${criterion}.${fit}`);
    const constraints = ['common_language', 'availability_overlap', 'not_excluded', 'not_same_employer', 'not_matched_before', 'seniority_gap'] as const;
    const rules = rulesOf({ total: 0, maxTotal: 0, breakdown: [], constraints: constraints.flatMap((constraint) => [true, false].map((held) => ({ constraint, held }))) });
    for (const rule of rules) expect(Object.keys(fr)).toContain(rule.sentence);
  });
});
