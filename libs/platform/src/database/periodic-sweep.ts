import type { OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import type { Logger } from 'pino';

/**
 * The skeleton of a durable scheduler (request expiry, reminders, the
 * at-risk sweep): the database is the source of truth and the timer only
 * says "look now". Subclasses claim due rows with `FOR UPDATE SKIP LOCKED`
 * and mark them in the transaction of their effect, so restarts and several
 * replicas neither miss nor repeat anything. One sweep at a time per
 * process; shutdown waits for the one in flight.
 */
export abstract class PeriodicSweep implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;

  protected constructor(
    /** Names the sweep in the warning logged when a run fails. */
    private readonly label: string,
    private readonly intervalMs: number,
    protected readonly logger: Logger,
  ) {}

  /** One pass over everything due at `now`. Public for tests and operators. */
  abstract sweep(now?: Date): Promise<unknown>;

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => {
      this.running ??= this.sweep()
        .then(() => undefined)
        .catch((error: unknown) => this.logger.warn({ err: error }, `${this.label} failed; the next one retries`))
        .finally(() => (this.running = undefined));
    }, this.intervalMs);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }
}

/**
 * Runs `batch` (one transaction claiming at most `size` rows) until a batch
 * claims fewer: a sweep never holds many locks for long. Returns the total.
 */
export async function inBatches(size: number, batch: () => Promise<number>): Promise<number> {
  let total = 0;
  for (let claimed = size; claimed === size; total += claimed) claimed = await batch();
  return total;
}
