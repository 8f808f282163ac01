import { Inject, Injectable, type Type } from '@nestjs/common';
import type { EventDefinition, EventEnvelope } from '@passerelle/contracts';
import { type EventHandler, HandlesEvent } from '@passerelle/platform/inbox';
import type { EntityManager } from 'typeorm';
import { ProjectionUpdater } from './projection-updater';
import { PROJECTED_EVENTS } from './projection-writer';

/** One live handler per projected event type (the platform subscribes per `@HandlesEvent`); all of them feed the same updater. */
function projectionHandler(definition: EventDefinition<unknown>): Type<EventHandler> {
  @Injectable()
  @HandlesEvent(definition)
  class ProjectionHandler implements EventHandler {
    constructor(@Inject(ProjectionUpdater) private readonly updater: ProjectionUpdater) {}

    handle(event: EventEnvelope, manager: EntityManager): Promise<void> {
      return this.updater.apply(event, manager);
    }

    completeTransaction(manager: EntityManager): Promise<void> {
      return this.updater.complete(manager);
    }
  }
  const name = definition.type.replace(/^passerelle\./, '').replace(/[^a-z0-9]+(.)/g, (_, next: string) => next.toUpperCase());
  Object.defineProperty(ProjectionHandler, 'name', { value: `Project${name.charAt(0).toUpperCase()}${name.slice(1)}Handler` });
  return ProjectionHandler;
}

export const PROJECTION_HANDLERS: Type<EventHandler>[] = PROJECTED_EVENTS.map(projectionHandler);
