import { type ChildProcess, spawn } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync } from 'node:fs';
import { DEVELOPMENT_MODE, MODE_VARIABLE } from '@passerelle/platform/config';
import { nodeArgsOf } from '../deploy/deployment-settings';

export interface ServiceProcessOptions {
  readonly service: string;
  readonly port: number;
  /** The compiled entry point, dist/apps/<service>/src/main.js. */
  readonly main: string;
  readonly env: NodeJS.ProcessEnv;
  /** Where the service's stdout and stderr (its JSON logs) go, overwritten on each start. */
  readonly logFile: string;
  readonly cwd: string;
}

export type ReadyResult = { ready: true } | { ready: false; reason: string };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * One service run as `node dist/apps/<service>/src/main.js`, as a container
 * would run it, with the same heap ceiling, in development mode (its secrets
 * may keep their public defaults) unless `env` says otherwise. It gets its own process group, so
 * a Ctrl-C in the terminal reaches only `npm start`, which then sends each
 * service exactly one SIGTERM: a second signal would cut a graceful shutdown
 * short.
 */
export class ServiceProcess {
  readonly baseUrl: string;
  private child?: ChildProcess;
  private exited?: Promise<void>;
  private expectingExit = false;

  constructor(readonly options: ServiceProcessOptions) {
    this.baseUrl = `http://127.0.0.1:${options.port}`;
  }

  get service(): string {
    return this.options.service;
  }

  get running(): boolean {
    return this.child !== undefined && this.child.exitCode === null && this.child.signalCode === null;
  }

  /** How the process ended, for messages; undefined while it runs. */
  get exitDescription(): string | undefined {
    if (!this.child || this.running) return undefined;
    return this.child.signalCode ? `killed by ${this.child.signalCode}` : `exit code ${this.child.exitCode}`;
  }

  /** Starts the process; `onUnexpectedExit` fires if it ends without stop() having been called. */
  start(onUnexpectedExit: (service: ServiceProcess) => void): void {
    if (!existsSync(this.options.main)) {
      throw new Error(`${this.service}: ${this.options.main} does not exist; run "npm run build" first`);
    }
    const log = openSync(this.options.logFile, 'w');
    let child: ChildProcess;
    try {
      child = spawn(process.execPath, [...nodeArgsOf(this.service), this.options.main], {
        cwd: this.options.cwd,
        env: { [MODE_VARIABLE]: DEVELOPMENT_MODE, ...this.options.env },
        detached: true,
        stdio: ['ignore', log, log],
      });
    } finally {
      closeSync(log);
    }
    this.child = child;
    this.exited = new Promise((resolve) => {
      child.once('exit', () => resolve());
      // A spawn failure emits 'error' and possibly no 'exit'.
      child.once('error', () => resolve());
    });
    void this.exited.then(() => {
      if (!this.expectingExit) onUnexpectedExit(this);
    });
  }

  /**
   * Polls GET /health/ready until it answers 200. Gives up when the process
   * exits or the time is up, with the last answer as the reason.
   */
  async waitUntilReady(timeoutMs: number): Promise<ReadyResult> {
    const deadline = Date.now() + timeoutMs;
    let lastAnswer = 'no answer yet';
    for (;;) {
      if (!this.running) return { ready: false, reason: `the process ended (${this.exitDescription})` };
      try {
        const response = await fetch(`${this.baseUrl}/health/ready`, { signal: AbortSignal.timeout(3_000) });
        const body = await response.text();
        if (response.status === 200) return { ready: true };
        lastAnswer = `GET /health/ready answered ${response.status}: ${body.slice(0, 500)}`;
      } catch (error) {
        lastAnswer = `GET /health/ready failed: ${describeFetchError(error)}`;
      }
      if (Date.now() >= deadline) {
        return { ready: false, reason: `not ready after ${Math.round(timeoutMs / 1000)}s (${lastAnswer})` };
      }
      await sleep(500);
    }
  }

  /** SIGTERM, then SIGKILL if it has not ended within `timeoutMs`. Returns how it ended. */
  async stop(timeoutMs: number): Promise<'stopped' | 'killed' | 'not running'> {
    this.expectingExit = true;
    const child = this.child;
    if (!child || !this.running) return 'not running';
    child.kill('SIGTERM');
    let timer: NodeJS.Timeout | undefined;
    const timedOut = await Promise.race([
      this.exited!.then(() => false),
      new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(true), timeoutMs))),
    ]);
    clearTimeout(timer);
    if (!timedOut) return 'stopped';
    child.kill('SIGKILL');
    await this.exited;
    return 'killed';
  }

  /** Last resort when `npm start` itself exits abruptly: nothing may outlive it. */
  killNow(): void {
    this.expectingExit = true;
    if (this.running) this.child!.kill('SIGKILL');
  }

  /** The last lines of the service's log, for failure messages. */
  logTail(lines: number): string {
    if (!existsSync(this.options.logFile)) return '(no log)';
    const text = readFileSync(this.options.logFile, 'utf8').trimEnd();
    return text === '' ? '(empty log)' : text.split('\n').slice(-lines).join('\n');
  }
}

/** fetch() hides the useful part (ECONNREFUSED…) in `cause`. */
export function describeFetchError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = (error as { cause?: unknown }).cause;
  const code = (cause as { code?: unknown })?.code;
  if (typeof code === 'string') return code;
  if (error.name === 'TimeoutError') return 'no answer within the timeout';
  return cause instanceof Error ? cause.message : error.message;
}
