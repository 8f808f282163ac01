import { ConflictException, ForbiddenException, Inject, Injectable, NotFoundException, type OnApplicationShutdown } from '@nestjs/common';
import { PLATFORM_LOGGER } from '@passerelle/platform';
import { type AuthUser, isPlatformAdmin } from '@passerelle/platform/auth';
import { KafkaConnection } from '@passerelle/platform/kafka';
import type { Logger } from 'pino';
import { DataSource } from 'typeorm';
import { type GenerationStatus, ProjectionRebuilder, RebuildInProgress } from '../infrastructure/projection-rebuilder';

const adminsOnly = () =>
  new ForbiddenException({ message: 'Only the platform admin rebuilds projections.', details: [{ path: 'authorization', issue: 'requires the role platform_admin' }] });

/** The admin endpoint's side of a rebuild: starts it in this replica and lets it run in the background. */
@Injectable()
export class RebuildProjectionsUseCase implements OnApplicationShutdown {
  private readonly rebuilder: ProjectionRebuilder;
  private running?: Promise<unknown>;

  constructor(dataSource: DataSource, kafka: KafkaConnection, @Inject(PLATFORM_LOGGER) logger: Logger) {
    this.rebuilder = new ProjectionRebuilder(dataSource, kafka, logger);
  }

  async start(caller: AuthUser): Promise<GenerationStatus> {
    if (!isPlatformAdmin(caller)) throw adminsOnly();
    try {
      const started = await this.rebuilder.begin(caller.userId);
      this.running = this.rebuilder.run(started.generation).finally(() => (this.running = undefined));
      return started;
    } catch (error) {
      if (error instanceof RebuildInProgress) {
        throw new ConflictException({ message: 'A rebuild is already running.', details: [{ path: 'generation', issue: `generation ${error.generation} is being built` }] });
      }
      throw error;
    }
  }

  async status(caller: AuthUser, generation: number): Promise<GenerationStatus> {
    if (!isPlatformAdmin(caller)) throw adminsOnly();
    const found = await this.rebuilder.status(generation);
    if (!found) throw new NotFoundException({ message: 'No such generation.', details: [{ path: 'generation', issue: 'does not name a projection generation' }] });
    return found;
  }

  async onApplicationShutdown(): Promise<void> {
    await this.rebuilder.abort();
    await this.running;
  }
}
