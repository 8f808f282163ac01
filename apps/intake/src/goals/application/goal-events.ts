import type { GoalProgressedData, GoalSetData } from '@passerelle/contracts';
import type { GoalEntity } from '../infrastructure/goal.entity';

function goalFields(goal: GoalEntity) {
  return {
    goalId: goal.id,
    networkId: goal.networkId,
    programId: goal.programId,
    enrollmentId: goal.enrollmentId,
    userId: goal.userId!,
    role: goal.role,
    metric: goal.metric,
    targetValue: goal.targetValue,
  };
}

/** `goal.set` carries no wording: the title is the participant's own text and stays in intake. */
export function goalSetData(goal: GoalEntity, at: Date): GoalSetData {
  return { ...goalFields(goal), objective: goal.objective, baselineValue: goal.baselineValue, dueOn: goal.dueOn, setAt: at.toISOString() };
}

export function goalProgressedData(goal: GoalEntity, at: Date): GoalProgressedData {
  return {
    ...goalFields(goal),
    valueReached: goal.valueReached ?? goal.baselineValue,
    reachedOn: goal.reachedOn ?? at.toISOString().slice(0, 10),
    progressPercent: goal.progressPercent,
    status: goal.status,
    progressedAt: at.toISOString(),
  };
}
