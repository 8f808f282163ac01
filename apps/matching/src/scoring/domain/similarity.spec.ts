import {
  availabilityFullCreditSlots,
  experienceOf,
  levelOf,
  levelsById,
  objectiveParts,
  ratioPoints,
  reachUnits,
  seniorityUnits,
  skillCoverageUnits,
  splitWeight,
  timeZoneDistanceMinutes,
  timeZoneUnits,
  validSlots,
} from './similarity';

describe('ratioPoints', () => {
  it('rounds weight × numerator / denominator half up, and gives nothing for an empty comparison', () => {
    expect(ratioPoints(400, 1, 3)).toBe(133);
    expect(ratioPoints(400, 2, 3)).toBe(267);
    expect(ratioPoints(1, 1, 2)).toBe(1);
    expect(ratioPoints(999, 0, 7)).toBe(0);
    expect(ratioPoints(1000, 5, 5)).toBe(1000);
    expect(ratioPoints(500, 3, 0)).toBe(0);
  });
});

describe('skill coverage', () => {
  it('credits a wanted skill fully at or above the level aimed at, in proportion below, nothing when not offered', () => {
    expect(skillCoverageUnits(5, 4)).toBe(60);
    expect(skillCoverageUnits(4, 4)).toBe(60);
    expect(skillCoverageUnits(3, 5)).toBe(36);
    expect(skillCoverageUnits(1, 3)).toBe(20);
    expect(skillCoverageUnits(0, 2)).toBe(0);
  });

  it('reads levels as whole numbers 1–5 and keeps the highest of a repeated skill', () => {
    expect([levelOf(0), levelOf(2.4), levelOf(9), levelOf(Number.NaN)]).toEqual([1, 2, 5, 1]);
    expect(
      levelsById([
        { id: 'sql', level: 2 },
        { id: 'sql', level: 4 },
        { id: 'python', level: 3 },
      ]),
    ).toEqual(new Map([['sql', 4], ['python', 3]]));
  });
});

describe('time zones', () => {
  it('measures the distance the short way round the clock', () => {
    expect(timeZoneDistanceMinutes(60, 60)).toBe(0);
    expect(timeZoneDistanceMinutes(60, -300)).toBe(360);
    expect(timeZoneDistanceMinutes(330, 0)).toBe(330);
    // UTC+14 and UTC−12: 26 hours apart one way, 2 hours the other.
    expect(timeZoneDistanceMinutes(840, -720)).toBe(120);
    expect(timeZoneDistanceMinutes(720, -720)).toBe(0);
    expect(timeZoneUnits(0, 720)).toBe(0);
    expect(timeZoneUnits(0, -360)).toBe(360);
  });
});

describe('seniority', () => {
  it('is best at 5–15 more years, rises to it linearly, and fades to half beyond', () => {
    expect([-3, 0, 1, 4, 5, 10, 15, 16, 25, 30, 45].map(seniorityUnits)).toEqual([0, 0, 12, 48, 60, 60, 60, 58, 40, 30, 30]);
  });

  it('reads experience as whole years 0–60, or unknown', () => {
    expect([experienceOf(null), experienceOf(3.6), experienceOf(-2), experienceOf(75)]).toEqual([null, 4, 0, 60]);
  });
});

describe('availability and reach', () => {
  it('gives full credit from the required overlap plus four hours', () => {
    expect(availabilityFullCreditSlots(2)).toBe(6);
    expect(availabilityFullCreditSlots(0)).toBe(4);
  });

  it('keeps only whole hours of the week, once each', () => {
    expect([...validSlots([3, 3, 167, 168, -1, 2.5, 0])].sort((a, b) => a - b)).toEqual([0, 3, 167]);
  });

  it('reads a network size 1–5 as 0–4 units of reach', () => {
    expect([reachUnits(null), reachUnits(1), reachUnits(3), reachUnits(5), reachUnits(9)]).toEqual([0, 0, 2, 4, 4]);
  });
});

describe('objectives parts', () => {
  it('takes the parts of the programme objectives in a fixed order; skills adds none', () => {
    expect(objectiveParts(['networking', 'job_search'])).toEqual(['target_roles', 'target_industries', 'contact_kinds', 'network_reach']);
    expect(objectiveParts(['networking'])).toEqual(['contact_kinds', 'network_reach']);
    expect(objectiveParts(['skills'])).toEqual([]);
  });

  it('shares a weight so the shares add up to it exactly', () => {
    expect(splitWeight(350, 2)).toEqual([175, 175]);
    expect(splitWeight(301, 4)).toEqual([76, 75, 75, 75]);
    expect(splitWeight(2, 4)).toEqual([1, 1, 0, 0]);
    expect(splitWeight(100, 0)).toEqual([]);
  });
});
