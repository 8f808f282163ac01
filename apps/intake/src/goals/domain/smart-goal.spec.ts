import { PROGRAM_OBJECTIVES } from '../../programs/domain/program';
import { metricsServing } from './goal-metrics';
import {
  analyseTitle,
  checkSmartGoal,
  type CriterionResult,
  GOAL_METRICS,
  type GoalContext,
  type GoalDraft,
  goalMetric,
  goalProgress,
  SMART_CRITERIA,
  type SmartCriterion,
  smartFailures,
} from './smart-goal';

const context: GoalContext = { programObjectives: ['job_search', 'networking'], startsOn: '2026-02-01', endsOn: '2026-07-31', today: '2026-01-20' };

const goal: GoalDraft = {
  title: 'Obtain three interviews for data analyst roles',
  objective: 'job_search',
  metric: 'interviews_obtained',
  targetValue: 3,
  dueOn: '2026-05-31',
};

/** The failures of a goal as criterion → path → reason, for whole-value assertions. */
function failures(draft: GoalDraft, ctx: GoalContext = context): Pick<CriterionResult, 'criterion' | 'path' | 'reason'>[] {
  return smartFailures(checkSmartGoal(draft, ctx)).map(({ criterion, path, reason }) => ({ criterion, path, reason }));
}

function failed(draft: GoalDraft, ctx: GoalContext = context): SmartCriterion[] {
  return smartFailures(checkSmartGoal(draft, ctx)).map((result) => result.criterion);
}

