import type { EventDefinition } from './event-definition';
import { COMMUNICATION_EVENTS } from './events/communication.events';
import { EVALUATION_EVENTS } from './events/evaluation.events';
import { IDENTITY_EVENTS } from './events/identity.events';
import { INTAKE_EVENTS } from './events/intake.events';
import { MATCHING_EVENTS } from './events/matching.events';

/** Every published event type, all versions side by side (a breaking change adds a version, it never edits one). */
export const EVENT_CATALOGUE: readonly EventDefinition[] = Object.freeze([
  ...IDENTITY_EVENTS,
  ...INTAKE_EVENTS,
  ...MATCHING_EVENTS,
  ...COMMUNICATION_EVENTS,
  ...EVALUATION_EVENTS,
]);

const byType = new Map(EVENT_CATALOGUE.map((definition) => [definition.type, definition]));

export const findDefinition = (type: string): EventDefinition | undefined => byType.get(type);

export const definitionsForTopic = (topic: string): EventDefinition[] =>
  EVENT_CATALOGUE.filter((definition) => definition.topic === topic);
