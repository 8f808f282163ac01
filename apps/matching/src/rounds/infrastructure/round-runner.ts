import { Injectable } from '@nestjs/common';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { RoundInput, RoundOutput } from '../application/round-computation';
import { compiledBeside } from './worker-script';

/**
 * Runs a round in a worker thread, so scoring and solving (seconds at
 * university scale) never block the event loop that serves requests and
 * consumes events (issue 5, item 3: "run off the request thread"). Rounds are
 * CPU-bound and what-if runs take no lock, so at most one round per spare
 * core runs at once; the others wait their turn.
 */
@Injectable()
export class RoundRunner {
  private readonly script = compiledBeside('round-worker.js');
  private readonly slots = Math.max(1, availableParallelism() - 1);
  private running = 0;
  private readonly waiting: Array<() => void> = [];

  async run(input: RoundInput): Promise<RoundOutput> {
    if (this.running >= this.slots) await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.running += 1;
    try {
      return await this.inWorker(input);
    } finally {
      this.running -= 1;
      this.waiting.shift()?.();
    }
  }

  private inWorker(input: RoundInput): Promise<RoundOutput> {
    return new Promise((resolvePromise, reject) => {
      const worker = new Worker(this.script, { workerData: input });
      worker.once('message', (message: { ok: true; output: RoundOutput } | { ok: false; message: string }) => {
        if (message.ok) resolvePromise(message.output);
        else reject(new Error(`The round failed: ${message.message}`));
      });
      worker.once('error', reject);
      worker.once('exit', (code) => {
        if (code !== 0) reject(new Error(`The round's worker thread stopped with code ${code}.`));
      });
    });
  }
}