describe('SMART check', () => {
  it('passes a goal that is specific, measurable, achievable, relevant and time-bound, with five results in SMART order', () => {
    expect(checkSmartGoal(goal, context)).toEqual([
      { criterion: 'specific', passed: true, path: 'title' },
      { criterion: 'measurable', passed: true, path: 'targetValue' },
      { criterion: 'achievable', passed: true, path: 'targetValue' },
      { criterion: 'relevant', passed: true, path: 'objective' },
      { criterion: 'time_bound', passed: true, path: 'dueOn' },
    ]);
    expect(checkSmartGoal(goal, context).map((r) => r.criterion)).toEqual([...SMART_CRITERIA]);
    expect(smartFailures(checkSmartGoal(goal, context))).toEqual([]);
  });

  it('reports every failing criterion at once, still five results in order', () => {
    const results = checkSmartGoal({ title: 'Improve', objective: 'skills', metric: 'interviews_obtained', targetValue: 40, dueOn: '2027-01-01' }, context);
    expect(results.map((r) => [r.criterion, r.passed, r.path])).toEqual([
      ['specific', false, 'title'],
      ['measurable', true, 'targetValue'],
      ['achievable', false, 'targetValue'],
      ['relevant', false, 'objective'],
      ['time_bound', false, 'dueOn'],
    ]);
  });

  describe('specific', () => {
    it('fails alone on vague wording, quoting it and asking for an outcome', () => {
      expect(failures({ ...goal, title: 'Improve my networking a bit' })).toEqual([
        {
          criterion: 'specific',
          path: 'title',
          reason:
            "uses vague wording ('a bit', 'improve') and describes no concrete outcome: name what you will have done, " +
            "e.g. 'obtain three interviews for data analyst roles'",
        },
      ]);
    });

    it.each([
      'Get better at things, maybe',
      'Try to do more stuff etc.',
      'Improve some things in general',
      'I want to be better at it',
      'Améliorer un peu mon réseau en général',
      'Essayer de faire des choses',
      'Progresser un peu, peut-être',
      'Être meilleur en entretien',
    ])('rejects the vague title %p', (title) => {
      expect(failures({ ...goal, title })).toEqual([expect.objectContaining({ criterion: 'specific', path: 'title' })]);
      expect(failures({ ...goal, title })[0].reason).toMatch(/describes no concrete outcome/);
    });

    it.each([
      "Décrocher trois entretiens pour des postes d'analyste de données",
      'Rencontrer 5 anciens élèves travaillant dans la finance',
      'Improve my SQL to pass the data analyst test',
      'Send 20 applications to Lyon fintech startups',
    ])('accepts the concrete title %p, vague words beside concrete ones included', (title) => {
      expect(failed({ ...goal, title })).toEqual([]);
    });

    it('compares without case or accents, drops French elisions and counts numbers as content', () => {
      expect(analyseTitle('Essayer un peu de réseauter en Général')).toEqual({ contentWords: ['reseauter'], vagueWording: ['un peu', 'en général', 'essayer'] });
      expect(analyseTitle("Obtenir l'entretien d'embauche 2")).toEqual({ contentWords: ['obtenir', 'entretien', 'embauche', '2'], vagueWording: [] });
      expect(analyseTitle('Try to try to, maybe MAYBE')).toEqual({ contentWords: [], vagueWording: ['try to', 'maybe'] });
    });

    it('needs 10 to 200 characters once trimmed', () => {
      expect(failures({ ...goal, title: '  Get a job  ' })).toEqual([
        {
          criterion: 'specific',
          path: 'title',
          reason: "is too short to describe an outcome (9 characters, at least 10): name what you will have done, e.g. 'obtain three interviews for data analyst roles'",
        },
      ]);
      const longest = goal.title.padEnd(200, '.');
      expect(failed({ ...goal, title: longest })).toEqual([]);
      expect(failures({ ...goal, title: `${longest}.` })).toEqual([
        { criterion: 'specific', path: 'title', reason: 'is too long (201 characters, at most 200): state the outcome in one sentence' },
      ]);
    });
  });

  describe('measurable', () => {
    it('fails alone when the target is not above the baseline', () => {
      expect(failures({ ...goal, baselineValue: 3, targetValue: 3 })).toEqual([
        { criterion: 'measurable', path: 'targetValue', reason: 'must be above where you start (3 interviews), otherwise there is nothing to reach' },
      ]);
      expect(failed({ ...goal, baselineValue: 2, targetValue: 3 })).toEqual([]);
    });

    it('rejects 2.5 for a metric counted in whole numbers', () => {
      expect(failures({ ...goal, targetValue: 2.5 })).toEqual([
        { criterion: 'measurable', path: 'targetValue', reason: 'must be a whole number of interviews, not 2.5' },
      ]);
      expect(failures({ ...goal, baselineValue: 0.5 })).toEqual([
        { criterion: 'measurable', path: 'baselineValue', reason: 'must be a whole number of interviews, not 0.5' },
      ]);
    });

    it('needs a finite target', () => {
      for (const targetValue of [Number.NaN, Number.POSITIVE_INFINITY]) {
        expect(failures({ ...goal, targetValue })).toEqual([
          { criterion: 'measurable', path: 'targetValue', reason: 'must be a number: the number of interviews you aim for' },
          { criterion: 'achievable', path: 'targetValue', reason: 'must be a number before it can be judged achievable' },
        ]);
      }
    });

    it('needs a catalogue metric; what depends on it fails too, pointing at the metric', () => {
      const results = failures({ ...goal, metric: 'salary' });
      expect(results.map((r) => [r.criterion, r.path])).toEqual([
        ['measurable', 'metric'],
        ['achievable', 'metric'],
        ['relevant', 'metric'],
      ]);
      expect(results[0].reason).toBe(`"salary" is not a known metric: choose one of ${GOAL_METRICS.map((m) => m.id).join(', ')}`);
      expect(results[2].reason).toBe(
        'must be a known metric that measures progress in job_search: ' +
          'choose one of applications_sent, interviews_obtained, job_offers_received, cv_reviews, informational_interviews',
      );
    });

    it('asks for the starting level of a scale metric, and no negative count', () => {
      const skills: GoalContext = { ...context, programObjectives: ['skills'] };
      const levelGoal: GoalDraft = { ...goal, title: 'Reach level 4 in SQL for data analysis', objective: 'skills', metric: 'skill_level_reached', targetValue: 4 };
      expect(failures(levelGoal, skills)).toEqual([
        { criterion: 'measurable', path: 'baselineValue', reason: 'must state your current level on the 1–5 scale (got 0)' },
      ]);
      expect(failed({ ...levelGoal, baselineValue: 2 }, skills)).toEqual([]);
      expect(failures({ ...goal, baselineValue: -1 })).toEqual([{ criterion: 'measurable', path: 'baselineValue', reason: 'cannot be negative (got -1)' }]);
    });
  });

  describe('achievable', () => {
    it('fails alone beyond the metric ceiling, and passes on it', () => {
      expect(failures({ ...goal, targetValue: 21 })).toEqual([
        { criterion: 'achievable', path: 'targetValue', reason: 'is beyond what one programme can realistically reach (at most 20 interviews, got 21)' },
      ]);
      expect(failed({ ...goal, targetValue: 20, dueOn: '2026-07-31' })).toEqual([]);
      expect(failed({ ...goal, metric: 'job_offers_received', targetValue: 6 })).toEqual(['achievable']);
    });

    it('fails when the time left is too short for the pace of the metric, counting from the programme start', () => {
      // 14 days at 5 interviews a month: floor(5 × 14 / 30) = 2.
      expect(failures({ ...goal, targetValue: 5, dueOn: '2026-02-15' })).toEqual([
        {
          criterion: 'achievable',
          path: 'targetValue',
          reason: 'aims for 5 more interviews in 14 days: at about 5 a month, 2 is realistic by 2026-02-15; lower the target or set a later due date',
        },
      ]);
      expect(failed({ ...goal, targetValue: 2, dueOn: '2026-02-15' })).toEqual([]);
    });

    it('counts the time from today once the programme has started, and from the baseline', () => {
      const midway = { ...context, today: '2026-04-01' };
      expect(failed({ ...goal, targetValue: 3, dueOn: '2026-04-15' }, midway)).toEqual(['achievable']);
      expect(failed({ ...goal, baselineValue: 1, targetValue: 3, dueOn: '2026-04-15' }, midway)).toEqual([]);
    });

    it('always allows one step, even due the day work starts', () => {
      expect(failed({ ...goal, targetValue: 1, dueOn: '2026-02-01' })).toEqual([]);
      expect(failed({ ...goal, targetValue: 2, dueOn: '2026-02-01' })).toEqual(['achievable']);
    });

    it('judges the pace against the programme end while the due date is unusable', () => {
      // 2026-02-01 → 2026-07-31 is 180 days: up to 30 interviews at that pace, so the ceiling of 20 decides.
      expect(failed({ ...goal, targetValue: 20, dueOn: '2026-08-15' })).toEqual(['time_bound']);
      expect(failed({ ...goal, metric: 'certifications_obtained', objective: 'job_search', targetValue: 3, dueOn: 'soon' })).toEqual(['relevant', 'time_bound']);
    });
  });

  describe('relevant', () => {
    it("fails alone on an objective the programme does not have, listing the programme's", () => {
      expect(failures({ ...goal, objective: 'skills' })).toEqual([
        { criterion: 'relevant', path: 'objective', reason: '"skills" is not an objective of this programme: choose one of job_search, networking' },
      ]);
      expect(failures({ ...goal, objective: 'career' })).toEqual([
        { criterion: 'relevant', path: 'objective', reason: '"career" is not a programme objective: choose one of job_search, networking' },
      ]);
    });

    it('fails on a metric that does not measure the objective, listing those that do', () => {
      expect(failures({ ...goal, objective: 'networking' })).toEqual([
        {
          criterion: 'relevant',
          path: 'metric',
          reason:
            'interviews_obtained does not measure progress in networking: ' +
            'choose one of informational_interviews, professional_contacts_made, events_attended, alumni_introductions',
        },
      ]);
    });

    it('lets informational interviews serve job search and networking', () => {
      const informational = { ...goal, title: 'Hold four informational interviews with data analysts', metric: 'informational_interviews', targetValue: 4 };
      expect(failed({ ...informational, objective: 'job_search' })).toEqual([]);
      expect(failed({ ...informational, objective: 'networking' })).toEqual([]);
    });
  });

  describe('time_bound', () => {
    it('accepts a due date on the last day of the programme and refuses the day after', () => {
      expect(failed({ ...goal, dueOn: '2026-07-31' })).toEqual([]);
      expect(failures({ ...goal, dueOn: '2026-08-01' })).toEqual([
        { criterion: 'time_bound', path: 'dueOn', reason: 'is after the programme ends on 2026-07-31: the goal must be reached within the programme' },
      ]);
    });

    it('refuses a due date before today, accepts today', () => {
      const midway = { ...context, today: '2026-03-10' };
      expect(failures({ ...goal, dueOn: '2026-03-09' }, midway)).toEqual([
        { criterion: 'time_bound', path: 'dueOn', reason: 'is in the past (today is 2026-03-10): set a due date ahead' },
      ]);
      expect(failed({ ...goal, targetValue: 1, dueOn: '2026-03-10' }, midway)).toEqual([]);
    });

    it('refuses a due date before the programme starts, and one that is no calendar date', () => {
      expect(failures({ ...goal, targetValue: 1, dueOn: '2026-01-31' })).toEqual([
        { criterion: 'time_bound', path: 'dueOn', reason: 'is before the programme starts on 2026-02-01' },
      ]);
      expect(failed({ ...goal, targetValue: 1, dueOn: '2026-02-01' })).toEqual([]);
      expect(failures({ ...goal, dueOn: '2026-02-30' })).toEqual([
        { criterion: 'time_bound', path: 'dueOn', reason: 'must be a calendar date (YYYY-MM-DD), got "2026-02-30"' },
      ]);
    });
  });

  it('throws on a context whose dates are not calendar dates: that is a caller bug, not a goal problem', () => {
    expect(() => checkSmartGoal(goal, { ...context, today: '2026-13-01' })).toThrow(RangeError);
    expect(() => checkSmartGoal(goal, { ...context, endsOn: '' })).toThrow(/GoalContext.endsOn/);
  });
});

describe('goal metrics catalogue', () => {
  it('has unique snake_case ids with coherent bounds and paces', () => {
    const ids = GOAL_METRICS.map((m) => m.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const metric of GOAL_METRICS) {
      expect(metric.id).toMatch(/^[a-z]+(_[a-z]+)*$/);
      expect(metric.min).toBeLessThan(metric.max);
      expect(metric.maxPerMonth).toBeGreaterThan(0);
      expect(metric.objectives.length).toBeGreaterThan(0);
    }
  });

  it('serves every programme objective with at least two metrics', () => {
    for (const objective of PROGRAM_OBJECTIVES) expect(metricsServing(objective).length).toBeGreaterThanOrEqual(2);
    expect(goalMetric('informational_interviews')?.objectives).toEqual(['job_search', 'networking']);
  });

  it('looks metrics up by id', () => {
    expect(goalMetric('cv_reviews')).toMatchObject({ id: 'cv_reviews', min: 1, max: 5, integer: true });
    expect(goalMetric('skill_level_reached')).toMatchObject({ kind: 'scale', min: 1, max: 5 });
    expect(goalMetric('salary')).toBeUndefined();
  });
});

describe('goal progress', () => {
  it('rounds the share of the way from baseline to target', () => {
    expect(goalProgress({ baselineValue: 0, targetValue: 3 }, 1)).toEqual({ progressPercent: 33, achieved: false });
    expect(goalProgress({ baselineValue: 0, targetValue: 3 }, 2)).toEqual({ progressPercent: 67, achieved: false });
    expect(goalProgress({ baselineValue: 2, targetValue: 5 }, 4)).toEqual({ progressPercent: 67, achieved: false });
    expect(goalProgress({ baselineValue: 0, targetValue: 200 }, 1)).toEqual({ progressPercent: 1, achieved: false });
  });

  it('keeps 100 for an achieved goal and clamps to 0–100', () => {
    expect(goalProgress({ baselineValue: 0, targetValue: 200 }, 199)).toEqual({ progressPercent: 99, achieved: false });
    expect(goalProgress({ baselineValue: 0, targetValue: 3 }, 3)).toEqual({ progressPercent: 100, achieved: true });
    expect(goalProgress({ baselineValue: 0, targetValue: 3 }, 7)).toEqual({ progressPercent: 100, achieved: true });
    expect(goalProgress({ baselineValue: 2, targetValue: 5 }, 1)).toEqual({ progressPercent: 0, achieved: false });
    expect(goalProgress({ baselineValue: 2, targetValue: 5 }, 2)).toEqual({ progressPercent: 0, achieved: false });
  });

  it('copes with a degenerate goal and refuses non-finite numbers', () => {
    expect(goalProgress({ baselineValue: 3, targetValue: 3 }, 3)).toEqual({ progressPercent: 100, achieved: true });
    expect(goalProgress({ baselineValue: 3, targetValue: 3 }, 2)).toEqual({ progressPercent: 0, achieved: false });
    expect(() => goalProgress({ baselineValue: 0, targetValue: 3 }, Number.NaN)).toThrow(RangeError);
  });
});
